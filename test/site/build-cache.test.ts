// opsledger's build cache: entries found only by an identical key and code, none read under --force, stale ones
// removed when the build closes it, and nothing stored without an open cache.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCacheDir, cachedBytes, cachedFolder, closeBuildCache, openBuildCache, storeBytes, storeFolder } from '../../src/site/build-cache.ts';
import { digestOf, keyJson, valueDigest } from '../../src/site/digest.ts';

const dirs: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-cache-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await closeBuildCache();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('digests and keys', () => {
  it('never gives two splits of one text the same digest', () => {
    expect(digestOf('ab', 'c')).not.toBe(digestOf('a', 'bc'));
    expect(digestOf('a', 'bc')).toBe(digestOf('a', 'bc'));
    expect(digestOf(new TextEncoder().encode('abc'))).toBe(digestOf('abc'));
  });

  it('refuses values JSON would drop, so that no key silently misses part of a page', () => {
    expect(keyJson({ a: [1, 'x'], b: { c: null } })).toBe('{"a":[1,"x"],"b":{"c":null}}');
    expect(() => keyJson({ byId: new Map([['a', 1]]) })).toThrow('a cache key cannot hold a Map');
    expect(() => keyJson([new Set([1])])).toThrow('Set');
    expect(() => keyJson({ f: () => 1 })).toThrow('function');
  });
});

describe('page view digests', () => {
  it('see into Maps and Sets, and tell undefined from absent, where JSON would see nothing', () => {
    expect(valueDigest({ byId: new Map([['a', 1]]) })).not.toBe(valueDigest({ byId: new Map([['a', 2]]) }));
    expect(valueDigest({ ids: new Set(['a']) })).not.toBe(valueDigest({ ids: new Set() }));
    expect(valueDigest({ a: 1, b: undefined })).not.toBe(valueDigest({ a: 1 }));
    expect(valueDigest({ a: [1, 'x'], b: { c: null } })).toBe(valueDigest({ a: [1, 'x'], b: { c: null } }));
    expect(() => valueDigest({ f: () => 1 })).toThrow();
  });
});

describe('the build cache', () => {
  it('lives per audience under the content root, or under OPSLEDGER_CACHE_DIR', () => {
    expect(buildCacheDir('/srv/records', 'internal', {})).toBe('/srv/records/node_modules/.astro/internal');
    expect(buildCacheDir('/srv/records', 'public', { OPSLEDGER_CACHE_DIR: 'cache' })).toBe('/srv/records/cache/public');
    expect(buildCacheDir('/srv/records', 'public', { OPSLEDGER_CACHE_DIR: '/tmp/c' })).toBe('/tmp/c/public');
  });

  it('stores nothing and finds nothing without an open cache', () => {
    storeBytes('files', 'k', 'text');
    expect(cachedBytes('files', 'k')).toBeUndefined();
  });

  it('finds an entry by the same key and code only, and removes what a build did not use', async () => {
    const dir = cacheDir();
    openBuildCache(dir, 'code-1', false);
    expect(cachedBytes('drawings', 'chart-a')).toBeUndefined();
    storeBytes('drawings', 'chart-a', '<svg>a</svg>');
    storeBytes('drawings', 'chart-b', '<svg>b</svg>');
    storeFolder('search', 'part-1', (folder) => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'index.pf_meta'), 'meta');
    });
    // A half-written entry a killed build left behind.
    writeFileSync(path.join(dir, 'opsledger/drawings/.partial.123'), 'half');
    expect((await closeBuildCache())?.stored).toEqual({ drawings: 2, files: 0, search: 1 });
    expect(readdirSync(path.join(dir, 'opsledger/drawings'))).toHaveLength(2);

    openBuildCache(dir, 'code-1', false);
    expect(cachedBytes('drawings', 'chart-a')?.toString()).toBe('<svg>a</svg>');
    expect(cachedBytes('drawings', 'chart-c')).toBeUndefined();
    expect(existsSync(path.join(cachedFolder('search', 'part-1')!, 'index.pf_meta'))).toBe(true);
    const closed = await closeBuildCache();
    expect(closed?.hits).toEqual({ drawings: 1, files: 0, search: 1 });
    // chart-b was neither found nor stored: it is gone.
    expect(closed?.stored).toEqual({ drawings: 1, files: 0, search: 1 });

    // Other code: the same key finds nothing.
    openBuildCache(dir, 'code-2', false);
    expect(cachedBytes('drawings', 'chart-a')).toBeUndefined();
  });

  it('reads nothing under --force and still stores what the build makes', async () => {
    const dir = cacheDir();
    openBuildCache(dir, 'code', false);
    storeBytes('files', 'twin', 'old');
    await closeBuildCache();
    openBuildCache(dir, 'code', true);
    expect(cachedBytes('files', 'twin')).toBeUndefined();
    storeBytes('files', 'twin', 'new');
    await closeBuildCache();
    openBuildCache(dir, 'code', false);
    expect(cachedBytes('files', 'twin')?.toString()).toBe('new');
  });
});

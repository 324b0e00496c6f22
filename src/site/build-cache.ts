// opsledger's own build cache, beside Astro's incremental one in the build's cacheDir: drawings, the files written
// after the pages, and the search index parts, each stored under a digest of everything that made it (its inputs
// and the code that turns them into bytes), so a stored copy is only ever found by an identical build of it. The
// integration opens it when the build starts; pages and the search indexer find it on globalThis (the bundle and
// the integration are different module instances). Without an open cache (unit tests, scripts) nothing is stored.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digestOf } from './digest.ts';
import type { Audience } from './audience.ts';

/**
 * Where a content root's build caches live (Astro's incremental cache and opsledger's stores): one folder per
 * audience under OPSLEDGER_CACHE_DIR (relative to the content root), else under the root's node_modules/.astro.
 * The two audiences' pages differ, and one cache for both would be thrown away at every switch.
 *
 * @example buildCacheDir('/srv/records', 'public', {}) // '/srv/records/node_modules/.astro/public'
 */
export function buildCacheDir(root: string, audience: Audience, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.OPSLEDGER_CACHE_DIR;
  return path.join(chosen === undefined || chosen === '' ? path.join(root, 'node_modules', '.astro') : path.resolve(root, chosen), audience);
}

/** The stores of the cache, one folder each. */
export type CacheStore = 'drawings' | 'files' | 'search';
const stores: readonly CacheStore[] = ['drawings', 'files', 'search'];
const perStore = <T>(make: () => T) => Object.fromEntries(stores.map((store) => [store, make()])) as Record<CacheStore, T>;

interface OpenCache {
  /** The folder holding the stores (`<cacheDir>/opsledger`). */
  dir: string;
  /** A digest of the code and dependencies the build runs: part of every key. */
  codeDigest: string;
  /** `--force`: nothing is read from the cache, everything made is stored again. */
  force: boolean;
  /** The entries this build found or stored, by store: every other entry is stale once the build is done. */
  used: Record<CacheStore, Set<string>>;
  hits: Record<CacheStore, number>;
  /** Entries being written: closing waits for them. */
  writing: Set<Promise<void>>;
}

const KEY = Symbol.for('opsledger.buildCache');
const FORCE = Symbol.for('opsledger.forceBuild');
type Holder = { [KEY]?: OpenCache | undefined; [FORCE]?: boolean };

/** `build --force`: the build this process runs next reads no cache entry (and stores each again). */
export function forceNextBuild(): void {
  (globalThis as Holder)[FORCE] = true;
}

/** The files whose bytes decide what the build makes: opsledger's sources and configuration, and the lockfile. */
function codeFiles(packageDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) files.push(file);
    }
  };
  for (const dir of ['src', 'public']) if (existsSync(path.join(packageDir, dir))) walk(path.join(packageDir, dir));
  for (const file of ['package.json', 'package-lock.json', 'astro.config.mjs']) if (existsSync(path.join(packageDir, file))) files.push(path.join(packageDir, file));
  return files;
}

/** The digest of the code the build runs (`packageDir`'s sources, config and lockfile) and of `settings` (site, audience). */
export function codeDigestOf(packageDir: string, settings: string): string {
  return digestOf(settings, ...codeFiles(packageDir).flatMap((file) => [path.relative(packageDir, file), readFileSync(file)]));
}

/** Opens the cache of this build under `cacheDir`; `force` (or `forceNextBuild()`) ignores what it holds, and still refreshes it. */
export function openBuildCache(cacheDir: string, codeDigest: string, force = (globalThis as Holder)[FORCE] === true): void {
  const dir = path.join(cacheDir, 'opsledger');
  for (const store of stores) mkdirSync(path.join(dir, store), { recursive: true });
  (globalThis as Holder)[KEY] = { dir, codeDigest, force, used: perStore(() => new Set<string>()), hits: perStore(() => 0), writing: new Set() };
}

/** Closes the cache: entries this build neither found nor stored are removed (they can never be found again), and the hits are returned. */
export async function closeBuildCache(): Promise<{ hits: Record<CacheStore, number>; stored: Record<CacheStore, number>; bytes: number } | undefined> {
  const cache = (globalThis as Holder)[KEY];
  if (cache === undefined) return undefined;
  (globalThis as Holder)[KEY] = undefined;
  await Promise.all(cache.writing);
  let bytes = 0;
  const stored = perStore(() => 0);
  for (const store of stores) {
    const folder = path.join(cache.dir, store);
    for (const name of readdirSync(folder)) {
      const entry = path.join(folder, name);
      if (!cache.used[store].has(name)) rmSync(entry, { recursive: true, force: true });
      else if (!name.startsWith('.')) {
        stored[store]++;
        const stat = statSync(entry);
        bytes += stat.isDirectory() ? folderBytes(entry) : stat.size;
      }
    }
  }
  return { hits: cache.hits, stored, bytes };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(file) : statSync(file).size;
  }
  return total;
}

/**
 * The entry under `key` in `store` of the open cache (undefined without one), marked as used by this build: its name
 * is the digest of the build's code and of the key, and a temporary name beside it is where it is written first.
 */
function entryOf(store: CacheStore, key: string): { cache: OpenCache; name: string; file: string; temporary: string } | undefined {
  const cache = (globalThis as Holder)[KEY];
  if (cache === undefined) return undefined;
  const name = digestOf(cache.codeDigest, key);
  cache.used[store].add(name);
  return { cache, name, file: path.join(cache.dir, store, name), temporary: path.join(cache.dir, store, `.${name}.${process.pid}`) };
}

/** The stored bytes under `key`, or undefined (no open cache, `--force`, or never stored). */
export function cachedBytes(store: CacheStore, key: string): Buffer | undefined {
  const entry = entryOf(store, key);
  if (entry === undefined || entry.cache.force) return undefined;
  try {
    const bytes = readFileSync(entry.file);
    entry.cache.hits[store]++;
    return bytes;
  } catch {
    return undefined;
  }
}

/**
 * Stores `bytes` under `key`, in the background (closing the cache waits): written to a temporary name and renamed,
 * so a killed build never leaves half an entry. A failed write only loses the entry: the next build makes it again.
 */
export function storeBytes(store: CacheStore, key: string, bytes: string | Uint8Array): void {
  const entry = entryOf(store, key);
  if (entry === undefined) return;
  const { cache, name, file, temporary } = entry;
  const written: Promise<void> = writeFile(temporary, bytes)
    .then(() => rename(temporary, file))
    .catch(() => cache.used[store].delete(name))
    .then(() => void cache.writing.delete(written));
  cache.writing.add(written);
}

/** The stored folder under `key` (a search index part), or undefined. */
export function cachedFolder(store: CacheStore, key: string): string | undefined {
  const entry = entryOf(store, key);
  if (entry === undefined || entry.cache.force || !existsSync(entry.file)) return undefined;
  entry.cache.hits[store]++;
  return entry.file;
}

/** Where to store a folder under `key`: `fill` writes it in a temporary folder, renamed into place once complete. */
export function storeFolder(store: CacheStore, key: string, fill: (folder: string) => void): void {
  const entry = entryOf(store, key);
  if (entry === undefined) return;
  rmSync(entry.temporary, { recursive: true, force: true });
  fill(entry.temporary);
  rmSync(entry.file, { recursive: true, force: true });
  renameSync(entry.temporary, entry.file);
}

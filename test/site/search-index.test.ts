// A large estate's search comes as several Pagefind indexes written one after the other; Pagefind's own client
// (pagefind.js from the first, run here in Node over HTTP) merges the others, as the search page does, and finds a
// record of every part by a word and by a filter.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchBundle } from '../../src/site/search-index.ts';
import { recordsPerSearchIndex, searchIndexDirs, type SearchRecord } from '../../src/site/search-records.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

interface Pagefind {
  options(options: { basePath: string; baseUrl: string }): Promise<void>;
  mergeIndex(url: string, options: { baseUrl: string }): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

const words = ['harbour', 'lantern', 'meadow', 'quarry', 'thistle', 'walnut', 'zephyr'];
const records: SearchRecord[] = words.map((word, i) => ({
  url: `/incidents/INC-2026-000${i + 1}/`,
  title: `INC-2026-000${i + 1} Outage ${word}`,
  content: `The ${word} service stalled and was restarted.`,
  filters: { kind: ['Incident'], application: [i % 2 === 0 ? 'Even App' : 'Odd App'], year: ['2026'] },
}));

let dir: string;
let server: StaticServer;
let pagefind: Pagefind;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-search-index-'));
  // Each part's records are made when that part is indexed: every record once, in index order.
  const made: string[] = [];
  const makers = records.map((record) => () => (made.push(record.url), record));
  expect(await buildSearchBundle(makers, path.join(dir, 'pagefind'), 3)).toBe(7);
  expect(made).toEqual(records.map((record) => record.url));
  server = await serveStatic(dir, '/');
  pagefind = (await import(pathToFileURL(path.join(dir, 'pagefind/pagefind.js')).href)) as Pagefind;
  await pagefind.options({ basePath: `${server.siteUrl}pagefind/`, baseUrl: '/' });
  for (const extra of searchIndexDirs(records.length, 3).slice(1)) await pagefind.mergeIndex(`${server.siteUrl}${extra}`, { baseUrl: '/' });
}, 60_000);

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before it
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function found(term: string | null, filters?: Record<string, string>): Promise<string[]> {
  const result = await pagefind.search(term, filters ? { filters } : {});
  return (await Promise.all(result.results.map((r) => r.data()))).map((d) => d.url).sort();
}

describe('buildSearchBundle in parts', () => {
  it('writes ceil(7 / 3) = 3 indexes: the bundle, then part-2 and part-3 inside it', () => {
    expect(searchIndexDirs(7, 3)).toEqual(['pagefind/', 'pagefind/part-2/', 'pagefind/part-3/']);
    const entries = readdirSync(path.join(dir, 'pagefind'));
    expect(entries).toContain('pagefind-entry.json');
    expect(entries).toContain('part-2');
    expect(entries).toContain('part-3');
    expect(readdirSync(path.join(dir, 'pagefind/part-3'))).toContain('pagefind-entry.json');
  });

  it('finds a record of the first, the middle and the last part once the parts are merged', async () => {
    expect(await found('harbour')).toEqual(['/incidents/INC-2026-0001/']);
    expect(await found('thistle')).toEqual(['/incidents/INC-2026-0005/']);
    expect(await found('zephyr')).toEqual(['/incidents/INC-2026-0007/']);
  });

  it('filters across parts: every record of one application, from all three indexes', async () => {
    expect(await found(null, { application: 'Odd App' })).toEqual(['/incidents/INC-2026-0002/', '/incidents/INC-2026-0004/', '/incidents/INC-2026-0006/']);
  });

  it('is one index for an estate below the part size', () => {
    expect(searchIndexDirs(0)).toEqual(['pagefind/']);
    expect(searchIndexDirs(recordsPerSearchIndex)).toEqual(['pagefind/']);
    expect(searchIndexDirs(recordsPerSearchIndex + 1)).toEqual(['pagefind/', 'pagefind/part-2/']);
  });
});

// The demo site's search bundle answers as the search page asks it: Pagefind's own client (pagefind.js, run here in
// Node against the built site served over HTTP) finds records by a title word, a root-cause phrase and an
// application filter, and every record kind is in the index with its filters.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { demoOutDir, demoRoot } from './global-setup.ts';

interface Result {
  url: string;
  meta: { title: string };
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(options: { basePath: string; baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string | string[]> }): Promise<{ results: { data(): Promise<Result> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const { repository } = loadRepository(demoRoot);
const base = repository.site.base;
let server: StaticServer;
let pagefind: Pagefind;

/** Record ids of every result, in Pagefind's order. */
async function find(term: string | null, filters?: Record<string, string>): Promise<string[]> {
  const found = await pagefind.search(term, filters ? { filters } : {});
  const results = await Promise.all(found.results.map((r) => r.data()));
  return results.map((r) => {
    expect(r.url.startsWith(base), r.url).toBe(true);
    return r.url.slice(base.length).split('/')[1]!;
  });
}

beforeAll(async () => {
  server = await serveStatic(demoOutDir, base);
  pagefind = (await import(pathToFileURL(path.join(demoOutDir, 'pagefind/pagefind.js')).href)) as Pagefind;
  await pagefind.options({ basePath: `${server.siteUrl}pagefind/`, baseUrl: base });
  await pagefind.init();
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before it
  await server?.close();
});

describe('site search', () => {
  it('finds an incident by a word of its title, the title first', async () => {
    const ids = await find('contention');
    expect(ids[0]).toBe('INC-2025-0015');
  });

  it("finds a problem by a phrase of its rootCause field, and a post-mortem by one of its Root cause section", async () => {
    expect((await find('allocation outpaces collection'))[0]).toBe('PRB-2026-0003');
    expect((await find('allocate faster than the collector frees memory'))[0]).toBe('PM-2026-0002');
  });

  it('filters by application: exactly the records that concern FX Settlement', async () => {
    const settlement = repository.applications.find((a) => a.name === 'FX Settlement')!;
    const incidentApps = new Map(repository.incidents.map((i) => [i.id, i.applications]));
    const viaIncidents = (ids: readonly string[]) => ids.some((id) => incidentApps.get(id)?.includes(settlement.id));
    const expected = [
      ...repository.incidents.filter((i) => i.applications.includes(settlement.id)).map((i) => i.id),
      ...repository.changes.filter((c) => c.applications.includes(settlement.id)).map((c) => c.id),
      ...repository.postmortems.filter((pm) => viaIncidents(pm.incidents)).map((pm) => pm.id),
      ...repository.problems.filter((p) => viaIncidents(p.incidents)).map((p) => p.id),
    ].sort();
    expect(expected.length).toBeGreaterThan(10);
    expect((await find(null, { application: 'FX Settlement' })).sort()).toEqual(expected);
    // A word and a filter together: the settlement records that mention the batch, and nothing else.
    const batch = await find('batch', { application: 'FX Settlement' });
    expect(batch.length).toBeGreaterThan(0);
    for (const id of batch) expect(expected).toContain(id);
  });

  it('holds every record of every kind, each under its kind filter', async () => {
    const kinds = await pagefind.filters();
    expect(kinds.kind).toEqual({
      Incident: repository.incidents.length,
      'Post-mortem': repository.postmortems.length,
      Change: repository.changes.length,
      Problem: repository.problems.length,
    });
    expect((await find(null, { kind: 'Post-mortem' })).sort()).toEqual(repository.postmortems.map((pm) => pm.id).sort());
    expect(Object.keys(kinds.severity ?? {}).sort()).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  });
});

// A site built from imported history: the Statuspage excerpt imported into an empty root builds, each
// record page links its source, /api/v1/incidents.json keeps `external`, and the year list is reachable.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { distFiles } from '../helpers/dist-files.ts';
import { importMapSchema } from '../../src/import/map.ts';
import { parseStatuspageExport, statuspageBatch } from '../../src/import/statuspage.ts';
import { writeBatch } from '../../src/import/write.ts';
import { loadRepository } from '../../src/load/repository.ts';
import { emptyRoot, importFixtures, removeRoots } from '../import/helpers.ts';

let outDir = '';
let root = '';
let status: number | null = null;
let output = '';

beforeAll(() => {
  root = emptyRoot('title: GitHub status history\n');
  const { incidents, notes } = parseStatuspageExport(readFileSync(path.join(importFixtures, 'github-statuspage-excerpt.jsonl'), 'utf8'), 'excerpt.jsonl');
  writeBatch(root, statuspageBatch(incidents, importMapSchema.parse({}), notes));
  outDir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-imported-'));
  ({ status, output } = buildSite({ root, outDir, asOf: '2023-07-15T00:00:00Z' }));
}, 300_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  removeRoots();
});

describe('site built from an imported Statuspage history', () => {
  it('builds', () => {
    expect(status, output).toBe(0);
  });

  it('links each imported incident to its source and keeps external in the incidents JSON', () => {
    const { repository } = loadRepository(root);
    const incident = repository.incidents.find((i) => i.external?.id === 'rgy28jwprr1c')!;
    const html = readFileSync(path.join(outDir, 'incidents', incident.id, 'index.html'), 'utf8');
    expect(html).toContain(`<a href="${incident.external!.url}">statuspage rgy28jwprr1c</a>`);
    const json = JSON.parse(readFileSync(path.join(outDir, 'api/v1/incidents.json'), 'utf8')) as { incidents: { id: string; external: unknown }[] };
    expect(json.incidents.find((i) => i.id === incident.id)!.external).toEqual({ system: 'statuspage', id: 'rgy28jwprr1c', url: incident.external!.url });
    expect(json.incidents).toHaveLength(28);
  });

  it('shows zero-duration and zero-impact incidents, and every year list', () => {
    for (const year of ['2010', '2012', '2019', '2021', '2023']) expect(existsSync(path.join(outDir, 'incidents/year', year, 'index.html')), year).toBe(true);
    const app = readFileSync(path.join(outDir, 'applications/notifications/index.html'), 'utf8');
    expect(app).toContain('Imported from');
  });

  it('publishes no HTML page over 1 MB', () => {
    const largest = Math.max(...distFiles(outDir).filter((f) => f.endsWith('.html')).map((f) => statSync(path.join(outDir, f)).size));
    expect(largest).toBeLessThan(1_000_000);
  });
});

// Importing a ServiceNow incident log: an excerpt of the UCI audit log (every row of 28 incidents,
// test/fixtures/import/), the latest row per number, state changes as updates, references kept or linked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { importMapSchema } from '../../src/import/map.ts';
import { readServicenowTime, servicenowBatch } from '../../src/import/servicenow.ts';
import { recordsByExternal, writeBatch } from '../../src/import/write.ts';
import { emptyRoot, fingerprint, importFixtures, removeRoots } from './helpers.ts';

afterAll(removeRoots);

const excerpt = readFileSync(path.join(importFixtures, 'uci-servicenow-excerpt.csv'));
const file = 'uci-servicenow-excerpt.csv';
const zone = 'America/Sao_Paulo';

async function importExcerpt(root: string, mapInput: unknown = {}, data: Buffer = excerpt) {
  const existing = { problems: recordsByExternal(root, 'content/problems', 'servicenow'), changes: recordsByExternal(root, 'content/changes', 'servicenow') };
  return writeBatch(root, await servicenowBatch(data, file, importMapSchema.parse(mapInput), zone, existing));
}
const byExternal = (root: string, id: string) => loadRepository(root).repository.incidents.find((i) => i.external?.id === id)!;

describe('servicenow import', () => {
  it('reads day-first naive timestamps in the given zone, DST included', () => {
    expect(readServicenowTime('29/2/2016 01:16', zone)).toEqual({ iso: '2016-02-29T01:16:00-03:00', ms: Date.parse('2016-02-29T04:16:00Z') });
    expect(readServicenowTime('16/2/2017 14:17', zone)?.iso).toBe('2017-02-16T14:17:00-02:00');
    expect(readServicenowTime('2016-03-01T10:00:00Z', zone)?.ms).toBe(Date.parse('2016-03-01T10:00:00Z'));
    expect(readServicenowTime('31/2/2016 10:00', zone)).toBeNull();
  });

  it('creates one valid incident per number from the audit log, from its latest row', async () => {
    const root = emptyRoot();
    const summary = await importExcerpt(root);
    expect([summary.created, summary.updated, summary.unchanged, summary.skipped]).toEqual([28, 0, 0, 0]);
    expect(loadRepository(root).diagnostics).toEqual([]);
    // INC0000045: rows 2-5; the last (sys_mod_count 4) is Closed, resolved 29/2/2016 11:29.
    const first = byExternal(root, 'INC0000045');
    expect(first.id).toBe('INC-2016-0001');
    expect([first.applications, first.component, first.severity, first.status, first.channel, first.resolvedAt]).toEqual([['category-55'], 'subcategory-170', 'SEV3', 'resolved', 'phone', 'unknown']);
    expect(new Date(first.restored!).toISOString()).toBe('2016-02-29T14:29:00.000Z');
    expect(first.impact.map((s) => s.fraction)).toEqual([0.5]);
    expect(first.updates.map((u) => u.text)).toEqual(['State: New', 'State: New → Resolved', 'State: Resolved → Closed']);
    expect(first.body).toContain('- Assignment group: Group 56');
    // cmdb_ci names the application when set; priority 1 is SEV1 at full impact.
    expect(byExternal(root, 'INC0000820').applications).toEqual(['cmdb-ci-31']);
    expect(byExternal(root, 'INC0000261').severity).toBe('SEV1');
    expect(byExternal(root, 'INC0000261').impact.map((s) => s.fraction)).toEqual([1]);
    // The catalogue: an application per category, its team the group that handled most of its incidents.
    const { repository } = loadRepository(root);
    expect(repository.teams.map((t) => t.id)).toContain('group-56');
    expect(repository.applications.find((a) => a.id === 'category-55')).toMatchObject({ name: 'Category 55', team: 'group-56' });
  });

  it('reports each repair: closed without resolved_at, problem and change ids without records', async () => {
    const root = emptyRoot();
    const summary = await importExcerpt(root);
    const notes = summary.notes.map((n) => `${n.where} ${n.message}`);
    expect(notes).toContain('uci-servicenow-excerpt.csv:101-102 (INC0000093) Closed without resolved_at: restored taken from closed_at 2016-03-05T10:00:00-03:00');
    expect(notes).toContain('uci-servicenow-excerpt.csv:15-21 (INC0000057) problem_id "Problem ID  2" has no problem record (external id): kept in the body, problem left empty');
    expect(notes).toContain('uci-servicenow-excerpt.csv:70-75 (INC0000074) rfc "CHG0000404" has no change record (external id): kept in the body, change left empty');
    expect(byExternal(root, 'INC0000074').body).toContain('ServiceNow rfc: CHG0000404 (no change record imported with that id)');
  });

  it('links a problem that exists with that external id, and is idempotent', async () => {
    const root = emptyRoot();
    await importExcerpt(root);
    const problem = `---\nid: PRB-2016-0001\ntitle: Problem 2\nsource: incident\npriority: P3\nstatus: open\nopened: 2016-03-01\nowner: group-56\nexternal: {system: servicenow, id: "Problem ID  2"}\n---\n`;
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(path.join(root, 'content/problems'), { recursive: true });
    writeFileSync(path.join(root, 'content/problems/PRB-2016-0001.md'), problem);
    // The problem field was empty when imported: an owned field nobody edited, so it is filled in now.
    const second = await importExcerpt(root);
    expect(second.updated).toBe(4);
    expect(byExternal(root, 'INC0000057').problem).toBe('PRB-2016-0001');
    expect(loadRepository(root).diagnostics).toEqual([]);
    const before = fingerprint(root);
    const third = await importExcerpt(root);
    expect([third.created, third.updated, third.unchanged]).toEqual([0, 0, 28]);
    expect(fingerprint(root)).toEqual(before);
  });

  it('applies --map: severity, fractions, application merges, teams and defaults', async () => {
    const root = emptyRoot();
    await importExcerpt(root, {
      severity: { '3': 'SEV4' },
      fraction: { '2': 0.1 },
      applications: { 'Category 55': 'settlement', 'Category 40': 'settlement' },
      teams: { 'Group 56': 'ops', 'Group 24': 'ops' },
      defaults: { cause: 'software' },
      catalogue: { target: 99.5 },
    });
    const first = byExternal(root, 'INC0000045');
    expect([first.applications, first.severity, first.cause, first.impact.map((s) => s.fraction)]).toEqual([['settlement'], 'SEV4', 'software', [0.1]]);
    expect(byExternal(root, 'INC0000047').applications).toEqual(['settlement']);
    const { repository } = loadRepository(root);
    expect(repository.applications.find((a) => a.id === 'settlement')).toMatchObject({ team: 'ops', target: 99.5 });
  });
});

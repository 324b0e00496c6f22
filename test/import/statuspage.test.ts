// Importing a Statuspage history: an excerpt of githubstatus.com's real export (test/fixtures/import/),
// the skip report, idempotence, respect for what people edited, and the whole history when it is present.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { importMapSchema } from '../../src/import/map.ts';
import { parseStatuspageExport, statuspageBatch } from '../../src/import/statuspage.ts';
import { writeBatch } from '../../src/import/write.ts';
import { emptyRoot, fingerprint, importFixtures, projectRoot, removeRoots } from './helpers.ts';

afterAll(removeRoots);

const excerpt = path.join(importFixtures, 'github-statuspage-excerpt.jsonl');
const realHistory = path.join(importFixtures, 'github-status-history/incidents.jsonl.gz');
const map = importMapSchema.parse({});

function importText(root: string, text: string, file = 'github-statuspage-excerpt.jsonl') {
  const { incidents, notes } = parseStatuspageExport(text, file);
  return writeBatch(root, statuspageBatch(incidents, map, notes));
}

const errorsOf = (root: string) => loadRepository(root).diagnostics.filter((d) => d.severity === 'error');
const byExternal = (root: string, id: string) => loadRepository(root).repository.incidents.find((i) => i.external?.id === id)!;

describe('statuspage import', () => {
  const text = readFileSync(excerpt, 'utf8');

  it('creates a valid root from the excerpt and reports the three negative durations it skipped', () => {
    const root = emptyRoot();
    const summary = importText(root, text);
    expect([summary.created, summary.updated, summary.unchanged, summary.skipped]).toEqual([28, 0, 0, 3]);
    expect(summary.notes.filter((n) => n.kind === 'skipped').map((n) => `${n.where} ${n.message}`)).toEqual([
      'github-statuspage-excerpt.jsonl:21 (qb2vmff9bnf5) negative duration: resolved_at 2020-03-31T08:00:00.000Z is before started_at 2020-03-31T09:09:46.298Z (-69.8 min)',
      'github-statuspage-excerpt.jsonl:22 (qrrdvssfmrs2) negative duration: resolved_at 2020-04-08T13:30:00.000Z is before started_at 2020-04-09T14:34:29.489Z (-1504.5 min)',
      'github-statuspage-excerpt.jsonl:23 (nk9gdvl03ztg) negative duration: resolved_at 2020-11-10T20:00:00.000Z is before started_at 2020-11-16T09:55:00.989Z (-8035.0 min)',
    ]);
    // created_at a few milliseconds before started_at: detected cannot precede the impact start.
    expect(summary.notes.filter((n) => n.kind === 'repaired').map((n) => n.where)).toEqual(['github-statuspage-excerpt.jsonl:16 (2k60vffmq353)', 'github-statuspage-excerpt.jsonl:17 (6nhht6kfdkx7)']);
    expect(errorsOf(root)).toEqual([]);
    const { repository } = loadRepository(root);
    expect(repository.incidents).toHaveLength(28);
    // One application per component, named by its latest name, plus unspecified for incidents naming none.
    const apps = Object.fromEntries(repository.applications.map((a) => [a.id, a]));
    expect(apps['issues']!.name).toBe('Issues');
    expect(apps['issues']!.external).toEqual({ system: 'statuspage', id: 'kr09ddfgbfsf' });
    expect(apps['unspecified']!.external).toBeUndefined();
    expect(apps['git-operations']).toMatchObject({ target: 99.9, calendar: '24x7', regions: { GLOBAL: 1 }, team: 'support' });
  });

  it('maps impact to severity and fraction, components to impact entries, updates to the timeline', () => {
    const root = emptyRoot();
    importText(root, text);
    // Critical, no component on the incident, but Notifications named by its updates: major_outage → 1,
    // until the update that set it operational again.
    const critical = byExternal(root, 'rgy28jwprr1c');
    expect(critical.severity).toBe('SEV1');
    expect(critical.applications).toEqual(['notifications']);
    expect(critical.impact.map((s) => [s.applications, s.fraction, new Date(s.fromMs).toISOString(), new Date(s.toMs!).toISOString()])).toEqual([
      [['notifications'], 1, '2019-09-23T16:12:01.644Z', '2019-09-23T16:37:46.707Z'],
    ]);
    expect(critical.updates.map((u) => u.kind)).toEqual(['acknowledge', 'update', 'update', 'restored']);
    const source = JSON.parse(text.split('\n').find((line) => line.includes('"id":"rgy28jwprr1c"'))!).incident;
    expect(critical.external).toEqual({ system: 'statuspage', id: 'rgy28jwprr1c', url: source.shortlink });
    // "none" impact: SEV4 and no availability lost.
    const notice = byExternal(root, '2k60vffmq353');
    expect([notice.severity, notice.impact.map((s) => s.fraction)]).toEqual(['SEV4', [0]]);
    // A legacy record: started equals resolved, zero duration, still counted.
    const legacy = byExternal(root, 'rcwk6twq397d');
    expect([legacy.restored! - legacy.started, legacy.applications]).toEqual([0, ['unspecified']]);
    // Several components: one entry each, for its own application.
    const wide = byExternal(root, 'gqx5l06jjxhp');
    expect(wide.applications).toHaveLength(10);
    expect(wide.impact.map((s) => s.applications.length)).toEqual(Array(10).fill(1));
    expect(wide.id).toMatch(/^INC-2023-\d{4}$/);
  });

  it('changes no file when the same export is imported again', () => {
    const root = emptyRoot();
    importText(root, text);
    const before = fingerprint(root);
    const again = importText(root, text);
    expect([again.created, again.updated, again.unchanged, again.skipped]).toEqual([0, 0, 28, 3]);
    expect(again.filesWritten).toEqual([]);
    expect(fingerprint(root)).toEqual(before);
  });

  it('updates only the fields it owns and nobody edited, never the body, and appends catalogue entries', () => {
    const root = emptyRoot();
    importText(root, text);
    const record = byExternal(root, '978zwz4crz1z');
    const file = path.join(root, record.file);
    // A person rewrites the title and the body, and adds an application by hand.
    const edited = readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Packages registry returned 500s').replace(/Imported from/, 'Root cause found. Imported from');
    writeFileSync(file, edited);
    const appsFile = path.join(root, 'data/applications.yaml');
    const handApp = '- id: billing\n  name: Billing\n  team: support\n  target: 99.5\n  calendar: 24x7\n  regions: {EMEA: 1}\n  components: [api]\n';
    writeFileSync(appsFile, handApp + readFileSync(appsFile, 'utf8'));
    const appsBefore = readFileSync(appsFile, 'utf8');
    // The source changes the title and the impact of that incident, and gains a new incident on a new component.
    const lines = text.trimEnd().split('\n');
    const changed = lines.map((line) => {
      const value = JSON.parse(line);
      if (value.incident.id !== '978zwz4crz1z') return line;
      value.incident.name = 'Renamed at the source';
      value.incident.impact = 'major';
      return JSON.stringify(value);
    });
    const extra = JSON.parse(lines[lines.length - 1]!);
    extra.incident = { ...extra.incident, id: 'newincident01', started_at: '2023-07-01T10:00:00.000Z', created_at: '2023-07-01T10:00:00.000Z', resolved_at: '2023-07-01T10:30:00.000Z', components: [{ id: 'zzzzzzzzzzzz', name: 'Discussions' }], incident_updates: [] };
    const summary = importText(root, [...changed, JSON.stringify(extra)].join('\n'));
    expect([summary.created, summary.updated, summary.unchanged]).toEqual([1, 1, 27]);
    expect(summary.notes.filter((n) => n.kind === 'kept').map((n) => n.message)).toEqual([`title was edited in ${record.file}; the source's new value is not written`]);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('title: Packages registry returned 500s');
    expect(after).toContain('severity: SEV2');
    expect(after.slice(after.indexOf('\n---\n'))).toBe(edited.slice(edited.indexOf('\n---\n')));
    // Existing catalogue text unchanged, the new component's application appended after it.
    const apps = readFileSync(appsFile, 'utf8');
    expect(apps.startsWith(appsBefore)).toBe(true);
    expect(apps.slice(appsBefore.length)).toContain('- id: discussions');
    expect(errorsOf(root)).toEqual([]);
  });

  it('exits 1 when something was skipped, unless --allow-skips', () => {
    const root = emptyRoot();
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, ['src/cli/import.ts', 'statuspage', excerpt, ...extra], { cwd: projectRoot, env: { ...process.env, OPSLEDGER_ROOT: root }, encoding: 'utf8' });
    const first = run();
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('(nk9gdvl03ztg)  skipped  negative duration');
    expect(first.stdout).toContain('statuspage: 31 source incidents read; 28 created, 0 updated, 0 unchanged, 3 skipped');
    const second = run('--allow-skips');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('0 created, 0 updated, 28 unchanged, 3 skipped');
    // A --map with mistakes stops before anything is written, naming each one.
    const map = path.join(root, 'map.yaml');
    writeFileSync(map, 'severity: {minor: SEV9}\nbogus: 1\n');
    const bad = run('--map', map);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${map}:1:12  error  severity.minor  expected one of "SEV1", "SEV2", "SEV3", "SEV4", got "SEV9"  [schema]`);
    expect(bad.stderr).toContain(`${map}:2:1  error  bogus  unknown field "bogus"  [schema]`);
  });

  it('imports the whole GitHub history: 1,279 incidents, 3 skipped, no error, idempotent', () => {
    const root = emptyRoot();
    const history = gunzipSync(readFileSync(realHistory)).toString('utf8');
    const summary = importText(root, history, 'incidents.jsonl.gz');
    expect([summary.created, summary.skipped]).toEqual([1279, 3]);
    const { repository, diagnostics } = loadRepository(root);
    expect(diagnostics).toEqual([]);
    expect(repository.incidents).toHaveLength(1279);
    // 2010 to 2018 are migrated legacy records: every one of them zero-duration.
    expect(repository.incidents.filter((i) => i.restored === i.started).length).toBeGreaterThanOrEqual(832);
    const before = fingerprint(root);
    expect(importText(root, history, 'incidents.jsonl.gz').unchanged).toBe(1279);
    expect(fingerprint(root)).toEqual(before);
  });
});

// The csv importer on two real shapes: Volvo IT's problem-management event logs (excerpts of BPIC 2013, both
// files, test/fixtures/import/) with the documented maps, and a change log kept in a spreadsheet, on which the
// change rules then run. Counts and status histories are compared with the source rows read independently here.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { readCsvTime } from '../../src/import/csv.ts';
import { loadRepository } from '../../src/load/repository.ts';
import { emptyRoot, fingerprint, projectRoot, removeRoots } from './helpers.ts';

afterAll(removeRoots);

const closedLog = 'test/fixtures/import/volvo-problems-closed-excerpt.csv';
const openLog = 'test/fixtures/import/volvo-problems-open-excerpt.csv';
const closedMap = 'docs/import-maps/volvo-problems-closed.yaml';
const openMap = 'docs/import-maps/volvo-problems-open.yaml';
const changeLog = 'test/fixtures/import/change-log-spreadsheet.csv';
const changeMap = 'docs/import-maps/change-spreadsheet.yaml';

async function run(root: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  try {
    return { status: await runImport(args, { ...process.env, OPSLEDGER_ROOT: root }), out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** The source's events per problem, in file order, read without the importer: [time, status, sub-status]. */
function eventsOf(file: string): Map<string, string[][]> {
  const [, ...rows] = readFileSync(path.join(projectRoot, file), 'utf8').trimEnd().split('\n');
  const out = new Map<string, string[][]>();
  for (const row of rows) {
    const cells = row.split(';');
    out.set(cells[0]!, [...(out.get(cells[0]!) ?? []), [cells[1]!, cells[2]!, cells[3]!]]);
  }
  return out;
}

describe('csv import of an event log: Volvo IT problem management', () => {
  it('makes one problem per problem number, its status the latest event’s, its history every event, and passes the loader', async () => {
    const root = emptyRoot();
    const closed = await run(root, 'csv', closedLog, '--kind', 'problem', '--map', closedMap);
    expect(closed.status).toBe(0);
    const opened = await run(root, 'csv', openLog, '--kind', 'problem', '--map', openMap);
    expect(opened.status).toBe(0);
    const { repository, diagnostics } = loadRepository(root);
    expect(diagnostics).toEqual([]);

    for (const [file, system, statusOf] of [
      [closedLog, 'vinst-closed', { Completed: 'closed' }],
      [openLog, 'vinst-open', { Completed: 'closed', Accepted: 'investigating', Queued: 'open', Assigned: 'investigating' }],
    ] as const) {
      const source = eventsOf(file);
      const problems = repository.problems.filter((p) => p.external?.system === system);
      expect(problems).toHaveLength(source.size);
      // Status counts as the source's latest events give them.
      const expected: Record<string, number> = {};
      for (const events of source.values()) {
        const status = (statusOf as Record<string, string>)[events.at(-1)![1]!]!;
        expected[status] = (expected[status] ?? 0) + 1;
      }
      const counted: Record<string, number> = {};
      for (const p of problems) counted[p.status] = (counted[p.status] ?? 0) + 1;
      expect(counted).toEqual(expected);
      // Every event, in order, in the body's history.
      for (const p of problems) {
        const events = source.get(p.external!.id)!;
        const history = p.body.split('\n').filter((line) => /^- \d{4}-/.test(line)).map((line) => line.replace(/^- [^ ]+: /, ''));
        expect(history).toEqual(events.map(([, status, sub]) => `${status} / ${sub}`));
        expect(p.opened).toBe(events[0]![0]!.slice(0, 10));
      }
    }
    expect(closed.out.at(-1)).toMatch(/^csv: 60 source problems read; 60 created, 0 updated, 0 unchanged, 0 skipped; 0 repaired, 0 edited fields kept; applications created: 0, teams created: \d+ /);
    // A closed problem: closed on the day it was last completed; priority from its latest impact.
    const first = repository.problems.find((p) => p.external?.id === '1-109135791' && p.external.system === 'vinst-closed')!;
    expect([first.id, first.status, first.opened, first.closed, first.priority, first.owner]).toEqual(['PRB-2006-0001', 'closed', '2006-01-11', '2012-03-15', 'P2', 'j11']);
    // Every owner is a team of data/teams.yaml, which the escalation page flags until its contacts are filled in.
    const teams = new Set(repository.teams.map((t) => t.id));
    expect(repository.problems.every((p) => teams.has(p.owner))).toBe(true);
    // Idempotent: the same logs again change no file.
    const before = fingerprint(root);
    expect((await run(root, 'csv', closedLog, '--kind', 'problem', '--map', closedMap)).out.at(-1)).toMatch(/0 created, 0 updated, 60 unchanged/);
    expect((await run(root, 'csv', openLog, '--kind', 'problem', '--map', openMap)).out.at(-1)).toMatch(/0 created, 0 updated, 40 unchanged/);
    expect(fingerprint(root)).toEqual(before);
  });

  it('applies a later event to a problem the import wrote, and keeps a field a person edited', async () => {
    const root = emptyRoot();
    await run(root, 'csv', closedLog, '--kind', 'problem', '--map', closedMap);
    const source = readFileSync(path.join(projectRoot, openLog), 'utf8');
    const local = path.join(root, 'open.csv');
    writeFileSync(local, source);
    await run(root, 'csv', local, '--kind', 'problem', '--map', openMap);
    const target = loadRepository(root).repository.problems.find((p) => p.external?.system === 'vinst-open' && p.status === 'investigating')!;
    const file = path.join(root, target.file);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Known cause, fix in next release'));
    // The source then completes that problem.
    const completed = `${source.trimEnd()}\n${target.external!.id};2012-06-20 10:00;Completed;Closed;A2_2; A2;M1;2nd;Medium;PROD753;cn;Sweden;(removed)\n`;
    writeFileSync(local, completed);
    const result = await run(root, 'csv', local, '--kind', 'problem', '--map', openMap);
    expect(result.out.filter((line) => line.includes('  kept  '))).toEqual([expect.stringMatching(new RegExp(`^${target.id} \\(.*\\(${target.external!.id}\\)\\)  kept  title was edited in ${target.file}; the source's new value is not written$`))]);
    const after = loadRepository(root).repository.problems.find((p) => p.id === target.id)!;
    expect([after.status, after.closed, after.title]).toEqual(['closed', '2012-06-20', 'Known cause, fix in next release']);
    expect(loadRepository(root).diagnostics).toEqual([]);
  });
});

describe('csv import of a change spreadsheet', () => {
  it('makes change records on which the change rules run, and reports the rows it cannot read', async () => {
    const root = emptyRoot();
    const { status, out } = await run(root, 'csv', changeLog, '--kind', 'change', '--map', changeMap);
    expect(status).toBe(1);
    expect(out).toContain(`${changeLog}:8 (CR-107)  skipped  Start "31/04/2026 22:00" is not a real date and time (day-first); End "31/04/2026 23:00" is not a real date and time (day-first)`);
    expect(out).toContain(`${changeLog}:7 (CR-106)  repaired  Start: local time 2026-03-29 01:30 does not exist in Europe/London (clocks went forward): read as 2026-03-29T02:30:00+01:00`);
    const { repository, diagnostics } = loadRepository(root);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const byRef = Object.fromEntries(repository.changes.map((c) => [String(c.external?.id), c]));
    expect(Object.keys(byRef).sort()).toEqual(['CR-101', 'CR-102', 'CR-103', 'CR-104', 'CR-105', 'CR-106']);
    expect(byRef['CR-101']).toMatchObject({ type: 'normal', risk: 'medium', cab: true, outcome: 'successful', applications: ['payments'], owner: 'Priya (DBA)' });
    expect(byRef['CR-101']!.approvals.map((a) => [a.by, new Date(a.at).toISOString()])).toEqual([['Change board', '2026-03-05T15:00:00.000Z']]);
    expect(byRef['CR-105']!.outcome).toBe('backed-out');
    // The change rules, as check reports them: a normal change raised a day ahead, high risk without CAB, BAU shipping code.
    const rules = diagnostics.filter((d) => d.severity === 'warning').map((d) => [path.posix.basename(d.file, '.md'), d.rule]);
    expect(rules).toEqual([
      [byRef['CR-103']!.id, 'high-risk-unapproved'],
      [byRef['CR-103']!.id, 'lead-time'],
      [byRef['CR-104']!.id, 'bau-releases-code'],
    ]);
    // The plans became the sections a normal change needs.
    expect(byRef['CR-101']!.sections.map((s) => s.heading)).toEqual(['Implementation plan', 'Backout plan', 'Validation plan', 'Risk assessment']);
  });

  it('skips a normal change whose plan column is empty with the loader’s own message', async () => {
    const root = emptyRoot();
    const text = readFileSync(path.join(projectRoot, changeLog), 'utf8').replace('Deploy build 4.2.1,', ',');
    const file = path.join(root, 'changes.csv');
    writeFileSync(file, text);
    const { out } = await run(root, 'csv', file, '--kind', 'change', '--map', changeMap);
    expect(out).toContain(`${file}:4 (CR-103)  skipped  not written, the loader would refuse it: body: missing required section "## Implementation plan"`);
    expect(loadRepository(root).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('checks the map: wrong kind, unknown column, bad field spec, all before anything is written', async () => {
    const root = emptyRoot();
    const before = fingerprint(root);
    const wrongKind = await run(root, 'csv', changeLog, '--kind', 'problem', '--map', changeMap);
    expect([wrongKind.status, wrongKind.err]).toEqual([2, [`import stopped, nothing written: ${changeLog}: the --map is for change records, not problem (--kind)`]]);
    const map = path.join(root, 'map.yaml');
    writeFileSync(map, readFileSync(path.join(projectRoot, changeMap), 'utf8').replace('title: Summary', 'title: Subject'));
    const unknown = await run(root, 'csv', changeLog, '--kind', 'change', '--map', map);
    expect(unknown.status).toBe(2);
    expect(unknown.err[0]).toMatch(/^import stopped, nothing written: test\/fixtures\/import\/change-log-spreadsheet.csv:1: the --map names column "Subject" that the header does not have/);
    writeFileSync(map, 'kind: change\nsystem: Sheet One\nrecords: {id: Ref}\nfields: {title: {colum: Summary}}\n');
    const bad = await run(root, 'csv', changeLog, '--kind', 'change', '--map', map);
    expect(bad.status).toBe(2);
    expect(bad.err[0]).toContain(`${map}:2:1  error  system  expected a lower-case id of letters, digits and dashes  [schema]`);
    expect(bad.err[0]).toContain(`${map}:4:18  error  fields.title.colum  unknown field "colum"  [schema]`);
    const { 'map.yaml': _map, ...after } = fingerprint(root);
    expect(after).toEqual(before);
  });
});

describe('csv date formats', () => {
  it('reads ISO, day-first and month-first, with or without seconds, in the map’s zone', () => {
    expect(readCsvTime('2006-01-11T15:49:42+01:00', 'iso', 'UTC')?.iso).toBe('2006-01-11T15:49:42+01:00');
    expect(readCsvTime('2006-11-07 10:00', 'iso', 'Etc/GMT-1')?.iso).toBe('2006-11-07T10:00:00+01:00');
    expect(readCsvTime('16/03/2026 22:00', 'day-first', 'Europe/London')?.iso).toBe('2026-03-16T22:00:00+00:00');
    expect(readCsvTime('03/16/2026 22:00:30', 'month-first', 'America/New_York')?.iso).toBe('2026-03-16T22:00:30-04:00');
    expect(readCsvTime('16.03.2026', 'day-first', 'Europe/Berlin')?.iso).toBe('2026-03-16T00:00:00+01:00');
    expect(readCsvTime('16/03/2026 22:00', 'month-first', 'UTC')).toBeNull();
    expect(readCsvTime('2026-02-29 10:00', 'iso', 'UTC')).toBeNull();
    expect(readCsvTime('25/10/2026 01:30', 'day-first', 'Europe/London')?.dst).toBe('local time 2026-10-25 01:30 happens twice in Europe/London (clocks went back): read as the first, 2026-10-25T01:30:00+01:00, not 2026-10-25T01:30:00+00:00');
  });
});


// Exports that real tools and people produce, run through the import command as a user would: impossible dates,
// wrong types, names that are properties of every object, unsafe characters, legacy encodings, damaged files.
// Each case asserts what the report says and that the root afterwards passes the loader (npm run check).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { loadRepository } from '../../src/load/repository.ts';
import { emptyRoot, fingerprint, removeRoots } from './helpers.ts';

afterAll(removeRoots);

const dir = 'test/fixtures/import/hostile';

async function run(root: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  try {
    const status = await runImport(args, { ...process.env, OPSLEDGER_ROOT: root });
    return { status, out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const errorsOf = (root: string) => loadRepository(root).diagnostics.filter((d) => d.severity === 'error');

/** Imports `file` into a fresh root; the root must pass the loader afterwards. */
async function importChecked(...args: string[]) {
  const root = emptyRoot();
  const result = await run(root, ...args);
  expect(errorsOf(root)).toEqual([]);
  return { root, ...result };
}

/** Imports `file` into a fresh root; the import must stop with one line and exit 2, leaving the root as it was. */
async function importStopped(...args: string[]) {
  const root = emptyRoot();
  const before = fingerprint(root);
  const result = await run(root, ...args);
  expect(result.status).toBe(2);
  expect(result.out).toEqual([]);
  expect(result.err).toHaveLength(1);
  expect(fingerprint(root)).toEqual(before);
  return result.err[0]!;
}

describe('statuspage exports that go wrong', () => {
  it('skips impossible, naive and year-0 start times with the loader’s own reason, and an update with an impossible date', async () => {
    const { status, out, root } = await importChecked('statuspage', `${dir}/statuspage-impossible-dates.jsonl`);
    expect(status).toBe(1);
    const f = `${dir}/statuspage-impossible-dates.jsonl`;
    expect(out).toContain(`${f}:2 (feb30)  skipped  started_at: "2016-02-30T10:00:00Z" is not a real date and time`);
    expect(out).toContain(`${f}:3 (jun31)  skipped  started_at: "2023-06-31T10:00:00Z" is not a real date and time`);
    expect(out).toContain(`${f}:4 (naive)  skipped  started_at: "2023-01-01T10:00:00" has no offset; write Z or ±hh:mm (e.g. 2023-01-01T10:00:00Z) so the time zone is not guessed`);
    expect(out).toContain(`${f}:5 (words)  skipped  started_at: "1 Jan 2023 10:00" is not an ISO 8601 timestamp (expected e.g. 2026-10-14T02:10:00Z)`);
    expect(out).toContain(`${f}:6 (hour25)  skipped  started_at: "2023-01-01T25:00:00Z" is not a real date and time`);
    expect(out).toContain(`${f}:7 (year0)  skipped  started_at: "0000-06-01T10:00:00Z" is not a real date and time`);
    expect(out).toContain(`${f}:8 (badupdate)  repaired  update 1: "2023-02-29T10:00:00Z" is not a real date and time: the update is left out`);
    expect(out.at(-2)).toMatch(/^statuspage: 8 source incidents read; 2 created, 0 updated, 0 unchanged, 6 skipped; 1 repaired/);
    expect(loadRepository(root).repository.incidents.map((i) => i.external?.id).sort()).toEqual(['badupdate', 'good0001']);
  });

  it('skips a source value of the wrong type at its field, never a TypeError', async () => {
    const { status, out } = await importChecked('statuspage', `${dir}/statuspage-wrong-types.jsonl`);
    expect(status).toBe(1);
    const f = `${dir}/statuspage-wrong-types.jsonl`;
    const shape = 'skipped  not a Statuspage incident of the expected shape:';
    expect(out).toContain(`${f}:2 (namenumber)  ${shape} name: expected string, received number`);
    expect(out).toContain(`${f}:3 (namenull)  ${shape} name: expected string, received null`);
    expect(out).toContain(`${f}:4 (namemissing)  ${shape} name: expected string, received undefined`);
    expect(out).toContain(`${f}:5 (compobject)  ${shape} components: expected array, received object`);
    expect(out).toContain(`${f}:6 (bodyobject)  ${shape} incident_updates.0.body: expected string, received object`);
    expect(out).toContain(`${f}:7 (affectedstring)  ${shape} incident_updates.0.affected_components: expected array, received string`);
    expect(out.some((line) => line.startsWith(`${f}:8  ${shape} id: expected string, received number`))).toBe(true);
    expect(out).toContain(`${f}:9  skipped  not a Statuspage incident (no incident.id)`);
    expect(out.at(-2)).toMatch(/^statuspage: 9 source incidents read; 1 created, 0 updated, 0 unchanged, 8 skipped/);
  });

  it('looks names and values up in Maps: constructor, toString, valueOf, hasOwnProperty and __proto__ are ordinary names', async () => {
    const { status, out, root } = await importChecked('statuspage', `${dir}/statuspage-prototype-names.jsonl`);
    expect(status).toBe(1);
    expect(out).toContain(`${dir}/statuspage-prototype-names.jsonl:8 (constructor-impact)  skipped  impact "constructor" has no severity (add it under severity: in --map)`);
    const { repository } = loadRepository(root);
    expect(repository.applications.map((a) => a.name).sort()).toEqual(['Git Operations', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']);
    expect(repository.incidents.map((i) => i.external?.id)).toContain('__proto__');
    // Each incident has its own state entry, the one with id __proto__ included.
    const state = JSON.parse(readFileSync(path.join(root, '.opsledger/import/statuspage.json'), 'utf8')) as { records: object };
    expect(Object.keys(state.records).sort()).toEqual(['__proto__', 'good0001', 'proto0', 'proto1', 'proto2', 'proto3', 'proto4']);
    // And a second run finds every one of them unchanged.
    const again = await run(root, 'statuspage', `${dir}/statuspage-prototype-names.jsonl`, '--allow-skips');
    expect(again.out.at(-1)).toMatch(/0 created, 0 updated, 7 unchanged, 1 skipped/);
  });

  it('replaces noncharacters, lone surrogates and controls visibly, and says where', async () => {
    const { status, out, root } = await importChecked('statuspage', `${dir}/statuspage-unsafe-text.jsonl`);
    expect(status).toBe(0);
    const f = `${dir}/statuspage-unsafe-text.jsonl`;
    expect(out).toContain(`${f}:2 component pay0  repaired  component name: 1 character that cannot be published (U+FFFF) replaced with U+FFFD`);
    expect(out).toContain(`${f}:2 (nonchar)  repaired  name: 1 character that cannot be published (U+FFFF) replaced with U+FFFD`);
    expect(out).toContain(`${f}:3 (surrogate)  repaired  name: 1 character that cannot be published (U+D800) replaced with U+FFFD`);
    expect(out).toContain(`${f}:3 (surrogate) update 1  repaired  body: 1 character that cannot be published (U+DC00) replaced with U+FFFD`);
    expect(out).toContain(`${f}:4 (control)  repaired  name: 3 characters that cannot be published (U+0007, U+0000, U+009B) replaced with U+FFFD`);
    expect(out).toContain(`${f}:5 (fdd0)  repaired  name: 1 character that cannot be published (U+FDD0) replaced with U+FFFD`);
    const titles = loadRepository(root).repository.incidents.map((i) => i.title);
    expect(titles).toContain('Search \uFFFD index');
    // No text the build indexes holds a lone surrogate or a noncharacter.
    const all = JSON.stringify(loadRepository(root).repository);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFF|\uFDD0/.test(all)).toBe(false);
    expect(all.includes('\u0007')).toBe(false);
  });

  it('skips a resolved incident whose end is unknown instead of recording it as open', async () => {
    const { status, out, root } = await importChecked('statuspage', `${dir}/statuspage-closed-without-end.jsonl`);
    expect(status).toBe(1);
    expect(out).toContain(`${dir}/statuspage-closed-without-end.jsonl:2 (noend)  skipped  status "resolved" but no resolved_at: its end is unknown, and it is not recorded as open`);
    expect(out).toContain(`${dir}/statuspage-closed-without-end.jsonl:3 (postmortemnoend)  skipped  status "postmortem" but no resolved_at: its end is unknown, and it is not recorded as open`);
    // Still investigating: open is what it is.
    expect(loadRepository(root).repository.incidents.find((i) => i.external?.id === 'stillopen')?.status).toBe('open');
  });

  it('gives components whose names slug alike distinct applications, and reports it', async () => {
    const { status, out, root } = await importChecked('statuspage', `${dir}/statuspage-colliding-names.jsonl`);
    expect(status).toBe(0);
    expect(out).toContain('component cb2 "Core/Banking"  repaired  its name gives the application id "core-banking", already given to component cb1 "Core Banking": application "core-banking-2" instead (name both in --map applications: to merge them)');
    expect(out).toContain('component cb3 "core-banking"  repaired  its name gives the application id "core-banking", already given to component cb1 "Core Banking": application "core-banking-3" instead (name both in --map applications: to merge them)');
    expect(loadRepository(root).repository.applications.filter((a) => a.id.startsWith('core-banking')).map((a) => a.name)).toEqual(['Core Banking', 'Core/Banking', 'core-banking']);
  });

  it('reads line 1 after a UTF-8 BOM as a record', async () => {
    const { status, root } = await importChecked('statuspage', `${dir}/statuspage-bom.jsonl`);
    expect(status).toBe(0);
    expect(loadRepository(root).repository.incidents).toHaveLength(1);
  });

  it('stops at a byte that is not UTF-8, with its line, column and value; --encoding latin1 reads it', async () => {
    const line = await importStopped('statuspage', `${dir}/statuspage-latin1.jsonl`);
    expect(line).toBe(`import stopped, nothing written: ${dir}/statuspage-latin1.jsonl:2:47  byte 0xE7 is not UTF-8 (in Latin-1 it is "ç"); pass --encoding latin1 or --encoding windows-1252 if the export is in a legacy encoding`);
    const { status, root } = await importChecked('statuspage', `${dir}/statuspage-latin1.jsonl`, '--encoding', 'latin1');
    expect(status).toBe(0);
    expect(loadRepository(root).repository.incidents.map((i) => i.title)).toContain('Manutenção programada');
  });

  it('cuts a 5 MB field to its documented limit and says so', async () => {
    const root = emptyRoot();
    const source = readFileSync(`${dir}/statuspage-bom.jsonl`, 'utf8').slice(1);
    const value = JSON.parse(source);
    value.incident.name = 'x'.repeat(5_000_000);
    value.incident.incident_updates[0].body = 'y'.repeat(5_000_000);
    const file = path.join(root, 'long.jsonl');
    writeFileSync(file, `${JSON.stringify(value)}\n`);
    const { status, out } = await run(root, 'statuspage', file);
    expect(status).toBe(0);
    expect(out).toContain(`${file}:1 (good0001)  repaired  name: 5,000,000 characters, cut to the limit of 300`);
    expect(out).toContain(`${file}:1 (good0001) update 1  repaired  body: 5,000,000 characters, cut to the limit of 20,000`);
    expect(errorsOf(root)).toEqual([]);
    const [incident] = loadRepository(root).repository.incidents;
    expect(Array.from(incident!.title).length).toBe(300);
    expect(incident!.title.endsWith('…')).toBe(true);
  });

  it('stops with one line naming the file, exit 2 and nothing written: empty, truncated gzip, not gzip, no records', async () => {
    expect(await importStopped('statuspage', `${dir}/empty.jsonl`)).toBe(`import stopped, nothing written: ${dir}/empty.jsonl: empty file (0 bytes): nothing to import`);
    expect(await importStopped('statuspage', `${dir}/truncated.jsonl.gz`)).toBe(
      `import stopped, nothing written: ${dir}/truncated.jsonl.gz: damaged gzip file (unexpected end of file); the export is incomplete, download it again`,
    );
    expect(await importStopped('statuspage', `${dir}/not-gzip.jsonl.gz`)).toBe(`import stopped, nothing written: ${dir}/not-gzip.jsonl.gz: named .gz but not a gzip file (it starts with bytes 0x3c 0x68)`);
    expect(await importStopped('statuspage', `${dir}/no-records.jsonl`)).toBe(
      `import stopped, nothing written: ${dir}/no-records.jsonl: no Statuspage incident in it (2 entries read, none an incident); nothing imported`,
    );
    expect(await importStopped('statuspage', `${dir}/no-such-file.jsonl`)).toBe(`import stopped, nothing written: ${dir}/no-such-file.jsonl: no such file`);
  });
});

describe('servicenow exports that go wrong', () => {
  it('refuses a repeated header column, naming both', async () => {
    expect(await importStopped('servicenow', `${dir}/servicenow-repeated-header.csv`)).toBe(
      `import stopped, nothing written: ${dir}/servicenow-repeated-header.csv:1: repeated column "priority" (columns 13 and 19) in the header: which one holds the value is unknown; rename or remove one`,
    );
  });

  it('gives names that slug alike distinct applications and teams, and reports it', async () => {
    const { status, out, root } = await importChecked('servicenow', `${dir}/servicenow-colliding-names.csv`);
    expect(status).toBe(0);
    expect(out).toContain('application "Core/Banking"  repaired  gives the id "core-banking", already given to "Core Banking": "core-banking-2" instead (name both under --map to merge them)');
    expect(out).toContain('application "core-banking"  repaired  gives the id "core-banking", already given to "Core Banking": "core-banking-3" instead (name both under --map to merge them)');
    expect(out).toContain('team "Ops-Team"  repaired  gives the id "ops-team", already given to "Ops Team": "ops-team-2" instead (name both under --map to merge them)');
    const { repository } = loadRepository(root);
    expect(repository.incidents.map((i) => [i.external?.id, i.applications[0]]).sort()).toEqual([
      ['INC1', 'core-banking'],
      ['INC2', 'core-banking-2'],
      ['INC3', 'core-banking-3'],
      ['INC4', 'category-1'],
      ['INC5', 'category-1'],
    ]);
    expect(repository.teams.map((t) => t.id)).toEqual(expect.arrayContaining(['ops-team', 'ops-team-2']));
  });

  it('skips a closed ticket without a readable end instead of writing it as open', async () => {
    const { status, out, root } = await importChecked('servicenow', `${dir}/servicenow-closed-without-end.csv`);
    expect(status).toBe(1);
    const f = `${dir}/servicenow-closed-without-end.csv`;
    expect(out).toContain(`${f}:3 (INC2)  skipped  Closed, but neither resolved_at, closed_at nor sys_updated_at is a real date and time: its end is unknown, and it is not recorded as open`);
    expect(out).toContain(`${f}:4 (INC3)  repaired  resolved_at "31/2/2016 10:00" is not a real date and time: not used`);
    expect(out).toContain(`${f}:4 (INC3)  skipped  Resolved, but neither resolved_at, closed_at nor sys_updated_at is a real date and time: its end is unknown, and it is not recorded as open`);
    expect(loadRepository(root).repository.incidents.map((i) => i.status)).toEqual(['resolved']);
  });

  it('skips impossible local dates and times', async () => {
    const { out } = await importChecked('servicenow', `${dir}/servicenow-impossible-dates.csv`);
    const f = `${dir}/servicenow-impossible-dates.csv`;
    expect(out).toContain(`${f}:3 (INC2)  skipped  opened_at "31/2/2016 10:00" is not a real date and time (day/month/year hour:minute, or ISO 8601)`);
    expect(out).toContain(`${f}:4 (INC3)  skipped  opened_at "1/3/2016 25:00" is not a real date and time (day/month/year hour:minute, or ISO 8601)`);
    expect(out).toContain(`${f}:5 (INC4)  skipped  opened_at "yesterday" is not a real date and time (day/month/year hour:minute, or ISO 8601)`);
  });

  it('resolves a local time in a DST gap forward and one in an overlap to its first instant, and reports both', async () => {
    const { status, out, root } = await importChecked('servicenow', `${dir}/servicenow-dst.csv`, '--timezone', 'America/New_York');
    expect(status).toBe(0);
    const f = `${dir}/servicenow-dst.csv`;
    expect(out).toContain(`${f}:2 (INC1)  repaired  opened_at: local time 2016-03-13 02:30 does not exist in America/New_York (clocks went forward): read as 2016-03-13T03:30:00-04:00`);
    expect(out).toContain(`${f}:3 (INC2)  repaired  opened_at: local time 2016-11-06 01:30 happens twice in America/New_York (clocks went back): read as the first, 2016-11-06T01:30:00-04:00, not 2016-11-06T01:30:00-05:00`);
    const started = Object.fromEntries(loadRepository(root).repository.incidents.map((i) => [i.external?.id, new Date(i.started).toISOString()]));
    expect(started).toEqual({ INC1: '2016-03-13T07:30:00.000Z', INC2: '2016-11-06T05:30:00.000Z', INC3: '2016-07-01T14:00:00.000Z' });
  });

  it('treats constructor, toString, hasOwnProperty and __proto__ as ordinary names of applications, components, channels and groups', async () => {
    const { status, out, root } = await importChecked('servicenow', `${dir}/servicenow-prototype-names.csv`);
    expect(status).toBe(1);
    expect(out).toContain(`${dir}/servicenow-prototype-names.csv:3 (INC2)  skipped  priority "constructor" has no severity (add it under severity: in --map)`);
    const { repository } = loadRepository(root);
    expect(repository.incidents.map((i) => [i.applications[0], i.component, i.channel])).toEqual([
      ['constructor', 'valueof', 'unknown'],
      ['tostring', 'subcategory-1', 'phone'],
    ]);
    expect(repository.teams.map((t) => t.name).sort()).toEqual(['__proto__', 'hasOwnProperty']);
  });

  it('reads a Windows-1252 export only when told, and refuses it otherwise', async () => {
    expect(await importStopped('servicenow', `${dir}/servicenow-windows-1252.csv`)).toBe(
      `import stopped, nothing written: ${dir}/servicenow-windows-1252.csv:2:58  byte 0xE7 is not UTF-8 (in Latin-1 it is "ç"); pass --encoding latin1 or --encoding windows-1252 if the export is in a legacy encoding`,
    );
    const { root } = await importChecked('servicenow', `${dir}/servicenow-windows-1252.csv`, '--encoding', 'windows-1252');
    expect(loadRepository(root).repository.applications.map((a) => a.name)).toContain('Manutenção “Core”');
  });

  it('stops on a file that is only a header', async () => {
    expect(await importStopped('servicenow', `${dir}/servicenow-header-only.csv`)).toBe(`import stopped, nothing written: ${dir}/servicenow-header-only.csv: no rows, only a header: nothing to import`);
  });
});

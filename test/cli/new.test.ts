// npm run new: the next free id per kind and year, a file with every required field present, and check naming the empty ones.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parseRecordText } from '../../src/load/markdown.ts';
import { makeRoot, removeRoots, writeFile } from '../load/fixture-root.ts';
import { projectDir, runNpm, runScript } from './run.ts';

afterAll(removeRoots);

/** The catalogues of the minimal corpus and its capacity file, with no records (and no time rows pointing at them). */
function catalogueOnlyRoot(): string {
  const root = makeRoot();
  rmSync(path.join(root, 'content'), { recursive: true });
  rmSync(path.join(root, 'data/time'), { recursive: true });
  return root;
}

// The clock every command reads, fixed: a test run on 31 December or 1 January gives the same ids.
const year = 2027;
const asOf = { OPSLEDGER_AS_OF: '2027-06-15T09:00:00Z' };

const emptyIncidentLines = (file: string) => [
  `${file}:4:1  error  application  required field is empty (expected text)  [schema]`,
  `${file}:5:1  error  severity  required field is empty (expected one of "SEV1", "SEV2", "SEV3", "SEV4")  [schema]`,
  `${file}:6:1  error  status  required field is empty (expected one of "open", "monitoring", "resolved")  [schema]`,
  `${file}:7:1  error  started  required field is empty (expected a timestamp with offset, e.g. 2026-10-14T02:10:00Z)  [schema]`,
  `${file}:8:1  error  detected  required field is empty (expected a timestamp with offset, e.g. 2026-10-14T02:10:00Z)  [schema]`,
  `${file}:12:1  error  component  required field is empty (expected text)  [schema]`,
  `${file}:13:1  error  cause  required field is empty (expected one of "change", "capacity", "hardware", "software", "data", "network", "third-party", "human", "unknown")  [schema]`,
  `${file}:16:1  error  channel  required field is empty (expected one of "monitoring", "phone", "email", "ticket", "chat", "unknown")  [schema]`,
];

describe('new', () => {
  let root: string;
  beforeEach(() => {
    root = catalogueOnlyRoot();
  });

  it('creates INC-<year>-0001, then -0002, and check lists their empty required fields', () => {
    const first = runScript('new.ts', ['incident', 'Settlement', 'batch', 'stalled'], { OPSLEDGER_ROOT: root, ...asOf });
    expect(first.status).toBe(0);
    const firstFile = `content/incidents/${year}/INC-${year}-0001.md`;
    expect(first.lines).toEqual([
      `created ${path.relative(projectDir, path.join(root, firstFile))}`,
      'fill in the fields marked REQUIRED; `opsledger check` lists the ones still empty',
    ]);

    const second = runNpm('new', ['incident', 'Pricing feed late'], { OPSLEDGER_ROOT: root, ...asOf });
    expect(second.status).toBe(0);
    const secondFile = `content/incidents/${year}/INC-${year}-0002.md`;
    expect(existsSync(path.join(root, secondFile))).toBe(true);

    const text = readFileSync(path.join(root, firstFile), 'utf8');
    expect(text).toMatch(new RegExp(`^---\\nid: INC-${year}-0001\\ntitle: "Settlement batch stalled"\\n`));

    const check = runNpm('check', [], { OPSLEDGER_ROOT: root, ...asOf });
    expect(check.lines).toEqual([
      ...emptyIncidentLines(firstFile),
      ...emptyIncidentLines(secondFile),
      `✖ 16 errors in 2 files (7 files checked under ${root})`,
    ]);
    expect(check.status).toBe(1);
  });

  it('continues after the highest id of the year, wherever the file sits', () => {
    writeFile(root, `content/incidents/archive/INC-${year}-0007.md`, '---\nid: x\n---\n');
    writeFile(root, `content/incidents/INC-${year - 1}-0042.md`, '---\nid: x\n---\n');
    runScript('new.ts', ['incident', 'Next'], { OPSLEDGER_ROOT: root, ...asOf });
    expect(existsSync(path.join(root, `content/incidents/${year}/INC-${year}-0008.md`))).toBe(true);
  });

  it('goes past 9999 with a fifth digit, numbers compared as numbers', () => {
    writeFile(root, `content/incidents/INC-${year}-9999.md`, '---\nid: x\n---\n');
    writeFile(root, `content/incidents/INC-${year}-10000.md`, '---\nid: x\n---\n');
    runScript('new.ts', ['incident', 'Next'], { OPSLEDGER_ROOT: root, ...asOf });
    expect(existsSync(path.join(root, `content/incidents/${year}/INC-${year}-10001.md`))).toBe(true);
  });

  it.each([
    ['change', `content/changes/${year}/CHG-${year}-0001.md`, ['application', 'type', 'risk', 'submitted', 'plannedStart', 'plannedEnd', 'owner']],
    ['problem', `content/problems/${year}/PRB-${year}-0001.md`, ['source', 'priority', 'opened', 'owner']],
    ['postmortem', `content/postmortems/${year}/PM-${year}-0001.md`, ['incidents', 'date', 'authors']],
  ])('scaffolds a %s whose required fields check names', (kind, file, fields) => {
    const run = runScript('new.ts', [kind, 'Something to record'], { OPSLEDGER_ROOT: root, ...asOf });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(root, file))).toBe(true);
    const check = runScript('check.ts', [], { OPSLEDGER_ROOT: root, ...asOf });
    expect(check.lines.slice(0, -1).map((line) => line.split('  ')[0]!.split(':')[0])).toEqual(fields.map(() => file));
    expect(check.lines.slice(0, -1).map((line) => line.split('  ')[2])).toEqual(fields);
  });

  it('writes a title with YAML specials so it reads back unchanged', () => {
    const title = 'Outage: "quotes", #hash & *star — ünïcode';
    runScript('new.ts', ['problem', title], { OPSLEDGER_ROOT: root, ...asOf });
    const parsed = parseRecordText('f.md', readFileSync(path.join(root, `content/problems/${year}/PRB-${year}-0001.md`), 'utf8'));
    expect(parsed.ok && (parsed.record.data as { title: string }).title).toBe(title);
  });

  it('takes the year from OPSLEDGER_AS_OF in UTC, and refuses one that is not a real instant', () => {
    const run = runScript('new.ts', ['change', 'Year end freeze'], { OPSLEDGER_ROOT: root, OPSLEDGER_AS_OF: '2031-01-01T00:30:00+01:00' });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(root, 'content/changes/2030/CHG-2030-0001.md'))).toBe(true);
    const refused = runScript('new.ts', ['change', 'Leap'], { OPSLEDGER_ROOT: root, OPSLEDGER_AS_OF: '2026-02-30T00:00Z' });
    expect(refused.stderr.trim()).toBe('OPSLEDGER_AS_OF=2026-02-30T00:00Z is refused: "2026-02-30T00:00Z" is not a real date and time');
    expect(refused.status).toBe(2);
    expect(existsSync(path.join(root, 'content/changes/2026'))).toBe(false);
  });

  it.each([
    [['incident']],
    [['incident', '  ']],
    [['ticket', 'Title']],
    [[]],
  ])('refuses %j with usage and exit 2', (args) => {
    const run = runScript('new.ts', args, { OPSLEDGER_ROOT: root, ...asOf });
    expect(run.stderr.trim()).toBe('usage: opsledger new incident|change|problem|postmortem "Title"');
    expect(run.status).toBe(2);
    expect(existsSync(path.join(root, 'content'))).toBe(false);
  });
});

// npm run check: the printed lines, the summary and the exit code, on a temp copy of the fixtures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { badDir, makeRoot, removeRoots, writeFile } from '../load/fixture-root.ts';
import { runNpm, runScript } from './run.ts';

afterAll(removeRoots);

const brokenLines = [
  'content/changes/CHG-2026-0001.md:2:1  error  owner  required field is missing (expected text)  [schema]',
  'content/postmortems/PM-2026-0001.md:5:1  error  date  "2026-03-32" is not a date (expected YYYY-MM-DD)  [schema]',
  'content/problems/PRB-2026-0001.md:5:1  error  priority  expected one of "P1", "P2", "P3", "P4", got "high"  [schema]',
  'data/site.yaml:1:1  error  title  must not be empty  [schema]',
  'data/teams.yaml:6:3  error  [0].email  expected an e-mail address, got "ops-at-example.org"  [schema]',
  'data/time/2026-03.csv:5:39  error  category  expected one of incident, service-request, change, problem, project, admin, got "meeting"  [csv]',
];

describe('check', () => {
  it('passes the valid corpus with a ✔ summary and exit 0', () => {
    const root = makeRoot();
    const run = runScript('check.ts', [], { OPSLEDGER_ROOT: root });
    expect(run.lines).toEqual([`✔ 12 files checked under ${root}: no errors`]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('prints every error of a broken corpus, then a ✖ summary, and exits 1', () => {
    const root = makeRoot(path.join(badDir, 'several-broken-files'));
    const run = runScript('check.ts', [], { OPSLEDGER_ROOT: root });
    expect(run.lines).toEqual([...brokenLines, `✖ 6 errors in 6 files (12 files checked under ${root})`]);
    expect(run.status).toBe(1);
  });

  it('counts one error in one file in the singular', () => {
    const root = makeRoot(path.join(badDir, 'bad-enum'));
    const run = runScript('check.ts', [], { OPSLEDGER_ROOT: root });
    expect(run.lines.at(-1)).toBe(`✖ 1 error in 1 file (12 files checked under ${root})`);
    expect(run.status).toBe(1);
  });

  it('reports both the naive timestamp and the dangling change of one incident', () => {
    const root = makeRoot(path.join(badDir, 'naive-timestamp-and-dangling-change'));
    const run = runScript('check.ts', [], { OPSLEDGER_ROOT: root });
    expect(run.lines).toEqual([
      'content/incidents/INC-2026-0002.md:8:1  error  detected  "2026-03-12T08:05:00" has no offset; write Z or ±hh:mm (e.g. 2026-03-12T08:05:00Z) so the time zone is not guessed  [schema]',
      'content/incidents/INC-2026-0002.md:13:1  error  change  unknown change CHG-2026-0077 (no such record under content/)  [reference]',
      `✖ 2 errors in 1 file (12 files checked under ${root})`,
    ]);
  });

  it('prints GitHub annotations with --format github', () => {
    const root = makeRoot(path.join(badDir, 'naive-timestamp-and-dangling-change'));
    const run = runScript('check.ts', ['--format', 'github'], { OPSLEDGER_ROOT: root });
    expect(run.lines).toEqual([
      '::error file=content/incidents/INC-2026-0002.md,line=8,col=1,title=detected (schema)::"2026-03-12T08:05:00" has no offset; write Z or ±hh:mm (e.g. 2026-03-12T08:05:00Z) so the time zone is not guessed',
      '::error file=content/incidents/INC-2026-0002.md,line=13,col=1,title=change (reference)::unknown change CHG-2026-0077 (no such record under content/)',
      `✖ 2 errors in 1 file (12 files checked under ${root})`,
    ]);
    expect(run.status).toBe(1);
  });

  it('prefixes annotation paths for a content root inside the checkout, and takes --format=github', () => {
    const root = makeRoot(path.join(badDir, 'no-frontmatter'));
    const run = runScript('check.ts', ['--format=github'], { OPSLEDGER_ROOT: root, OPSLEDGER_ANNOTATION_PREFIX: 'records/' });
    expect(run.lines[0]).toBe(
      '::error file=records/content/changes/CHG-2026-0002.md,line=1,col=1,title=yaml::no frontmatter: a record starts with a line "---", its YAML fields, then "---"',
    );
  });

  it('fails a Latin-1 export at the byte that is not UTF-8, instead of publishing "caf�"', () => {
    const root = makeRoot(path.join(badDir, 'latin-1'));
    const run = runScript('check.ts', [], { OPSLEDGER_ROOT: root });
    expect(run.lines).toEqual([
      'content/incidents/INC-2026-0001.md:3:43  error  -  byte 0xE9 is not UTF-8 (in Latin-1 it is "é"); save the file as UTF-8  [encoding]',
      'data/teams.yaml:8:16  error  -  byte 0xEB is not UTF-8 (in Latin-1 it is "ë"); save the file as UTF-8  [encoding]',
      'data/time/2026-03.csv:3:15  error  -  byte 0xE9 is not UTF-8 (in Latin-1 it is "é"); save the file as UTF-8  [encoding]',
      `✖ 3 errors in 3 files (12 files checked under ${root})`,
    ]);
    expect(run.status).toBe(1);
  });

  const bauLine = 'content/changes/CHG-2026-0002.md:11:1  warning  releasesCode  a bau change must not release code: make it a normal or standard change, or set releasesCode: false if it ships none  [bau-releases-code]';
  const warningLines = [
    bauLine,
    'content/changes/CHG-2026-0003.md:6:1  warning  risk  high risk without CAB review: a high-risk change needs cab: true and at least one approval  [high-risk-unapproved]',
    'content/changes/CHG-2026-0003.md:7:1  warning  submitted  lead time 2.5 days, under the 5 days a normal change needs (changeLeadDays in data/site.yaml)  [lead-time]',
  ];

  it('prints broken change rules as warnings at their field and passes: warnings do not fail the check', () => {
    const root = makeRoot(path.join(badDir, 'change-rules-broken'));
    const run = runNpm('check', [], { OPSLEDGER_ROOT: root });
    expect(run.lines).toEqual([...warningLines, `✔ 13 files checked under ${root}: no errors, 3 warnings in 2 files`]);
    expect(run.status).toBe(0);
  });

  it('annotates a bau change that releases code as ::warning on its line with --format github', () => {
    const root = makeRoot(path.join(badDir, 'change-rules-broken'));
    const run = runScript('check.ts', ['--format', 'github'], { OPSLEDGER_ROOT: root });
    expect(run.lines[0]).toBe(
      '::warning file=content/changes/CHG-2026-0002.md,line=11,col=1,title=releasesCode (bau-releases-code)::a bau change must not release code: make it a normal or standard change, or set releasesCode: false if it ships none',
    );
    expect(run.lines.slice(0, -1).every((line) => line.startsWith('::warning '))).toBe(true);
    expect(run.status).toBe(0);
  });

  it('fails on more warnings than --max-warnings allows, as ESLint does', () => {
    const root = makeRoot(path.join(badDir, 'change-rules-broken'));
    const over = runScript('check.ts', ['--max-warnings', '2'], { OPSLEDGER_ROOT: root });
    expect(over.lines.at(-1)).toBe(`✖ 13 files checked under ${root}: no errors, 3 warnings in 2 files, more than --max-warnings 2 allows`);
    expect(over.status).toBe(1);
    const atLimit = runScript('check.ts', ['--max-warnings=3'], { OPSLEDGER_ROOT: root });
    expect(atLimit.lines.at(-1)).toBe(`✔ 13 files checked under ${root}: no errors, 3 warnings in 2 files`);
    expect(atLimit.status).toBe(0);
    const bad = runScript('check.ts', ['--max-warnings', 'few'], { OPSLEDGER_ROOT: root });
    expect(bad.stderr.trim()).toBe('--max-warnings must be a whole number ≥ -1, not "few"');
    expect(bad.status).toBe(2);
  });

  it('counts errors and warnings apart when a root has both', () => {
    const root = makeRoot(path.join(badDir, 'change-rules-broken'));
    writeFile(root, 'data/teams.yaml', readFileSync(path.join(badDir, 'several-broken-files/data/teams.yaml'), 'utf8'));
    const run = runScript('check.ts', [], { OPSLEDGER_ROOT: root });
    expect(run.lines).toEqual([
      ...warningLines,
      'data/teams.yaml:6:3  error  [0].email  expected an e-mail address, got "ops-at-example.org"  [schema]',
      `✖ 1 error and 3 warnings in 3 files (13 files checked under ${root})`,
    ]);
    expect(run.status).toBe(1);
  });

  it('rejects an unknown format with exit 2', () => {
    const run = runScript('check.ts', ['--format', 'xml'], { OPSLEDGER_ROOT: makeRoot() });
    expect(run.stderr.trim()).toBe('unknown --format "xml" (text or github)');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('runs as npm run check, on OPSLEDGER_ROOT', () => {
    const root = makeRoot(path.join(badDir, 'several-broken-files'));
    const run = runNpm('check', [], { OPSLEDGER_ROOT: root });
    expect(run.lines).toEqual([...brokenLines, `✖ 6 errors in 6 files (12 files checked under ${root})`]);
    expect(run.status).toBe(1);
  });
});

// npm run check -- <file…>: only the given files, their errors, a summary and the exit code.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { givenFiles } from '../../src/cli/check-files.ts';
import { badDir, makeRoot, removeRoots } from '../load/fixture-root.ts';
import { runNpm, runScript } from './run.ts';

afterAll(removeRoots);

describe('check of given files', () => {
  it('checks one valid record and says so', () => {
    const root = makeRoot();
    const run = runNpm('check', ['content/incidents/INC-2026-0001.md'], { OPSLEDGER_ROOT: root });
    expect(run.lines).toEqual([`✔ 1 given file checked under ${root}: no errors`]);
    expect(run.status).toBe(0);
  });

  it("reports a given record's own errors and its dangling reference, and nothing of the files not given", () => {
    const root = makeRoot(path.join(badDir, 'several-broken-files'));
    const run = runScript('check.ts', ['content/problems/PRB-2026-0001.md', 'content/incidents/INC-2026-0001.md'], { OPSLEDGER_ROOT: root });
    expect(run.lines).toEqual([
      'content/problems/PRB-2026-0001.md:5:1  error  priority  expected one of "P1", "P2", "P3", "P4", got "high"  [schema]',
      `✖ 1 error in 1 file (2 given files checked under ${root})`,
    ]);
    expect(run.status).toBe(1);
    const dangling = makeRoot(path.join(badDir, 'naive-timestamp-and-dangling-change'));
    const github = runScript('check.ts', ['--format', 'github', 'content/incidents/INC-2026-0002.md'], { OPSLEDGER_ROOT: dangling });
    expect(github.lines.filter((line) => line.startsWith('::error')).length).toBe(2);
    expect(github.lines.join('\n')).toContain('unknown change CHG-2026-0077');
    expect(github.status).toBe(1);
  });

  it('takes every argument that is not an option or its value as a file', () => {
    expect(givenFiles(['--format', 'github', 'a.md', '--max-warnings', '3', 'b.md', '--format=text'])).toEqual(['a.md', 'b.md']);
    expect(givenFiles(['--format=github'])).toEqual([]);
  });
});

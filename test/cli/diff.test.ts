// npm run diff on a real git history: a temp repository with the availability corpus committed, then
// one incident's restored time edited and committed; the diff names exactly the figures that moved.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { runNpm } from './run.ts';

const corpus = path.join(projectRoot, 'test/fixtures/availability-corpus');
const asOf = '2026-11-24T12:00:00Z';
const incident = 'content/incidents/INC-2026-0004.md';
let repo = '';

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Ops Analyst', '-c', 'user.email=ops@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

function edit(root: string, file: string, from: string, to: string): void {
  const text = readFileSync(path.join(root, file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(path.join(root, file), text.replace(from, to));
}

const changedFigures = [
  '### Availability',
  '',
  '- portfolio 2026-03: 99.81 % → 99.85 %',
  '- settle 2026-03: 99.61 % → 99.80 %, amber → green',
  '',
  '### Lost minutes',
  '',
  '- portfolio 2026-03: 141.6 min → 111.6 min',
  '- settle 2026-03: 60.0 min → 30.0 min',
  '',
  '### Top talkers',
  '',
  '- 2026-03: INC-2026-0004, INC-2026-0006, INC-2026-0003, INC-2026-0002 → INC-2026-0006, INC-2026-0004, INC-2026-0003, INC-2026-0002',
];

beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'opsledger-diff-repo-'));
  cpSync(corpus, repo, { recursive: true });
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Records');
  edit(repo, incident, 'restored: 2026-03-09T12:00:00Z', 'restored: 2026-03-09T11:30:00Z');
  git(repo, 'commit', '-q', '-am', 'INC-2026-0004 was restored at 11:30');
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('npm run diff', () => {
  it('prints, as Markdown, exactly the figures the second commit changed', () => {
    const run = runNpm('diff', ['HEAD~1'], { OPSLEDGER_ROOT: repo, OPSLEDGER_AS_OF: asOf });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const short = git(repo, 'rev-parse', '--short', 'HEAD~1');
    expect(run.lines).toEqual([
      '## Figures changed against HEAD~1',
      '',
      `HEAD~1 (${short}) compared with the working tree, both as of 2026-11-24T12:00:00.000Z.`,
      '',
      ...changedFigures,
    ]);
  });

  it('compares with the working tree, uncommitted edits included', () => {
    expect(runNpm('diff', ['HEAD'], { OPSLEDGER_ROOT: repo, OPSLEDGER_AS_OF: asOf }).lines.at(-1)).toBe('No figure changes.');
    edit(repo, incident, 'restored: 2026-03-09T11:30:00Z', 'restored: 2026-03-09T12:00:00Z');
    try {
      const run = runNpm('diff', ['HEAD'], { OPSLEDGER_ROOT: repo, OPSLEDGER_AS_OF: asOf });
      expect(run.lines).toContain('- settle 2026-03: 99.80 % → 99.61 %, green → amber');
    } finally {
      git(repo, 'checkout', '-q', '--', incident);
    }
  });

  it('reads the records of a content root kept in a subfolder of the repository', () => {
    const outer = mkdtempSync(path.join(os.tmpdir(), 'opsledger-diff-outer-'));
    try {
      const root = path.join(outer, 'ops', 'records');
      mkdirSync(root, { recursive: true });
      cpSync(corpus, root, { recursive: true });
      git(outer, 'init', '-q');
      git(outer, 'add', '.');
      git(outer, 'commit', '-q', '-m', 'Records');
      edit(root, incident, 'restored: 2026-03-09T12:00:00Z', 'restored: 2026-03-09T11:30:00Z');
      const run = runNpm('diff', ['HEAD'], { OPSLEDGER_ROOT: root, OPSLEDGER_AS_OF: asOf });
      expect(run.status).toBe(0);
      expect(run.lines.slice(4)).toEqual(changedFigures);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('says what is wrong with an unknown ref or a missing one, and exits 2', () => {
    const unknown = runNpm('diff', ['no-such-branch'], { OPSLEDGER_ROOT: repo, OPSLEDGER_AS_OF: asOf });
    expect(unknown.stderr.trim()).toBe(`"no-such-branch" is not a commit of the git repository at ${repo}`);
    expect(unknown.status).toBe(2);
    const missing = runNpm('diff', [], { OPSLEDGER_ROOT: repo, OPSLEDGER_AS_OF: asOf });
    expect(missing.stderr).toContain('usage: opsledger diff <git-ref>');
    expect(missing.status).toBe(2);
  });

  it('compares figures saved apart (--save, as by the base branch with its own opsledger) with the working tree (--against)', () => {
    const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'opsledger-diff-saved-')), 'base-figures.json');
    try {
      git(repo, 'checkout', '-q', 'HEAD~1');
      const save = runNpm('diff', ['--save', saved], { OPSLEDGER_ROOT: repo, OPSLEDGER_AS_OF: asOf });
      git(repo, 'checkout', '-q', '-');
      expect(save.status, save.stderr).toBe(0);
      const run = runNpm('diff', ['--against', saved], { OPSLEDGER_ROOT: repo, OPSLEDGER_AS_OF: asOf });
      expect(run.status, run.stderr).toBe(0);
      expect(run.lines).toEqual([
        '## Figures changed against base-figures.json',
        '',
        'base-figures.json (opsledger 0.1.0) compared with the working tree (opsledger 0.1.0), both as of 2026-11-24T12:00:00.000Z.',
        '',
        ...changedFigures,
      ]);
      // Figures as of another instant cannot be compared: every month-to-date figure would differ.
      const later = runNpm('diff', ['--against', saved], { OPSLEDGER_ROOT: repo, OPSLEDGER_AS_OF: '2026-11-25T00:00:00Z' });
      expect(later.stderr.trim()).toBe(`${saved} is as of 2026-11-24T12:00:00.000Z, the working tree as of 2026-11-25T00:00:00.000Z: set the same OPSLEDGER_AS_OF for both`);
      expect(later.status).toBe(2);
      expect(runNpm('diff', ['HEAD', '--save', saved], { OPSLEDGER_ROOT: repo, OPSLEDGER_AS_OF: asOf }).status).toBe(2);
    } finally {
      rmSync(path.dirname(saved), { recursive: true, force: true });
    }
  });
});

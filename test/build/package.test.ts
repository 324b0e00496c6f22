// The package as a user meets it: the project packed with `npm pack`; in an empty folder `npx <tarball> init`, then
// `npm install` (the dependencies from the registry, through the npm cache), `npx opsledger check`, `build` (with
// the installed package read-only), `new incident`, `check` again, and the built site opened in a browser. Prints
// the tarball's size, the install time and the time of each step.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/cli/written-files.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serveStatic } from '../helpers/static-server.ts';

const asOf = '2026-11-25T00:00:00Z';
/** What a copy of the project leaves out: git's history, installed packages and build output. */
const notCopied = new Set(['.git', 'node_modules', 'test-output', 'bench-output', 'dist', '.astro']);
const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string };

let scratch = '';
let app = '';
let tarball = '';
const figures: string[] = [];
let browser: Browser | undefined;

/** Runs a command as a user's shell would (this Node first on PATH, none of the test runner's variables), timed. */
function run(label: string, command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['OPSLEDGER_ROOT', 'NODE_ENV', 'OPSLEDGER_ANNOTATION_PREFIX'].includes(name) && !name.startsWith('VITEST') && !name.startsWith('npm_')));
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    env: { ...env, NO_COLOR: '1', OPSLEDGER_AS_OF: asOf, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  figures.push(`${label}: ${seconds.toFixed(1)} s`);
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}`, lines: result.stdout.trimEnd().split('\n'), seconds };
}

const opsledger = (label: string, args: string[]) => run(`npx opsledger ${label}`, 'npx', ['--no-install', 'opsledger', ...args], app);

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'opsledger-package-'));
  // Packed from a copy, so the JavaScript that packing compiles beside the sources never appears in this checkout.
  const copy = path.join(scratch, 'project');
  cpSync(projectRoot, copy, { recursive: true, filter: (source) => !notCopied.has(path.relative(projectRoot, source).split(path.sep)[0]!) });
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const packed = run('npm pack (compiles, packs)', 'npm', ['pack', '--json', '--pack-destination', scratch], copy, { PATH: `${path.join(copy, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}` });
  expect(packed.status, packed.output.slice(-3000)).toBe(0);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
  tarball = path.join(scratch, info!.filename);
  figures.push(`tarball: ${(info!.size / 1024).toFixed(0)} KiB packed, ${(info!.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${info!.entryCount} files`);
  // After packing, the copy holds only its sources again.
  expect(readdirSync(path.join(copy, 'src/cli')).filter((file) => file.endsWith('.js'))).toEqual([]);
  app = path.join(scratch, 'records');
  mkdirSync(app);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  console.log(`package end to end:\n  ${figures.join('\n  ')}`);
  if (scratch !== '') {
    // The installed package was made read-only for the build; writable again, so it can be deleted.
    const installed = path.join(app, 'node_modules', pkg.name);
    if (existsSync(installed)) spawnSync('chmod', ['-R', 'u+w', installed]);
    rmSync(scratch, { recursive: true, force: true });
  }
});

describe('the packed opsledger, installed into an empty folder', () => {
  it('ships the compiled CLI, the pages, the templates and the schemas, and nothing of the tests or the demo', () => {
    const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    for (const file of ['package/bin/opsledger.js', 'package/src/cli/opsledger.js', 'package/src/site/render-worker.js', 'package/src/pages/index.astro', 'package/astro.config.mjs', 'package/templates/init/gitignore', 'package/templates/init/.github/workflows/deploy.yml', 'package/schemas/applications.schema.json', 'package/scripts/generate-demo.js']) {
      expect(list, file).toContain(file);
    }
    expect(list.filter((file) => /^package\/(test|content|data)\//.test(file))).toEqual([]);
    expect(list.filter((file) => file.startsWith('package/src/pages/') && file.endsWith('.js'))).toEqual([]);
  });

  it('npx <tarball> init writes the records repository, its package.json pinning the tarball', () => {
    const init = run('npx <tarball> init (npx installs the package first)', 'npx', ['--yes', '--package', tarball, '--', 'opsledger', 'init', '--pin', `file:${tarball}`], app);
    expect(init.status, init.output.slice(-3000)).toBe(0);
    expect(init.lines[0]).toBe('wrote 16 files into .:');
    const manifest = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ [pkg.name]: `file:../${path.basename(tarball)}` });
  });

  it('npm install brings the package and its dependencies from the registry, as a user would', () => {
    const install = run('npm install', 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], app);
    expect(install.status, install.output.slice(-3000)).toBe(0);
    expect(existsSync(path.join(app, 'node_modules/.bin/opsledger'))).toBe(true);
    expect(existsSync(path.join(app, 'node_modules/astro/package.json'))).toBe(true);
  });

  it('npx opsledger check passes at once', () => {
    const check = opsledger('check', ['check']);
    expect(check.lines).toEqual([`✔ 6 files checked under ${app}: no errors`]);
    expect(check.status).toBe(0);
  });

  it('npx opsledger build writes the site to dist/ with the installed package read-only, its caches in the records folder', () => {
    spawnSync('chmod', ['-R', 'a-w', path.join(app, 'node_modules', pkg.name)]);
    const build = opsledger('build', ['build']);
    expect(build.status, build.output.slice(-4000)).toBe(0);
    const index = readFileSync(path.join(app, 'dist/index.html'), 'utf8');
    expect(index).toContain('Reference Corp');
    expect(existsSync(path.join(app, 'dist/incidents/INC-2026-0001/index.html'))).toBe(true);
    expect(existsSync(path.join(app, 'dist/pagefind'))).toBe(true);
    expect(statSync(path.join(app, 'node_modules/.astro')).isDirectory()).toBe(true);
  });

  it('keeps no file of the tool in the records repository', () => {
    const own = filesUnder(app, ['.']).filter((file) => !file.startsWith('node_modules/') && !file.startsWith('dist/'));
    expect(own).toEqual([
      '.githooks/pre-commit',
      '.github/dependabot.yml',
      '.github/workflows/deploy.yml',
      '.github/workflows/monthly-report.yml',
      '.github/workflows/pull-request.yml',
      '.gitignore',
      '.vscode/extensions.json',
      '.vscode/settings.json',
      'README.md',
      'content/incidents/2026/INC-2026-0001.md',
      'data/applications.yaml',
      'data/capacity/settlement.csv',
      'data/customers.yaml',
      'data/site.yaml',
      'data/teams.yaml',
      'package-lock.json',
      'package.json',
    ]);
  });

  it('npx opsledger new incident writes the next record, and check lists what is still to fill in until it is', () => {
    const created = opsledger('new incident', ['new', 'incident', 'Card payments declined']);
    expect(created.status, created.output).toBe(0);
    expect(created.lines[0]).toBe('created content/incidents/2026/INC-2026-0002.md');
    const stub = opsledger('check (the stub)', ['check']);
    expect(stub.status).toBe(1);
    expect(stub.lines.at(-1)).toBe(`✖ 8 errors in 1 file (7 files checked under ${app})`);
    expect(stub.lines[0]).toBe('content/incidents/2026/INC-2026-0002.md:4:1  error  application  required field is empty (expected text)  [schema]');
    const file = path.join(app, 'content/incidents/2026/INC-2026-0002.md');
    const filled: Record<string, string> = { application: 'settlement', severity: 'SEV3', status: 'open', started: '2026-11-24T09:00:00Z', detected: '2026-11-24T09:05:00Z', component: 'db', cause: 'unknown', channel: 'phone' };
    let text = readFileSync(file, 'utf8');
    for (const [field, value] of Object.entries(filled)) text = text.replace(new RegExp(`^${field}: +#.*$`, 'm'), `${field}: ${value}`);
    writeFileSync(file, text);
    const check = opsledger('check (filled in)', ['check']);
    expect(check.lines).toEqual([`✔ 7 files checked under ${app}: no errors`]);
    expect(check.status).toBe(0);
  });

  it('the built site opens in a browser, every asset found', async () => {
    const server = await serveStatic(path.join(app, 'dist'));
    try {
      browser = await launchChromium();
      const page = await browser.newPage();
      const response = await page.goto(new URL('incidents/INC-2026-0001/', server.siteUrl).href, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe('INC-2026-0001 Settlement batch stalled · Reference Corp');
      const styled = await page.evaluate(() => document.styleSheets.length > 0 && getComputedStyle(document.body).fontFamily !== '');
      expect(styled).toBe(true);
      await page.goto(server.siteUrl, { waitUntil: 'load' });
      expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBeTruthy();
      expect(server.notFound).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

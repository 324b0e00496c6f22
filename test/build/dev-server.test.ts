// opsledger dev follows the author in a real browser: an edit to a record reloads the open page with the new
// content, a broken record shows its located error in the page and in the terminal, and the fix reloads it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { launchChromium } from '../helpers/chromium.ts';

const incident = 'content/incidents/INC-2026-0001.md';
const diagnostic = 'content/incidents/INC-2026-0001.md:5:1  error  severity  expected one of "SEV1", "SEV2", "SEV3", "SEV4", got "SEV9"  [schema]';
/** "within about a second" on an idle machine; this allows for the two cores being shared with other builds. */
const reloadBudgetMs = 5_000;

let root = '';
let server: ChildProcess | undefined;
let output = '';
let url = '';
// Unset when the dev server never came up: afterAll closes only what was opened.
let browser: Browser | undefined;
let page: Page;

function edit(from: string, to: string): void {
  const file = path.join(root, incident);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** Waits until the page's text (the error overlay's shadow DOM included) shows `text`; returns the milliseconds it took. */
async function shows(text: string): Promise<number> {
  const started = performance.now();
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'attached', timeout: 20_000 });
  return Math.round(performance.now() - started);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'opsledger-dev-'));
  cpSync(path.join(projectRoot, 'test/fixtures/minimal'), root, { recursive: true });
  // As an author's shell would start it: not under the test runner's NODE_ENV=test.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'OPSLEDGER_ROOT' && name !== 'NODE_ENV' && !name.startsWith('VITEST')));
  const started = performance.now();
  server = spawn(process.execPath, [path.join(projectRoot, 'src/cli/opsledger.ts'), 'dev', '--root', root, '--host', '127.0.0.1', '--port', '0'], {
    cwd: root,
    env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0', OPSLEDGER_AS_OF: '2026-11-25T00:00:00Z' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const local = /Local\s+(http:\/\/[^\s]+)/.exec(output);
      if (local) resolve(local[1]!);
    };
    server!.stdout!.on('data', read);
    server!.stderr!.on('data', read);
    server!.on('exit', (code) => reject(new Error(`opsledger dev exited with ${code}:\n${output}`)));
  });
  [url, browser] = await Promise.all([ready, launchChromium()]);
  console.log(`opsledger dev ready in ${Math.round(performance.now() - started)} ms at ${url}`);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

describe('opsledger dev', () => {
  it('serves the record, and reloads the open page when the record is edited', async () => {
    await page.goto(new URL('incidents/INC-2026-0001/', url).href);
    expect(await page.title()).toBe('INC-2026-0001 Settlement batch stalled · Reference Corp');
    edit('title: Settlement batch stalled', 'title: Settlement batch stalled after the release');
    const ms = await shows('Settlement batch stalled after the release');
    console.log(`page reloaded with the edited title in ${ms} ms`);
    expect(ms).toBeLessThan(reloadBudgetMs);
    expect(await page.title()).toBe('INC-2026-0001 Settlement batch stalled after the release · Reference Corp');
  });

  it('shows a validation error in the page and in the terminal, as check prints it', async () => {
    edit('severity: SEV2', 'severity: SEV9');
    const ms = await shows(diagnostic);
    console.log(`page showed the validation error in ${ms} ms`);
    expect(ms).toBeLessThan(reloadBudgetMs);
    expect(output).toContain(diagnostic);
  });

  it('reloads the page again when the error is fixed', async () => {
    edit('severity: SEV9', 'severity: SEV3');
    const ms = await shows('Settlement batch stalled after the release');
    console.log(`page reloaded after the fix in ${ms} ms`);
    expect(ms).toBeLessThan(reloadBudgetMs);
    expect(await page.title()).toBe('INC-2026-0001 Settlement batch stalled after the release · Reference Corp');
    await expect(page.getByText('SEV3').first().isVisible()).resolves.toBe(true);
  });

  it('follows a catalogue too: a renamed application shows on the page', async () => {
    const file = path.join(root, 'data/applications.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Settlement', 'name: Trade Settlement'));
    const ms = await shows('Trade Settlement');
    console.log(`page reloaded after a catalogue edit in ${ms} ms`);
    expect(ms).toBeLessThan(reloadBudgetMs);
  });
});

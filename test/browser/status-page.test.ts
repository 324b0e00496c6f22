// The public status page of the demo in chromium: every page loads cleanly and passes axe, none scrolls sideways
// on a phone, only the search page runs script, and the search finds public text and nothing else.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRepository, type Repository } from '../../src/load/repository.ts';
import { buildSite, projectRoot } from '../helpers/build-site.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { distFiles, pagePathOf } from '../helpers/dist-files.ts';
import { executableContent } from '../helpers/html.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { demoRoot } from '../demo/global-setup.ts';

const outDir = path.join(projectRoot, 'test-output/status-page');
const screenshotDir = path.join(projectRoot, 'test-output/screenshots');
const axePath = path.join(projectRoot, 'node_modules/axe-core/axe.min.js');
const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let repository: Repository;
let pages: string[] = [];
// Unset when the build in beforeAll fails: afterAll closes only what was opened.
let browser: Browser | undefined;
let server: StaticServer | undefined;

beforeAll(async () => {
  const result = buildSite({ root: demoRoot, outDir, env: { OPSLEDGER_AUDIENCE: 'public' } });
  if (result.status !== 0) throw new Error(`public build failed:\n${result.output.slice(-4000)}`);
  repository = loadRepository(demoRoot).repository;
  pages = distFiles(outDir).filter((file) => file.endsWith('.html'));
  [browser, server] = await Promise.all([launchChromium(), serveStatic(outDir, repository.site.public?.base ?? '/')]);
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

describe('the status page in chromium', () => {
  it('loads every page with no console error or failed request, and axe finds no serious or critical violation', async () => {
    const context = await browser!.newContext();
    // Nothing outside the test server: the support link and the feeds' absolute URLs are never fetched.
    await context.route('**/*', (route) => (route.request().url().startsWith(server!.origin) ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.url()} HTTP ${response.status()}`);
    });
    for (const file of pages) {
      await page.goto(server!.siteUrl + pagePathOf(file), { waitUntil: 'load' });
      if (file === 'search/index.html') await page.waitForLoadState('networkidle');
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
        return (await axe.run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      for (const id of violations) problems.push(`${file}: axe ${id}`);
    }
    await context.close();
    expect(pages.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    expect(server!.notFound).toEqual([]);
  });

  it('does not scroll sideways on a phone; screenshots of the home page', async () => {
    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const file of pages) {
      await page.goto(server!.siteUrl + pagePathOf(file), { waitUntil: 'load' });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      if (scrollWidth > clientWidth) overflowing.push(`${file}: ${scrollWidth} > ${clientWidth}`);
      if (file === 'index.html') await page.screenshot({ path: path.join(screenshotDir, 'status-375.png'), fullPage: true });
    }
    await context.close();
    expect(overflowing).toEqual([]);
  });

  it('runs script on the search page alone', () => {
    const scripted = pages.filter((file) => executableContent(readFileSync(path.join(outDir, file), 'utf8'), repository.site.public?.base ?? '/').length > 0);
    expect(scripted).toEqual(['search/index.html']);
  });
});

interface Pagefind {
  options(options: { basePath: string; baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

describe('the status page search', () => {
  let pagefind: Pagefind;
  const find = async (term: string | null, filters?: Record<string, string>) => {
    const found = await pagefind.search(term, filters ? { filters } : {});
    return (await Promise.all(found.results.map((r) => r.data()))).map((r) => r.url.split('/')[2] ?? r.url).sort();
  };

  beforeAll(async () => {
    pagefind = (await import(pathToFileURL(path.join(outDir, 'pagefind/pagefind.js')).href)) as Pagefind;
    await pagefind.options({ basePath: `${server!.siteUrl}pagefind/`, baseUrl: '/' });
    await pagefind.init();
  });

  it('filters by public service name to exactly the published incidents of that service', async () => {
    const expected = repository.incidents.filter((i) => i.public && i.applications.includes('settlement')).map((i) => i.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await find(null, { application: 'Trade settlement' })).toEqual(expected);
  });

  it('finds public words, and no word only the internal records hold', async () => {
    expect((await find('confirmations')).length).toBeGreaterThan(0);
    // Words of the internal texts of published incidents (team names, components), never in their public text.
    const internalOnly = ['bridge', 'Geneos', 'tablespace'];
    for (const word of internalOnly) expect(await find(word), word).toEqual([]);
  });
});

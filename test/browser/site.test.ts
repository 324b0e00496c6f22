// The demo site (test-output/demo/, generated and built by the global setup) in chromium (src/browser/chromium.ts), served on 127.0.0.1 under its
// base path: every page loads cleanly, every internal link resolves, axe finds no serious or critical violation,
// phones get no sideways scroll, and no page but the search page ships JavaScript.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/load/repository.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { distFiles, pagePathOf } from '../helpers/dist-files.ts';
import { allowedScripts, attribute, startTags, unexpectedScripts } from '../helpers/html.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { demoOutDir, demoRoot } from '../demo/global-setup.ts';

const site = loadSiteConfig(demoRoot);
/** Where the published site lives (`https://ops.example.org/ops/`): absolute links to it are internal links. */
const publishedRoot = new URL(site.base, site.baseUrl).href;
const screenshotDir = path.join(projectRoot, 'test-output/screenshots');
const axePath = path.join(projectRoot, 'node_modules/axe-core/axe.min.js');
/** Pages loaded side by side in one browser: the machine has two cores. */
const tabs = 3;
/** A phone: 375 CSS px wide, touch, two device pixels per CSS pixel. */
const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** axe rules known to fail at 375 px, each with its reason; empty while none is known. */
const knownPhoneAxeRules: readonly string[] = [];

let files: string[] = [];
let htmlFiles: string[] = [];
/** Whole documents; `*.email.html` snippets are HTML fragments to paste into a mail, not pages. */
let documents: string[] = [];
const read = (file: string) => readFileSync(path.join(demoOutDir, file), 'utf8');
const isDocument = (file: string) => /^\s*<!doctype html/i.test(read(file));

beforeAll(() => {
  files = distFiles(demoOutDir);
  htmlFiles = files.filter((f) => f.endsWith('.html'));
  documents = htmlFiles.filter(isDocument);
});

/** The emitted file for a path below the site root (`incidents/` → `incidents/index.html`), or why there is none. */
function fileFor(sitePath: string): { file: string } | { problem: string } {
  const decoded = decodeURIComponent(sitePath);
  const candidate = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  let stat;
  try {
    stat = statSync(path.join(demoOutDir, candidate));
  } catch {
    return { problem: 'no such file' };
  }
  if (stat.isDirectory()) return { problem: 'a folder linked without its trailing slash' };
  return { file: candidate };
}

/** A page's id and named-anchor targets, for `#fragment` links. */
const fragmentTargets = new Map<string, Set<string>>();
function targetsOf(file: string): Set<string> {
  let targets = fragmentTargets.get(file);
  if (!targets) {
    targets = new Set();
    for (const tag of startTags(read(file))) {
      const id = attribute(tag, 'id');
      if (id !== undefined) targets.add(id);
      if (tag.name === 'a' && attribute(tag, 'name') !== undefined) targets.add(attribute(tag, 'name') ?? '');
    }
    fragmentTargets.set(file, targets);
  }
  return targets;
}

/** The representative page of each route: one per URL pattern (digits make a segment a parameter), the largest of its kind. */
function onePagePerRoute(pages: string[]): string[] {
  const byRoute = new Map<string, string>();
  for (const file of pages) {
    const route = file.split('/').map((segment) => (/\d/.test(segment) ? '*' : segment)).join('/');
    const current = byRoute.get(route);
    if (current === undefined || statSync(path.join(demoOutDir, file)).size > statSync(path.join(demoOutDir, current)).size) byRoute.set(route, file);
  }
  return [...byRoute.values()].sort();
}

describe('no client JavaScript', () => {
  it(`no page has a <script>, on* handler or javascript: URL, but those allowedScripts grants (${Object.keys(allowedScripts).join(', ')})`, () => {
    const findings = htmlFiles.flatMap((file) => unexpectedScripts(file, read(file), site.base).map((f) => `${file}:${f.line}  ${f.what}`));
    expect(findings).toEqual([]);
  });

  it('emits script files only where an allowed script loads them from', () => {
    const allowedFolders = Object.values(allowedScripts)
      .flat()
      .filter((script) => script.startsWith('src:'))
      .map((script) => path.posix.dirname(script.slice('src:'.length)) + '/');
    expect(files.filter((f) => /\.m?js$/.test(f) && !allowedFolders.some((folder) => f.startsWith(folder)))).toEqual([]);
  });
});

describe('internal links', () => {
  it('every href and src of a, link, img, script, source and form, and every og: URL, resolves to an emitted file and fragment', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const from of htmlFiles) {
      const pageUrl = new URL(pagePathOf(from), publishedRoot);
      for (const tag of startTags(read(from))) {
        const links: (string | undefined)[] = [];
        if (tag.name === 'a' || tag.name === 'link') links.push(attribute(tag, 'href'));
        if (tag.name === 'img' || tag.name === 'script' || tag.name === 'source') links.push(attribute(tag, 'src'));
        if (tag.name === 'form') links.push(attribute(tag, 'action'));
        if (tag.name === 'meta' && /^og:(url|image)$/.test(attribute(tag, 'property') ?? '')) links.push(attribute(tag, 'content'));
        for (const link of links) {
          if (link === undefined || /^(mailto|tel|data):/i.test(link)) continue;
          const target = new URL(link, pageUrl);
          if (!target.href.startsWith(publishedRoot)) {
            // Only the published site's own origin is internal; anything else on that origin misses the base path.
            if (target.origin === new URL(publishedRoot).origin) broken.push(`${from}: ${link} is outside the base path ${site.base}`);
            continue;
          }
          checked++;
          const resolved = fileFor(target.pathname.slice(new URL(publishedRoot).pathname.length));
          if ('problem' in resolved) {
            broken.push(`${from}: <${tag.name}> ${link} → ${resolved.problem}`);
            continue;
          }
          const fragment = decodeURIComponent(target.hash.slice(1));
          if (fragment !== '' && resolved.file.endsWith('.html') && !targetsOf(resolved.file).has(fragment)) {
            broken.push(`${from}: <${tag.name}> ${link} → no id "${fragment}" on ${resolved.file}`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(htmlFiles.length);
  });
});

interface PageReport {
  file: string;
  consoleErrors: string[];
  failedRequests: string[];
  axe: string[];
}

/** Serves the site's own published URLs from dist/ and refuses every other origin (no network in tests). */
async function routeToServer(context: BrowserContext, server: StaticServer) {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin)) return route.continue();
    if (url.startsWith(publishedRoot)) {
      const resolved = fileFor(new URL(url).pathname.slice(new URL(publishedRoot).pathname.length));
      return 'file' in resolved ? route.fulfill({ path: path.join(demoOutDir, resolved.file) }) : route.fulfill({ status: 404, body: resolved.problem });
    }
    return route.abort('blockedbyclient');
  });
}

/** Loads `file` in `page` and reports console errors, failed or refused requests and, when asked, axe's serious and critical violations. */
async function inspect(page: Page, server: StaticServer, file: string, runAxe: boolean): Promise<PageReport> {
  const report: PageReport = { file, consoleErrors: [], failedRequests: [], axe: [] };
  const ignoredRules = page.viewportSize()?.width === 375 ? knownPhoneAxeRules : [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') report.consoleErrors.push(message.text());
  };
  const onPageError = (error: Error) => report.consoleErrors.push(`uncaught: ${error.message}`);
  const onFailed = (request: { url(): string; failure(): { errorText: string } | null }) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Chromium cancels a late request itself (the favicon, as the tab moves on) as ERR_ABORTED; a missing file is a 404.
    if (reason !== 'net::ERR_ABORTED') report.failedRequests.push(`${request.url()} (${reason})`);
  };
  const onResponse = (response: { url(): string; status(): number }) => {
    if (response.status() >= 400) report.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  try {
    const response = await page.goto(server.siteUrl + pagePathOf(file), { waitUntil: 'load' });
    if (response === null || !response.ok()) report.failedRequests.push(`${file} itself (HTTP ${response?.status() ?? 'none'})`);
    if (file === 'search/index.html') await page.waitForLoadState('networkidle');
    if (runAxe) {
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
      });
      for (const v of violations) {
        if ((v.impact === 'serious' || v.impact === 'critical') && !ignoredRules.includes(v.id)) report.axe.push(`${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
      }
    }
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('requestfailed', onFailed);
    page.off('response', onResponse);
  }
  return report;
}

/** Runs `work` over `items` on `tabs` pages of one context, in order of the list. */
async function onTabs<T, R>(context: BrowserContext, items: T[], work: (page: Page, item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const pages = await Promise.all(Array.from({ length: Math.min(tabs, items.length) }, () => context.newPage()));
  await Promise.all(
    pages.map(async (page) => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(page, items[i] as T);
      await page.close();
    }),
  );
  return results;
}

describe('in chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let reports: PageReport[] = [];
  let representative: string[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(demoOutDir, site.base)]);
    representative = onePagePerRoute(documents);
    const context = await browser.newContext();
    await routeToServer(context, server);
    reports = await onTabs(context, htmlFiles, (page, file) => inspect(page, server, file, documents.includes(file)));
    await context.close();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before it
    await Promise.all([browser?.close(), server?.close()]);
  });

  it('loads every HTML file of dist/ with no console error', () => {
    expect(reports.length).toBe(htmlFiles.length);
    expect(reports.filter((r) => r.consoleErrors.length > 0).map((r) => `${r.file}: ${r.consoleErrors.join(' | ')}`)).toEqual([]);
  });

  it('loads every HTML file of dist/ with no failed, refused or 4xx/5xx request', () => {
    expect(reports.filter((r) => r.failedRequests.length > 0).map((r) => `${r.file}: ${r.failedRequests.join(' | ')}`)).toEqual([]);
    expect(server.notFound).toEqual([]);
  });

  it('axe: no serious or critical violation on one page of every route (overview, reports, applications, records, reviews, sections)', () => {
    const required = ['index.html', 'reports/index.html', 'incidents/index.html', 'time/index.html', 'capacity/index.html', 'escalation/index.html', 'customers/index.html', 'problems/review/index.html', 'changes/review/index.html'];
    expect(representative).toEqual(expect.arrayContaining(required.filter((f) => files.includes(f))));
    for (const prefix of ['reports/2', 'applications/', 'incidents/INC-', 'postmortems/PM-', 'changes/CHG-', 'problems/PRB-']) {
      expect(representative.some((f) => f.startsWith(prefix)), prefix).toBe(true);
    }
    const byFile = new Map(reports.map((r) => [r.file, r]));
    expect(representative.flatMap((file) => (byFile.get(file)?.axe ?? ['not checked']).map((v) => `${file}: ${v}`))).toEqual([]);
  });

  it('axe: no serious or critical violation on any page', () => {
    expect(reports.flatMap((r) => r.axe.map((v) => `${r.file}: ${v}`))).toEqual([]);
  });
});

/** The page's scroll and client width, and the first elements reaching past the viewport; runs in the page. */
const horizontalOverflow = () => {
  const root = document.documentElement;
  // A caption laid out at its table's width is cut off by the wrapper the table scrolls in.
  const cutCaptions = Array.from(document.querySelectorAll('.table-wrap caption'))
    .filter((caption) => caption.getBoundingClientRect().right > (caption.closest('.table-wrap') as Element).getBoundingClientRect().right + 0.5)
    .map((caption) => `caption "${caption.textContent.slice(0, 60)}" cut off`);
  // An SVG element's className is an SVGAnimatedString, whatever the DOM types say; String() reads it.
  /* eslint-disable @typescript-eslint/no-unnecessary-type-conversion */
  const culprits = Array.from(document.querySelectorAll('body *'))
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && !el.closest('.table-wrap, pre'))
    .slice(0, 5)
    .map((el) => `${el.localName}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} right=${Math.round(el.getBoundingClientRect().right)}`);
  /* eslint-enable @typescript-eslint/no-unnecessary-type-conversion */
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits, cutCaptions };
};

describe('on a phone', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(demoOutDir, site.base)]);
    mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before it
    await Promise.all([browser?.close(), server?.close()]);
  });

  /** The overview, the latest complete month's report and its executive summary, and the longest post-mortem. */
  function phonePages(): { name: string; file: string }[] {
    const months = htmlFiles.filter((f) => /^reports\/\d{4}-\d{2}\/index\.html$/.test(f)).sort();
    const report = months.at(-2) ?? months.at(-1) ?? 'reports/index.html';
    const postmortem = onePagePerRoute(documents).find((f) => f.startsWith('postmortems/PM-')) ?? 'postmortems/index.html';
    return [
      { name: 'overview', file: 'index.html' },
      { name: 'report', file: report },
      { name: 'report-summary', file: report.replace(/index\.html$/, 'summary/index.html') },
      { name: 'postmortem', file: postmortem },
    ].filter((p) => files.includes(p.file));
  }

  it('the overview, a monthly report and a post-mortem have no horizontal scroll at 375 px, whole tables at 1280 px; screenshots of both', async () => {
    const pages = phonePages();
    expect(pages.map((p) => p.name)).toEqual(expect.arrayContaining(['overview', 'report', 'postmortem']));
    const overflowing: string[] = [];
    for (const [width, options] of [
      [375, phone],
      [1280, { viewport: { width: 1280, height: 900 } }],
    ] as const) {
      const context = await browser.newContext(options);
      await routeToServer(context, server);
      const page = await context.newPage();
      for (const { name, file } of pages) {
        await page.goto(server.siteUrl + pagePathOf(file), { waitUntil: 'load' });
        const { scrollWidth, clientWidth, culprits } = await page.evaluate(horizontalOverflow);
        if (scrollWidth > clientWidth) overflowing.push(`${file} at ${width} px: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}; ${culprits.join(', ')}`);
        if (width === 1280) {
          // On a desktop every table of these pages fits: none hides a column behind its own scroll bar.
          const cut = await page.evaluate(() =>
            Array.from(document.querySelectorAll('.table-wrap'))
              .filter((wrap) => wrap.scrollWidth > wrap.clientWidth)
              .map((wrap) => `table "${wrap.querySelector('caption')?.textContent ?? '?'}" is ${wrap.scrollWidth} px in ${wrap.clientWidth} px`),
          );
          overflowing.push(...cut.map((line) => `${file} at 1280 px: ${line}`));
        }
        await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}.png`), fullPage: true });
      }
      await context.close();
    }
    expect(overflowing).toEqual([]);
  });

  it('no page of any route scrolls sideways at 375 px, and no table caption is cut off by its scrolling wrapper', async () => {
    const context = await browser.newContext(phone);
    await routeToServer(context, server);
    const overflowing = (
      await onTabs(context, onePagePerRoute(documents), async (page, file) => {
        await page.goto(server.siteUrl + pagePathOf(file), { waitUntil: 'load' });
        const { scrollWidth, clientWidth, culprits, cutCaptions } = await page.evaluate(horizontalOverflow);
        return [
          ...(scrollWidth > clientWidth ? [`${file}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}; ${culprits.join(', ')}`] : []),
          ...cutCaptions.map((caption) => `${file}: ${caption}`),
        ];
      })
    ).flat();
    await context.close();
    expect(overflowing).toEqual([]);
  });

  it('axe: no serious or critical violation at 375 px on one page of every route, but the known ones', async () => {
    const context = await browser.newContext(phone);
    await routeToServer(context, server);
    const reports = await onTabs(context, onePagePerRoute(documents), (page, file) => inspect(page, server, file, true));
    await context.close();
    expect(reports.flatMap((r) => [...r.axe, ...r.consoleErrors, ...r.failedRequests].map((v) => `${r.file}: ${v}`))).toEqual([]);
  });
});

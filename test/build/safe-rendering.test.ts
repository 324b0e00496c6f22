// Content comes from pull requests: markup in any title, body, update, section, plan, root cause or action must reach
// the pages as text. The hostile corpus (test/fixtures/hostile/) puts the classic payloads in every free-text field.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { distFiles, pagePathOf } from '../helpers/dist-files.ts';
import { allowedScripts, decodeEntities, executableContent, rawExecutableContent, unexpectedScripts } from '../helpers/html.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const root = path.join(projectRoot, 'test/fixtures/hostile');
const payloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '"><svg onload=alert(1)>',
];
/** Pages whose main text must show every payload, as typed. */
const recordPages = [
  'incidents/INC-2026-0101/',
  'incidents/INC-2026-0106/',
  'postmortems/PM-2026-0101/',
  'changes/CHG-2026-0101/',
  'changes/CHG-2026-0102/',
  'problems/PRB-2026-0101/',
];
/** Catalogue text (site, application, team, customer, KPI unit) that must read as typed on the pages showing it. */
const catalogueText: Record<string, string[]> = {
  '': ['<script>alert(1)</script> Hostile "><svg onload=alert(1)>', '<script>alert(1)</script> Web "><svg onload=alert(1)>'],
  'applications/web/': ['<script>alert(1)</script> Web "><svg onload=alert(1)>'],
  'escalation/': ['<img src=x onerror=alert(1)> Operations'],
  'customers/': ['<script>alert(1)</script> Customer "><svg onload=alert(1)>'],
  'capacity/': ['<img src=x onerror=alert(1)>'],
};

let outDir = '';
let files: string[] = [];
const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');
/** Files a browser would render as a document: pages, SVG badges and charts, feeds. */
const documents = () => files.filter((f) => /\.(html|svg|xml)$/.test(f));

beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-hostile-'));
  const result = buildSite({ root, outDir });
  expect(result.status, result.output.slice(-4000)).toBe(0);
  files = distFiles(outDir);
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('hostile content in dist/', () => {
  it('builds a page for every hostile record', () => {
    const pages = files.filter((f) => f.endsWith('.html')).map(pagePathOf);
    expect(pages).toEqual(expect.arrayContaining([...recordPages, 'incidents/INC-2026-0102/', 'incidents/INC-2026-0105/', 'applications/web/', '']));
  });

  it('has no <script> element but the search page\'s allowed ones, no on* handler or script URL, read by an HTML tokenizer', () => {
    const findings = documents().flatMap((file) => unexpectedScripts(file, read(file)).map((f) => `${file}:${f.line}  ${f.what}`));
    expect(findings).toEqual([]);
  });

  it('has none in the raw text either, outside quoted attribute values', () => {
    const findings = documents().flatMap((file) => {
      let allowance = allowedScripts[file]?.length ?? 0;
      return rawExecutableContent(read(file))
        .filter((what) => !(/^<script\b/i.test(what) && allowance-- > 0))
        .map((what) => `${file}  ${what}`);
    });
    expect(findings).toEqual([]);
  });

  it('never writes a payload verbatim where it would be markup: only inside a quoted attribute value or escaped', () => {
    // Blank quoted attribute values (where `<` is inert), then the typed payload must not survive anywhere.
    const findings = documents().flatMap((file) => {
      const text = read(file).replace(/="[^"]*"/g, '=""');
      return payloads.filter((p) => !p.startsWith('[') && text.includes(p)).map((p) => `${file}  ${p}`);
    });
    expect(findings).toEqual([]);
  });

  it('feeds carry descriptions that stay inert once a reader renders them as HTML', () => {
    const findings = files
      .filter((f) => f.endsWith('.xml'))
      .flatMap((file) =>
        [...read(file).matchAll(/<(description|content:encoded)>([\s\S]*?)<\/\1>/g)].flatMap((m) => {
          const html = (m[2] ?? '').replace(/^<!\[CDATA\[|\]\]>$/g, '');
          const rendered = m[2]?.startsWith('<![CDATA[') ? html : decodeEntities(html);
          return executableContent(rendered).map((f) => `${file}  ${f.what}`);
        }),
      );
    expect(findings).toEqual([]);
  });
});

/** What in the live DOM could run script; runs in the page. */
const scriptInDom = () => {
  const out: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const name = el.localName;
    if (name === 'script') out.push(el.hasAttribute('src') ? `script src:${new URL(el.getAttribute('src') ?? '', document.baseURI).pathname.slice(1)}` : 'script inline');
    if (['iframe', 'frame', 'object', 'embed', 'base'].includes(name)) out.push(`<${name}>`);
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) out.push(`<${name} ${a.name}="${a.value}">`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'].includes(a.name)) {
        let protocol: string;
        try {
          protocol = new URL(a.value, document.baseURI).protocol;
        } catch {
          protocol = '';
        }
        if (protocol === 'javascript:' || protocol === 'vbscript:' || (protocol === 'data:' && !/^data:image\/(png|gif|jpeg|webp)/i.test(a.value))) {
          out.push(`<${name} ${a.name}="${a.value}">`);
        }
      }
    }
    if (name === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') out.push('<meta http-equiv="refresh">');
  }
  return out;
};

/** DOM findings less the page's allowed scripts and the form Pagefind's UI draws (its action is `javascript:void(0);`). */
function withoutAllowedScripts(file: string, found: string[]): string[] {
  const allowance = (allowedScripts[file] ?? []).map((script) => `script ${script}`);
  return found.filter((finding) => {
    if (allowance.length > 0 && finding === '<form action="javascript:void(0);">') return false;
    const index = allowance.indexOf(finding);
    if (index === -1) return true;
    allowance.splice(index, 1);
    return false;
  });
}

describe('hostile pages in chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(outDir, '/')]);
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before it
    await Promise.all([browser?.close(), server?.close()]);
  });

  it('loads every page without a dialog, with nothing executable in the DOM, and shows the payloads as text', async () => {
    const context = await browser.newContext();
    await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const dialogs: string[] = [];
    let current = '';
    page.on('dialog', (dialog) => {
      dialogs.push(`${current}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    const domFindings: string[] = [];
    const missingText: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      current = pagePathOf(file);
      await page.goto(server.siteUrl + current, { waitUntil: 'load' });
      const found = await page.evaluate(scriptInDom);
      domFindings.push(...withoutAllowedScripts(file, found).map((f) => `${current}  ${f}`));
      const expected = [...(recordPages.includes(current) ? payloads : []), ...(catalogueText[current] ?? [])];
      if (expected.length > 0) {
        const text = await page.locator('body').innerText();
        for (const p of expected) if (!text.includes(p)) missingText.push(`${current} does not show ${p}`);
      }
    }
    await context.close();
    expect(dialogs).toEqual([]);
    expect(domFindings).toEqual([]);
    expect(missingText).toEqual([]);
  });

  it('runs no script when the hostile links and images of a record are followed', async () => {
    // Clicking is what a reader does; a javascript: link that slipped through would open a dialog here.
    const context = await browser.newContext();
    await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
    const dialogs: string[] = [];
    context.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    const listing = await context.newPage();
    const recordLinks = 'main .body a, main .summary a';
    let clicked = 0;
    for (const record of recordPages) {
      await listing.goto(server.siteUrl + record, { waitUntil: 'load' });
      // The same body repeats in every section: click one link per distinct target.
      const hrefs = await listing.locator(recordLinks).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const href of new Set(hrefs)) {
        // A page of its own per click: a navigation still failing (an aborted outside link) cannot cut into the next one.
        const page = await context.newPage();
        await page.goto(server.siteUrl + record, { waitUntil: 'load' });
        const link = page.locator(recordLinks).nth(hrefs.indexOf(href));
        if (href === null || href === '' || href.startsWith('#')) {
          await link.click({ timeout: 2000 });
        } else {
          // A script URL that slipped through opens a dialog instead of navigating; either ends the wait.
          const settled = Promise.race([
            page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }),
            page.waitForEvent('dialog'),
          ]);
          await link.click({ timeout: 2000 });
          await settled;
          await page.waitForLoadState('load');
        }
        await page.close();
        clicked++;
      }
    }
    expect(clicked).toBeGreaterThan(0);
    await context.close();
    expect(dialogs).toEqual([]);
  });

  it('shows search results for the hostile records without running their markup', async () => {
    const context = await browser.newContext();
    await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const query of ['alert', 'script', 'onerror', 'svg onload']) {
      await page.goto(`${server.siteUrl}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
      await page.locator('.pagefind-ui__result-title').first().waitFor({ timeout: 10_000 });
      await page.waitForLoadState('networkidle');
      const found = withoutAllowedScripts('search/index.html', await page.evaluate(scriptInDom));
      expect(found, query).toEqual([]);
    }
    await context.close();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

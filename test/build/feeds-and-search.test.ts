// The feed, badges, sitemap and search index of a real build of the hand-calculated corpus: present,
// well-formed, linked to pages that exist, and byte-identical when built again.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site.ts';
import { differingFiles } from '../helpers/determinism.ts';
import { childNamed, elementsNamed, parseXml } from '../helpers/xml.ts';

const root = path.join(projectRoot, 'test/fixtures/availability-corpus');
const asOf = '2026-11-24T12:00:00Z';
const origin = 'https://example.org/';
let outDir = '';

const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');

/** The emitted file a site URL is served from. */
function fileOf(absolute: string): string {
  expect(absolute.startsWith(origin), absolute).toBe(true);
  const rel = decodeURIComponent(absolute.slice(origin.length));
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

function htmlFiles(): string[] {
  return (readdirSync(outDir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.html')).sort();
}

beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-feeds-'));
  const result = buildSite({ root, outDir, asOf });
  expect(result.status, result.output).toBe(0);
});

describe('incident feed', () => {
  it('lists every incident newest first with absolute links to their pages', () => {
    const feed = childNamed(parseXml(read('incidents.xml')), 'channel');
    expect(childNamed(feed, 'lastBuildDate').text).toBe('Tue, 24 Nov 2026 12:00:00 GMT');
    expect(childNamed(feed, 'link').text).toBe('https://example.org/incidents/');
    const items = elementsNamed(feed, 'item');
    expect(items.map((item) => childNamed(item, 'title').text.slice(0, 13))).toEqual([
      'INC-2026-0008', 'INC-2026-0007', 'INC-2026-0006', 'INC-2026-0005', 'INC-2026-0003', 'INC-2026-0002', 'INC-2026-0004', 'INC-2026-0001',
    ]);
    expect(childNamed(items[0]!, 'title').text).toBe('INC-2026-0008 [SEV2, open] EMEA cannot price, still open');
    expect(childNamed(items[0]!, 'description').text).toBe('Status: open. Applications: FX pricing. Duration: 1 h 0 min so far.');
    for (const item of items) expect(existsSync(path.join(outDir, fileOf(childNamed(item, 'link').text)))).toBe(true);
  });

  it('is announced in the head of the incidents index', () => {
    expect(read('incidents/index.html')).toMatch(/<link rel="alternate" type="application\/rss\+xml" title="Availability corpus: incidents" href="\/incidents\.xml">/);
  });
});

describe('availability badges', () => {
  it('draws each application month to date, titled with figure, target and status', () => {
    const titles = ['fx', 'settle', 'risk'].map((id) => childNamed(parseXml(read(`badges/${id}.svg`)), 'title').text);
    // fx: 24 min lost of 23.5 days × 1440 = 99.929 %, 71 % of the budget: green.
    expect(titles).toEqual([
      'FX pricing availability month to date: 99.92 % (target 99.9 %), green',
      'Settlement availability month to date: 100.00 % (target 99.5 %), green',
      'Risk availability month to date: 100.00 % (target 99.5 %), green',
    ]);
  });

  it('are listed on /badges/ with their URL and a Markdown snippet', () => {
    const html = read('badges/index.html');
    expect(html).toContain('<img src="/badges/fx.svg" alt="FX pricing availability month to date: 99.92 % (target 99.9 %), green" height="20">');
    expect(html).toContain('[![FX pricing availability](https://example.org/badges/fx.svg)](https://example.org/applications/fx/)');
  });
});

describe('sitemap', () => {
  it('lists every emitted HTML page once, sorted, as absolute URLs', () => {
    const locs = elementsNamed(parseXml(read('sitemap.xml')), 'loc').map((loc) => loc.text);
    expect(locs).toEqual([...locs].sort());
    const pages = htmlFiles().filter((f) => f.endsWith('index.html'));
    expect(locs.map(fileOf).sort()).toEqual(pages);
    expect(locs).toContain('https://example.org/search/');
    expect(locs).toContain('https://example.org/badges/');
    expect(locs).toContain('https://example.org/incidents/INC-2026-0001/');
  });
});

describe('search', () => {
  it('indexes the record pages, and only those', () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json'));
    expect(entry.languages.en.page_count).toBe(9);
    const urls = readdirSync(path.join(outDir, 'pagefind/fragment'))
      .map((f) => gunzipSync(readFileSync(path.join(outDir, 'pagefind/fragment', f))).toString('utf8'))
      .map((text) => JSON.parse(text.slice('pagefind_dcd'.length)).url as string)
      .sort();
    expect(urls).toEqual([
      '/changes/CHG-2026-0001/',
      ...['0001', '0002', '0003', '0004', '0005', '0006', '0007', '0008'].map((n) => `/incidents/INC-2026-${n}/`),
    ]);
    const marked = htmlFiles().filter((f) => read(f).includes('data-pagefind-body'));
    expect(marked).toEqual(urls.map((u) => `${u.slice(1)}index.html`));
  });

  it('has a /search/ page that loads the Pagefind UI and, without JavaScript, points to the index pages', () => {
    const html = read('search/index.html');
    expect(html).toContain('<form id="search-form" action="/search/" method="get" role="search">');
    expect(html).toContain('<script src="/pagefind/pagefind-ui.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/pagefind/pagefind-ui.css">');
    for (const index of ['/incidents/', '/postmortems/', '/changes/', '/problems/']) expect(html).toContain(`href="${index}"`);
    expect(existsSync(path.join(outDir, 'pagefind/pagefind-ui.js'))).toBe(true);
    expect(existsSync(path.join(outDir, 'pagefind/pagefind-ui.css'))).toBe(true);
  });

  it('is the only page with client JavaScript', () => {
    expect(htmlFiles().filter((f) => /<script\b/i.test(read(f)))).toEqual(['search/index.html']);
  });
});

describe('determinism', () => {
  it('gives byte-identical output, search index included, when built again', () => {
    const again = mkdtempSync(path.join(os.tmpdir(), 'opsledger-feeds-again-'));
    const result = buildSite({ root, outDir: again, asOf });
    expect(result.status, result.output).toBe(0);
    expect(differingFiles(outDir, again)).toEqual([]);
  });
});

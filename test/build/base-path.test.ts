// The site served under a sub-path: the hand-calculated corpus built with `base: /ops/`, then every link
// of every emitted page, feed, sitemap and snippet followed to a file that exists.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site.ts';
import { elementsNamed, parseXml } from '../helpers/xml.ts';

const origin = 'https://ops.example.org';
const base = '/ops/';
let outDir = '';

function emittedFiles(): string[] {
  return (readdirSync(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const decode = (value: string) =>
  value.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/gi, (_, hex?: string, dec?: string, name?: string) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!.toLowerCase()]!,
  );

// A start tag with its attributes, quotes respected, so a ">" inside a value does not end it.
const TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g;
const LINK_ATTRIBUTE = /\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

/** href and src values of every start tag, decoded; text that merely shows markup (&lt;a href…) is not a tag. */
function linkAttributes(html: string): string[] {
  const withoutScripts = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
  const values: string[] = [];
  for (const tag of withoutScripts.match(TAG) ?? []) {
    for (const m of tag.matchAll(LINK_ATTRIBUTE)) values.push(decode(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return values;
}

/** Why a link of the site is broken, or null when it is fine (external links are not followed). */
function problemWith(link: string): string | null {
  if (link.startsWith('#')) return null;
  if (/^(mailto|tel|data):/i.test(link)) return null;
  const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//');
  if (isAbsolute && !link.startsWith(`${origin}/`)) return null;
  const pathPart = isAbsolute ? link.slice(origin.length) : link;
  if (!pathPart.startsWith(base)) return `does not start with ${base}`;
  const rel = decodeURIComponent(pathPart.slice(base.length).replace(/[?#].*$/, ''));
  const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
  return existsSync(path.join(outDir, file)) ? null : `no file ${file}`;
}

beforeAll(() => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'opsledger-base-root-'));
  cpSync(path.join(projectRoot, 'test/fixtures/availability-corpus'), root, { recursive: true });
  const site = readFileSync(path.join(root, 'data/site.yaml'), 'utf8');
  writeFileSync(path.join(root, 'data/site.yaml'), `${site.trimEnd()}\nbaseUrl: ${origin}/\nbase: ${base}\n`);
  outDir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-base-site-'));
  // Same-named environment variables (vitest sets BASE_URL itself) must not move the site.
  const result = buildSite({ root, outDir, asOf: '2026-11-24T12:00:00Z', env: { BASE_URL: '/', SITE: 'https://wrong.example/' } });
  expect(result.status, result.output).toBe(0);
});

describe('site under base /ops/', () => {
  it('every href and src of every page starts with /ops/ and reaches an emitted file', () => {
    const pages = emittedFiles().filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const link of linkAttributes(readFileSync(path.join(outDir, page), 'utf8'))) {
        checked++;
        const problem = problemWith(link);
        if (problem) broken.push(`${page}: ${link} (${problem})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 5);
  });

  it('every absolute URL of the site in any emitted text file (feeds, sitemap, snippets, API) is under /ops/ and exists', () => {
    const broken: string[] = [];
    const seen = new Set<string>();
    for (const file of emittedFiles().filter((f) => /\.(html|xml|json|ics|svg|txt)$/.test(f) && !f.startsWith('pagefind/'))) {
      for (const [found] of readFileSync(path.join(outDir, file), 'utf8').matchAll(/https:\/\/ops\.example\.org[^\s"'<>)\]&\\]*/g)) {
        seen.add(found);
        const problem = problemWith(found);
        if (problem) broken.push(`${file}: ${found} (${problem})`);
      }
    }
    expect(broken).toEqual([]);
    expect(seen).toContain(`${origin}${base}incidents.xml`);
    expect(seen).toContain(`${origin}${base}badges/fx.svg`);
    expect(seen).toContain(`${origin}${base}incidents/INC-2026-0001/`);
  });

  it('the feed and the sitemap are well-formed and point under /ops/', () => {
    const feed = parseXml(readFileSync(path.join(outDir, 'incidents.xml'), 'utf8'));
    expect(elementsNamed(feed, 'link').map((l) => l.text)).toContain(`${origin}${base}incidents/INC-2026-0008/`);
    const locs = elementsNamed(parseXml(readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8')), 'loc').map((l) => l.text);
    expect(locs[0]).toBe(`${origin}${base}`);
    expect(locs.every((loc) => loc.startsWith(`${origin}${base}`))).toBe(true);
  });

  it('search loads its bundle from /ops/pagefind/ and prefixes results with /ops/', () => {
    const html = readFileSync(path.join(outDir, 'search/index.html'), 'utf8');
    expect(html).toContain(`<script src="${base}pagefind/pagefind-ui.js"></script>`);
    expect(html).toContain(`data-base="${base}" data-bundle="${base}pagefind/"`);
    expect(existsSync(path.join(outDir, 'pagefind/pagefind-entry.json'))).toBe(true);
  });
});

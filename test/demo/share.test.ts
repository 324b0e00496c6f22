// Links from a mail or chat: every incident, post-mortem and monthly summary page of the demo
// previews with absolute Open Graph and Twitter tags, a real PNG card and a plain-text twin.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, startTags } from '../helpers/html.ts';
import { demoOutDir } from './global-setup.ts';

const baseUrl = 'https://ops.northwind.example/';

function metaOf(html: string): Map<string, string> {
  const meta = new Map<string, string>();
  for (const tag of startTags(html)) {
    if (tag.name !== 'meta') continue;
    const key = attribute(tag, 'property') ?? attribute(tag, 'name');
    const content = attribute(tag, 'content');
    if (key && content !== undefined) meta.set(key, content);
  }
  return meta;
}

/** The file a site URL is served from. */
function fileOf(siteUrl: string): string {
  return path.join(demoOutDir, siteUrl.slice(baseUrl.length));
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const summaryPages = [
  ...readdirSync(path.join(demoOutDir, 'incidents')).filter((d) => d.startsWith('INC-')).map((d) => `incidents/${d}/`),
  ...readdirSync(path.join(demoOutDir, 'postmortems')).filter((d) => d.startsWith('PM-')).map((d) => `postmortems/${d}/`),
  ...readdirSync(path.join(demoOutDir, 'reports')).filter((d) => /^\d{4}-\d{2}$/.test(d)).map((d) => `reports/${d}/summary/`),
];

describe('link previews and plain-text twins', () => {
  it('covers every incident, post-mortem and month of the demo', () => {
    expect(summaryPages.filter((p) => p.startsWith('incidents/')).length).toBeGreaterThanOrEqual(150);
    expect(summaryPages.filter((p) => p.startsWith('postmortems/')).length).toBeGreaterThanOrEqual(10);
    expect(summaryPages.filter((p) => p.startsWith('reports/')).length).toBe(18);
  });

  it('gives every summary page absolute Open Graph and Twitter tags whose image is a 1200×630 PNG', () => {
    const checkedImages = new Set<string>();
    for (const page of summaryPages) {
      const meta = metaOf(readFileSync(path.join(demoOutDir, page, 'index.html'), 'utf8'));
      for (const key of ['og:title', 'og:description', 'og:url', 'og:image', 'og:type', 'twitter:card', 'twitter:title', 'twitter:description', 'twitter:image']) {
        expect(meta.get(key), `${page} ${key}`).toBeTruthy();
      }
      expect(meta.get('og:url')).toBe(`${baseUrl}${page}`);
      expect(meta.get('twitter:card')).toBe('summary_large_image');
      const image = meta.get('og:image')!;
      expect(image.startsWith(baseUrl), `${page} og:image ${image}`).toBe(true);
      expect(meta.get('twitter:image')).toBe(image);
      expect(meta.get('og:description')!.length).toBeGreaterThan(20);
      if (!checkedImages.has(image)) {
        expect(pngSize(fileOf(image)), image).toEqual({ width: 1200, height: 630 });
        checkedImages.add(image);
      }
    }
  });

  it('has a plain-text twin for every summary page, with the page address in it', () => {
    for (const page of summaryPages) {
      const twin = page.startsWith('reports/') ? path.join(demoOutDir, page.replace(/summary\/$/, 'summary.txt')) : path.join(demoOutDir, page, 'index.txt');
      expect(existsSync(twin), twin).toBe(true);
      const text = readFileSync(twin, 'utf8');
      expect(text).not.toMatch(/<[a-z]/i);
      expect(text).toContain(page.startsWith('reports/') ? `${baseUrl}${page.replace(/summary\/$/, '')}` : `${baseUrl}${page}`);
    }
  });

  it('writes the monthly e-mail fragment with inline styles and table layout only', () => {
    const fragment = readFileSync(path.join(demoOutDir, 'reports/2026-10/summary.email.html'), 'utf8');
    const tags = startTags(fragment);
    expect(tags.map((t) => t.name).filter((n) => !['table', 'tr', 'td', 'strong', 'br', 'a'].includes(n))).toEqual([]);
    expect(tags.some((t) => t.name === 'style' || t.name === 'link' || t.name === 'script')).toBe(false);
    expect(fragment).toContain('99.97 %');
  });
});

// The sitemap (/sitemap.xml) lists every HTML page the build emitted, so a page added anywhere is never missed.
import { escapeXml } from '../xml.ts';

/**
 * Site paths of the emitted HTML pages, from their files relative to the output folder: each
 * `…/index.html` is the page at `…/`. Other files (feeds, JSON, a 404 page) are not pages to list. Sorted.
 *
 * @example htmlPagePaths(['index.html', 'incidents/index.html', 'incidents.xml']) // ['', 'incidents/']
 */
export function htmlPagePaths(files: readonly string[]): string[] {
  return files
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    .map((file) => file.slice(0, -'index.html'.length))
    .sort();
}

/** A sitemap document of absolute URLs, in the order given; no lastmod, which no build could state truthfully. */
export function sitemapXml(urls: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `<url><loc>${escapeXml(u)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

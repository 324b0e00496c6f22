// The sitemap (/sitemap.xml) lists every HTML page the build emitted, so a page added anywhere is never missed.
import { escapeXml } from '../xml.ts';

/**
 * Site paths of the build's HTML pages, sorted, from the page names Astro reports when the build is done: each is
 * the path of a page written as `…/index.html` (`incidents/`, and '' for the home page). Feeds, JSON, badges and
 * images are endpoints, not pages, and are not listed. Asking Astro, not the output folder, spares reading the
 * names of 76,000 files back on the large corpus.
 *
 * @example sitemapPaths(['incidents/', '']) // ['', 'incidents/']
 */
export function sitemapPaths(pageNames: readonly string[]): string[] {
  return [...pageNames].sort();
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

/**
 * robots.txt by audience: the internal report disallows every crawler (its sitemap stays, for people who have
 * access); the public status page allows them and names its sitemap.
 *
 * @example robotsTxt('internal', 'https://ops.example.org/sitemap.xml') // 'User-agent: *\nDisallow: /\n'
 */
export function robotsTxt(audience: 'internal' | 'public', sitemapUrl: string): string {
  if (audience === 'internal') return 'User-agent: *\nDisallow: /\n';
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

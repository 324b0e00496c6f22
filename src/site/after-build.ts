// Work on the emitted site, whatever --outDir it went to: the sitemap of every HTML page, and the search index.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeSearchIndex } from './search-index.ts';
import { absoluteUrl, type SiteLocation } from './urls.ts';
import { htmlPagePaths, sitemapXml } from './views/sitemap.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

export function opsledgerAfterBuild(): AstroIntegration {
  let location: SiteLocation = { baseUrl: 'https://example.org/', base: '/' };
  return {
    name: 'opsledger-after-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        location = { baseUrl: config.site ?? location.baseUrl, base: config.base };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const pages = htmlPagePaths(filesUnder(siteDir));
        writeFileSync(path.join(siteDir, 'sitemap.xml'), sitemapXml(pages.map((page) => absoluteUrl(page, location))));
        logger.info(`sitemap.xml lists ${pages.length} pages`);
        const indexed = await writeSearchIndex(siteDir);
        logger.info(`search index covers ${indexed} record pages`);
      },
    },
  };
}

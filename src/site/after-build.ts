// Work on the emitted site, whatever --outDir it went to: the sitemap of every HTML page, and the search index.
// The search index is built from the validated records as soon as the build starts, so Pagefind's indexer
// (a child process) works on the second core while Astro renders; its files are written once the pages are.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildRepository } from './repository-cache.ts';
import { buildSearchBundle, writeSearchBundle, type SearchBundle } from './search-index.ts';
import { searchRecords } from './search-records.ts';
import { absoluteUrl, type SiteLocation } from './urls.ts';
import { htmlPagePaths, sitemapXml } from './views/sitemap.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

export function opsledgerAfterBuild(): AstroIntegration {
  let location: SiteLocation = { baseUrl: 'https://example.org/', base: '/' };
  let search: Promise<SearchBundle> | undefined;
  return {
    name: 'opsledger-after-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        location = { baseUrl: config.site ?? location.baseUrl, base: config.base };
      },
      'astro:build:start': () => {
        // Runs after the validation integration, so the repository is already loaded and valid.
        search = buildSearchBundle(searchRecords(buildRepository()));
        // Awaited in build:done; a failure here must not surface as an unhandled rejection first.
        search.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const pages = htmlPagePaths(filesUnder(siteDir));
        writeFileSync(path.join(siteDir, 'sitemap.xml'), sitemapXml(pages.map((page) => absoluteUrl(page, location))));
        logger.info(`sitemap.xml lists ${pages.length} pages`);
        const bundle = await (search ?? buildSearchBundle(searchRecords(buildRepository())));
        writeSearchBundle(siteDir, bundle);
        logger.info(`search index covers ${bundle.recordCount} records`);
      },
    },
  };
}

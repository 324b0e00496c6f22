// Work on the emitted site, whatever --outDir it went to: the sitemap of every HTML page, and the search index.
// The search index is built from the validated records as soon as the build starts, so Pagefind's indexer
// (a child process) works on the second core while Astro renders; its bundle, staged in Astro's cache folder,
// is moved into the site once the pages are written.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildContext } from './repository-cache.ts';
import { opsledgerPrerenderer } from './prerenderer.ts';
import { closeBuildCache, codeDigestOf, openBuildCache } from './build-cache.ts';
import { countText } from '../load/words.ts';
import { buildSearchBundle, placeSearchBundle } from './search-index.ts';
import { searchRecordMakers } from './search-records.ts';
import { absoluteUrl, type SiteLocation } from './urls.ts';
import { robotsTxt, sitemapPaths, sitemapXml } from './views/sitemap.ts';
import { publicSearchRecordMakers } from './views/status-files.ts';
import type { Audience } from './audience.ts';

/** The search records of this audience's site: every record for the internal report, public text only for the status page. */
function searchMakers(audience: Audience) {
  return audience === 'public' ? publicSearchRecordMakers(buildContext()) : searchRecordMakers(buildContext().repository);
}

export function opsledgerAfterBuild(audience: Audience): AstroIntegration {
  let location: SiteLocation = { baseUrl: 'https://example.org/', base: '/' };
  let search: Promise<number> | undefined;
  let stagingDir = '';
  let outDir = '';
  let cacheDir = '';
  let packageDir = '';
  return {
    name: 'opsledger-after-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        location = { baseUrl: config.site ?? location.baseUrl, base: config.base };
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        // One staging folder per build process, so builds side by side (tests) do not share one.
        stagingDir = path.join(cacheDir, `search-bundle-${process.pid}`);
        packageDir = fileURLToPath(config.root);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        // The platform too: native drawing code (resvg) and Node's own text handling are part of what made an entry.
        openBuildCache(cacheDir, codeDigestOf(packageDir, JSON.stringify({ audience, location, node: process.version, platform: `${process.platform}-${process.arch}` })));
        setPrerenderer((astro) => opsledgerPrerenderer(astro, () => ({ origin: new URL(location.baseUrl).origin, base: location.base, outDir, logger })));
        // Runs after the validation integration, so the repository is already loaded and valid.
        search = buildSearchBundle(searchMakers(audience), stagingDir);
        // Awaited in build:done; a failure here must not surface as an unhandled rejection first.
        search.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, pages: built, logger }) => {
        const siteDir = fileURLToPath(dir);
        const pages = sitemapPaths(built.map((page) => page.pathname));
        writeFileSync(path.join(siteDir, 'sitemap.xml'), sitemapXml(pages.map((page) => absoluteUrl(page, location))));
        logger.info(`sitemap.xml lists ${pages.length} pages`);
        writeFileSync(path.join(siteDir, 'robots.txt'), robotsTxt(audience, absoluteUrl('sitemap.xml', location)));
        const indexed = await (search ?? buildSearchBundle(searchMakers(audience), stagingDir));
        placeSearchBundle(stagingDir, siteDir);
        logger.info(`search index covers ${indexed} records`);
        const cache = await closeBuildCache();
        if (cache !== undefined) {
          const { hits, stored, bytes } = cache;
          logger.info(`build cache (${(bytes / 2 ** 20).toFixed(1)} MiB): reused ${hits.drawings} of ${countText(stored.drawings, 'drawing')}, ${hits.files} of ${countText(stored.files, 'file')} written after the pages, ${hits.search} of ${countText(stored.search, 'search index part')}`);
        }
      },
    },
  };
}

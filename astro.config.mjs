// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { readSiteConfig } from './src/load/site-config.ts';
import { opsledgerValidation } from './src/site/integration.ts';
import { opsledgerAfterBuild } from './src/site/after-build.ts';
import { audienceFromEnvironment, audienceLocation } from './src/site/audience.ts';
import { buildCacheDir } from './src/site/build-cache.ts';
import { resolveRoot } from './src/load/repository.ts';

// base and site come from the content repository's data/site.yaml, so a team serving
// under a sub-path (e.g. /ops/) changes one file, not the build.
const siteConfig = readSiteConfig();
// The audience decides which pages exist at all: the internal report's (src/pages/) or the public status
// page's (src/status/pages/), so no internal page can be built into a public site by mistake.
const audience = audienceFromEnvironment();
const location = audienceLocation(siteConfig, audience);

// Node strips TypeScript types only outside node_modules: installed as a package, the render worker runs from the
// JavaScript compiled beside its source when the package was packed.
const renderWorker = new URL(
  fileURLToPath(import.meta.url).split(/[\\/]/).includes('node_modules') ? './src/site/render-worker.js' : './src/site/render-worker.ts',
  import.meta.url,
);

export default defineConfig({
  site: location.baseUrl,
  base: location.base,
  srcDir: audience === 'public' ? './src/status' : './src',
  // The build caches are the content root's (src/site/build-cache.ts), whichever way Astro is started: the CLI sets
  // OPSLEDGER_ROOT before it loads this file.
  cacheDir: buildCacheDir(resolveRoot(), audience),
  trailingSlash: 'always',
  output: 'static',
  // One stylesheet file shared by every page instead of 4.6 kB inlined into each of tens of thousands of
  // record pages (a fifth of the site's bytes); four pages in flight so one page's file writes overlap the next render.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // A page whose getStaticPaths gives a cacheKey (the record pages: the digest of all they show) is copied from the
  // previous build when its key and its code are unchanged (the cache is in cacheDir above).
  experimental: { incrementalBuild: true },
  compressHTML: true,
  integrations: [opsledgerValidation(audience), opsledgerAfterBuild(audience)],
  // url() and absoluteUrl() (src/site/urls.ts) read the location from here, never from environment variables.
  // The render worker (src/site/render-pool.ts) runs from its source file, not from Vite's bundle.
  vite: {
    define: {
      __OPSLEDGER_SITE__: JSON.stringify(location),
      __OPSLEDGER_RENDER_WORKER__: JSON.stringify(fileURLToPath(renderWorker)),
    },
  },
});

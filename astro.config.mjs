// @ts-check
import { defineConfig } from 'astro/config';
import { readSiteConfig } from './src/load/site-config.ts';
import { opsledgerValidation } from './src/site/integration.ts';
import { opsledgerAfterBuild } from './src/site/after-build.ts';

// base and site come from the content repository's data/site.yaml, so a team serving
// under a sub-path (e.g. /ops/) changes one file, not the build.
const siteConfig = readSiteConfig();

export default defineConfig({
  site: siteConfig.baseUrl,
  base: siteConfig.base,
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  compressHTML: true,
  integrations: [opsledgerValidation(), opsledgerAfterBuild()],
  // url() and absoluteUrl() (src/site/urls.ts) read the location from here, never from environment variables.
  vite: { define: { __OPSLEDGER_SITE__: JSON.stringify({ baseUrl: siteConfig.baseUrl, base: siteConfig.base }) } },
});

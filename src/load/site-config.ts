// The site settings the Astro config needs before the build starts (base path, absolute URL).
import { loadSiteConfig, resolveRoot } from './repository.ts';
import type { SiteConfig } from '../schema/index.ts';

/** site.yaml of the content root; a broken file falls back to defaults here and fails the build's validation. */
export function readSiteConfig(): SiteConfig {
  return loadSiteConfig(resolveRoot());
}

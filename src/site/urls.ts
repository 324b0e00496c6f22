// Every internal link goes through here so the site works under a sub-path (site.yaml `base`).
// import.meta.env exists only inside the Vite build; build hooks pass base and baseUrl themselves.
const env = import.meta.env as ImportMetaEnv | undefined;
const base = withTrailingSlash(env?.BASE_URL ?? '/');
const site = env?.SITE ?? 'https://example.org/';

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/** `url('incidents/INC-2026-0001/')` → `/ops/incidents/INC-2026-0001/` under base /ops/. */
export function url(path: string): string {
  return base + path.replace(/^\/+/, '');
}

/** Where the site is served: `baseUrl` (an origin, from site.yaml) and the sub-path `base`. */
export interface SiteLocation {
  baseUrl: string;
  base: string;
}

/**
 * The absolute URL of a site path, for feeds, the sitemap and embed snippets: baseUrl + base + path.
 * Pages use this build's location; build hooks, which run outside Vite, pass theirs.
 *
 * @example absoluteUrl('incidents.xml') // 'https://ops.example.org/ops/incidents.xml' under base /ops/
 */
export function absoluteUrl(path: string, at: SiteLocation = { baseUrl: site, base }): string {
  return at.baseUrl.replace(/\/+$/, '') + withTrailingSlash(at.base) + path.replace(/^\/+/, '');
}

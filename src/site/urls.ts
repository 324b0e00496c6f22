// Every internal link goes through here so the site works under a sub-path (site.yaml `base`).
// The build bakes the site's location in (astro.config.mjs `vite.define`); outside the build (unit tests,
// build hooks) it is absent and hooks pass theirs. Not import.meta.env.BASE_URL/SITE: in server code Astro
// lets any environment variable of the same name (BASE_URL is a common one) replace the configured value.
declare const __OPSLEDGER_SITE__: { baseUrl: string; base: string } | undefined;
const built = typeof __OPSLEDGER_SITE__ === 'undefined' ? undefined : __OPSLEDGER_SITE__;
const base = withTrailingSlash(built?.base ?? '/');
const site = built?.baseUrl ?? 'https://example.org/';

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

/**
 * A `tel:` link for a phone number as people write it: digits and a leading + only.
 *
 * @example phoneHref('+1 (555) 010-0100') // 'tel:+15550100100'
 */
export function phoneHref(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  return `tel:${digits.startsWith('+') ? '+' : ''}${digits.replace(/\+/g, '')}`;
}

/**
 * A `mailto:` link for an e-mail address.
 *
 * @example mailHref('ops@example.org') // 'mailto:ops@example.org'
 */
export function mailHref(email: string): string {
  return `mailto:${encodeURI(email.trim())}`;
}

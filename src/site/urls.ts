// Every internal link goes through here so the site works under a sub-path (site.yaml `base`).
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `url('incidents/INC-2026-0001/')` → `/ops/incidents/INC-2026-0001/` under base /ops/. */
export function url(path: string): string {
  return base + path.replace(/^\/+/, '');
}

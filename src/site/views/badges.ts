// Availability badges (/badges/<app>.svg): a shields-style SVG per application with its month-to-date
// availability, for READMEs, wikis and dashboards; and the /badges/ page listing them with embed snippets.
import type { AvailabilityRow, AvailabilityStatus } from '../../core/availability.ts';
import type { Application } from '../../load/repository.ts';
import { absoluteUrl, url } from '../urls.ts';
import { escapeXml } from '../xml.ts';
import { currentMonth, monthReport } from './availability.ts';
import { availabilityText } from '../format.ts';
import type { BuildContext } from '../context.ts';

/** Fill of the value side by status; the site's own status colours, each with white text at 4.5:1 or more. */
export const badgeColours: Record<AvailabilityStatus, string> = {
  red: '#b42318',
  amber: '#8a5300',
  green: '#1a7f37',
  none: '#57606a',
};
const LABEL_COLOUR = '#3d444d';

export interface Badge {
  label: string;
  value: string;
  status: AvailabilityStatus;
  /** The sentence screen readers and image alt texts use. */
  title: string;
}

/** The badge of one application from its month-to-date row. */
export function applicationBadge(app: Pick<Application, 'name' | 'target'>, row: Pick<AvailabilityRow, 'availability' | 'status'>): Badge {
  const value = row.availability === null ? 'n/a' : availabilityText(row.availability);
  return {
    label: app.name,
    value,
    status: row.status,
    title: `${app.name} availability month to date: ${value} (target ${app.target} %), ${row.status}`,
  };
}

// Advance widths of Verdana at 11 px, the font shields-style badges are drawn in; others count as wide.
const NARROW: Record<string, number> = {
  ' ': 3.9, '.': 4.4, ',': 4.4, ':': 4.4, ';': 4.4, '-': 5, '(': 5, ')': 5, '/': 5, "'": 3, '%': 12, '—': 11, '&': 8.5,
  i: 3, l: 3, j: 3.8, f: 3.9, t: 4.4, r: 4.7, I: 4.7, J: 5, c: 5.8, s: 5.8, z: 5.8, L: 6.2, F: 6.4, m: 10.7, w: 9, W: 10.9, M: 9.3,
};

/** Estimated width in pixels of a text drawn in Verdana 11 px; deterministic, close enough to centre the text. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const known = NARROW[char];
    if (known !== undefined) width += known;
    else if (/[0-9]/.test(char)) width += 7;
    else if (/[a-z]/.test(char)) width += 6.7;
    else if (/[A-Z]/.test(char)) width += 7.8;
    else width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 11 : 7.5;
  }
  return width;
}

/** A flat shields-style badge: grey label on the left, the value on its status colour on the right. */
export function badgeSvg(badge: Badge): string {
  const labelWidth = Math.ceil(textWidth(badge.label)) + 10;
  const valueWidth = Math.ceil(textWidth(badge.value)) + 10;
  const width = labelWidth + valueWidth;
  const label = escapeXml(badge.label);
  const value = escapeXml(badge.value);
  const title = escapeXml(badge.title);
  const labelX = labelWidth / 2;
  const valueX = labelWidth + valueWidth / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${labelWidth}" height="20" fill="${LABEL_COLOUR}"/><rect x="${labelWidth}" width="${valueWidth}" height="20" fill="${badgeColours[badge.status]}"/><rect width="${width}" height="20" fill="url(#s)"/></g>`,
    '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" aria-hidden="true">',
    `<text x="${labelX}" y="15" fill="#010101" fill-opacity=".3">${label}</text><text x="${labelX}" y="14">${label}</text>`,
    `<text x="${valueX}" y="15" fill="#010101" fill-opacity=".3">${value}</text><text x="${valueX}" y="14">${value}</text>`,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

function currentRows(ctx: BuildContext): Map<string, AvailabilityRow> {
  return new Map(monthReport(ctx, currentMonth(ctx)).availability.applications.map((row) => [row.id, row]));
}

/** Applications in catalogue order, each with its badge. */
export function applicationBadges(ctx: BuildContext): { app: Application; badge: Badge }[] {
  const rows = currentRows(ctx);
  return ctx.repository.applications.map((app) => {
    const row = rows.get(app.id) ?? { availability: null, status: 'none' as const };
    return { app, badge: applicationBadge(app, row) };
  });
}

/** The body of /badges/<app>.svg. */
export function applicationBadgeSvg(ctx: BuildContext, id: string): string {
  const entry = applicationBadges(ctx).find((b) => b.app.id === id);
  if (!entry) throw new Error(`no application "${id}" for a badge`);
  return badgeSvg(entry.badge);
}

/** What the /badges/ page lists: each badge with its URL and the snippets to embed it. */
export function badgesPage(ctx: BuildContext) {
  return applicationBadges(ctx).map(({ app, badge }) => {
    const badgeUrl = absoluteUrl(`badges/${app.id}.svg`);
    const pageUrl = absoluteUrl(`applications/${app.id}/`);
    return {
      id: app.id,
      name: app.name,
      src: url(`badges/${app.id}.svg`),
      href: url(`applications/${app.id}/`),
      alt: badge.title,
      badgeUrl,
      markdown: `[![${app.name} availability](${badgeUrl})](${pageUrl})`,
      html: `<a href="${escapeXml(pageUrl)}"><img src="${escapeXml(badgeUrl)}" alt="${escapeXml(badge.title)}"></a>`,
    };
  });
}

// Open Graph status cards: a small SVG drawn here, rendered to PNG at build time with resvg and the
// DejaVu fonts shipped as a package, so every machine draws the same pixels.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { AvailabilityStatus } from '../core/availability.ts';
import { escapeHtml } from './xml.ts';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fontFiles = [path.join(fontDir, 'DejaVuSans.ttf'), path.join(fontDir, 'DejaVuSans-Bold.ttf')];

export interface StatusCard {
  /** Small line above the title, e.g. "Monthly summary · October 2026". */
  eyebrow: string;
  title: string;
  /** The big figure, e.g. "99.97 %". */
  figure: string;
  figureLabel: string;
  status: AvailabilityStatus;
  footer: string;
}

const colours: Record<AvailabilityStatus, { band: string; text: string }> = {
  red: { band: '#b42318', text: '#b42318' },
  amber: { band: '#b76e00', text: '#8a5300' },
  green: { band: '#1a7f37', text: '#1a7f37' },
  none: { band: '#57606a', text: '#1b1f24' },
};

/** Splits a title into at most `lines` lines of about `width` characters, with an ellipsis when cut. */
function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if ((current + ' ' + word).trim().length > width && current !== '') {
      out.push(current);
      current = word;
    } else current = (current + ' ' + word).trim();
  }
  if (current) out.push(current);
  if (out.length > lines) {
    const kept = out.slice(0, lines);
    kept[lines - 1] = `${kept[lines - 1]!.slice(0, width - 1)}…`;
    return kept;
  }
  return out;
}

/** The card as SVG (1200 × 630, the size link previews expect). */
export function statusCardSvg(card: StatusCard): string {
  const colour = colours[card.status];
  const titleLines = wrap(card.title, 34, 2)
    .map((line, i) => `<text x="72" y="${238 + i * 64}" font-size="52" font-weight="bold" fill="#1b1f24">${escapeHtml(line)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#ffffff"/>
<rect width="24" height="630" fill="${colour.band}"/>
<text x="72" y="120" font-size="30" fill="#57606a">${escapeHtml(card.eyebrow)}</text>
${titleLines}
<text x="72" y="470" font-size="110" font-weight="bold" fill="${colour.text}">${escapeHtml(card.figure)}</text>
<text x="72" y="520" font-size="30" fill="#57606a">${escapeHtml(card.figureLabel)}</text>
<text x="72" y="590" font-size="26" fill="#57606a">${escapeHtml(card.footer)}</text>
</svg>`;
}

/** The card as PNG bytes, drawn on this thread (pages ask through renderStatusCard in render.ts; the render worker calls this). */
export function drawStatusCard(card: StatusCard): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(statusCardSvg(card), {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'original' },
  });
  return new Uint8Array(resvg.render().asPng());
}

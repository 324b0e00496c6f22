// The monthly report (or its executive summary) of a built site, printed to an A4 PDF by chromium with the
// site's print stylesheet. The page is loaded at its published address, answered from dist/, so the
// PDF's links point at the published site.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { monthTitle } from '../site/format.ts';
import { absoluteUrl, type SiteLocation } from '../site/urls.ts';
import { escapeHtml } from '../site/xml.ts';
import { launchChromium } from './chromium.ts';
import { routeBuiltSite } from './built-site.ts';

export interface ReportPdfRequest {
  /** The built site, e.g. `dist`. */
  distDir: string;
  /** `YYYY-MM`. */
  month: string;
  /** The one-page executive summary instead of the full report. */
  summary: boolean;
  /** Site title and where the site is published (data/site.yaml). */
  site: SiteLocation & { title: string };
  /** The report's as-of instant (epoch ms): the PDF's creation date, so the same site prints to the same bytes. */
  asOfMs: number;
}

/** The site path that is printed: `reports/2026-10/` or `reports/2026-10/summary/`. */
export function reportPagePath(month: string, summary: boolean): string {
  return summary ? `reports/${month}/summary/` : `reports/${month}/`;
}

// Header and footer templates are rendered apart from the page, at a tiny default size and without its styles.
const band = 'font: 8pt Arial, "DejaVu Sans", sans-serif; color: #57606a; width: 100%; margin: 0 14mm; display: flex; justify-content: space-between;';

/** The running header: the site title on the left, the report and month on the right. */
export function pdfHeaderTemplate(siteTitle: string, month: string, summary: boolean): string {
  const what = summary ? 'Executive summary' : 'Availability report';
  return `<div style='${band}'><span>${escapeHtml(siteTitle)}</span><span>${what}, ${monthTitle(month)}</span></div>`;
}

/** The running footer: the page's address and "Page n of N". */
export function pdfFooterTemplate(pageUrl: string): string {
  return `<div style='${band}'><span>${escapeHtml(pageUrl)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

export class ReportPdfError extends Error {}

/**
 * Sets the creation and modification dates chromium writes (the print's wall-clock time) to `asOfMs` and numbers
 * the tagged structure's node ids by rank, in place and at the same length, so the byte offsets of the PDF's
 * cross-reference table stay right and the same site prints to the same bytes.
 *
 * @example stampPdfDates(bytes, Date.parse('2026-11-25T00:00:00Z')) // …/CreationDate (D:20261125000000+00'00')…
 */
export function stampPdfDates(pdf: Uint8Array, asOfMs: number): Uint8Array {
  const stamp = new Date(asOfMs).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const stamped = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}([^)]*)\)/g, (match, key: string, zone: string) => {
    const replacement = `/${key} (D:${stamp}+00'00')`;
    // Same length only: a zone written another way is left as chromium wrote it rather than shifting every offset.
    return replacement.length === match.length && /^[+-]\d{2}'\d{2}'$/.test(zone) ? replacement : match;
  });
  // Tagged PDFs name structure elements after chromium's DOM node counter, which differs by a few from one print
  // to the next; numbered again by rank (same width, same order, so the ID tree stays sorted) they do not.
  const nodeIds = [...new Set(stamped.match(/\(node\d{8}\)/g) ?? [])].sort();
  const rank = new Map(nodeIds.map((id, index) => [id, `(node${String(index).padStart(8, '0')})`]));
  const renumbered = stamped.replace(/\(node\d{8}\)/g, (id) => rank.get(id)!);
  return new Uint8Array(Buffer.from(renumbered, 'latin1'));
}

/** Prints the month's report page of a built site to PDF bytes (A4, print media, page numbers, vector charts, links kept). */
export async function printReportPdf(request: ReportPdfRequest): Promise<Uint8Array> {
  const pagePath = reportPagePath(request.month, request.summary);
  const distDir = path.resolve(request.distDir);
  if (!existsSync(path.join(distDir, pagePath, 'index.html'))) {
    throw new ReportPdfError(`${path.join(request.distDir, pagePath, 'index.html')} does not exist: build the site first (npm run build), or point --dist at the built site; reports exist for the months from the first record to the as-of month`);
  }
  const publishedRoot = absoluteUrl('', request.site);
  const pageUrl = absoluteUrl(pagePath, request.site);
  const browser = await launchChromium();
  try {
    // The pages ship no script; none runs while printing either.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const routed = await routeBuiltSite(context, distDir, publishedRoot);
    const page = await context.newPage();
    const response = await page.goto(pageUrl, { waitUntil: 'load' });
    if (!response?.ok()) throw new ReportPdfError(`${pageUrl} answered ${response?.status() ?? 'nothing'} from ${request.distDir}`);
    if (routed.notFound.length > 0) throw new ReportPdfError(`the page asks for files the built site lacks: ${routed.notFound.join(', ')}`);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: pdfHeaderTemplate(request.site.title, request.month, request.summary),
      footerTemplate: pdfFooterTemplate(pageUrl),
      margin: { top: '18mm', bottom: '16mm', left: '14mm', right: '14mm' },
      outline: true,
      tagged: true,
    });
    await context.close();
    return stampPdfDates(new Uint8Array(pdf), request.asOfMs);
  } finally {
    await browser.close();
  }
}

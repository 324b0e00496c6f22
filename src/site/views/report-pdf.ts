// The printed monthly report beside its page: which months have one is told to the build, never guessed,
// so the report page links a PDF only when the file will be published next to it.
import { isMonth } from '../../core/period.ts';
import { nounFor } from '../format.ts';

/** Where a month's printed report is published, below the site root. */
export function reportPdfPath(month: string): string {
  return `reports/${month}/report.pdf`;
}

/**
 * The months whose printed report is published with the site, from the OPSLEDGER_REPORT_PDF setting: empty
 * when unset, else months as YYYY-MM separated by commas or spaces, each one a month the site reports on.
 *
 * @example reportPdfMonths('2026-10', ['2026-09', '2026-10', '2026-11']) // Set { '2026-10' }
 */
export function reportPdfMonths(setting: string | undefined, reportMonths: readonly string[]): ReadonlySet<string> {
  const months = (setting ?? '').split(/[\s,]+/).filter((m) => m !== '');
  const reported = new Set(reportMonths);
  const wrong = months.filter((m) => !isMonth(m) || !reported.has(m));
  if (wrong.length > 0) {
    const range = reportMonths.length === 0 ? 'no month has a report' : `reports run from ${reportMonths[0]} to ${reportMonths.at(-1)}`;
    throw new Error(`OPSLEDGER_REPORT_PDF="${setting}": ${wrong.map((m) => `"${m}"`).join(', ')} ${nounFor(wrong.length, 'is not a report month', 'are not report months')} (YYYY-MM; ${range})`);
  }
  return new Set(months);
}

import { describe, expect, it } from 'vitest';
import { reportPdfMonths, reportPdfPath } from '../../src/site/views/report-pdf.ts';

const months = ['2026-08', '2026-09', '2026-10', '2026-11'];

describe('reportPdfMonths', () => {
  it('is empty when the setting is unset or blank', () => {
    expect([...reportPdfMonths(undefined, months)]).toEqual([]);
    expect([...reportPdfMonths('', months)]).toEqual([]);
    expect([...reportPdfMonths('  ', months)]).toEqual([]);
  });

  it('reads months separated by commas or spaces', () => {
    expect([...reportPdfMonths('2026-10', months)]).toEqual(['2026-10']);
    expect([...reportPdfMonths('2026-09, 2026-10 2026-11', months)]).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('refuses, all at once, what is not a month the site reports on', () => {
    expect(() => reportPdfMonths('2026-10,2026-13,2025-01', months)).toThrowErrorMatchingInlineSnapshot(
      `[Error: OPSLEDGER_REPORT_PDF="2026-10,2026-13,2025-01": "2026-13", "2025-01" are not report months (YYYY-MM; reports run from 2026-08 to 2026-11)]`,
    );
    expect(() => reportPdfMonths('2026-10', [])).toThrowErrorMatchingInlineSnapshot(`[Error: OPSLEDGER_REPORT_PDF="2026-10": "2026-10" is not a report month (YYYY-MM; no month has a report)]`);
  });
});

describe('reportPdfPath', () => {
  it('puts the PDF beside the report page', () => {
    expect(reportPdfPath('2026-10')).toBe('reports/2026-10/report.pdf');
  });
});

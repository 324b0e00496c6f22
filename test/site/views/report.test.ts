// The monthly report and its summary on the minimal fixture: March 2026 lost 90 of 15,810 scheduled minutes.
import { describe, expect, it } from 'vitest';
import { reportIndex, reportPage } from '../../../src/site/views/report.ts';
import { monthSummary, summaryEmailSubject, summaryText } from '../../../src/site/views/summary.ts';
import { minimalContext } from '../../helpers/minimal-context.ts';

describe('reportPage', () => {
  const ctx = minimalContext();

  it('reports a complete month with its figures and top talkers', () => {
    const page = reportPage(ctx, '2026-03');
    expect(page).toMatchObject({ title: 'March 2026', isCurrent: false, periodText: '2026-03-01 00:00 UTC to 2026-04-01 00:00 UTC', portfolioText: '99.43 %', red: 1, amber: 0, green: 0, lostText: '90.0', incidentCount: 2 });
    // Error budget: 0.5 % of 15,810 minutes = 79.05, of which 90 is 113.9 %.
    expect(page.lines).toEqual([expect.objectContaining({ id: 'settlement', scheduledText: '15,810.0', lostText: '90.0', budgetText: '79.1', consumedText: '113.9 %', status: 'red' })]);
    expect(page.topTalkers.map((t) => [t.rank, t.id, t.lostText])).toEqual([
      [1, 'INC-2026-0002', '75.0'],
      [2, 'INC-2026-0001', '15.0'],
    ]);
    expect(page.incidentCountBefore).toBeNull();
  });

  it('compares the month to date with the month before', () => {
    const page = reportPage(ctx, '2026-04');
    expect(page.isCurrent).toBe(true);
    expect(page.periodText).toBe('month to date, 2026-04-01 00:00 UTC to 2026-04-10 00:00 UTC');
    expect(page).toMatchObject({ portfolioText: '100.00 %', portfolioBeforeText: '99.43 %', lostBeforeText: '90.0', incidentCount: 0, incidentCountBefore: 2 });
  });

  it('indexes the reports newest first', () => {
    expect(reportIndex(ctx).map((r) => [r.month, r.portfolioText, r.incidents, r.isCurrent])).toEqual([
      ['2026-04', '100.00 %', 0, true],
      ['2026-03', '99.43 %', 2, false],
    ]);
  });
});

describe('monthSummary', () => {
  const ctx = minimalContext();

  it('names the application below target, the largest loss and the serious incidents', () => {
    const summary = monthSummary(ctx, '2026-03');
    expect(summary).toMatchObject({ title: 'Reference Corp: March 2026', status: 'red', portfolioText: '99.43 %', openSerious: 0, overdueCount: 0 });
    expect(summary.red.map((a) => a.name)).toEqual(['Settlement']);
    expect(summary.serious.map((i) => i.id)).toEqual(['INC-2026-0001']);
    expect(summary.paragraph).toContain('The largest single loss was INC-2026-0002, Settlement database failover after patch, at 75.0 lost minutes.');
    expect(monthSummary(ctx, '2026-03')).toBe(summary);
  });

  it('gives the same figures in its plain-text and e-mail twins', () => {
    const summary = monthSummary(ctx, '2026-03');
    const text = summaryText(summary);
    expect(text).toContain('- Settlement: 99.43 % (target 99.5 %)');
    expect(text).toContain('1. INC-2026-0002 Settlement database failover after patch (Settlement): 75.0 lost minutes');
    expect(text).toContain('Full report: https://example.org/reports/2026-03/');
    expect(summaryEmailSubject(summary)).toBe('Availability report, March 2026: 99.43 %');
  });
});

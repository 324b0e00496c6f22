// Change views on the minimal fixture: CHG-2026-0001 (normal, high risk, failed, caused INC-2026-0002) and
// CHG-2026-0002 (bau, successful), both in March 2026.
import { describe, expect, it } from 'vitest';
import { calendarMonths, calendarPage, changeIndexPage, changePage, changeReviewPage, changeSectionView } from '../../../src/site/views/changes.ts';
import { changesIcs, changesJson } from '../../../src/site/views/changes-json.ts';
import { byId, minimalContext } from '../../helpers/minimal-context.ts';

describe('change views', () => {
  const ctx = minimalContext();

  it('lists changes newest planned start first, with the lead time from submission to planned start', () => {
    const rows = changeIndexPage(ctx).rows;
    expect(rows.map((r) => r.id)).toEqual(['CHG-2026-0002', 'CHG-2026-0001']);
    // Submitted 2 March 09:00, planned 12 March 12:00: 10 days and 3 hours.
    expect(rows[1]).toMatchObject({ leadText: '10.1 days', cabText: 'yes', approvalsText: 'CAB chair', outcome: 'failed', href: '/changes/CHG-2026-0001/' });
  });

  it('lists the newest changes by name and counts the rest, so the page stays small whatever the history holds', () => {
    const page = changeIndexPage(ctx, 1);
    expect(page.listed.map((r) => r.id)).toEqual(['CHG-2026-0002']);
    expect(page.moreText).toBe('1 more change request not listed here');
    expect(page.rows).toHaveLength(2);
    expect(changeIndexPage(ctx).moreText).toBe('');
  });

  it("shows a change's plans and the incidents it caused", () => {
    const page = changePage(ctx, byId(ctx.repository.changes, 'CHG-2026-0001'));
    expect(page.plans.map((p) => p.heading)).toEqual(['Implementation plan', 'Backout plan', 'Validation plan', 'Risk assessment']);
    expect(page.caused.map((c) => c.id)).toEqual(['INC-2026-0002']);
    expect(changePage(ctx, byId(ctx.repository.changes, 'CHG-2026-0002')).caused).toEqual([]);
  });

  it("summarises the month's changes: one of two finished changes failed, one of two incidents was induced", () => {
    const section = changeSectionView(ctx, '2026-03');
    expect(section).toMatchObject({ monthText: 'March 2026', changes: 2, successRateText: '50.0 %', inducedText: '50.0 %', calendarHref: '/changes/calendar/2026-03/' });
    expect(changeSectionView(ctx, '2026-04')).toMatchObject({ changes: 0 });
  });

  it('puts each change on its planned day of the calendar, weeks starting on Monday', () => {
    const page = calendarPage(ctx, '2026-03');
    expect(page.title).toBe('March 2026');
    const days = page.weeks.flat();
    expect(days[0]).toMatchObject({ date: '2026-02-23', isInMonth: false });
    const withChanges = days.filter((d) => d.changes.length > 0).map((d) => [d.date, d.changes.map((c) => c.id)]);
    expect(withChanges).toEqual([
      ['2026-03-12', ['CHG-2026-0001']],
      ['2026-03-21', ['CHG-2026-0002']],
    ]);
    expect(calendarMonths(ctx)[0]).toBe('2026-03');
  });

  it('reviews the coming week from the as-of instant', () => {
    const review = changeReviewPage(ctx);
    expect(review.fromText).toBe('2026-04-10 00:00 UTC');
    expect(review.toText).toBe('2026-04-17 00:00 UTC');
    expect(review.comingCount).toBe(0);
    const march = changeReviewPage(minimalContext('2026-03-10T00:00:00Z'));
    expect(march.days.flatMap((d) => d.rows.map((r) => r.id))).toEqual(['CHG-2026-0001']);
  });

  it('publishes every change in the JSON and the iCalendar feed, stamped with the as-of instant', () => {
    const json = changesJson(ctx);
    expect(json.asOf).toBe('2026-04-10T00:00:00.000Z');
    expect(json.changes.map((c) => c.id).sort()).toEqual(['CHG-2026-0001', 'CHG-2026-0002']);
    const ics = changesIcs(ctx);
    expect(ics).toContain('DTSTAMP:20260410T000000Z');
    expect(ics).toContain('X-WR-CALNAME:Reference Corp changes');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});

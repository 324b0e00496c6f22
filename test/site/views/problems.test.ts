// Problem views on the minimal fixture: PRB-2026-0001 opened 2026-03-13, two actions, one done, one due 2026-04-15.
import { describe, expect, it } from 'vitest';
import { asOfDate, backlogChart, backlogLines, overdueActionLines, problemIndexPage, problemPage, problemReviewPage, problemSectionView, problemsJson } from '../../../src/site/views/problems.ts';
import { byId, minimalContext } from '../../helpers/minimal-context.ts';

describe('problem views', () => {
  const ctx = minimalContext();
  const problem = byId(ctx.repository.problems, 'PRB-2026-0001');

  it('reads the as-of date in the reporting zone', () => {
    expect(asOfDate(ctx)).toBe('2026-04-10');
  });

  it('counts an open action overdue only after its due date', () => {
    expect(overdueActionLines(ctx)).toEqual([]);
    const late = overdueActionLines(minimalContext('2026-04-20T00:00:00Z'));
    expect(late.map((l) => [l.problemId, l.title, l.whenText])).toEqual([['PRB-2026-0001', 'Add a replication lag check to the patch runbook', '5 days overdue']]);
  });

  it('tracks the backlog month by month: opened in March, still open in April', () => {
    expect(backlogLines(ctx).slice(-2).map(({ month, opened, closed, open }) => ({ month, opened, closed, open }))).toEqual([
      { month: '2026-03', opened: 1, closed: 0, open: 1 },
      { month: '2026-04', opened: 0, closed: 0, open: 1 },
    ]);
  });

  it('draws the backlog when there is one, and no chart without', () => {
    expect(backlogChart(backlogLines(ctx))?.title).toBe('Problem backlog: tickets opened and closed per month, and open at each month end');
    expect(backlogChart([])).toBeNull();
  });

  it('summarises the problem index: one open problem, half of its actions done, one due this week', () => {
    expect(problemIndexPage(ctx)).toMatchObject({ today: '2026-04-10', openCount: 1, closedCount: 0, overdueCount: 0, completionText: '50.0 %', dueThisWeekCount: 1 });
  });

  it("shows a problem's age, linked incidents and actions", () => {
    const page = problemPage(ctx, problem);
    // 13 March to 10 April: 28 days.
    expect(page.ageText).toBe('28 days');
    expect(page.incidents.map((i) => i.id)).toEqual(['INC-2026-0002']);
    expect(page.actions.map((a) => [a.title, a.statusText])).toEqual([
      ['Add a replication lag check to the patch runbook', 'due this week'],
      ['Alert on replica lag', 'done'],
    ]);
  });

  it('puts the problem on the weekly review agenda with its action due this week', () => {
    const review = problemReviewPage(ctx);
    expect(review).toMatchObject({ today: '2026-04-10', weekEnd: '2026-04-16', overdueCount: 0, dueThisWeekCount: 1, recurring: [] });
    expect(review.agenda.map((a) => [a.id, a.owner, a.actionsText])).toEqual([['PRB-2026-0001', 'Operations', '1 of 2 done']]);
  });

  it("reports the month's opened problems and the JSON with ages at the as-of date", () => {
    expect(problemSectionView(ctx, '2026-03')).toMatchObject({ monthText: 'March 2026', isCurrent: false, openAtEnd: 1 });
    expect(problemSectionView(ctx, '2026-03').opened.map((p) => p.id)).toEqual(['PRB-2026-0001']);
    const json = problemsJson(ctx);
    expect(json.asOf).toBe('2026-04-10T00:00:00.000Z');
    expect(json.problems).toEqual([{ id: 'PRB-2026-0001', priority: 'P2', status: 'known-error', opened: '2026-03-13', closed: null, owner: 'ops', ageDays: 28, actions: 2, actionsDone: 1, overdueActions: 0 }]);
  });
});

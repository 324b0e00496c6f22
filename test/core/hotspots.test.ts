import { describe, expect, it } from 'vitest';
import { bandwidthHotspots, bucketEffortByMonth, effortBreakdown, monthlyEffort, monthOverMonth, type EffortEntry } from '../../src/core/effort.ts';
import { automationCandidates } from '../../src/core/automation.ts';
import { daysBefore, daysThrough } from '../../src/core/recurrence.ts';
import { recurringIncidentsWithoutProblem, type IncidentOccurrence, type ProblemCoverage } from '../../src/core/recurring-incidents.ts';
import { staffingForecast } from '../../src/core/staffing.ts';

const DAY_MS = 86_400_000;

function entry(overrides: Partial<EffortEntry>): EffortEntry {
  return {
    date: '2026-10-05',
    team: 'ops',
    application: 'settlement',
    component: 'batch',
    category: 'incident',
    ticket: '',
    hours: 1,
    ...overrides,
  };
}

const october: EffortEntry[] = [
  entry({ category: 'incident', hours: 4, ticket: 'INC-2026-0001' }),
  entry({ category: 'incident', hours: 2, component: 'db', team: 'dba' }),
  entry({ category: 'service-request', hours: 3, application: 'payments', component: 'api' }),
  entry({ category: 'change', hours: 1, application: 'payments', component: 'api', date: '2026-10-31' }),
];
const september: EffortEntry[] = [
  entry({ date: '2026-09-10', category: 'incident', hours: 5 }),
  entry({ date: '2026-09-30', category: 'admin', hours: 3, team: 'dba' }),
];

describe('effortBreakdown', () => {
  const ledger = bucketEffortByMonth([...september, ...october]);

  it('sums hours and shares by category, application, component and team, most hours first', () => {
    const breakdown = effortBreakdown(ledger, ['2026-10'], 140);
    expect(breakdown.period).toBe('2026-10');
    expect(breakdown.totalHours).toBe(10);
    expect(breakdown.byCategory).toEqual([
      { key: 'incident', hours: 6, share: 0.6 },
      { key: 'service-request', hours: 3, share: 0.3 },
      { key: 'change', hours: 1, share: 0.1 },
      { key: 'admin', hours: 0, share: 0 },
      { key: 'problem', hours: 0, share: 0 },
      { key: 'project', hours: 0, share: 0 },
    ]);
    expect(breakdown.byApplication).toEqual([
      { key: 'settlement', hours: 6, share: 0.6 },
      { key: 'payments', hours: 4, share: 0.4 },
    ]);
    expect(breakdown.byComponent).toEqual([
      { key: 'payments/api', hours: 4, share: 0.4 },
      { key: 'settlement/batch', hours: 4, share: 0.4 },
      { key: 'settlement/db', hours: 2, share: 0.2 },
    ]);
    expect(breakdown.byTeam).toEqual([
      { key: 'ops', hours: 8, share: 0.8 },
      { key: 'dba', hours: 2, share: 0.2 },
    ]);
  });

  it('gives FTEs as hours over the FTE-month, averaged over several months', () => {
    expect(effortBreakdown(ledger, ['2026-10'], 5).fte).toBe(2);
    const both = effortBreakdown(ledger, ['2026-10', '2026-09'], 6);
    expect(both.period).toBe('2026-09/2026-10');
    expect(both.months).toBe(2);
    expect(both.totalHours).toBe(18);
    expect(both.fte).toBe(1.5);
    expect(both.byTeam).toEqual([
      { key: 'ops', hours: 13, share: 13 / 18 },
      { key: 'dba', hours: 5, share: 5 / 18 },
    ]);
  });

  it('reports an empty month as zero hours with every category listed', () => {
    const empty = effortBreakdown(ledger, ['2026-01'], 140);
    expect(empty.totalHours).toBe(0);
    expect(empty.fte).toBe(0);
    expect(empty.byCategory.map((c) => c.key)).toEqual(['admin', 'change', 'incident', 'problem', 'project', 'service-request']);
    expect(empty.byApplication).toEqual([]);
  });

  it('sums decimal hours without float noise', () => {
    const tenths = bucketEffortByMonth([entry({ hours: 0.1 }), entry({ hours: 0.2 })]);
    expect(effortBreakdown(tenths, ['2026-10'], 140).totalHours).toBe(0.3);
  });

  it('leaves out entries after the through date, so the as-of month is month to date', () => {
    const toDate = bucketEffortByMonth(october, { throughDate: '2026-10-30' });
    expect(effortBreakdown(toDate, ['2026-10'], 140).totalHours).toBe(9);
  });
});

describe('monthlyEffort and monthOverMonth', () => {
  const ledger = bucketEffortByMonth([...october, ...september]);

  it('lists hours, FTEs and every category per month, in the order asked', () => {
    const trend = monthlyEffort(ledger, ['2026-08', '2026-09', '2026-10'], 4);
    expect(trend.map((m) => [m.month, m.hours, m.fte])).toEqual([
      ['2026-08', 0, 0],
      ['2026-09', 8, 2],
      ['2026-10', 10, 2.5],
    ]);
    expect(trend[1]?.byCategory).toEqual({ incident: 5, 'service-request': 0, change: 0, problem: 0, project: 0, admin: 3 });
  });

  it('compares a month with the one before, in total and per category', () => {
    const change = monthOverMonth(ledger, '2026-10', '2026-09');
    expect(change.total).toEqual({ key: 'total', hours: 10, previousHours: 8, changeHours: 2, change: 0.25 });
    expect(change.byCategory.find((c) => c.key === 'admin')).toEqual({ key: 'admin', hours: 0, previousHours: 3, changeHours: -3, change: -1 });
    expect(change.byCategory.find((c) => c.key === 'service-request')?.change).toBeNull();
  });
});

describe('bandwidthHotspots', () => {
  it('takes the leading keys until they cover half of the hours', () => {
    const list = [
      { key: 'a', hours: 30, share: 0.3 },
      { key: 'b', hours: 25, share: 0.25 },
      { key: 'c', hours: 25, share: 0.25 },
      { key: 'd', hours: 20, share: 0.2 },
    ];
    expect(bandwidthHotspots(list).map((h) => h.key)).toEqual(['a', 'b']);
    expect(bandwidthHotspots(list, 0.8).map((h) => h.key)).toEqual(['a', 'b', 'c']);
    expect(bandwidthHotspots(list, 1, 2).map((h) => h.key)).toEqual(['a', 'b']);
    expect(bandwidthHotspots([])).toEqual([]);
  });
});

describe('recurringIncidentsWithoutProblem', () => {
  const start = Date.UTC(2026, 6, 1, 9);
  const everything = { fromMs: 0, toMs: Date.UTC(2030, 0, 1) };
  function incident(id: string, dayOffset: number, overrides: Partial<IncidentOccurrence> = {}): IncidentOccurrence {
    return { id, applications: ['settlement'], component: 'batch', started: start + dayOffset * DAY_MS, ...overrides };
  }

  it('flags exactly three incidents on one component within 90 days', () => {
    const issues = recurringIncidentsWithoutProblem([incident('INC-1', 0), incident('INC-2', 40), incident('INC-3', 89)], [], everything);
    expect(issues).toEqual([
      {
        application: 'settlement',
        component: 'batch',
        key: 'settlement/batch',
        incidents: ['INC-1', 'INC-2', 'INC-3'],
        firstStartedMs: start,
        lastStartedMs: start + 89 * DAY_MS,
      },
    ]);
  });

  it('does not flag three incidents spread over 91 calendar days', () => {
    expect(recurringIncidentsWithoutProblem([incident('INC-1', 0), incident('INC-2', 45), incident('INC-3', 90)], [], everything)).toEqual([]);
    expect(recurringIncidentsWithoutProblem([incident('INC-1', 0), incident('INC-2', 45), incident('INC-3', 120)], [], everything)).toEqual([]);
  });

  it('does not flag two incidents, nor three on different components or applications', () => {
    expect(recurringIncidentsWithoutProblem([incident('INC-1', 0), incident('INC-2', 1)], [], everything)).toEqual([]);
    const mixed = [incident('INC-1', 0), incident('INC-2', 1, { component: 'db' }), incident('INC-3', 2, { applications: ['payments'] })];
    expect(recurringIncidentsWithoutProblem(mixed, [], everything)).toEqual([]);
  });

  it('does not flag incidents a problem ticket covers, by either side of the link', () => {
    const three = [incident('INC-1', 0), incident('INC-2', 10), incident('INC-3', 20)];
    const listed: ProblemCoverage[] = [{ id: 'PRB-1', incidents: ['INC-2'] }];
    expect(recurringIncidentsWithoutProblem(three, listed, everything)).toEqual([]);
    const named = [incident('INC-1', 0), incident('INC-2', 10, { problem: 'PRB-1' }), incident('INC-3', 20)];
    expect(recurringIncidentsWithoutProblem(named, [], everything)).toEqual([]);
  });

  it('still flags a cluster with three uncovered incidents beside a covered one', () => {
    const four = [incident('INC-1', 0), incident('INC-2', 10), incident('INC-3', 20), incident('INC-4', 30)];
    const issues = recurringIncidentsWithoutProblem(four, [{ id: 'PRB-1', incidents: ['INC-2'] }], everything);
    expect(issues.map((i) => i.incidents)).toEqual([['INC-1', 'INC-3', 'INC-4']]);
  });

  it('lists only the incidents inside a qualifying window', () => {
    const history = [incident('INC-0', -200), incident('INC-1', 0), incident('INC-2', 30), incident('INC-3', 60), incident('INC-9', 400)];
    expect(recurringIncidentsWithoutProblem(history, [], everything)[0]?.incidents).toEqual(['INC-1', 'INC-2', 'INC-3']);
  });

  it('counts an incident on several applications for each of them', () => {
    const shared = [0, 5, 10].map((day, i) => incident(`INC-${i}`, day, { applications: ['settlement', 'payments'] }));
    expect(recurringIncidentsWithoutProblem(shared, [], everything).map((i) => i.key)).toEqual(['payments/batch', 'settlement/batch']);
  });

  it('looks only at the range: the 90 days before the as-of instant, or up to a month end', () => {
    const three = [incident('INC-1', 0), incident('INC-2', 10), incident('INC-3', 20)];
    const asOf = start + 95 * DAY_MS;
    expect(recurringIncidentsWithoutProblem(three, [], daysBefore(asOf, 90))).toEqual([]);
    expect(recurringIncidentsWithoutProblem(three, [], daysBefore(start + 85 * DAY_MS, 90))).toHaveLength(1);
    const july = { fromMs: Date.UTC(2026, 6, 1), toMs: Date.UTC(2026, 7, 1) };
    expect(recurringIncidentsWithoutProblem(three, [], july)).toHaveLength(1);
  });

  it('orders issues by incident count, then latest incident', () => {
    const issues = recurringIncidentsWithoutProblem(
      [
        ...[0, 1, 2].map((d) => incident(`A-${d}`, d, { component: 'api' })),
        ...[0, 1, 2, 3].map((d) => incident(`B-${d}`, d, { component: 'db' })),
        ...[5, 6, 7].map((d) => incident(`C-${d}`, d, { component: 'batch' })),
      ],
      [],
      everything,
    );
    expect(issues.map((i) => i.key)).toEqual(['settlement/db', 'settlement/batch', 'settlement/api']);
  });
});

describe('automationCandidates', () => {
  const request = (date: string, hours = 0.5, ticket = '') =>
    entry({ date, category: 'service-request', application: 'settlement', component: 'reports', hours, ticket });
  const range = { fromDate: '2026-01-01', toDate: '2026-12-31' };

  it('flags five service requests on one component within 90 days, with their hours', () => {
    const five = ['2026-09-01', '2026-09-15', '2026-10-01', '2026-10-20', '2026-11-29'].map((d, i) => request(d, 0.5 + i, `REQ-${i % 3}`));
    expect(automationCandidates(five, range)).toEqual([
      {
        application: 'settlement',
        component: 'reports',
        key: 'settlement/reports',
        entries: 5,
        hours: 12.5,
        tickets: 3,
        firstDate: '2026-09-01',
        lastDate: '2026-11-29',
      },
    ]);
  });

  it('does not flag four, nor five spread over more than 90 days, nor other categories', () => {
    const four = ['2026-09-01', '2026-09-15', '2026-10-01', '2026-10-20'].map((d) => request(d));
    expect(automationCandidates(four, range)).toEqual([]);
    const spread = ['2026-09-01', '2026-09-15', '2026-10-01', '2026-10-20', '2026-11-30'].map((d) => request(d));
    expect(automationCandidates(spread, range)).toEqual([]);
    expect(automationCandidates([...four, entry({ date: '2026-09-02', component: 'reports', category: 'incident' })], range)).toEqual([]);
  });

  it('counts only entries inside the date range', () => {
    const five = ['2026-09-01', '2026-09-15', '2026-10-01', '2026-10-20', '2026-11-20'].map((d) => request(d));
    expect(automationCandidates(five, daysThrough('2026-11-20', 90))).toHaveLength(1);
    expect(automationCandidates(five, daysThrough('2026-11-30', 90))).toEqual([]);
  });

  it('gives the last 90 calendar days through a date', () => {
    expect(daysThrough('2026-11-24', 90)).toEqual({ fromDate: '2026-08-27', toDate: '2026-11-24' });
    expect(daysThrough('2024-03-01', 2)).toEqual({ fromDate: '2024-02-29', toDate: '2024-03-01' });
  });
});

describe('staffingForecast', () => {
  it('extends a known linear series by three months, with FTEs', () => {
    const history = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'].map((month, i) => ({
      month,
      hours: 280 + 14 * i,
    }));
    const forecast = staffingForecast(history, 140);
    expect(forecast.trend?.n).toBe(9);
    expect(forecast.trend?.hoursPerMonth).toBeCloseTo(14, 9);
    expect(forecast.trend?.ftePerMonth).toBeCloseTo(0.1, 9);
    expect(forecast.trend?.r2).toBeCloseTo(1, 9);
    expect(forecast.forecasts.map((f) => f.month)).toEqual(['2027-01', '2027-02', '2027-03']);
    const [january, , march] = forecast.forecasts;
    expect(january?.hours).toBeCloseTo(406, 6);
    expect(january?.fte).toBeCloseTo(2.9, 9);
    expect(march?.hours).toBeCloseTo(434, 6);
    expect(march?.low).toBeCloseTo(434, 6);
    expect(march?.high).toBeCloseTo(434, 6);
    expect(forecast.fitted[8]?.hours).toBeCloseTo(392, 6);
  });

  it('widens the interval with scatter and keeps the estimate on the line', () => {
    const hours = [100, 130, 110, 150, 130, 170];
    const forecast = staffingForecast(hours.map((h, i) => ({ month: `2026-0${i + 1}`, hours: h })), 100);
    const next = forecast.forecasts[0]!;
    expect(next.month).toBe('2026-07');
    expect(next.low).toBeLessThan(next.hours);
    expect(next.high).toBeGreaterThan(next.hours);
    expect(next.fteHigh).toBeCloseTo(next.high / 100, 12);
  });

  it('never forecasts negative hours', () => {
    const falling = staffingForecast([{ month: '2026-01', hours: 300 }, { month: '2026-02', hours: 200 }, { month: '2026-03', hours: 100 }], 140, 3);
    expect(falling.forecasts.map((f) => f.hours)).toEqual([0, 0, 0]);
  });

  it('gives no forecast with fewer than three months', () => {
    expect(staffingForecast([{ month: '2026-01', hours: 10 }, { month: '2026-02', hours: 20 }], 140)).toEqual({ trend: null, fitted: [], forecasts: [] });
    expect(staffingForecast([], 140).forecasts).toEqual([]);
  });
});

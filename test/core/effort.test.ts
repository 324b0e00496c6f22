import { describe, expect, it } from 'vitest';
import { bandwidthHotspots, bucketEffortByMonth, effortBreakdown, monthlyEffort, monthOverMonth, type EffortEntry } from '../../src/core/effort.ts';
import { entry } from './effort-entries.ts';

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

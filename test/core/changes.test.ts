import { describe, expect, it } from 'vitest';
import {
  changeCalendarMonth,
  changeInducedShare,
  changeOutcomes,
  changePeriod,
  changeViolations,
  emergencyShare,
  leadDays,
  leadTimeViolationsByMonth,
  weeklyChangeReview,
} from '../../src/core/changes.ts';
import type { ChangeRequest } from '../../src/core/changes.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const at = (iso: string) => Date.parse(iso);

function change(overrides: Partial<ChangeRequest> & { id: string }): ChangeRequest {
  const plannedStart = overrides.plannedStart ?? at('2026-11-20T20:00:00Z');
  return {
    title: `Change ${overrides.id}`,
    applications: ['settlement'],
    type: 'standard',
    risk: 'low',
    owner: 'Ops',
    submitted: plannedStart - 10 * DAY_MS,
    plannedStart,
    plannedEnd: plannedStart + 2 * HOUR_MS,
    approvals: [],
    cab: false,
    releasesCode: false,
    outcome: 'successful',
    ...overrides,
  };
}

describe('leadDays', () => {
  it('measures 24-hour days from submission to planned start', () => {
    expect(leadDays({ submitted: at('2026-11-01T09:00:00Z'), plannedStart: at('2026-11-06T21:00:00Z') })).toBe(5.5);
    expect(leadDays({ submitted: at('2026-11-06T09:00:00Z'), plannedStart: at('2026-11-06T08:00:00Z') })).toBeCloseTo(-1 / 24, 12);
  });

  it('counts 24-hour days across a DST change, not calendar days', () => {
    // Europe/London falls back on 2026-10-25: five calendar days at 09:00 local are 5 days and 1 hour.
    expect(leadDays({ submitted: at('2026-10-22T09:00:00+01:00'), plannedStart: at('2026-10-27T09:00:00+00:00') })).toBeCloseTo(5 + 1 / 24, 12);
  });
});

describe('the lead-time rule (normal changes, 5 days)', () => {
  const start = at('2026-11-20T20:00:00Z');
  const normal = (lead: number) => change({ id: 'CHG-2026-0001', type: 'normal', plannedStart: start, submitted: start - lead * DAY_MS });

  it('keeps the rule at exactly 5 days', () => {
    expect(changeViolations(normal(5), 5)).toEqual([]);
  });

  it('breaks it one minute short of 5 days', () => {
    expect(changeViolations(change({ id: 'CHG-2026-0001', type: 'normal', plannedStart: start, submitted: start - 5 * DAY_MS + 60_000 }), 5)).toEqual(['lead-time']);
    expect(changeViolations(normal(4), 5)).toEqual(['lead-time']);
  });

  it('keeps it above 5 days', () => {
    expect(changeViolations(normal(6), 5)).toEqual([]);
  });

  it('applies only to normal changes', () => {
    for (const type of ['emergency', 'standard', 'bau'] as const) {
      expect(changeViolations(change({ id: 'CHG-2026-0001', type, plannedStart: start, submitted: start - DAY_MS }), 5)).toEqual([]);
    }
  });

  it('uses the configured lead time', () => {
    expect(changeViolations(normal(4), 3)).toEqual([]);
    expect(changeViolations(normal(4), 7)).toEqual(['lead-time']);
  });
});

describe('the bau rule', () => {
  it('flags a bau change that releases code', () => {
    expect(changeViolations(change({ id: 'CHG-2026-0002', type: 'bau', releasesCode: true }), 5)).toEqual(['bau-releases-code']);
  });

  it('lets a bau change without code and other types with code pass', () => {
    expect(changeViolations(change({ id: 'CHG-2026-0002', type: 'bau', releasesCode: false }), 5)).toEqual([]);
    expect(changeViolations(change({ id: 'CHG-2026-0002', type: 'standard', releasesCode: true }), 5)).toEqual([]);
  });
});

describe('the high-risk rule', () => {
  const approval = { by: 'CAB chair', at: at('2026-11-10T10:00:00Z') };

  it('flags a high-risk change without CAB', () => {
    expect(changeViolations(change({ id: 'CHG-2026-0003', risk: 'high', cab: false, approvals: [approval] }), 5)).toEqual(['high-risk-unapproved']);
  });

  it('flags a high-risk change with CAB but no approval', () => {
    expect(changeViolations(change({ id: 'CHG-2026-0003', risk: 'high', cab: true, approvals: [] }), 5)).toEqual(['high-risk-unapproved']);
  });

  it('passes a high-risk change with CAB and an approval, and medium risk without either', () => {
    expect(changeViolations(change({ id: 'CHG-2026-0003', risk: 'high', cab: true, approvals: [approval] }), 5)).toEqual([]);
    expect(changeViolations(change({ id: 'CHG-2026-0003', risk: 'medium' }), 5)).toEqual([]);
  });

  it('lists several broken rules in a fixed order', () => {
    const start = at('2026-11-20T20:00:00Z');
    expect(changeViolations(change({ id: 'CHG-2026-0004', type: 'normal', risk: 'high', submitted: start - DAY_MS, plannedStart: start }), 5)).toEqual(['lead-time', 'high-risk-unapproved']);
  });
});

describe('rates and shares', () => {
  it('rates success over successful, failed and backed-out changes only', () => {
    const list = (['successful', 'successful', 'successful', 'failed', 'backed-out', 'pending', 'cancelled'] as const).map((outcome, i) => change({ id: `CHG-2026-00${i}`, outcome }));
    expect(changeOutcomes(list)).toEqual({ total: 7, successful: 3, failed: 1, backedOut: 1, pending: 1, cancelled: 1, successRate: 0.6 });
    expect(changeOutcomes([change({ id: 'CHG-2026-0001', outcome: 'pending' })]).successRate).toBeNull();
  });

  it('shares emergencies among changes that were not cancelled', () => {
    const list = [
      change({ id: 'CHG-2026-0001', type: 'emergency' }),
      change({ id: 'CHG-2026-0002', type: 'emergency', outcome: 'cancelled' }),
      change({ id: 'CHG-2026-0003', type: 'normal' }),
      change({ id: 'CHG-2026-0004', type: 'standard', outcome: 'pending' }),
    ];
    expect(emergencyShare(list)).toEqual({ count: 1, total: 3, share: 1 / 3 });
    expect(emergencyShare([]).share).toBeNull();
  });

  it('counts an incident as change-induced when it names a change or its cause is change', () => {
    expect(
      changeInducedShare([
        { id: 'INC-1', cause: 'change' },
        { id: 'INC-2', cause: 'software', change: 'CHG-2026-0001' },
        { id: 'INC-3', cause: 'network' },
        { id: 'INC-4', cause: 'hardware' },
      ]),
    ).toEqual({ count: 2, total: 4, share: 0.5 });
  });
});

describe('leadTimeViolationsByMonth', () => {
  it('files violations under the month of planned start in the reporting zone', () => {
    const late = (id: string, iso: string) => change({ id, type: 'normal', plannedStart: at(iso), submitted: at(iso) - DAY_MS });
    const list = [
      late('CHG-2026-0001', '2026-10-31T23:30:00Z'), // November in Paris
      late('CHG-2026-0002', '2026-10-15T10:00:00Z'),
      change({ id: 'CHG-2026-0003', type: 'normal', plannedStart: at('2026-10-20T10:00:00Z') }),
    ];
    expect(leadTimeViolationsByMonth(list, ['2026-10', '2026-11'], 'Europe/Paris', 5)).toEqual([
      { month: '2026-10', normalChanges: 2, violations: ['CHG-2026-0002'] },
      { month: '2026-11', normalChanges: 1, violations: ['CHG-2026-0001'] },
    ]);
  });
});

describe('weeklyChangeReview', () => {
  const asOf = at('2026-11-24T12:00:00Z');
  const list = [
    change({ id: 'CHG-2026-0010', plannedStart: at('2026-11-24T11:59:00Z'), outcome: 'successful' }),
    change({ id: 'CHG-2026-0011', plannedStart: at('2026-11-24T12:00:00Z'), outcome: 'pending' }),
    change({ id: 'CHG-2026-0012', plannedStart: at('2026-11-24T23:30:00Z'), outcome: 'pending', type: 'bau', releasesCode: true }),
    change({ id: 'CHG-2026-0013', plannedStart: at('2026-12-01T11:59:00Z'), outcome: 'pending' }),
    change({ id: 'CHG-2026-0014', plannedStart: at('2026-12-01T12:00:00Z'), outcome: 'pending' }),
    change({ id: 'CHG-2026-0015', plannedStart: at('2026-11-17T12:00:00Z'), outcome: 'backed-out' }),
    change({ id: 'CHG-2026-0016', plannedStart: at('2026-11-17T11:59:00Z'), outcome: 'failed' }),
  ];

  it('takes [as-of, as-of + 7 days) and groups by day in the reporting zone', () => {
    const review = weeklyChangeReview(list, asOf, 'Europe/Paris', 5);
    expect(review.days.map((d) => [d.date, d.changes.map((c) => c.change.id)])).toEqual([
      ['2026-11-24', ['CHG-2026-0011']],
      ['2026-11-25', ['CHG-2026-0012']],
      ['2026-12-01', ['CHG-2026-0013']],
    ]);
    expect(review.days[1]?.changes[0]?.violations).toEqual(['bau-releases-code']);
  });

  it("reports last week's outcomes for [as-of − 7 days, as-of)", () => {
    const review = weeklyChangeReview(list, asOf, 'UTC', 5);
    expect(review.lastWeek.map((c) => c.change.id)).toEqual(['CHG-2026-0015', 'CHG-2026-0010']);
    expect(review.lastWeekOutcomes.successRate).toBe(0.5);
  });
});

describe('changePeriod', () => {
  it('sums up the changes planned and incidents started in the range', () => {
    const range = { fromMs: at('2026-10-01T00:00:00Z'), toMs: at('2026-11-01T00:00:00Z') };
    const list = [
      change({ id: 'CHG-2026-0020', type: 'normal', plannedStart: at('2026-10-10T20:00:00Z'), submitted: at('2026-10-08T20:00:00Z'), outcome: 'failed' }),
      change({ id: 'CHG-2026-0021', type: 'emergency', plannedStart: at('2026-10-12T20:00:00Z') }),
      change({ id: 'CHG-2026-0022', plannedStart: at('2026-11-12T20:00:00Z') }),
    ];
    const incidents = [
      { id: 'INC-1', cause: 'change', started: at('2026-10-10T21:00:00Z'), change: 'CHG-2026-0020' },
      { id: 'INC-2', cause: 'network', started: at('2026-10-15T21:00:00Z') },
      { id: 'INC-3', cause: 'change', started: at('2026-09-15T21:00:00Z') },
    ];
    const period = changePeriod(list, incidents, range, 5);
    expect(period.changes).toBe(2);
    expect(period.outcomes.successRate).toBe(0.5);
    expect(period.emergency.share).toBe(0.5);
    expect(period.changeInduced).toEqual({ count: 1, total: 2, share: 0.5 });
    expect(period.leadTimeViolations).toEqual(['CHG-2026-0020']);
  });
});

describe('changeCalendarMonth', () => {
  it('lays out whole Monday-to-Sunday weeks and places changes on every day they touch', () => {
    const list = [
      change({ id: 'CHG-2026-0030', plannedStart: at('2026-11-07T22:00:00Z'), plannedEnd: at('2026-11-08T02:00:00Z') }),
      change({ id: 'CHG-2026-0031', plannedStart: at('2026-10-31T23:00:00Z'), plannedEnd: at('2026-11-01T01:00:00Z') }),
    ];
    const grid = changeCalendarMonth(list, '2026-11', 'UTC');
    expect(grid.weeks).toHaveLength(6);
    expect(grid.weeks.every((w) => w.length === 7)).toBe(true);
    expect(grid.weeks[0]?.[0]?.date).toBe('2026-10-26');
    expect(grid.weeks[5]?.[6]?.date).toBe('2026-12-06');
    const day = (date: string) => grid.weeks.flat().find((d) => d.date === date);
    expect(day('2026-11-07')?.changes.map((c) => [c.change.id, c.startsToday])).toEqual([['CHG-2026-0030', true]]);
    expect(day('2026-11-08')?.changes.map((c) => [c.change.id, c.startsToday])).toEqual([['CHG-2026-0030', false]]);
    expect(day('2026-11-01')?.changes.map((c) => c.change.id)).toEqual(['CHG-2026-0031']);
    expect(day('2026-10-31')?.isInMonth).toBe(false);
    expect(day('2026-11-01')?.isWeekend).toBe(true);
  });

  it('cuts days in the reporting zone, DST days included', () => {
    // New York falls back on 2026-11-01: that day is 25 hours long.
    const list = [change({ id: 'CHG-2026-0040', plannedStart: at('2026-11-02T04:30:00Z'), plannedEnd: at('2026-11-02T04:45:00Z') })];
    const grid = changeCalendarMonth(list, '2026-11', 'America/New_York');
    const day = (date: string) => grid.weeks.flat().find((d) => d.date === date);
    expect(day('2026-11-01')?.changes.map((c) => c.change.id)).toEqual(['CHG-2026-0040']);
    expect(day('2026-11-02')?.changes).toEqual([]);
  });
});

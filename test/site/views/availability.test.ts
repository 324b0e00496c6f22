// Availability of the minimal fixture, worked by hand. Settlement is scheduled Mon–Fri 07:00–19:00 New York:
// March 2026 has 22 weekdays × 720 min = 15,840 min, less the 30 min of CHG-2026-0001's downtime (maintenance
// is excluded) = 15,810 min. INC-2026-0001 (06:30–07:30 EDT, half the users) loses 30 min × 0.5 = 15;
// INC-2026-0002 (09:00–10:15 EDT, everyone) loses 75.
import { describe, expect, it } from 'vitest';
import { currentMonth, incidentAvailabilityEffects, incidentLostMinutesTotal, incidentsTouchingMonth, isMonthToDate, monthReport, previousReport } from '../../../src/site/views/availability.ts';
import { availabilityBody, topTalkersBody } from '../../../src/site/views/api.ts';
import { byId, minimalContext } from '../../helpers/minimal-context.ts';

describe('monthReport', () => {
  const ctx = minimalContext();

  it('gives each application its scheduled and lost minutes for a complete month', () => {
    const report = monthReport(ctx, '2026-03');
    const [settlement] = report.availability.applications;
    expect(settlement).toMatchObject({ id: 'settlement', scheduledMinutes: 15810, lostMinutes: 90, status: 'red' });
    expect(settlement!.availability).toBeCloseTo(1 - 90 / 15810, 12);
    expect(report.incidents.map((i) => i.id)).toEqual(['INC-2026-0001', 'INC-2026-0002']);
    expect(report.topTalkers.map((t) => [t.id, t.lostMinutes])).toEqual([
      ['INC-2026-0002', 75],
      ['INC-2026-0001', 15],
    ]);
  });

  it('is computed once per context', () => {
    expect(monthReport(ctx, '2026-03')).toBe(monthReport(ctx, '2026-03'));
    expect(monthReport(minimalContext(), '2026-03')).not.toBe(monthReport(ctx, '2026-03'));
  });

  it('compares with the month before only when the site reports it', () => {
    expect(previousReport(ctx, '2026-04', ['2026-03', '2026-04'])?.month).toBe('2026-03');
    expect(previousReport(ctx, '2026-03', ['2026-03', '2026-04'])).toBeNull();
  });
});

describe('the month shown and month to date', () => {
  it('shows the as-of month while it runs, and the month just ended at its first instant', () => {
    const ctx = minimalContext();
    expect(currentMonth(ctx)).toBe('2026-04');
    expect(isMonthToDate(ctx, '2026-04')).toBe(true);
    expect(isMonthToDate(ctx, '2026-03')).toBe(false);
    expect(currentMonth(minimalContext('2026-04-01T00:00:00Z'))).toBe('2026-03');
  });
});

describe('an incident alone', () => {
  const ctx = minimalContext();

  it('sums its lost minutes over its applications and whole impact', () => {
    const repo = ctx.repository;
    expect(incidentLostMinutesTotal(ctx, byId(repo.incidents, 'INC-2026-0001'))).toBe(15);
    expect(incidentLostMinutesTotal(ctx, byId(repo.incidents, 'INC-2026-0002'))).toBe(75);
  });

  it('states its cost per month in minutes and percentage points of availability', () => {
    const [effect] = incidentAvailabilityEffects(ctx, byId(ctx.repository.incidents, 'INC-2026-0002'));
    expect(effect).toMatchObject({ month: '2026-03', applicationId: 'settlement', lostMinutes: 75, scheduledMinutes: 15810 });
    expect(effect!.percentagePoints).toBeCloseTo((75 / 15810) * 100, 12);
  });

  it('is found among the incidents touching its month only', () => {
    expect(incidentsTouchingMonth(ctx, '2026-03').map((i) => i.id).sort()).toEqual(['INC-2026-0001', 'INC-2026-0002']);
    expect(incidentsTouchingMonth(ctx, '2026-04')).toEqual([]);
  });
});

describe('the availability and top-talker JSON', () => {
  const ctx = minimalContext();

  it('carries the as-of instant, the month and full-precision rows', () => {
    const body = availabilityBody(ctx, '2026-03');
    expect(body.period).toBe('2026-03');
    expect(body.asOf).toBe('2026-04-10T00:00:00.000Z');
    expect(body.portfolio).toEqual({ scheduledMinutes: 15810, lostMinutes: 90, availability: 1 - 90 / 15810 });
  });

  it('ranks the top talkers by lost minutes', () => {
    const body = topTalkersBody(ctx, '2026-03');
    expect(body.incidents.map((i) => [i.rank, i.id, i.lostMinutes])).toEqual([
      [1, 'INC-2026-0002', 75],
      [2, 'INC-2026-0001', 15],
    ]);
  });
});

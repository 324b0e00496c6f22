import { describe, expect, it } from 'vitest';
import { isStale, reviewAgeDays, supportMatrix, supportsApplication, weekContaining } from '../../src/core/escalation.ts';
import { describeCalendar, describeWindow, hoursInZone } from '../../src/site/words/hours.ts';

const ASOF = Date.parse('2026-11-24T12:00:00Z');

describe('isStale', () => {
  it('is not stale at exactly 92 days', () => {
    expect(reviewAgeDays('2026-08-24', ASOF)).toBe(92);
    expect(isStale('2026-08-24', ASOF, 92)).toBe(false);
  });

  it('is stale at 93 days', () => {
    expect(reviewAgeDays('2026-08-23', ASOF)).toBe(93);
    expect(isStale('2026-08-23', ASOF, 92)).toBe(true);
  });

  it('is not stale when reviewed today or recently', () => {
    expect(isStale('2026-11-24', ASOF, 92)).toBe(false);
    expect(isStale('2026-10-01', ASOF, 92)).toBe(false);
  });

  it('reads the as-of date in the reporting zone', () => {
    // 2026-11-24T12:00Z is already 2026-11-25 in Auckland: 93 days after 2026-08-24.
    expect(isStale('2026-08-24', ASOF, 92, 'Pacific/Auckland')).toBe(true);
    expect(isStale('2026-08-24', ASOF, 92, 'America/New_York')).toBe(false);
  });

  it('uses the configured threshold', () => {
    expect(isStale('2026-10-24', ASOF, 30)).toBe(true);
    expect(isStale('2026-10-25', ASOF, 30)).toBe(false);
  });
});

describe('supportsApplication', () => {
  it('holds for the owning team and for a team named at any level, not for others', () => {
    const app = { team: 'fx', support: { L1: 'service-desk', L3: 'dev' } };
    expect(['fx', 'service-desk', 'dev', 'ops'].map((team) => supportsApplication(app, team))).toEqual([true, true, true, false]);
    expect(supportsApplication({ team: 'fx' }, 'service-desk')).toBe(false);
  });
});

describe('supportMatrix', () => {
  it('takes each level from support and falls back to the application team', () => {
    const matrix = supportMatrix([
      { id: 'settlement', team: 'ops', support: { L1: 'service-desk', L3: 'dev' } },
      { id: 'fx', team: 'fx' },
    ]);
    expect(matrix).toEqual([
      { application: 'fx', L1: { team: 'fx', isFallback: true }, L2: { team: 'fx', isFallback: true }, L3: { team: 'fx', isFallback: true } },
      {
        application: 'settlement',
        L1: { team: 'service-desk', isFallback: false },
        L2: { team: 'ops', isFallback: true },
        L3: { team: 'dev', isFallback: false },
      },
    ]);
  });
});

describe('describing windows in their own zone', () => {
  it('joins consecutive days', () => {
    expect(describeWindow({ timezone: 'America/New_York', days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: '15:00-16:00' })).toBe('Mon–Fri 15:00–16:00 America/New_York');
    expect(describeWindow({ timezone: 'UTC', days: ['mon', 'tue', 'thu', 'sat', 'sun'], hours: '07:00-19:00' })).toBe('Mon, Tue, Thu, Sat, Sun 07:00–19:00 UTC');
    expect(describeCalendar('24x7')).toEqual(['round the clock (24x7)']);
  });
});

describe('hoursInZone for the as-of week', () => {
  it('finds the Monday-to-Monday week of the as-of instant', () => {
    expect(weekContaining(ASOF, 'UTC')).toEqual({ fromMs: Date.parse('2026-11-23T00:00:00Z'), toMs: Date.parse('2026-11-30T00:00:00Z') });
  });

  it('shows a London rotation in New York time', () => {
    const rotation = [{ timezone: 'Europe/London', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, hours: '07:00-19:00' }].map((w) => ({ ...w, days: [...w.days] }));
    const hours = hoursInZone(rotation, weekContaining(ASOF, 'America/New_York'), 'America/New_York');
    expect(hours.lines.map((l) => [l.days, l.hours])).toEqual([['Mon–Fri', '02:00–14:00']]);
  });

  it('is DST-correct in the week only one side has changed its clocks', () => {
    // London fell back on 2026-10-25, New York falls back on 2026-11-01: that week the gap is 4 hours, not 5.
    const window = [{ timezone: 'America/New_York', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[], hours: '15:00-16:00' }];
    const dstWeek = hoursInZone(window, weekContaining(Date.parse('2026-10-28T12:00:00Z'), 'Europe/London'), 'Europe/London');
    expect(dstWeek.lines.map((l) => [l.days, l.hours])).toEqual([['Mon–Fri', '19:00–20:00']]);
    const usualWeek = hoursInZone(window, weekContaining(ASOF, 'Europe/London'), 'Europe/London');
    expect(usualWeek.lines.map((l) => [l.days, l.hours])).toEqual([['Mon–Fri', '20:00–21:00']]);
  });

  it('shows stretches past midnight, whole, with the days they start on', () => {
    const sydney = [{ timezone: 'Australia/Sydney', days: ['mon', 'tue'] as ('mon' | 'tue')[], hours: '08:00-18:00' }];
    // Sydney is UTC+11 in November: its Monday 08:00 is Sunday 21:00 UTC.
    const hours = hoursInZone(sydney, weekContaining(ASOF, 'UTC'), 'UTC');
    expect(hours.lines.map((l) => [l.days, l.hours])).toEqual([['Mon, Sun', '21:00 → next day 07:00']]);
    expect(hours.intervals).toHaveLength(3);
  });

  it('shows a stretch of several days once', () => {
    const fx = [
      { timezone: 'America/New_York', days: ['sun'] as 'sun'[], hours: '17:00-24:00' },
      { timezone: 'America/New_York', days: ['mon', 'tue', 'wed', 'thu'] as ('mon' | 'tue' | 'wed' | 'thu')[], hours: '00:00-24:00' },
      { timezone: 'America/New_York', days: ['fri'] as 'fri'[], hours: '00:00-17:00' },
    ];
    const inNewYork = hoursInZone(fx, weekContaining(ASOF, 'America/New_York'), 'America/New_York');
    expect(inNewYork.lines.map((l) => [l.days, l.hours])).toEqual([['Sun', '17:00 → Fri 17:00']]);
    const inTokyo = hoursInZone(fx, weekContaining(ASOF, 'Asia/Tokyo'), 'Asia/Tokyo');
    expect(inTokyo.lines.map((l) => [l.days, l.hours])).toEqual([['Mon', '07:00 → Sat 07:00']]);
  });

  it('says round the clock when every day is covered in full', () => {
    const allWeek = [{ timezone: 'Europe/London', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[], hours: '00:00-24:00' }];
    expect(hoursInZone(allWeek, weekContaining(ASOF, 'UTC'), 'UTC').isRoundTheClock).toBe(true);
  });

  it('shows 24:00 for a stretch ending at midnight', () => {
    const evening = [{ timezone: 'UTC', days: ['sat'] as 'sat'[], hours: '18:00-24:00' }];
    expect(hoursInZone(evening, weekContaining(ASOF, 'UTC'), 'UTC').lines.map((l) => [l.days, l.hours])).toEqual([['Sat', '18:00–24:00']]);
  });

  it('says round the clock for 24x7', () => {
    expect(hoursInZone('24x7', weekContaining(ASOF, 'UTC'), 'UTC').lines.map((l) => l.hours)).toEqual(['round the clock']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  intersectIntervals,
  intervalsMilliseconds,
  intervalsMinutes,
  mergeIntervals,
  scheduledIntervals,
  subtractIntervals,
} from '../../src/core/calendar.ts';
import { monthInterval } from '../../src/core/period.ts';
import type { Calendar, Interval, Weekday } from '../../src/core/types.ts';

const at = (iso: string): number => Date.parse(iso);
const span = (from: string, to: string): Interval => ({ fromMs: at(from), toMs: at(to) });
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const newYorkDesk: Calendar = [{ timezone: 'America/New_York', days: WEEKDAYS, hours: '07:00-19:00' }];
const londonDesk: Calendar = [{ timezone: 'Europe/London', days: WEEKDAYS, hours: '07:00-19:00' }];
const minutesIn = (calendar: Calendar, range: Interval): number => intervalsMinutes(scheduledIntervals(calendar, range));

describe('scheduledIntervals', () => {
  it('is the whole range for 24x7', () => {
    const week = span('2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z');
    expect(scheduledIntervals('24x7', week)).toEqual([week]);
    expect(minutesIn('24x7', week)).toBe(10_080);
  });

  it('evaluates weekday windows in their own zone', () => {
    const monday = span('2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z');
    expect(scheduledIntervals(newYorkDesk, monday)).toEqual([span('2026-01-05T12:00:00Z', '2026-01-06T00:00:00Z')]);
  });

  it('clips windows to the range', () => {
    const range = span('2026-01-05T15:00:00Z', '2026-01-05T16:30:00Z');
    expect(scheduledIntervals(newYorkDesk, range)).toEqual([range]);
    expect(minutesIn(newYorkDesk, span('2026-01-05T18:00:00Z', '2026-01-06T13:00:00Z'))).toBe(360 + 60);
  });

  it('merges overlapping windows and unions windows in different zones', () => {
    const longer: Calendar = [
      ...(newYorkDesk),
      { timezone: 'America/New_York', days: WEEKDAYS, hours: '12:00-20:00' },
    ];
    const monday = span('2026-01-05T00:00:00Z', '2026-01-06T05:00:00Z');
    expect(scheduledIntervals(longer, monday)).toEqual([span('2026-01-05T12:00:00Z', '2026-01-06T01:00:00Z')]);
    const followTheSun: Calendar = [
      { timezone: 'Europe/London', days: WEEKDAYS, hours: '08:00-16:00' },
      ...(newYorkDesk),
    ];
    expect(scheduledIntervals(followTheSun, monday)).toEqual([span('2026-01-05T08:00:00Z', '2026-01-06T00:00:00Z')]);
  });

  it('allows 24:00 as the end of a day', () => {
    const weekends: Calendar = [{ timezone: 'UTC', days: ['sat', 'sun'], hours: '00:00-24:00' }];
    expect(scheduledIntervals(weekends, span('2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z'))).toEqual([
      span('2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z'),
    ]);
  });

  it('rejects malformed hours and unknown zones', () => {
    const day = span('2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z');
    for (const hours of ['19:00-07:00', '07:00-07:00', '7:00-19:00', '07:00-24:30', '24:00-24:00']) {
      expect(() => scheduledIntervals([{ timezone: 'UTC', days: ['mon'], hours }], day)).toThrow(RangeError);
    }
    expect(() => scheduledIntervals([{ timezone: 'Nowhere/Land', days: ['mon'], hours: '07:00-19:00' }], day)).toThrow(RangeError);
  });
});

describe('scheduledIntervals: empty input', () => {
  it('is empty for an empty range, a backwards range, and a calendar without windows', () => {
    expect(scheduledIntervals('24x7', { fromMs: 5, toMs: 5 })).toEqual([]);
    expect(scheduledIntervals(newYorkDesk, { fromMs: 10, toMs: 5 })).toEqual([]);
    expect(scheduledIntervals([], span('2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z'))).toEqual([]);
  });

  it('is empty over a weekend for a weekday calendar', () => {
    expect(scheduledIntervals(newYorkDesk, span('2026-01-10T05:00:00Z', '2026-01-12T05:00:00Z'))).toEqual([]);
  });
});

describe('New York spring-forward week (2026-03-08, 02:00, outside the window)', () => {
  const week = { fromMs: at('2026-03-02T00:00:00-05:00'), toMs: at('2026-03-09T00:00:00-04:00') };

  it('keeps five 12-hour days', () => {
    expect(minutesIn(newYorkDesk, week)).toBe(5 * 720);
    expect(minutesIn(newYorkDesk, { fromMs: at('2026-03-09T00:00:00-04:00'), toMs: at('2026-03-16T00:00:00-04:00') })).toBe(5 * 720);
  });

  it('moves the UTC hours of the window by one after the change', () => {
    const friday = scheduledIntervals(newYorkDesk, span('2026-03-06T00:00:00Z', '2026-03-07T05:00:00Z'));
    expect(friday).toEqual([span('2026-03-06T12:00:00Z', '2026-03-07T00:00:00Z')]);
    const monday = scheduledIntervals(newYorkDesk, span('2026-03-09T00:00:00Z', '2026-03-10T04:00:00Z'));
    expect(monday).toEqual([span('2026-03-09T11:00:00Z', '2026-03-09T23:00:00Z')]);
  });

  it('keeps 12 h on the change day itself when the window includes Sunday', () => {
    const everyDay: Calendar = [{ timezone: 'America/New_York', days: ['sun'], hours: '07:00-19:00' }];
    expect(minutesIn(everyDay, week)).toBe(720);
  });

  it('gives the March month 22 weekdays of 12 hours', () => {
    expect(minutesIn(newYorkDesk, monthInterval('2026-03', 'America/New_York'))).toBe(22 * 720);
    expect(minutesIn(newYorkDesk, monthInterval('2026-03', 'UTC'))).toBe(22 * 720);
  });
});

describe('New York fall-back week (2026-11-01, 02:00, outside the window)', () => {
  it('keeps five 12-hour days in the week and 21 weekdays in November', () => {
    expect(minutesIn(newYorkDesk, { fromMs: at('2026-10-26T00:00:00-04:00'), toMs: at('2026-11-02T00:00:00-05:00') })).toBe(5 * 720);
    expect(minutesIn(newYorkDesk, { fromMs: at('2026-11-02T00:00:00-05:00'), toMs: at('2026-11-09T00:00:00-05:00') })).toBe(5 * 720);
    expect(minutesIn(newYorkDesk, monthInterval('2026-11', 'America/New_York'))).toBe(21 * 720);
  });
});

describe('London DST weeks (2026-03-29 and 2026-10-25, 01:00 UTC, outside the window)', () => {
  it('keeps five 12-hour days in the spring-forward and fall-back weeks', () => {
    expect(minutesIn(londonDesk, { fromMs: at('2026-03-23T00:00:00Z'), toMs: at('2026-03-30T00:00:00+01:00') })).toBe(5 * 720);
    expect(minutesIn(londonDesk, { fromMs: at('2026-03-30T00:00:00+01:00'), toMs: at('2026-04-06T00:00:00+01:00') })).toBe(5 * 720);
    expect(minutesIn(londonDesk, { fromMs: at('2026-10-19T00:00:00+01:00'), toMs: at('2026-10-26T00:00:00Z') })).toBe(5 * 720);
    expect(minutesIn(londonDesk, { fromMs: at('2026-10-26T00:00:00Z'), toMs: at('2026-11-02T00:00:00Z') })).toBe(5 * 720);
  });

  it('shifts the UTC hours of the window at the change', () => {
    expect(scheduledIntervals(londonDesk, span('2026-03-27T00:00:00Z', '2026-03-28T00:00:00Z'))).toEqual([
      span('2026-03-27T07:00:00Z', '2026-03-27T19:00:00Z'),
    ]);
    expect(scheduledIntervals(londonDesk, span('2026-03-30T00:00:00Z', '2026-03-31T00:00:00Z'))).toEqual([
      span('2026-03-30T06:00:00Z', '2026-03-30T18:00:00Z'),
    ]);
  });

  it('gives March and October 22 weekdays of 12 hours', () => {
    expect(minutesIn(londonDesk, monthInterval('2026-03', 'Europe/London'))).toBe(22 * 720);
    expect(minutesIn(londonDesk, monthInterval('2026-10', 'Europe/London'))).toBe(22 * 720);
  });
});

describe('windows that contain the DST change', () => {
  const newYorkNight: Calendar = [{ timezone: 'America/New_York', days: ['sun'], hours: '00:00-06:00' }];
  const londonNight: Calendar = [{ timezone: 'Europe/London', days: ['sun'], hours: '00:00-06:00' }];

  it('is an hour shorter in real time on a spring-forward day', () => {
    expect(scheduledIntervals(newYorkNight, span('2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z'))).toEqual([
      span('2026-03-08T05:00:00Z', '2026-03-08T10:00:00Z'),
    ]);
    expect(minutesIn(londonNight, span('2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z'))).toBe(300);
  });

  it('is an hour longer in real time on a fall-back day', () => {
    expect(scheduledIntervals(newYorkNight, span('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'))).toEqual([
      span('2026-11-01T04:00:00Z', '2026-11-01T11:00:00Z'),
    ]);
    expect(minutesIn(londonNight, span('2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z'))).toBe(420);
  });

  it('is 6 hours on the Sundays either side', () => {
    expect(minutesIn(newYorkNight, span('2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'))).toBe(360);
    expect(minutesIn(newYorkNight, span('2026-03-15T00:00:00Z', '2026-03-16T00:00:00Z'))).toBe(360);
  });

  it('starts a window at the first of two repeated wall-clock times', () => {
    const repeatedHour: Calendar = [{ timezone: 'America/New_York', days: ['sun'], hours: '01:00-02:00' }];
    expect(scheduledIntervals(repeatedHour, span('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'))).toEqual([
      span('2026-11-01T05:00:00Z', '2026-11-01T07:00:00Z'),
    ]);
  });

  it('moves a start inside the skipped hour forward by the gap', () => {
    const skippedStart: Calendar = [{ timezone: 'America/New_York', days: ['sun'], hours: '02:30-04:00' }];
    expect(scheduledIntervals(skippedStart, span('2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z'))).toEqual([
      span('2026-03-08T07:30:00Z', '2026-03-08T08:00:00Z'),
    ]);
  });
});

describe('month ends and leap days', () => {
  it('counts the leap day of 2028', () => {
    expect(minutesIn('24x7', monthInterval('2028-02', 'UTC'))).toBe(29 * 1440);
    const weekdaysUtc: Calendar = [{ timezone: 'UTC', days: WEEKDAYS, hours: '07:00-19:00' }];
    expect(minutesIn(weekdaysUtc, monthInterval('2028-02', 'UTC'))).toBe(21 * 720);
    expect(minutesIn(weekdaysUtc, span('2028-02-29T00:00:00Z', '2028-03-01T00:00:00Z'))).toBe(720);
  });

  it('gives a New York evening to the local day even when it ends in the next UTC month', () => {
    // Friday 2026-01-30 07:00-19:00 New York is 12:00Z-00:00Z, ending exactly at the UTC month boundary.
    expect(minutesIn(newYorkDesk, span('2026-01-30T00:00:00Z', '2026-02-01T00:00:00Z'))).toBe(720);
    expect(minutesIn(newYorkDesk, span('2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z'))).toBe(0);
  });
});

describe('interval arithmetic', () => {
  const a = [{ fromMs: 0, toMs: 10 }, { fromMs: 20, toMs: 30 }];

  it('merges, subtracts and intersects', () => {
    expect(mergeIntervals([{ fromMs: 5, toMs: 9 }, { fromMs: 0, toMs: 5 }, { fromMs: 12, toMs: 12 }])).toEqual([{ fromMs: 0, toMs: 9 }]);
    expect(subtractIntervals(a, [{ fromMs: 5, toMs: 25 }])).toEqual([{ fromMs: 0, toMs: 5 }, { fromMs: 25, toMs: 30 }]);
    expect(subtractIntervals(a, [{ fromMs: 2, toMs: 3 }, { fromMs: 4, toMs: 6 }])).toEqual([
      { fromMs: 0, toMs: 2 },
      { fromMs: 3, toMs: 4 },
      { fromMs: 6, toMs: 10 },
      { fromMs: 20, toMs: 30 },
    ]);
    expect(intersectIntervals(a, [{ fromMs: 5, toMs: 25 }])).toEqual([{ fromMs: 5, toMs: 10 }, { fromMs: 20, toMs: 25 }]);
    expect(intervalsMilliseconds([{ fromMs: 0, toMs: 60_000 }, { fromMs: 30_000, toMs: 90_000 }])).toBe(90_000);
  });

  it('handles empty input', () => {
    expect(mergeIntervals([])).toEqual([]);
    expect(subtractIntervals([], a)).toEqual([]);
    expect(subtractIntervals(a, [])).toEqual(a);
    expect(intersectIntervals(a, [])).toEqual([]);
    expect(intervalsMinutes([])).toBe(0);
  });

  const intervalList = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100 })).map(([fromMs, length]) => ({ fromMs, toMs: fromMs + length })),
    { maxLength: 12 },
  );

  it('splits a into the part inside b and the part outside it', () => {
    fc.assert(
      fc.property(intervalList, intervalList, (x, y) => {
        const inside = intersectIntervals(x, y);
        const outside = subtractIntervals(x, y);
        expect(intervalsMilliseconds(inside) + intervalsMilliseconds(outside)).toBe(intervalsMilliseconds(x));
        expect(intersectIntervals(inside, outside)).toEqual([]);
        expect(intersectIntervals(x, y)).toEqual(intersectIntervals(y, x));
      }),
    );
  });

  it('returns sorted, disjoint, non-touching intervals', () => {
    fc.assert(
      fc.property(intervalList, intervalList, (x, y) => {
        for (const list of [mergeIntervals(x), subtractIntervals(x, y), intersectIntervals(x, y)]) {
          for (let i = 0; i < list.length; i += 1) {
            const current = list[i] as Interval;
            expect(current.toMs).toBeGreaterThan(current.fromMs);
            if (i > 0) expect(current.fromMs).toBeGreaterThan((list[i - 1] as Interval).toMs);
          }
        }
      }),
    );
  });
});

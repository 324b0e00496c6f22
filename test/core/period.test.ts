import { describe, expect, it } from 'vitest';
import { currentReportMonth, isMonth, isMonthToDate, lastCompleteMonth, lastDateOfMonth, addDays, dateInZone, dayNumber, daysBetween, monthInterval, monthOf, monthsBetween, nextMonth, previousMonth, reportInterval, utcMonthOf } from '../../src/core/period.ts';

const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;

describe('monthOf', () => {
  it('cuts months in the reporting zone, not in UTC', () => {
    const instant = at('2026-01-31T23:30:00Z');
    expect(monthOf(instant, 'UTC')).toBe('2026-01');
    expect(monthOf(instant, 'Europe/Paris')).toBe('2026-02');
    expect(monthOf(at('2026-03-01T02:00:00Z'), 'America/New_York')).toBe('2026-02');
  });

  it('treats a month start as part of that month', () => {
    expect(monthOf(at('2026-02-01T00:00:00Z'), 'UTC')).toBe('2026-02');
    expect(monthOf(at('2026-01-31T23:59:59.999Z'), 'UTC')).toBe('2026-01');
  });

  it('rejects an unknown time zone', () => {
    expect(() => monthOf(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('utcMonthOf', () => {
  it('is the UTC month, whatever the machine zone', () => {
    expect(utcMonthOf(at('2026-11-30T23:59:00Z'))).toBe('2026-11');
    expect(utcMonthOf(at('2026-12-01T00:00:00Z'))).toBe('2026-12');
    expect(utcMonthOf(at('2028-02-29T12:00:00Z'))).toBe('2028-02');
    expect(utcMonthOf(0)).toBe('1970-01');
  });

  it('puts a fraction of a millisecond before midnight in the day before', () => {
    expect(utcMonthOf(at('2026-11-01T00:00:00Z') - 0.5)).toBe('2026-10');
    expect(utcMonthOf(-0.5)).toBe('1969-12');
  });

  it('is null outside the years 0000 to 9999 and for what is not a number', () => {
    expect(utcMonthOf(at('0000-01-01T00:00:00Z'))).toBe('0000-01');
    expect(utcMonthOf(at('9999-12-31T23:59:59Z'))).toBe('9999-12');
    expect(utcMonthOf(at('+010000-01-01T00:00:00Z'))).toBeNull();
    expect(utcMonthOf(at('0000-01-01T00:00:00Z') - 1)).toBeNull();
    for (const ms of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e20, -1e20]) expect(utcMonthOf(ms)).toBeNull();
  });
});

describe('monthInterval', () => {
  it('gives the UTC month as a half-open interval', () => {
    expect(monthInterval('2026-02', 'UTC')).toEqual({ fromMs: at('2026-02-01T00:00:00Z'), toMs: at('2026-03-01T00:00:00Z') });
  });

  it('rejects malformed months', () => {
    expect(() => monthInterval('2026-13', 'UTC')).toThrow(RangeError);
    expect(() => monthInterval('2026-1', 'UTC')).toThrow(RangeError);
    expect(() => monthInterval('2026-01', 'Nowhere/Land')).toThrow(RangeError);
  });
});

describe('monthInterval across DST changes', () => {
  it('makes the New York spring-forward month an hour short and the fall-back month an hour long', () => {
    const march = monthInterval('2026-03', 'America/New_York');
    expect(march.fromMs).toBe(at('2026-03-01T00:00:00-05:00'));
    expect(march.toMs).toBe(at('2026-04-01T00:00:00-04:00'));
    expect((march.toMs - march.fromMs) / HOUR).toBe(31 * 24 - 1);
    const november = monthInterval('2026-11', 'America/New_York');
    expect((november.toMs - november.fromMs) / HOUR).toBe(30 * 24 + 1);
  });

  it('follows the southern hemisphere: Auckland falls back in April', () => {
    const april = monthInterval('2026-04', 'Pacific/Auckland');
    expect(april.fromMs).toBe(at('2026-04-01T00:00:00+13:00'));
    expect((april.toMs - april.fromMs) / HOUR).toBe(30 * 24 + 1);
  });
});

describe('month ends and leap days', () => {
  it('knows February of a leap year', () => {
    const february = monthInterval('2028-02', 'UTC');
    expect((february.toMs - february.fromMs) / HOUR).toBe(29 * 24);
    expect(monthOf(at('2028-02-29T12:00:00Z'), 'UTC')).toBe('2028-02');
  });

  it('steps over year ends', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-03')).toBe('2026-02');
  });
});

describe('monthsBetween', () => {
  it('lists months inclusively across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('gives one month when both ends agree', () => {
    expect(monthsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
  });

  it('is empty when the range runs backwards', () => {
    expect(monthsBetween('2026-05', '2026-04')).toEqual([]);
  });
});

describe('reportInterval', () => {
  const asOf = at('2026-03-10T12:00:00Z');

  it('covers a past month whole', () => {
    expect(reportInterval('2026-02', 'UTC', asOf)).toEqual(monthInterval('2026-02', 'UTC'));
  });

  it('reports the current month to date', () => {
    expect(reportInterval('2026-03', 'UTC', asOf)).toEqual({ fromMs: at('2026-03-01T00:00:00Z'), toMs: asOf });
  });

  it('is empty for a future month', () => {
    const april = reportInterval('2026-04', 'UTC', asOf);
    expect(april.toMs - april.fromMs).toBe(0);
  });

  it('cuts the current month in a non-UTC reporting zone', () => {
    // 2026-03-31T12:00Z is already 1 April in Auckland.
    const asOfAuckland = at('2026-03-31T12:00:00Z');
    expect(reportInterval('2026-04', 'Pacific/Auckland', asOfAuckland)).toEqual({
      fromMs: at('2026-04-01T00:00:00+13:00'),
      toMs: asOfAuckland,
    });
    expect(reportInterval('2026-03', 'Pacific/Auckland', asOfAuckland)).toEqual(monthInterval('2026-03', 'Pacific/Auckland'));
  });
});

describe('isMonth', () => {
  it('accepts YYYY-MM with a month 01–12 and nothing else', () => {
    expect(['2026-10', '0001-01', '2026-12'].map(isMonth)).toEqual([true, true, true]);
    expect(['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', ' 2026-10', ''].map(isMonth)).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('lastCompleteMonth', () => {
  it('is the month before the as-of month', () => {
    expect(lastCompleteMonth(Date.parse('2026-11-01T06:00:00Z'), 'UTC')).toBe('2026-10');
    expect(lastCompleteMonth(Date.parse('2026-11-30T23:59:59Z'), 'UTC')).toBe('2026-10');
  });

  it('turns over the year', () => {
    expect(lastCompleteMonth(Date.parse('2027-01-01T00:00:00Z'), 'UTC')).toBe('2026-12');
  });

  it('follows the reporting zone at the month boundary', () => {
    // 23:30 UTC on 31 October is already 1 November in Paris (UTC+1 after the change back), not yet in New York.
    expect(lastCompleteMonth(Date.parse('2026-10-31T23:30:00Z'), 'Europe/Paris')).toBe('2026-10');
    expect(lastCompleteMonth(Date.parse('2026-10-31T23:30:00Z'), 'UTC')).toBe('2026-09');
    expect(lastCompleteMonth(Date.parse('2026-11-01T02:00:00Z'), 'America/New_York')).toBe('2026-09');
    expect(lastCompleteMonth(Date.parse('2026-10-31T12:00:00Z'), 'Pacific/Auckland')).toBe('2026-10');
  });
});

describe('currentReportMonth', () => {
  it('is the as-of month once any of it has passed', () => {
    expect(currentReportMonth(Date.parse('2026-11-24T12:00:00Z'), 'UTC')).toBe('2026-11');
    expect(currentReportMonth(Date.parse('2026-12-01T00:00:00.001Z'), 'UTC')).toBe('2026-12');
  });

  it('is the month just ended at the first instant of a month', () => {
    expect(currentReportMonth(Date.parse('2026-12-01T00:00:00Z'), 'UTC')).toBe('2026-11');
    // Midnight on 1 November in New York is 04:00 UTC (EDT).
    expect(currentReportMonth(Date.parse('2026-11-01T04:00:00Z'), 'America/New_York')).toBe('2026-10');
    expect(currentReportMonth(Date.parse('2026-11-01T03:59:00Z'), 'America/New_York')).toBe('2026-10');
  });
});

describe('isMonthToDate', () => {
  it('holds while the month runs, not at its first instant nor after it', () => {
    expect(isMonthToDate('2026-11', Date.parse('2026-11-24T12:00:00Z'), 'UTC')).toBe(true);
    expect(isMonthToDate('2026-12', Date.parse('2026-12-01T00:00:00Z'), 'UTC')).toBe(false);
    expect(isMonthToDate('2026-11', Date.parse('2026-12-01T00:00:00Z'), 'UTC')).toBe(false);
    expect(isMonthToDate('2026-10', Date.parse('2026-11-24T12:00:00Z'), 'UTC')).toBe(false);
  });
});

describe('lastDateOfMonth', () => {
  it('knows the length of every month, February in leap and common years, and centuries', () => {
    expect(['2026-01', '2026-02', '2026-04', '2026-12'].map(lastDateOfMonth)).toEqual(['2026-01-31', '2026-02-28', '2026-04-30', '2026-12-31']);
    expect(lastDateOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDateOfMonth('2100-02')).toBe('2100-02-28');
    expect(lastDateOfMonth('2000-02')).toBe('2000-02-29');
  });

  it('keeps years below 100 as written (Date.UTC would read 0099 as 1999)', () => {
    expect(lastDateOfMonth('0099-02')).toBe('0099-02-28');
  });

  it('refuses text that is not a month', () => {
    expect(() => lastDateOfMonth('2026-13')).toThrow(RangeError);
  });
});

describe('plain dates', () => {
  it('reads the as-of date in the reporting zone', () => {
    expect(dateInZone(Date.parse('2026-11-24T23:30:00Z'), 'UTC')).toBe('2026-11-24');
    expect(dateInZone(Date.parse('2026-11-24T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-25');
    expect(dateInZone(Date.parse('2026-11-24T03:00:00Z'), 'America/New_York')).toBe('2026-11-23');
    expect(() => dateInZone(0, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2026-11-28', 6)).toBe('2026-12-04');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts whole days between plain dates, and numbers them from 1970-01-01', () => {
    expect(daysBetween('2026-11-01', '2026-11-24')).toBe(23);
    expect(daysBetween('2026-11-24', '2026-11-01')).toBe(-23);
    expect(daysBetween('2026-03-13', '2026-04-10')).toBe(28);
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});

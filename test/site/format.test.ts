// Instants, numbers and months on pages: the UTC shortcut reads exactly as luxon's format does; one format per kind of figure.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { availabilityText, budgetConsumedText, daysAgoText, formatChange, formatCount, formatDay, formatFte, formatHours, formatInstant, formatMinutes, formatShare, minutesText, monthTitle, rateText, shortMonthTitle } from '../../src/site/format.ts';

const luxonInstant = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-LL-dd HH:mm ZZZZ');
const luxonDay = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-LL-dd');

describe('formatInstant and formatDay', () => {
  it('read in UTC as luxon reads them, over and beyond four-digit years', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(-50, 0, 1), max: Date.UTC(12000, 0, 1) }), (ms) => {
        expect(formatInstant(ms, 'UTC')).toBe(luxonInstant(ms, 'UTC'));
        expect(formatDay(ms, 'UTC')).toBe(luxonDay(ms, 'UTC'));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([Date.UTC(2026, 2, 9, 10, 30), Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(999, 11, 31, 23, 59), Date.UTC(10000, 0, 1), 0, -1, Number.NaN])('reads %d as luxon does', (ms) => {
    expect(formatInstant(ms, 'UTC')).toBe(luxonInstant(ms, 'UTC'));
    expect(formatDay(ms, 'UTC')).toBe(luxonDay(ms, 'UTC'));
  });

  it('leaves other zones to luxon', () => {
    const ms = Date.UTC(2026, 2, 29, 0, 30);
    expect(formatInstant(ms, 'Europe/London')).toBe(luxonInstant(ms, 'Europe/London'));
    expect(formatDay(ms, 'Pacific/Auckland')).toBe('2026-03-29');
  });
});

describe('numbers and months as pages print them', () => {
  it('truncates availability to two decimals and rounds budget use up, so neither looks better than it is', () => {
    expect(availabilityText(1 - 90 / 15810)).toBe('99.43 %');
    expect(availabilityText(0.99999)).toBe('99.99 %');
    expect(availabilityText(null)).toBe('—');
    expect(budgetConsumedText(90 / 79.05)).toBe('113.9 %');
    expect(budgetConsumedText(0.10001)).toBe('10.1 %');
    expect(budgetConsumedText(0.1)).toBe('10.0 %');
    expect(budgetConsumedText(null)).toBe('—');
  });

  it('groups thousands in minutes and hours', () => {
    expect(minutesText(15810)).toBe('15,810.0');
    expect(minutesText(1234.56)).toBe('1,234.6');
    expect(formatHours(1234.54)).toBe('1,234.5 h');
    expect(formatHours(70)).toBe('70 h');
  });

  it('writes shares, FTEs and signed changes with one decimal', () => {
    expect(formatShare(0.243)).toBe('24.3 %');
    expect(formatFte(0.354)).toBe('0.35');
    expect(formatFte(5)).toBe('5.0');
    expect(formatChange(0.25)).toBe('+25.0 %');
    expect(formatChange(-0.032)).toBe('−3.2 %');
    expect(formatChange(0.0001)).toBe('±0.0 %');
    expect(formatChange(null)).toBe('new');
  });

  it('names months in full and short, and leaves text that is not a month as it is', () => {
    expect(monthTitle('2026-03')).toBe('March 2026');
    expect(monthTitle('12026-11')).toBe('November 12026');
    expect(shortMonthTitle('2026-11')).toBe('Nov 2026');
    expect(monthTitle('2026-13')).toBe('2026-13');
  });
});

describe('daysAgoText', () => {
  it('says how long ago, today, or that the date lies after the as-of date', () => {
    expect(daysAgoText(92)).toBe('92 days ago');
    expect(daysAgoText(1)).toBe('1 day ago');
    expect(daysAgoText(0)).toBe('today');
    expect(daysAgoText(-1)).toBe('1 day after the as-of date');
    expect(daysAgoText(-144)).toBe('144 days after the as-of date');
  });
});

describe('formatMinutes', () => {
  it('shows short durations in minutes with one decimal at most', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(6)).toBe('6 min');
    expect(formatMinutes(1.2)).toBe('1.2 min');
    expect(formatMinutes(6.000000000000001)).toBe('6 min');
    expect(formatMinutes(59.4)).toBe('59.4 min');
  });

  it('switches to hours and days with whole minutes', () => {
    expect(formatMinutes(59.96)).toBe('1 h 0 min');
    expect(formatMinutes(150)).toBe('2 h 30 min');
    expect(formatMinutes(65)).toBe('1 h 5 min');
    expect(formatMinutes(10_080)).toBe('7 d 0 h 0 min');
    expect(formatMinutes(1_440 + 250)).toBe('1 d 4 h 10 min');
  });

  it('keeps the sign and rejects non-numbers', () => {
    expect(formatMinutes(-90)).toBe('-1 h 30 min');
    expect(() => formatMinutes(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatCount', () => {
  it('groups thousands with commas, whatever the machine locale', () => {
    expect([0, 999, 1000, 24769, 141712, 1234567, -1200].map(formatCount)).toEqual(['0', '999', '1,000', '24,769', '141,712', '1,234,567', '-1,200']);
  });
});

describe('rateText', () => {
  it('truncates to one decimal, so a missed target never reads as met', () => {
    expect(rateText(0.9496)).toBe('94.9 %');
    expect(rateText(0.95)).toBe('95.0 %');
    expect(rateText(1)).toBe('100.0 %');
  });

  it('shows a dash when there was nothing to count', () => {
    expect(rateText(null)).toBe('—');
  });
});

// Instants on pages: the UTC shortcut reads exactly as luxon's format does.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatDay, formatInstant } from '../../src/site/format.ts';

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

// The loader's shortcuts for millions of CSV cells must agree with the schemas they stand in for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvNumberValue, parseCsvNumber, timeColumns, timeRowOf, timeRowSchema, timestampSchema, utcTimestampMs } from '../../src/schema/index.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The full timestamp rule as written before the shortcut: pattern, real date and time, then Date.parse. */
function referenceMs(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z$/.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const date = new Date(Date.UTC(year, month - 1, day));
  const isRealDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const ms = Date.parse(text);
  return isRealDate && hour <= 23 && minute <= 59 && second <= 59 && !Number.isNaN(ms) ? ms : null;
}

const utcShaped = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.option(fc.integer({ min: 0, max: 61 })),
  )
  .map(([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}${s === null ? '' : `:${pad(s)}`}Z`);

describe('utcTimestampMs', () => {
  it('returns what the full rule returns, or leaves the text to it', () => {
    fc.assert(
      fc.property(fc.oneof(utcShaped, fc.string({ maxLength: 22 })), (text) => {
        const fast = utcTimestampMs(text);
        if (fast !== null) expect(fast).toBe(referenceMs(text));
        else if (referenceMs(text) !== null) expect(Number(text.slice(0, 4))).toBeLessThan(100);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2024-02-29T23:59:59Z', Date.UTC(2024, 1, 29, 23, 59, 59)],
    ['2026-10-14T02:10Z', Date.UTC(2026, 9, 14, 2, 10)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
  ])('reads %s', (text, ms) => {
    expect(utcTimestampMs(text)).toBe(ms);
  });

  it.each(['2026-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-10-14T24:00:00Z', '0099-01-01T00:00:00Z', '2026-10-14T02:10:00+00:00', '2026-10-14 02:10:00Z'])(
    'leaves %s to the full rule',
    (text) => {
      expect(utcTimestampMs(text)).toBeNull();
    },
  );

  it('keeps the schema messages for the texts it leaves', () => {
    expect(timestampSchema.safeParse('2026-02-29T00:00:00Z').error?.issues[0]?.message).toBe('"2026-02-29T00:00:00Z" is not a real date and time');
    expect(timestampSchema.safeParse('0099-01-01T00:00:00Z').error?.issues[0]?.message).toBe('"0099-01-01T00:00:00Z" is not a real date and time');
  });
});

describe('csvNumberValue', () => {
  it('accepts exactly the cells parseCsvNumber accepts, with the same value', () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.double().map(String), fc.constantFrom('', ' ', '\t', '0', ' 0 ', '-0', '0x10', '1e3', 'Infinity', 'NaN', '1_000', '.5'));
    fc.assert(
      fc.property(cell, (text) => {
        const parsed = parseCsvNumber(text);
        expect(csvNumberValue(text)).toBe(parsed.ok ? parsed.value : null);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('timeRowOf', () => {
  const valid = ['2026-03-09', 'Priya Raman', 'ops', 'settlement', 'batch', 'incident', 'INC-2026-0001', '1.5'];
  const cellChoices: fc.Arbitrary<string>[] = [
    fc.constantFrom('2026-03-09', '2026-02-29', '2024-02-29', '2026-3-9', '', ' 2026-03-09', '2026-13-01'),
    fc.constantFrom('Priya Raman', ' Priya ', '', '   ', '\t'),
    fc.constantFrom('ops', 'Ops', '-ops', 'ops-2', '', 'o_p'),
    fc.constantFrom('settlement', 'app-01', 'App', ''),
    fc.constantFrom('batch', 'db', 'web ui', ''),
    fc.constantFrom('incident', 'service-request', 'change', 'problem', 'project', 'admin', 'Admin', '', 'other'),
    fc.constantFrom('INC-2026-0001', '', 'REQ-1', ' x '),
    fc.constantFrom('1.5', '24', '24.01', '0', '-1', '', ' ', 'abc', '1e1', ' 2 ', '0x1', 'Infinity'),
  ];

  it('is the row timeRowSchema returns, and null exactly when the schema reports a problem', () => {
    fc.assert(
      fc.property(fc.tuple(...cellChoices), fc.array(fc.nat({ max: 7 }), { maxLength: 8 }), (choices, keep) => {
        const cells = valid.map((cell, i) => (keep.includes(i) ? cell : choices[i]!));
        const named = Object.fromEntries(timeColumns.map((name, i) => [name, cells[i]!]));
        const result = timeRowSchema.safeParse(named);
        const fast = timeRowOf(cells);
        if (result.success) {
          expect(fast).toEqual(result.data);
          expect(Object.keys(fast!)).toEqual(Object.keys(result.data));
        } else {
          expect(fast).toBeNull();
        }
      }),
      { numRuns: 5_000 },
    );
  });
});

// The shared primitives: timestamps with offset, calendar dates, weekly windows.
import { describe, expect, it } from 'vitest';
import { calendarSchema, dateSchema, timeZoneSchema, timestampSchema, weeklyWindowSchema, type z } from '../../src/schema/index.ts';

/** The messages of a failed parse, with the path they sit at. */
function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
}

describe('timestampSchema', () => {
  const instant = Date.UTC(2026, 9, 14, 2, 10);

  describe('offsets', () => {
    it.each([
      ['2026-10-14T02:10:00Z', instant],
      ['2026-10-14T03:10:00+01:00', instant],
      ['2026-10-13T21:10:00-05:00', instant],
      ['2026-10-14T07:55:00+05:45', instant],
      ['2026-10-14T16:10:00+14:00', instant],
      ['2026-10-13T14:10:00-12:00', instant],
      ['2026-10-14T02:10:00+00:00', instant],
      ['2026-10-14T02:10Z', instant],
    ])('%s is %d ms', (text, ms) => {
      expect(timestampSchema.parse(text)).toBe(ms);
    });

    it('does not depend on the machine zone (the suite also runs under TZ=Pacific/Auckland)', () => {
      expect(timestampSchema.parse('2026-03-29T01:30:00+01:00')).toBe(Date.UTC(2026, 2, 29, 0, 30));
    });
  });

  describe('fractional seconds', () => {
    it.each([
      ['2026-10-14T02:10:00.5Z', instant + 500],
      ['2026-10-14T02:10:00.250+00:00', instant + 250],
      ['2026-10-14T02:10:00.123456789Z', instant + 123],
      ['2026-10-14T02:10:59.999Z', instant + 59_999],
    ])('%s is %d ms', (text, ms) => {
      expect(timestampSchema.parse(text)).toBe(ms);
    });
  });

  describe('naive timestamps are rejected, never guessed', () => {
    it.each(['2026-10-14T02:10:00', '2026-10-14T02:10', '2026-10-14T02:10:00.5'])('%s', (text) => {
      expect(problems(timestampSchema, text)).toEqual([
        `"${text}" has no offset; write Z or ±hh:mm (e.g. ${text}Z) so the time zone is not guessed`,
      ]);
    });
  });

  describe('impossible dates and times', () => {
    it.each([
      '2026-02-30T00:00:00Z',
      '2026-02-29T12:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-10-14T24:00:00Z',
      '2026-10-14T23:60:00Z',
      '2026-10-14T23:59:60Z',
      '2026-10-14T02:10:00+25:00',
    ])('%s', (text) => {
      expect(problems(timestampSchema, text)).toEqual([`"${text}" is not a real date and time`]);
    });

    it('accepts a leap day in a leap year', () => {
      expect(timestampSchema.parse('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
    });
  });

  describe('not a timestamp at all', () => {
    it.each(['2026-10-14', '2026-10-14 02:10:00Z', '2026-10-14t02:10:00z', '20261014T021000Z', '+2026-10-14T02:10:00Z', 'yesterday', ''])('%j', (text) => {
      expect(problems(timestampSchema, text)).toEqual([`"${text}" is not an ISO 8601 timestamp (expected e.g. 2026-10-14T02:10:00Z)`]);
    });

    it.each([[20261014], [null], [true], [['2026-10-14T02:10:00Z']]])('%j', (value) => {
      expect(problems(timestampSchema, value)).toEqual(['expected a timestamp with offset, e.g. 2026-10-14T02:10:00Z']);
    });
  });
});

describe('dateSchema', () => {
  it.each(['2026-10-14', '2024-02-29', '2026-12-31', '2026-01-01'])('%s is kept as text', (text) => {
    expect(dateSchema.parse(text)).toBe(text);
  });

  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '14/10/2026', '2026-10-14T00:00:00Z', '2026-10-14 ', ''])('%j is rejected', (text) => {
    expect(problems(dateSchema, text)).toEqual([`"${text}" is not a date (expected YYYY-MM-DD)`]);
  });

  it('rejects a non-string with its own message', () => {
    expect(problems(dateSchema, 20261014)).toEqual(['expected a date YYYY-MM-DD']);
  });
});

describe('weeklyWindowSchema', () => {
  const window = (hours: string) => ({ timezone: 'America/New_York', days: ['mon', 'fri'], hours });

  it.each(['07:00-19:00', '00:00-24:00', '15:00-16:00', '00:00-00:01', '23:59-24:00', '09:30-17:45'])('%s is a window', (hours) => {
    expect(weeklyWindowSchema.parse(window(hours))).toEqual(window(hours));
  });

  it.each(['19:00-07:00', '07:00-07:00', '24:00-24:00', '7:00-19:00', '07:00-19:60', '07:00 - 19:00', '07:00-25:00', '07:00', '0700-1900'])(
    '%s is rejected',
    (hours) => {
      expect(problems(weeklyWindowSchema, window(hours))).toEqual([
        `hours: "${hours}" is not a window "HH:MM-HH:MM" with the end after the start (quote it in YAML)`,
      ]);
    },
  );

  it('checks the zone and the days too', () => {
    expect(problems(weeklyWindowSchema, { timezone: 'Mars/Olympus', days: ['monday'], hours: '07:00-19:00' })).toEqual([
      'timezone: "Mars/Olympus" is not an IANA time zone (e.g. America/New_York)',
      'days.0: Invalid option: expected one of "mon"|"tue"|"wed"|"thu"|"fri"|"sat"|"sun"',
    ]);
    expect(problems(weeklyWindowSchema, { timezone: 'UTC', days: [], hours: '07:00-19:00' })).toHaveLength(1);
  });

  it('allows no other keys', () => {
    expect(problems(weeklyWindowSchema, { ...window('07:00-19:00'), zone: 'UTC' })).toEqual(['Unrecognized key: "zone"']);
  });
});

describe('calendarSchema', () => {
  it('is 24x7 or a list of windows', () => {
    expect(calendarSchema.parse('24x7')).toBe('24x7');
    const windows = [
      { timezone: 'Europe/London', days: ['mon'], hours: '08:00-12:00' },
      { timezone: 'Europe/London', days: ['mon'], hours: '13:00-17:00' },
    ];
    expect(calendarSchema.parse(windows)).toEqual(windows);
  });

  it.each([['24/7'], ['always'], [7]])('%j is rejected', (value) => {
    expect(problems(calendarSchema, value)).toEqual(['expected "24x7" or a list of {timezone, days, hours} windows']);
  });

  it('rejects an empty list as a list (the loader words it "needs at least 1 entry")', () => {
    expect(problems(calendarSchema, [])).toEqual(['Too small: expected array to have >=1 items']);
  });
});

describe('timeZoneSchema', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'])('%s', (zone) => {
    expect(timeZoneSchema.parse(zone)).toBe(zone);
  });

  it('rejects an unknown zone', () => {
    expect(problems(timeZoneSchema, 'Europe/Atlantis')).toEqual(['"Europe/Atlantis" is not an IANA time zone (e.g. America/New_York)']);
  });
});

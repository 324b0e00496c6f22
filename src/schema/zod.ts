// The one place zod is imported from, with the primitives every record shares.
import { z } from 'zod';

export { z };

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The two-digit number at `at`, or -1 when either character is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const units = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch milliseconds of the everyday UTC form `YYYY-MM-DDTHH:MM[:SS]Z` when it is a real instant, else null,
 * in which case {@link parseTimestamp} judges the text. Capacity exports hold millions of these.
 *
 * @example utcTimestampMs('2026-10-14T02:10:00Z') // 1791943800000
 */
export function utcTimestampMs(text: string): number | null {
  const n = text.length;
  if ((n !== 20 && n !== 17) || text.charCodeAt(n - 1) !== 90 /* Z */) return null;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return null;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  let second = 0;
  if (n === 20) {
    if (text.charCodeAt(16) !== 58) return null;
    second = twoDigits(text, 17);
  }
  // Years below 100 take the full rule: Date.UTC reads them as 19xx.
  if (century < 1 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  const year = century * 100 + yearOfCentury;
  if (day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The outcome of reading a primitive cell: its value, or what is wrong with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * An ISO 8601 instant with its offset, as epoch milliseconds. Shared by the zod schema and the
 * CSV readers, so a cell and a frontmatter field are judged by the same rule.
 */
export function parseTimestamp(text: string): Parsed<number> {
  const utc = utcTimestampMs(text);
  if (utc !== null) return { ok: true, value: utc };
  const m = TIMESTAMP.exec(text);
  if (!m) return { ok: false, message: `"${text}" is not an ISO 8601 timestamp (expected e.g. 2026-10-14T02:10:00Z)` };
  if (m[7] === undefined) return { ok: false, message: `"${text}" has no offset; write Z or ±hh:mm (e.g. ${text}Z) so the time zone is not guessed` };
  const ms = Date.parse(text);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) || hour > 23 || minute > 59 || second > 59 || Number.isNaN(ms)) {
    return { ok: false, message: `"${text}" is not a real date and time` };
  }
  return { ok: true, value: ms };
}

/** An ISO 8601 instant that carries its offset, parsed to epoch milliseconds. */
export const timestampSchema = z.string({ error: 'expected a timestamp with offset, e.g. 2026-10-14T02:10:00Z' }).transform((text, ctx) => {
  const parsed = parseTimestamp(text);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

/** A calendar date (YYYY-MM-DD), kept as text. */
const dateMemo = new Map<string, boolean>();

/**
 * Whether `text` is a real calendar date written YYYY-MM-DD. Remembered per text: a time-tracking
 * export repeats a few hundred dates over hundreds of thousands of rows.
 *
 * @example isDateText('2026-02-29') // false
 */
export function isDateText(text: string): boolean {
  let known = dateMemo.get(text);
  if (known === undefined) {
    const m = DATE.exec(text);
    known = m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (dateMemo.size < 100_000) dateMemo.set(text, known);
  }
  return known;
}

export const dateSchema = z.string({ error: 'expected a date YYYY-MM-DD' }).refine(isDateText, {
  error: (issue) => `"${String(issue.input)}" is not a date (expected YYYY-MM-DD)`,
});

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(weekdays);

const zoneCache = new Map<string, boolean>();
export function isTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    zoneCache.set(zone, known);
  }
  return known;
}

export const timeZoneSchema = z.string().refine(isTimeZone, {
  error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. America/New_York)`,
});

const HOURS = /^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** A weekly window such as weekdays 07:00-19:00 in a named zone. */
export const weeklyWindowSchema = z.strictObject({
  timezone: timeZoneSchema,
  days: z.array(weekdaySchema).min(1),
  hours: z.string().refine(
    (hours) => {
      const m = HOURS.exec(hours);
      if (!m) return false;
      const [from, to] = hours.split('-') as [string, string];
      return from < to;
    },
    { error: (issue) => `"${String(issue.input)}" is not a window "HH:MM-HH:MM" with the end after the start (quote it in YAML)` },
  ),
});

export const calendarSchema = z.union([z.literal('24x7'), z.array(weeklyWindowSchema).min(1)], {
  error: 'expected "24x7" or a list of {timezone, days, hours} windows',
});

/**
 * The one pattern of record ids: PREFIX-YYYY-NNNN, four or more digits. Given several prefixes, any of them,
 * the prefix then being the first capture group.
 *
 * @example recordIdPattern('INC').test('INC-2026-10000') // true
 * @example recordIdPattern('INC', 'CHG').exec('CHG-2026-0001')?.[1] // 'CHG'
 */
export function recordIdPattern(...prefixes: readonly string[]): RegExp {
  // One prefix is written without a group, as the JSON schemas publish it.
  const prefix = prefixes.length === 1 ? prefixes[0]! : `(${prefixes.join('|')})`;
  return new RegExp(`^${prefix}-\\d{4}-\\d{4,}$`);
}
/** INC-YYYY-N…: a year and four or more digits. */
export const incidentIdPattern = recordIdPattern('INC');
export const incidentIdSchema = z.string().regex(incidentIdPattern, { error: 'expected an incident id INC-YYYY-NNNN (four or more digits)' });
export const changeIdSchema = z.string().regex(recordIdPattern('CHG'), { error: 'expected a change id CHG-YYYY-NNNN (four or more digits)' });
export const problemIdSchema = z.string().regex(recordIdPattern('PRB'), { error: 'expected a problem id PRB-YYYY-NNNN (four or more digits)' });
export const postmortemIdSchema = z.string().regex(recordIdPattern('PM'), { error: 'expected a post-mortem id PM-YYYY-NNNN (four or more digits)' });
/** A lower-case id of letters, digits and dashes (applications, teams, components). */
export const slugPattern = /^[a-z0-9][a-z0-9-]*$/;
export const slugSchema = z.string().regex(slugPattern, { error: 'expected a lower-case id of letters, digits and dashes' });
export const textSchema = z.string().trim().min(1, { error: 'must not be empty' });

/** Where an imported record came from: the source system, its id there, and a link to it. */
export const externalSchema = z.strictObject({
  system: textSchema,
  id: z.union([textSchema, z.number().transform(String)]),
  // Only web links: the URL becomes a link on the record's page.
  url: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' }).optional(),
});
export type External = z.output<typeof externalSchema>;

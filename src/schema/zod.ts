// The one place zod is imported from, with the primitives every record shares.
import { z } from 'zod';

export { z };

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The outcome of reading a primitive cell: its value, or what is wrong with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * An ISO 8601 instant with its offset, as epoch milliseconds. Shared by the zod schema and the
 * CSV readers, so a cell and a frontmatter field are judged by the same rule.
 */
export function parseTimestamp(text: string): Parsed<number> {
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
export const dateSchema = z.string({ error: 'expected a date YYYY-MM-DD' }).refine(
  (text) => {
    const m = DATE.exec(text);
    return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  { error: (issue) => `"${String(issue.input)}" is not a date (expected YYYY-MM-DD)` },
);

export const weekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

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

const idPattern = (prefix: string) => new RegExp(`^${prefix}-\\d{4}-\\d{4}$`);
export const incidentIdSchema = z.string().regex(idPattern('INC'), { error: 'expected an incident id INC-YYYY-NNNN' });
export const changeIdSchema = z.string().regex(idPattern('CHG'), { error: 'expected a change id CHG-YYYY-NNNN' });
export const problemIdSchema = z.string().regex(idPattern('PRB'), { error: 'expected a problem id PRB-YYYY-NNNN' });
export const postmortemIdSchema = z.string().regex(idPattern('PM'), { error: 'expected a post-mortem id PM-YYYY-NNNN' });
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a lower-case id of letters, digits and dashes' });
export const textSchema = z.string().trim().min(1, { error: 'must not be empty' });

// How instants, durations and numbers read on a page; pages pass the reporting time zone.
import { DateTime } from 'luxon';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-03-09" and "10:30" of an instant in UTC, or null outside four-digit years: the everyday case
 * without luxon, which costs tens of microseconds a call and pages call it for every timestamp shown.
 */
function utcParts(ms: number): { day: string; time: string } | null {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return null;
  return { day: `${year}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`, time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` };
}

/** "2026-03-09 10:30 UTC" in the given zone. */
export function formatInstant(ms: number, timeZone: string): string {
  const utc = timeZone === 'UTC' ? utcParts(ms) : null;
  if (utc) return `${utc.day} ${utc.time} UTC`;
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('yyyy-LL-dd HH:mm ZZZZ');
}

/** "2026-03-09" in the given zone. */
export function formatDay(ms: number, timeZone: string): string {
  const utc = timeZone === 'UTC' ? utcParts(ms) : null;
  if (utc) return utc.day;
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('yyyy-LL-dd');
}

/** Machine-readable value for a <time datetime> attribute. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Lead time for people, one decimal, never rounded up to the limit: 4.99 days shows as 4.9.
 *
 * @example leadDaysText(4.99) // '4.9 days'
 */
export function leadDaysText(days: number): string {
  const tenths = Math.trunc(days * 10 + (days < 0 ? -1e-9 : 1e-9)) / 10;
  return `${tenths.toFixed(1)} day${tenths === 1 ? '' : 's'}`;
}

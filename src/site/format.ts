// How instants, durations and numbers read on a page; pages pass the reporting time zone.
import { DateTime } from 'luxon';

/** "2026-03-09 10:30 UTC" in the given zone. */
export function formatInstant(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('yyyy-LL-dd HH:mm ZZZZ');
}

/** "2026-03-09" in the given zone. */
export function formatDay(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('yyyy-LL-dd');
}

/** Machine-readable value for a <time datetime> attribute. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

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

/** "2 h 05 min", "45 min", "3 d 4 h" — whole minutes for people. */
export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return `${days} d ${hours} h`;
  return `${hours} h ${String(mins).padStart(2, '0')} min`;
}

/** Lost minutes to one decimal ("1.2"), enough to see partial impact. */
export function formatLostMinutes(minutes: number): string {
  return (Math.round(minutes * 10) / 10).toFixed(1);
}

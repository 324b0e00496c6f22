import { DateTime } from 'luxon';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A weekly window as the catalogues write it: hours are local to `timezone`. */
export interface WeeklyWindow {
  timezone: string;
  days: Weekday[];
  hours: string;
}

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const LUXON_WEEKDAY: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `2026-10-14T02:10:00Z`: whole seconds, always UTC. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** `2026-10-14`, the UTC calendar date of an instant. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function parseInstant(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${text}`);
  return ms;
}

/** Start of the UTC day holding `ms`. */
export function utcDayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Rounds down to a whole minute. */
export function floorMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** Monday = 0 … Sunday = 6, for a UTC instant. */
export function utcWeekdayIndex(ms: number): number {
  return (new Date(ms).getUTCDay() + 6) % 7;
}

export function windowMinutes(window: WeeklyWindow): { startMinute: number; endMinute: number } {
  const [start = '', end = ''] = window.hours.split('-');
  const toMinutes = (text: string): number => {
    const [hours = '0', minutes = '0'] = text.split(':');
    return Number(hours) * 60 + Number(minutes);
  };
  return { startMinute: toMinutes(start), endMinute: toMinutes(end) };
}

const offsetCache = new Map<string, number>();

/**
 * The local weekday and minute of the day of an instant in a zone. Offsets are looked up
 * once per zone and UTC hour: the zones used here change offset only on whole UTC hours.
 */
function localClock(ms: number, zone: string): { day: Weekday; minute: number } {
  const hourStart = Math.floor(ms / HOUR_MS) * HOUR_MS;
  const key = `${zone}|${hourStart}`;
  let offsetMinutes = offsetCache.get(key);
  if (offsetMinutes === undefined) {
    offsetMinutes = DateTime.fromMillis(hourStart, { zone }).offset;
    offsetCache.set(key, offsetMinutes);
  }
  const local = new Date(ms + offsetMinutes * MINUTE_MS);
  return {
    day: LUXON_WEEKDAY[(local.getUTCDay() + 6) % 7] ?? 'mon',
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** Whether an instant falls inside one of the weekly windows, read in each window's own zone. */
export function isInsideWindows(ms: number, windows: readonly WeeklyWindow[]): boolean {
  for (const window of windows) {
    const { day, minute } = localClock(ms, window.timezone);
    if (!window.days.includes(day)) continue;
    const { startMinute, endMinute } = windowMinutes(window);
    if (minute >= startMinute && minute < endMinute) return true;
  }
  return false;
}

/** The first instant at or after `ms` (in `stepMinutes` steps) inside the windows; `ms` if none within two weeks. */
export function nextInsideWindows(ms: number, windows: readonly WeeklyWindow[], stepMinutes = 5): number {
  const limit = ms + 14 * DAY_MS;
  for (let probe = ms; probe < limit; probe += stepMinutes * MINUTE_MS) {
    if (isInsideWindows(probe, windows)) return probe;
  }
  return ms;
}

/** The UTC instant of a local wall-clock time in a zone (DST resolved by luxon). */
export function localToInstant(
  zone: string,
  dayMs: number,
  hour: number,
  minute: number,
): number {
  const date = new Date(dayMs);
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour,
      minute,
    },
    { zone },
  ).toMillis();
}

/** The local weekday of a UTC calendar day is the same day; this names it. */
export function weekdayOfDay(dayMs: number): Weekday {
  return LUXON_WEEKDAY[utcWeekdayIndex(dayMs)] ?? 'mon';
}

/** Adds calendar months in UTC, keeping the day of month where possible. */
export function addMonthsUtc(ms: number, months: number): number {
  return DateTime.fromMillis(ms, { zone: 'UTC' }).plus({ months }).toMillis();
}

export function startOfMonthUtc(ms: number): number {
  return DateTime.fromMillis(ms, { zone: 'UTC' }).startOf('month').toMillis();
}

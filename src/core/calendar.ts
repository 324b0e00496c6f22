import { IANAZone } from 'luxon';
import type { Calendar, Interval, Weekday, WeeklyWindow } from './types.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from './units.ts';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HOURS_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;

interface WallClockHours {
  startMinute: number;
  endMinute: number;
}

/** Parses "HH:MM-HH:MM" into minutes after local midnight; throws when malformed or empty. */
function parseHours(hours: string): WallClockHours {
  const match = HOURS_PATTERN.exec(hours);
  if (!match) throw new RangeError(`Expected hours as "HH:MM-HH:MM", got "${hours}"`);
  const startMinute = Number(match[1]) * 60 + Number(match[2]);
  const endMinute = Number(match[3]) * 60 + Number(match[4]);
  if (endMinute > 24 * 60 || endMinute <= startMinute) {
    throw new RangeError(`Hours "${hours}" must end after they start, at 24:00 at the latest`);
  }
  return { startMinute, endMinute };
}

/** Monday-based weekday of a local day number (days since 1970-01-01, a Thursday). */
function weekdayOfDays(days: number): Weekday {
  return WEEKDAYS[(((days + 3) % 7) + 7) % 7] as Weekday;
}

/** A zone's UTC offset in minutes at an instant. */
interface ZoneOffsets {
  offset(ms: number): number;
}

/**
 * Offsets already asked for, per zone: luxon asks Intl for each one (tens of microseconds), and every page
 * asks again for the same midnights. The offset of a zone at an instant never changes within a build, so the
 * cache cannot go stale; it holds one number per distinct instant asked for.
 */
const offsetCache = new Map<string, ZoneOffsets>();

function zoneNamed(timeZone: string): ZoneOffsets {
  const cached = offsetCache.get(timeZone);
  if (cached) return cached;
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  const known = new Map<number, number>();
  const offsets: ZoneOffsets = {
    offset(ms) {
      let minutes = known.get(ms);
      if (minutes === undefined) known.set(ms, (minutes = zone.offset(ms)));
      return minutes;
    },
  };
  offsetCache.set(timeZone, offsets);
  return offsets;
}

function localDayNumber(ms: number, zone: ZoneOffsets): number {
  return Math.floor((ms + zone.offset(ms) * MS_PER_MINUTE) / MS_PER_DAY);
}

/**
 * The instant of a wall-clock minute on a local day, given offsets (minutes) valid before and after the
 * day. Like RFC 5545: a time repeated at fall-back is its first occurrence, a time skipped at
 * spring-forward moves forward by the gap.
 */
function wallClockInstant(day: number, minuteOfDay: number, zone: ZoneOffsets, offsetBefore: number, offsetAfter: number): number {
  const wallMs = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  const withBefore = wallMs - offsetBefore * MS_PER_MINUTE;
  if (offsetBefore === offsetAfter) return withBefore;
  const withAfter = wallMs - offsetAfter * MS_PER_MINUTE;
  const beforeFits = zone.offset(withBefore) === offsetBefore;
  const afterFits = zone.offset(withAfter) === offsetAfter;
  if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
  if (afterFits) return withAfter;
  return withBefore;
}

function weeklyWindowIntervals(window: WeeklyWindow, range: Interval): Interval[] {
  const { startMinute, endMinute } = parseHours(window.hours);
  const days = new Set(window.days);
  const zone = zoneNamed(window.timezone);
  const intervals: Interval[] = [];
  const firstDay = localDayNumber(range.fromMs, zone);
  const lastDay = localDayNumber(range.toMs - 1, zone);
  // One offset lookup per day (at 00:00 UTC of the day number): local day d lies strictly between the
  // samples of d − 1 and d + 2, and zones never change offset twice within three days.
  const offsets: number[] = [];
  for (let day = firstDay - 1; day <= lastDay + 2; day += 1) offsets.push(zone.offset(day * MS_PER_DAY));
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (!days.has(weekdayOfDays(day))) continue;
    const before = offsets[day - firstDay] as number;
    const after = offsets[day - firstDay + 3] as number;
    const fromMs = Math.max(range.fromMs, wallClockInstant(day, startMinute, zone, before, after));
    const toMs = Math.min(range.toMs, wallClockInstant(day, endMinute, zone, before, after));
    if (toMs > fromMs) intervals.push({ fromMs, toMs });
  }
  return intervals;
}

function isNormalised(list: readonly Interval[]): boolean {
  let previousEnd = -Infinity;
  for (const interval of list) {
    if (interval.toMs <= interval.fromMs || interval.fromMs <= previousEnd) return false;
    previousEnd = interval.toMs;
  }
  return true;
}

/**
 * Sorts intervals, drops empty ones and merges those that overlap or touch.
 *
 * @example mergeIntervals([{ fromMs: 5, toMs: 9 }, { fromMs: 0, toMs: 5 }]) // [{ fromMs: 0, toMs: 9 }]
 */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  if (isNormalised(list)) return list.slice();
  const sorted = list.filter((interval) => interval.toMs > interval.fromMs).sort((a, b) => a.fromMs - b.fromMs);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.fromMs <= last.toMs) last.toMs = Math.max(last.toMs, interval.toMs);
    else merged.push({ fromMs: interval.fromMs, toMs: interval.toMs });
  }
  return merged;
}

/**
 * The instants of `range` inside the calendar, as sorted, disjoint, merged intervals (epoch ms).
 * Weekly windows are evaluated day by day in their own time zone, so a day on which a DST change
 * falls inside the window is an hour shorter or longer in real time.
 *
 * @example scheduledIntervals([{ timezone: 'America/New_York', days: ['mon'], hours: '07:00-19:00' }], { fromMs: Date.parse('2026-03-09T00:00Z'), toMs: Date.parse('2026-03-10T00:00Z') }) // [{ fromMs: Date.parse('2026-03-09T11:00Z'), toMs: Date.parse('2026-03-09T23:00Z') }]
 */
export function scheduledIntervals(calendar: Calendar, range: Interval): Interval[] {
  if (range.toMs <= range.fromMs) return [];
  if (calendar === '24x7') return [{ fromMs: range.fromMs, toMs: range.toMs }];
  return mergeIntervals(calendar.flatMap((window) => weeklyWindowIntervals(window, range)));
}

/**
 * The instants of `a` not in `b`, sorted and merged.
 *
 * @example subtractIntervals([{ fromMs: 0, toMs: 10 }], [{ fromMs: 3, toMs: 5 }]) // [{ fromMs: 0, toMs: 3 }, { fromMs: 5, toMs: 10 }]
 */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = mergeIntervals(a);
  const right = mergeIntervals(b);
  const result: Interval[] = [];
  let j = 0;
  for (const interval of left) {
    let cursor = interval.fromMs;
    while (j < right.length && (right[j] as Interval).toMs <= cursor) j += 1;
    for (let k = j; k < right.length; k += 1) {
      const cut = right[k] as Interval;
      if (cut.fromMs >= interval.toMs) break;
      if (cut.fromMs > cursor) result.push({ fromMs: cursor, toMs: cut.fromMs });
      cursor = Math.max(cursor, cut.toMs);
    }
    if (cursor < interval.toMs) result.push({ fromMs: cursor, toMs: interval.toMs });
  }
  return result;
}

/**
 * The instants in both `a` and `b`, sorted and merged.
 *
 * @example intersectIntervals([{ fromMs: 0, toMs: 10 }], [{ fromMs: 5, toMs: 20 }]) // [{ fromMs: 5, toMs: 10 }]
 */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = mergeIntervals(a);
  const right = mergeIntervals(b);
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i] as Interval;
    const y = right[j] as Interval;
    const fromMs = Math.max(x.fromMs, y.fromMs);
    const toMs = Math.min(x.toMs, y.toMs);
    if (toMs > fromMs) result.push({ fromMs, toMs });
    if (x.toMs < y.toMs) i += 1;
    else j += 1;
  }
  return result;
}

/**
 * Total length of the intervals in milliseconds; overlaps count once.
 *
 * @example intervalsMilliseconds([{ fromMs: 0, toMs: 60_000 }, { fromMs: 30_000, toMs: 90_000 }]) // 90000
 */
export function intervalsMilliseconds(list: readonly Interval[]): number {
  let total = 0;
  for (const interval of mergeIntervals(list)) total += interval.toMs - interval.fromMs;
  return total;
}

/**
 * Total length of the intervals in minutes; overlaps count once.
 *
 * @example intervalsMinutes([{ fromMs: 0, toMs: 3_600_000 }]) // 60
 */
export function intervalsMinutes(list: readonly Interval[]): number {
  return intervalsMilliseconds(list) / MS_PER_MINUTE;
}

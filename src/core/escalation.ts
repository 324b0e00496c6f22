// The escalation directory: stale reviews, who supports what at L1/L2/L3, contact links, and weekly
// hours (team rotations, customer windows) read in another time zone for one actual week, DST included.
import { DateTime } from 'luxon';
import { scheduledIntervals } from './calendar.ts';
import type { Calendar, Interval, Weekday, WeeklyWindow } from './types.ts';
import { compareText } from './compare.ts';
import { daysBetween } from './period.ts';
import { MS_PER_DAY } from './units.ts';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

function localDate(ms: number, timeZone: string): DateTime {
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  return local;
}

/**
 * Whole days from the `reviewed` date (plain 'YYYY-MM-DD') to the as-of date in `timeZone`.
 *
 * @example reviewAgeDays('2026-08-24', Date.parse('2026-11-24T12:00:00Z')) // 92
 */
export function reviewAgeDays(reviewed: string, asOfMs: number, timeZone = 'UTC'): number {
  const asOfDate = localDate(asOfMs, timeZone).toISODate() as string;
  return daysBetween(reviewed, asOfDate);
}

/**
 * An escalation entry is stale when its last review is more than `staleReviewDays` days before the
 * as-of date (in `timeZone`): exactly 92 days old is still current, 93 is stale.
 *
 * @example isStale('2026-08-24', Date.parse('2026-11-24T12:00:00Z'), 92) // false (92 days)
 * @example isStale('2026-08-23', Date.parse('2026-11-24T12:00:00Z'), 92) // true (93 days)
 */
export function isStale(reviewed: string, asOfMs: number, staleReviewDays: number, timeZone = 'UTC'): boolean {
  return reviewAgeDays(reviewed, asOfMs, timeZone) > staleReviewDays;
}

/** Who answers at one support level, and whether that is only the application's own team by default. */
export interface SupportAssignment {
  team: string;
  /** true when `support` does not name this level and the application's team stands in. */
  isFallback: boolean;
}

/** The support levels of one application. */
export interface SupportLine {
  application: string;
  L1: SupportAssignment;
  L2: SupportAssignment;
  L3: SupportAssignment;
}

/**
 * Whether `teamId` supports the application: it owns it or `support` names it at any level.
 *
 * @example supportsApplication({ team: 'fx', support: { L1: 'service-desk' } }, 'service-desk') // true
 */
export function supportsApplication(
  app: { team: string; support?: { L1?: string | undefined; L2?: string | undefined; L3?: string | undefined } | undefined },
  teamId: string,
): boolean {
  return app.team === teamId || app.support?.L1 === teamId || app.support?.L2 === teamId || app.support?.L3 === teamId;
}

/**
 * Who supports each application at L1, L2 and L3: the team its `support` names for the level, else
 * the application's own team. Sorted by application id.
 *
 * @example supportMatrix([{ id: 'fx', team: 'fx-support', support: { L1: 'service-desk' } }])[0]?.L1 // { team: 'service-desk', isFallback: false }
 */
export function supportMatrix(
  applications: readonly { id: string; team: string; support?: { L1?: string | undefined; L2?: string | undefined; L3?: string | undefined } | undefined }[],
): SupportLine[] {
  const level = (app: (typeof applications)[number], named: string | undefined): SupportAssignment =>
    named === undefined ? { team: app.team, isFallback: true } : { team: named, isFallback: false };
  return [...applications]
    .sort((a, b) => compareText(a.id, b.id))
    .map((app) => ({ application: app.id, L1: level(app, app.support?.L1), L2: level(app, app.support?.L2), L3: level(app, app.support?.L3) }));
}

/**
 * The Monday-to-Monday week in `timeZone` that contains the instant (half-open, epoch ms): 167, 168 or
 * 169 hours long across a DST change.
 *
 * @example weekContaining(Date.parse('2026-11-24T12:00:00Z'), 'UTC') // { fromMs: Date.parse('2026-11-23T00:00Z'), toMs: Date.parse('2026-11-30T00:00Z') }
 */
export function weekContaining(ms: number, timeZone: string): Interval {
  const start = localDate(ms, timeZone).startOf('week');
  return { fromMs: start.toMillis(), toMs: start.plus({ weeks: 1 }).toMillis() };
}

/** Weekdays as short names, consecutive runs joined: ['mon','tue','wed','fri'] → 'Mon–Wed, Fri'. */
function dayRuns(days: readonly Weekday[]): string {
  const indexes = [...new Set(days.map((d) => WEEKDAYS.indexOf(d)))].sort((a, b) => a - b);
  const runs: string[] = [];
  let i = 0;
  while (i < indexes.length) {
    let j = i;
    while (j + 1 < indexes.length && (indexes[j + 1] as number) === (indexes[j] as number) + 1) j++;
    const from = DAY_NAMES[WEEKDAYS[indexes[i] as number] as Weekday];
    const to = DAY_NAMES[WEEKDAYS[indexes[j] as number] as Weekday];
    runs.push(i === j ? from : j === i + 1 ? `${from}, ${to}` : `${from}–${to}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * A weekly window as written, in its own zone.
 *
 * @example describeWindow({ timezone: 'America/New_York', days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: '15:00-16:00' }) // 'Mon–Fri 15:00–16:00 America/New_York'
 */
export function describeWindow(window: WeeklyWindow): string {
  const days = window.days.length === 7 ? 'every day' : dayRuns(window.days);
  return `${days} ${window.hours.replace('-', '–')} ${window.timezone}`;
}

/**
 * A calendar as written: 'round the clock' for 24x7, else each window in its own zone.
 *
 * @example describeCalendar('24x7') // ['round the clock (24x7)']
 */
export function describeCalendar(calendar: Calendar): string[] {
  return calendar === '24x7' ? ['round the clock (24x7)'] : calendar.map(describeWindow);
}

/** Covered time in the viewer's zone; days whose stretches read the same share a line. */
export interface HoursLine {
  /** 'Mon–Fri', 'Mon, Sun', …: the days the stretches start on, in the viewer's zone. */
  days: string;
  /** '07:00–19:00', '21:00 → next day 07:00', or '17:00 → Fri 17:00' for a stretch of several days. */
  hours: string;
  /** Start of the first stretch of the line (epoch ms), for a <time> element. */
  firstFromMs: number;
}

/** A calendar read in another zone for one actual week. */
export interface HoursInZone {
  timeZone: string;
  week: Interval;
  isRoundTheClock: boolean;
  lines: HoursLine[];
  /** The stretches that overlap the week, whole (not cut at the week's ends), merged. */
  intervals: Interval[];
}

const LOOK_AROUND_MS = 8 * MS_PER_DAY;

/** How a stretch reads in the viewer's zone: times only when it ends the same day (24:00 for midnight). */
function stretchText(fromMs: number, toMs: number, timeZone: string): string {
  const from = localDate(fromMs, timeZone);
  const to = localDate(toMs, timeZone);
  const days = Math.round(to.startOf('day').diff(from.startOf('day'), 'days').days);
  const endsAtMidnight = to.equals(to.startOf('day'));
  if (days === 0) return `${from.toFormat('HH:mm')}–${to.toFormat('HH:mm')}`;
  if (days === 1 && endsAtMidnight) return `${from.toFormat('HH:mm')}–24:00`;
  if (days === 1) return `${from.toFormat('HH:mm')} → next day ${to.toFormat('HH:mm')}`;
  return `${from.toFormat('HH:mm')} → ${to.toFormat('ccc HH:mm')}`;
}

/**
 * The covered time of `calendar` in the week `week` (see `weekContaining`), as read in `timeZone`:
 * every stretch that overlaps the week, whole, with the days it starts on; stretches that read the
 * same share a line. The stretches come from the calendar's own zones first, so a DST week shows
 * the hours as they really fall that week.
 *
 * @example
 * hoursInZone([{ timezone: 'America/New_York', days: ['mon','tue','wed','thu','fri'], hours: '15:00-16:00' }], weekContaining(asOfMs, 'Europe/London'), 'Europe/London').lines
 * // [{ days: 'Mon–Fri', hours: '20:00–21:00', … }]; in the week of 2026-10-26 (London on GMT, New York
 * // still on EDT) the same window reads '19:00–20:00'
 */
export function hoursInZone(calendar: Calendar, week: Interval, timeZone: string): HoursInZone {
  const roundTheClock: HoursInZone = { timeZone, week, isRoundTheClock: true, lines: [{ days: 'every day', hours: 'round the clock', firstFromMs: week.fromMs }], intervals: [week] };
  if (calendar === '24x7') return roundTheClock;
  // Look a week beyond each end so no stretch that overlaps the week is cut short.
  const wide = { fromMs: week.fromMs - LOOK_AROUND_MS, toMs: week.toMs + LOOK_AROUND_MS };
  const intervals = scheduledIntervals(calendar, wide).filter((i) => i.fromMs < week.toMs && i.toMs > week.fromMs);
  if (intervals.some((i) => i.fromMs <= week.fromMs && i.toMs >= week.toMs)) return { ...roundTheClock, intervals };
  const groups = new Map<string, { weekdays: Weekday[]; firstFromMs: number }>();
  for (const interval of intervals) {
    const hours = stretchText(interval.fromMs, interval.toMs, timeZone);
    const weekday = WEEKDAYS[localDate(interval.fromMs, timeZone).weekday - 1] as Weekday;
    const group = groups.get(hours);
    if (group) group.weekdays.push(weekday);
    else groups.set(hours, { weekdays: [weekday], firstFromMs: interval.fromMs });
  }
  const lines = [...groups].map(([hours, group]) => ({ days: dayRuns(group.weekdays), hours, firstFromMs: group.firstFromMs }));
  return { timeZone, week, isRoundTheClock: false, lines, intervals };
}

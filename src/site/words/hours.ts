// Weekly hours in words: a window as written ('Mon–Fri 15:00–16:00 America/New_York'), and a calendar
// read in another time zone for one actual week, DST included, as lines of days and hours.
import { scheduledIntervals } from '../../core/calendar.ts';
import { localDate } from '../../core/escalation.ts';
import type { Calendar, Interval, Weekday, WeeklyWindow } from '../../core/types.ts';
import { MS_PER_DAY } from '../../core/units.ts';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

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

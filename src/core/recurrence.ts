// What keeps coming back: the sliding-window rule that recurring incidents and automation candidates share,
// and the date ranges they are counted over.
import { addDays } from './period.ts';
import type { Interval } from './types.ts';
import { MS_PER_DAY } from './units.ts';

export interface RecurrenceOptions {
  /** Length of the sliding window, in days (default 90). */
  windowDays?: number;
  /** Occurrences that make a recurrence (default 3 incidents, 5 service requests). */
  minimum?: number;
}

/** Occurrences of one application component, in the order they were grouped. */
export interface ComponentGroup<T> {
  application: string;
  component: string;
  items: T[];
}

/** The occurrences of a group that fall in a qualifying window, oldest first, with the group they came from. */
export interface Recurrence<T> extends ComponentGroup<T> {
  /** "application/component". */
  key: string;
  /** The qualifying occurrences, never empty. */
  recurring: T[];
  first: T;
  last: T;
}

/** Flags each value of ascending `times` that shares a window of `windowSize` (last − first < size) with `minimum` − 1 others. */
function inQualifyingWindow(times: readonly number[], windowSize: number, minimum: number): boolean[] {
  const flagged = times.map(() => false);
  let first = 0;
  let flaggedThrough = -1;
  for (let last = 0; last < times.length; last++) {
    while ((times[last] as number) - (times[first] as number) >= windowSize) first++;
    if (last - first + 1 < minimum) continue;
    for (let i = Math.max(first, flaggedThrough + 1); i <= last; i++) flagged[i] = true;
    flaggedThrough = last;
  }
  return flagged;
}

/** Adds `item` to the group of "application/component", creating the group on first use. */
export function addToGroup<T>(groups: Map<string, ComponentGroup<T>>, application: string, component: string, item: T): void {
  const key = `${application}/${component}`;
  let group = groups.get(key);
  if (group === undefined) {
    group = { application, component, items: [] };
    groups.set(key, group);
  }
  group.items.push(item);
}

/**
 * The groups with at least `minimum` occurrences inside one window of `windowSize` (in the unit of `timeOf`),
 * each cut to the occurrences in such windows. `order` sorts a group's items oldest first.
 */
export function recurrences<T>(
  groups: ReadonlyMap<string, ComponentGroup<T>>,
  order: (a: T, b: T) => number,
  timeOf: (item: T) => number,
  windowSize: number,
  minimum: number,
): Recurrence<T>[] {
  const found: Recurrence<T>[] = [];
  for (const [key, group] of groups) {
    if (group.items.length < minimum) continue;
    const ordered = group.items.sort(order);
    const flagged = inQualifyingWindow(ordered.map(timeOf), windowSize, minimum);
    const recurring = ordered.filter((_, i) => flagged[i]);
    const first = recurring[0];
    const last = recurring[recurring.length - 1];
    if (first === undefined || last === undefined) continue;
    found.push({ ...group, key, recurring, first, last });
  }
  return found;
}

/**
 * The `days` before `asOfMs` (epoch ms) as a half-open interval ending at the as-of instant.
 *
 * @example daysBefore(Date.parse('2026-11-24T12:00:00Z'), 90) // { fromMs: Date.parse('2026-08-26T12:00:00Z'), toMs: Date.parse('2026-11-24T12:00:00Z') }
 */
export function daysBefore(asOfMs: number, days: number): Interval {
  return { fromMs: asOfMs - days * MS_PER_DAY, toMs: asOfMs };
}

/** A span of plain dates, both ends included ('YYYY-MM-DD'). */
export interface DateRange {
  fromDate: string;
  toDate: string;
}

/**
 * The `days` calendar days that end on `toDate` (included), as a date range.
 *
 * @example daysThrough('2026-11-24', 90) // { fromDate: '2026-08-27', toDate: '2026-11-24' }
 */
export function daysThrough(toDate: string, days: number): DateRange {
  return { fromDate: addDays(toDate, 1 - days), toDate };
}

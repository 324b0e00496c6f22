import { DateTime } from 'luxon';
import type { Interval } from './types.ts';
import { MS_PER_DAY } from './units.ts';

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Splits "YYYY-MM" into numbers; throws on anything else so a typo never becomes an empty report. */
function parseMonth(month: string): { year: number; month: number } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Expected a month as YYYY-MM, got "${month}"`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

function requireZone(dateTime: DateTime, timeZone: string): DateTime {
  if (!dateTime.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  return dateTime;
}

/**
 * The calendar month, in `timeZone`, that contains the instant `ms` (epoch milliseconds).
 *
 * @example monthOf(Date.parse('2026-01-31T23:30:00Z'), 'Europe/Paris') // '2026-02'
 */
export function monthOf(ms: number, timeZone: string): string {
  const local = requireZone(DateTime.fromMillis(ms, { zone: timeZone }), timeZone);
  return formatMonth(local.year, local.month);
}

/**
 * The UTC month 'YYYY-MM' of an instant (epoch ms), or null when it is not a number or falls outside the
 * years 0000–9999: `monthOf` without a zone, for arithmetic that may run past any calendar.
 *
 * @example utcMonthOf(Date.parse('2026-11-30T23:59:00Z')) // '2026-11'
 * @example utcMonthOf(Date.parse('+010000-01-01T00:00:00Z')) // null
 */
export function utcMonthOf(ms: number): string | null {
  const date = new Date(Math.floor(ms)); // Date truncates toward zero; a fraction before midnight is the day before
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return null;
  return formatMonth(year, date.getUTCMonth() + 1);
}

/**
 * The month whose figures are current at `asOfMs`: the month holding the last instant before it. That is the
 * as-of month, except at the first instant of a month, when the month to date is still empty and the month
 * just ended is the one to show.
 *
 * @example currentReportMonth(Date.parse('2026-11-24T12:00:00Z'), 'UTC') // '2026-11'
 * @example currentReportMonth(Date.parse('2026-12-01T00:00:00Z'), 'UTC') // '2026-11'
 */
export function currentReportMonth(asOfMs: number, timeZone: string): string {
  return monthOf(asOfMs - 1, timeZone);
}

/**
 * Whether `month` is still running at `asOfMs`, so its figures are month to date.
 *
 * @example isMonthToDate('2026-11', Date.parse('2026-11-24T12:00:00Z'), 'UTC') // true
 * @example isMonthToDate('2026-11', Date.parse('2026-12-01T00:00:00Z'), 'UTC') // false
 */
export function isMonthToDate(month: string, asOfMs: number, timeZone: string): boolean {
  return month === monthOf(asOfMs, timeZone) && monthInterval(month, timeZone).fromMs < asOfMs;
}

/**
 * Start and end instants (epoch ms, half-open) of a calendar month in `timeZone`, DST included.
 *
 * @example monthInterval('2026-02', 'UTC') // { fromMs: Date.parse('2026-02-01T00:00Z'), toMs: Date.parse('2026-03-01T00:00Z') }
 */
export function monthInterval(month: string, timeZone: string): Interval {
  const { year, month: monthNumber } = parseMonth(month);
  const start = requireZone(DateTime.fromObject({ year, month: monthNumber, day: 1 }, { zone: timeZone }), timeZone);
  return { fromMs: start.toMillis(), toMs: start.plus({ months: 1 }).toMillis() };
}

/**
 * Start and end instants (epoch ms, half-open) of a calendar date 'YYYY-MM-DD' in `timeZone`: 23 or 25 hours
 * long on the days the clocks change.
 *
 * @example dayInterval('2026-03-29', 'Europe/London') // { fromMs: Date.parse('2026-03-29T00:00Z'), toMs: Date.parse('2026-03-29T23:00Z') }
 */
export function dayInterval(date: string, timeZone: string): Interval {
  const start = requireZone(
    DateTime.fromObject({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }, { zone: timeZone }),
    timeZone,
  );
  return { fromMs: start.toMillis(), toMs: start.plus({ days: 1 }).toMillis() };
}

/**
 * The month after `month`.
 *
 * @example nextMonth('2026-12') // '2027-01'
 */
export function nextMonth(month: string): string {
  const { year, month: monthNumber } = parseMonth(month);
  return monthNumber === 12 ? formatMonth(year + 1, 1) : formatMonth(year, monthNumber + 1);
}

/**
 * A month 'YYYY-MM' as a count of months since year 0, so months subtract.
 *
 * @example monthIndex('2027-05') - monthIndex('2026-03') // 14
 */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/**
 * Whole days since 1970-01-01 of a plain date 'YYYY-MM-DD': plain dates as numbers, for day arithmetic.
 *
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The calendar date ('YYYY-MM-DD') of an instant (epoch ms) in `timeZone`.
 *
 * @example dateInZone(Date.parse('2026-11-24T23:30:00Z'), 'Europe/Paris') // '2026-11-25'
 */
export function dateInZone(ms: number, timeZone: string): string {
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  return local.toISODate();
}

/**
 * Whole calendar days from `fromDate` to `toDate` (plain dates); negative when `toDate` is earlier.
 *
 * @example daysBetween('2026-11-01', '2026-11-24') // 23
 */
export function daysBetween(fromDate: string, toDate: string): number {
  return dayNumber(toDate) - dayNumber(fromDate);
}

/**
 * The plain date `days` calendar days after `date` (before, when negative).
 *
 * @example addDays('2026-11-28', 6) // '2026-12-04'
 */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/**
 * The last date ('YYYY-MM-DD') of a month 'YYYY-MM', leap years included.
 *
 * @example lastDateOfMonth('2028-02') // '2028-02-29'
 */
export function lastDateOfMonth(month: string): string {
  const { year, month: monthNumber } = parseMonth(month);
  const day = new Date(0);
  day.setUTCFullYear(year, monthNumber, 0); // day 0 of the next month: the last of this one
  return `${formatMonth(year, monthNumber)}-${String(day.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The month before `month`.
 *
 * @example previousMonth('2026-01') // '2025-12'
 */
export function previousMonth(month: string): string {
  const { year, month: monthNumber } = parseMonth(month);
  return monthNumber === 1 ? formatMonth(year - 1, 12) : formatMonth(year, monthNumber - 1);
}

/**
 * Every month from `fromMonth` to `toMonth`, both included, oldest first; empty when `fromMonth` is later.
 *
 * @example monthsBetween('2025-11', '2026-02') // ['2025-11', '2025-12', '2026-01', '2026-02']
 */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const last = parseMonth(toMonth);
  const lastIndex = last.year * 12 + last.month;
  const months: string[] = [];
  let current = parseMonth(fromMonth);
  while (current.year * 12 + current.month <= lastIndex) {
    months.push(formatMonth(current.year, current.month));
    current = current.month === 12 ? { year: current.year + 1, month: 1 } : { year: current.year, month: current.month + 1 };
  }
  return months;
}

/**
 * The part of `month` (in `timeZone`) that a report as of `asOfMs` covers: the whole of a past month,
 * the current month to date, and an empty interval (at the month start) for a future month.
 *
 * @example reportInterval('2026-03', 'UTC', Date.parse('2026-03-10T12:00:00Z')) // { fromMs: Date.parse('2026-03-01T00:00Z'), toMs: Date.parse('2026-03-10T12:00Z') }
 */
export function reportInterval(month: string, timeZone: string, asOfMs: number): Interval {
  const whole = monthInterval(month, timeZone);
  return { fromMs: whole.fromMs, toMs: Math.max(whole.fromMs, Math.min(whole.toMs, asOfMs)) };
}

/**
 * True for a month written as `YYYY-MM` (month 01–12).
 *
 * @example isMonth('2026-10') // true
 * @example isMonth('2026-13') // false
 */
export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/**
 * The last month, in `timeZone`, that had ended by the instant `asOfMs` (epoch milliseconds): the month the
 * monthly report is sent for.
 *
 * @example lastCompleteMonth(Date.parse('2026-11-01T06:00:00Z'), 'UTC') // '2026-10'
 * @example lastCompleteMonth(Date.parse('2026-10-31T23:30:00Z'), 'Europe/Paris') // '2026-10'
 */
export function lastCompleteMonth(asOfMs: number, timeZone: string): string {
  return previousMonth(monthOf(asOfMs, timeZone));
}

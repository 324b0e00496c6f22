// How instants, durations and numbers read on a page; pages pass the reporting time zone.
import { DateTime } from 'luxon';
import { AMBER_BUDGET_CONSUMED, type AvailabilityStatus } from '../core/availability.ts';
import { formatTenths, truncatePercent } from './words/percent.ts';
import { countText } from '../load/words.ts';

// Percentages have their own module under words/; they read like every other format from here.
export { availabilityText, formatGrowth, formatTenths, truncatePercent } from './words/percent.ts';
// The change rules' words are shared with `npm run check`, so they live below the site.
export { leadDaysText } from '../load/change-rules.ts';
// Plurals are shared with `npm run check` too.
export { countText, nounFor } from '../load/words.ts';

/** A status as a word: the badges, the board and the status cards say it alike. */
export const statusWords: Readonly<Record<AvailabilityStatus, string>> = { red: 'Red', amber: 'Amber', green: 'Green', none: 'No schedule' };

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
 * How long ago a date was, in calendar days before the as-of date; a date after it (a report built as of an
 * earlier instant) says so instead of printing a negative age.
 *
 * @example daysAgoText(92) // '92 days ago'
 * @example daysAgoText(0) // 'today'
 * @example daysAgoText(-3) // '3 days after the as-of date'
 */
export function daysAgoText(days: number): string {
  if (days === 0) return 'today';
  const count = Math.abs(days);
  const unit = countText(count, 'day');
  return days > 0 ? `${unit} ago` : `${unit} after the as-of date`;
}

// ---- numbers and months as the pages, text twins and e-mail print them ------------------------------

/**
 * A rate measured against a target (success, completion, cadence kept, coverage, noise), truncated to
 * one decimal like availability so a missed target never rounds up to a met one; '—' with nothing to count.
 *
 * @example rateText(0.9496) // '94.9 %'
 * @example rateText(null) // '—'
 */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${truncatePercent(rate, 1)} %`;
}

/**
 * The share of the error budget from which an application is amber, from the core's constant: '75 %'.
 */
export const amberThresholdText = `${truncatePercent(AMBER_BUDGET_CONSUMED, 0)} %`;

/**
 * Share of the error budget used, rounded up to a tenth: it never looks smaller than it is.
 *
 * @example budgetConsumedText(1.13852) // '113.9 %'
 */
export function budgetConsumedText(consumed: number | null): string {
  if (consumed === null) return '—';
  return `${(Math.ceil(consumed * 1000 - 1e-9) / 10).toFixed(1)} %`;
}

/**
 * Minutes with one decimal and thousands grouped (core's `formatTenths`).
 *
 * @example minutesText(15810) // '15,810.0'
 */
export function minutesText(minutes: number): string {
  return formatTenths(minutes);
}

/**
 * A duration in minutes for people: "1.2 min" under an hour (one decimal, rounded), then
 * whole minutes as "2 h 5 min" and "3 d 4 h 10 min".
 *
 * @example formatMinutes(1.2) // '1.2 min'
 * @example formatMinutes(150) // '2 h 30 min'
 */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`Cannot show ${minutes} as minutes`);
  const sign = minutes < 0 ? '-' : '';
  const tenths = Math.round(Math.abs(minutes) * 10);
  if (tenths < 600) return `${sign}${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} min`;
  const total = Math.round(Math.abs(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts = days > 0 ? [`${days} d`, `${hours} h`, `${rest} min`] : [`${hours} h`, `${rest} min`];
  return sign + parts.join(' ');
}

/**
 * A count for people, with thousands separators (the same on every machine, whatever its locale).
 *
 * @example formatCount(24769) // '24,769'
 * @example formatCount(-1200) // '-1,200'
 */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) throw new RangeError(`Cannot show ${count} as a count`);
  const sign = count < 0 ? '-' : '';
  const [whole, fraction] = String(Math.abs(count)).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A month 'YYYY-MM' in words; text that is not a month is shown as it is.
 *
 * @example monthTitle('2026-03') // 'March 2026'
 */
export function monthTitle(month: string): string {
  const [year, number] = month.split('-');
  const name = monthNames[Number(number) - 1];
  return name === undefined ? month : `${name} ${year}`;
}

/**
 * A month 'YYYY-MM' short, for chart axes.
 *
 * @example shortMonthTitle('2026-11') // 'Nov 2026'
 */
export function shortMonthTitle(month: string): string {
  const [year, number] = month.split('-');
  const name = monthNames[Number(number) - 1];
  return name === undefined ? month : `${name.slice(0, 3)} ${year}`;
}

const hoursFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * Hours with at most one decimal and thousands grouped.
 *
 * @example formatHours(1234.54) // '1,234.5 h'
 */
export function formatHours(hours: number): string {
  return `${hoursFormat.format(hours)} h`;
}

/**
 * A share as a percentage with one decimal.
 *
 * @example formatShare(0.243) // '24.3 %'
 */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/**
 * FTEs with two decimals below one person, one above.
 *
 * @example formatFte(0.35) // '0.35'
 */
export function formatFte(fte: number): string {
  return fte < 1 ? fte.toFixed(2) : fte.toFixed(1);
}

/**
 * A change as a signed percentage with one decimal, "new" when there was nothing before.
 *
 * @example formatChange(-0.032) // '−3.2 %'
 */
export function formatChange(change: number | null): string {
  if (change === null) return 'new';
  const percent = (change * 100).toFixed(1);
  if (percent === '0.0' || percent === '-0.0') return '±0.0 %';
  return change > 0 ? `+${percent} %` : `−${percent.slice(1)} %`;
}

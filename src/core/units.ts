// Milliseconds per unit of time: the one place the core and the site turn epoch milliseconds into minutes,
// hours and days. Calendar arithmetic (months, days in a zone, summer time) belongs to period.ts and luxon,
// not to these constants: a day here is 24 hours of elapsed time.

/**
 * Milliseconds in a minute.
 *
 * @example (restoredMs - startedMs) / MS_PER_MINUTE // minutes of impact
 */
export const MS_PER_MINUTE = 60_000;

/**
 * Milliseconds in an hour.
 *
 * @example 3 * MS_PER_HOUR // 10800000
 */
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/**
 * Milliseconds in 24 hours of elapsed time.
 *
 * @example asOfMs - 90 * MS_PER_DAY // the instant 90 days before as-of
 */
export const MS_PER_DAY = 24 * MS_PER_HOUR;

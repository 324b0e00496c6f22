// The escalation directory: stale reviews, who supports what at L1/L2/L3 and the week an instant falls in;
// site/words/hours.ts reads weekly hours in another time zone for one actual week.
import { DateTime } from 'luxon';
import type { Interval } from './types.ts';
import { compareText } from './compare.ts';
import { daysBetween } from './period.ts';


/** The instant as a date-time in `timeZone`; an unknown zone is an error, not UTC. */
export function localDate(ms: number, timeZone: string): DateTime {
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

// Change management: lead time and the change rules, success rate, emergency share, change-induced
// incidents and the weekly change review. Timestamps are epoch milliseconds.
import { DateTime } from 'luxon';
import type { Interval } from './types.ts';
import { compareText } from './compare.ts';
import { MS_PER_DAY } from './units.ts';
import type { changeOutcomes as changeOutcomeList, changeRisks, changeTypes } from '../schema/records.ts';

export type ChangeType = (typeof changeTypes)[number];
export type ChangeRisk = (typeof changeRisks)[number];
export type ChangeOutcome = (typeof changeOutcomeList)[number];

/** What change management needs of a change request. */
export interface ChangeRequest {
  id: string;
  title: string;
  applications: readonly string[];
  type: ChangeType;
  risk: ChangeRisk;
  owner: string;
  submitted: number;
  plannedStart: number;
  plannedEnd: number;
  approvals: readonly { by: string; at: number }[];
  cab: boolean;
  releasesCode: boolean;
  outcome: ChangeOutcome;
}

/**
 * A broken change rule, shown on the change, never a build error:
 * - `lead-time`: a normal change submitted less than the lead time (site.yaml `changeLeadDays`) before its planned start;
 * - `bau-releases-code`: a bau change that releases code (bau is for work that ships no code);
 * - `high-risk-unapproved`: a high-risk change without both a CAB review and at least one approval.
 */
export type ChangeViolation = 'lead-time' | 'bau-releases-code' | 'high-risk-unapproved';

/** Rules in the order they are listed wherever violations are shown. */
export const changeViolationKinds: readonly ChangeViolation[] = ['lead-time', 'bau-releases-code', 'high-risk-unapproved'];


/**
 * Lead time in 24-hour days from submission to planned start (fractional; negative when submitted late).
 *
 * @example leadDays({ submitted: Date.parse('2026-11-01T09:00Z'), plannedStart: Date.parse('2026-11-06T21:00Z') }) // 5.5
 */
export function leadDays(change: Pick<ChangeRequest, 'submitted' | 'plannedStart'>): number {
  return (change.plannedStart - change.submitted) / MS_PER_DAY;
}

/**
 * The change rules this change breaks, in `changeViolationKinds` order; empty when it keeps them all.
 * A normal change exactly `changeLeadDays` ahead keeps the lead-time rule.
 *
 * @example changeViolations({ type: 'bau', releasesCode: true, risk: 'low', cab: false, approvals: [], submitted: 0, plannedStart: 0 }, 5) // ['bau-releases-code']
 */
export function changeViolations(
  change: Pick<ChangeRequest, 'type' | 'risk' | 'cab' | 'approvals' | 'releasesCode' | 'submitted' | 'plannedStart'>,
  changeLeadDays: number,
): ChangeViolation[] {
  const found: ChangeViolation[] = [];
  if (change.type === 'normal' && leadDays(change) < changeLeadDays) found.push('lead-time');
  if (change.type === 'bau' && change.releasesCode) found.push('bau-releases-code');
  if (change.risk === 'high' && !(change.cab && change.approvals.length > 0)) found.push('high-risk-unapproved');
  return found;
}

/**
 * Changes whose planned start lies in `range` (half-open, epoch ms), in planned-start order, then id.
 *
 * @example changesPlannedIn(changes, { fromMs: asOfMs, toMs: asOfMs + 7 * 86_400_000 }) // next week's changes
 */
export function changesPlannedIn<T extends Pick<ChangeRequest, 'id' | 'plannedStart'>>(changes: readonly T[], range: Interval): T[] {
  return changes
    .filter((c) => c.plannedStart >= range.fromMs && c.plannedStart < range.toMs)
    .sort((a, b) => a.plannedStart - b.plannedStart || compareText(a.id, b.id));
}

/** Outcome counts and the success rate of the changes given. */
export interface ChangeOutcomes {
  total: number;
  successful: number;
  failed: number;
  backedOut: number;
  pending: number;
  cancelled: number;
  /** successful / (successful + failed + backed-out), 0–1; null when none of those has happened. */
  successRate: number | null;
}

/**
 * Counts by outcome and the success rate over the changes that were carried out and finished
 * (pending and cancelled changes have no result yet, so they are left out of the rate).
 *
 * @example changeOutcomes([{ outcome: 'successful' }, { outcome: 'backed-out' }, { outcome: 'pending' }]).successRate // 0.5
 */
export function changeOutcomes(changes: readonly Pick<ChangeRequest, 'outcome'>[]): ChangeOutcomes {
  const count = (outcome: ChangeOutcome) => changes.filter((c) => c.outcome === outcome).length;
  const successful = count('successful');
  const failed = count('failed');
  const backedOut = count('backed-out');
  const finished = successful + failed + backedOut;
  return {
    total: changes.length,
    successful,
    failed,
    backedOut,
    pending: count('pending'),
    cancelled: count('cancelled'),
    successRate: finished === 0 ? null : successful / finished,
  };
}

/** A count over a total and the share it makes. */
export interface Share {
  count: number;
  total: number;
  /** count / total, 0–1; null when the total is 0. */
  share: number | null;
}

function shareOf(count: number, total: number): Share {
  return { count, total, share: total === 0 ? null : count / total };
}

/**
 * Emergency changes over all changes given that were not cancelled (a cancelled change never took place).
 *
 * @example emergencyShare([{ type: 'emergency', outcome: 'successful' }, { type: 'normal', outcome: 'failed' }]) // { count: 1, total: 2, share: 0.5 }
 */
export function emergencyShare(changes: readonly Pick<ChangeRequest, 'type' | 'outcome'>[]): Share {
  const held = changes.filter((c) => c.outcome !== 'cancelled');
  return shareOf(held.filter((c) => c.type === 'emergency').length, held.length);
}

/** What the change-induced share needs of an incident. */
export interface IncidentCause {
  id: string;
  cause: string;
  change?: string | undefined;
}

/**
 * Whether a change caused the incident: it names a change, or its cause is `change`.
 *
 * @example isChangeInduced({ id: 'INC-2026-0001', cause: 'software', change: 'CHG-2026-0004' }) // true
 */
export function isChangeInduced(incident: IncidentCause): boolean {
  return incident.change !== undefined || incident.cause === 'change';
}

/**
 * Incidents caused by a change over all incidents given.
 *
 * @example changeInducedShare([{ id: 'a', cause: 'change' }, { id: 'b', cause: 'network' }]) // { count: 1, total: 2, share: 0.5 }
 */
export function changeInducedShare(incidents: readonly IncidentCause[]): Share {
  return shareOf(incidents.filter(isChangeInduced).length, incidents.length);
}

/** The normal changes of one month and those that missed the lead time. */
export interface LeadTimeMonth {
  month: string;
  normalChanges: number;
  /** Ids of the normal changes planned in the month that missed the lead time, in planned-start order. */
  violations: string[];
}

/**
 * Lead-time violations by month of planned start (in `timeZone`), for each of `months` in order.
 *
 * @example leadTimeViolationsByMonth(changes, ['2026-10', '2026-11'], 'UTC', 5) // [{ month: '2026-10', normalChanges: 12, violations: ['CHG-2026-0088'] }, …]
 */
export function leadTimeViolationsByMonth(
  changes: readonly ChangeRequest[],
  months: readonly string[],
  timeZone: string,
  changeLeadDays: number,
): LeadTimeMonth[] {
  const byMonth = new Map<string, ChangeRequest[]>(months.map((m) => [m, []]));
  for (const change of changes) {
    if (change.type !== 'normal') continue;
    byMonth.get(DateTime.fromMillis(change.plannedStart, { zone: timeZone }).toFormat('yyyy-LL'))?.push(change);
  }
  return months.map((month) => {
    const list = [...(byMonth.get(month) ?? [])].sort((a, b) => a.plannedStart - b.plannedStart || compareText(a.id, b.id));
    return {
      month,
      normalChanges: list.length,
      violations: list.filter((c) => changeViolations(c, changeLeadDays).includes('lead-time')).map((c) => c.id),
    };
  });
}

/** A change on the weekly review, with the rules it breaks. */
export interface ReviewedChange<T extends ChangeRequest = ChangeRequest> {
  change: T;
  leadDays: number;
  violations: ChangeViolation[];
}

/** The changes planned to start on one calendar day of the reporting zone. */
export interface ReviewDay<T extends ChangeRequest = ChangeRequest> {
  /** 'YYYY-MM-DD' in the reporting zone. */
  date: string;
  changes: ReviewedChange<T>[];
}

/** The weekly change review. */
export interface WeeklyChangeReview<T extends ChangeRequest = ChangeRequest> {
  /** The coming week: [as-of, as-of + 7 days). */
  coming: Interval;
  /** Days of the coming week that have changes, in order. */
  days: ReviewDay<T>[];
  /** The week before: [as-of − 7 days, as-of). */
  past: Interval;
  lastWeek: ReviewedChange<T>[];
  lastWeekOutcomes: ChangeOutcomes;
}

/**
 * The weekly change review: changes planned to start in the seven days from the as-of instant, grouped
 * by their calendar day in `timeZone`, and the outcomes of those planned in the seven days before it.
 *
 * @example weeklyChangeReview(changes, Date.parse('2026-11-24T12:00Z'), 'Europe/London', 5).days.map((d) => d.date) // ['2026-11-24', '2026-11-26', …]
 */
export function weeklyChangeReview<T extends ChangeRequest>(
  changes: readonly T[],
  asOfMs: number,
  timeZone: string,
  changeLeadDays: number,
): WeeklyChangeReview<T> {
  const review = (change: T): ReviewedChange<T> => ({ change, leadDays: leadDays(change), violations: changeViolations(change, changeLeadDays) });
  const coming = { fromMs: asOfMs, toMs: asOfMs + 7 * MS_PER_DAY };
  const past = { fromMs: asOfMs - 7 * MS_PER_DAY, toMs: asOfMs };
  const days: ReviewDay<T>[] = [];
  for (const change of changesPlannedIn(changes, coming)) {
    const date = DateTime.fromMillis(change.plannedStart, { zone: timeZone }).toISODate() as string;
    const last = days[days.length - 1];
    if (last && last.date === date) last.changes.push(review(change));
    else days.push({ date, changes: [review(change)] });
  }
  const lastWeek = changesPlannedIn(changes, past);
  return { coming, days, past, lastWeek: lastWeek.map(review), lastWeekOutcomes: changeOutcomes(lastWeek) };
}

/** Change management for one report period. */
export interface ChangePeriod {
  /** Changes planned to start in the period. */
  changes: number;
  outcomes: ChangeOutcomes;
  emergency: Share;
  /** Incidents that started in the period and were caused by a change. */
  changeInduced: Share;
  /** Normal changes planned in the period that missed the lead time, in planned-start order. */
  leadTimeViolations: string[];
  /** Changes planned in the period that break any rule. */
  violating: { id: string; violations: ChangeViolation[] }[];
}

/**
 * Success rate, emergency share, change-induced incident share and violations for the changes
 * planned and the incidents started (`started`, epoch ms) in `range`.
 *
 * @example changePeriod(changes, incidents, monthInterval('2026-10', 'UTC'), 5).outcomes.successRate // 0.93
 */
export function changePeriod(
  changes: readonly ChangeRequest[],
  incidents: readonly (IncidentCause & { started: number })[],
  range: Interval,
  changeLeadDays: number,
): ChangePeriod {
  const planned = changesPlannedIn(changes, range);
  const started = incidents.filter((i) => i.started >= range.fromMs && i.started < range.toMs);
  const violating = planned.map((c) => ({ id: c.id, violations: changeViolations(c, changeLeadDays) })).filter((c) => c.violations.length > 0);
  return {
    changes: planned.length,
    outcomes: changeOutcomes(planned),
    emergency: emergencyShare(planned),
    changeInduced: changeInducedShare(started),
    leadTimeViolations: violating.filter((c) => c.violations.includes('lead-time')).map((c) => c.id),
    violating,
  };
}

/** One day cell of the change calendar. */
export interface CalendarDay<T extends ChangeRequest = ChangeRequest> {
  /** 'YYYY-MM-DD' in the reporting zone. */
  date: string;
  dayOfMonth: number;
  /** false for the days of the neighbouring months that fill the first and last week. */
  isInMonth: boolean;
  isWeekend: boolean;
  /** Changes whose planned window touches the day, in planned-start order; `startsToday` false for a continuation. */
  changes: { change: T; startsToday: boolean }[];
}

/** A month as Monday-to-Sunday weeks for the change calendar. */
export interface CalendarMonth<T extends ChangeRequest = ChangeRequest> {
  month: string;
  weeks: CalendarDay<T>[][];
}

/**
 * The month 'YYYY-MM' in `timeZone` as whole Monday-to-Sunday weeks, each day with the changes whose
 * planned window [plannedStart, plannedEnd) touches it. DST days are 23 or 25 hours long, as they are.
 *
 * @example changeCalendarMonth(changes, '2026-11', 'UTC').weeks[0]?.[0]?.date // '2026-10-26'
 */
export function changeCalendarMonth<T extends ChangeRequest>(changes: readonly T[], month: string, timeZone: string): CalendarMonth<T> {
  const first = DateTime.fromISO(`${month}-01`, { zone: timeZone });
  if (!first.isValid) throw new RangeError(`Expected a month as YYYY-MM in a known zone, got "${month}" in "${timeZone}"`);
  const gridStart = first.minus({ days: first.weekday - 1 });
  const last = first.endOf('month');
  const gridEnd = last.plus({ days: 7 - last.weekday }).startOf('day');
  const gridEndMs = gridEnd.plus({ days: 1 }).toMillis();
  const sorted = changes
    .filter((c) => c.plannedStart < gridEndMs && c.plannedEnd > gridStart.toMillis())
    .sort((a, b) => a.plannedStart - b.plannedStart || compareText(a.id, b.id));
  const weeks: CalendarDay<T>[][] = [];
  for (let day = gridStart; day <= gridEnd; day = day.plus({ days: 1 })) {
    const fromMs = day.toMillis();
    const toMs = day.plus({ days: 1 }).toMillis();
    const cell: CalendarDay<T> = {
      date: day.toISODate(),
      dayOfMonth: day.day,
      isInMonth: day.month === first.month,
      isWeekend: day.weekday >= 6,
      changes: sorted.filter((c) => c.plannedStart < toMs && c.plannedEnd > fromMs).map((change) => ({ change, startsToday: change.plannedStart >= fromMs })),
    };
    if (day.weekday === 1) weeks.push([]);
    weeks[weeks.length - 1]?.push(cell);
  }
  return { month, weeks };
}

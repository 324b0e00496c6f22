// Problem management: the open backlog, its age, the follow-up actions and the weekly review agenda.
// Problem dates (opened, closed, due) are plain dates; "today" is the as-of date in the reporting zone.
import { addDays, daysBetween, lastDateOfMonth, previousMonth } from './period.ts';
import { compareText } from './compare.ts';
import type { problemPriorities, problemStatuses } from '../schema/records.ts';

export type ProblemPriority = (typeof problemPriorities)[number];
export type ProblemStatus = (typeof problemStatuses)[number];

/** A follow-up action; `due` is a plain date 'YYYY-MM-DD'. */
export interface ProblemAction {
  title: string;
  owner: string;
  due: string;
  done: boolean;
}

/** What problem management needs of a problem ticket; `opened` and `closed` are plain dates. */
export interface ProblemTicket {
  id: string;
  title: string;
  priority: ProblemPriority;
  status: ProblemStatus;
  opened: string;
  closed?: string | undefined;
  owner: string;
  actions: readonly ProblemAction[];
}

// The plain-date helpers live in period.ts; problems.ts keeps exporting them for its callers.
export { addDays, dateInZone, daysBetween } from './period.ts';

/**
 * Open means not yet resolved or closed (open, investigating or known-error), whatever the dates say.
 *
 * @example isProblemOpen({ status: 'known-error' }) // true
 */
export function isProblemOpen(problem: Pick<ProblemTicket, 'status'>): boolean {
  return problem.status !== 'resolved' && problem.status !== 'closed';
}

/**
 * Whether the problem was in the backlog at the end of `date` (plain date): opened on or before it and
 * not closed on or before it. Used for month ends in the past, where the status field is today's.
 *
 * @example wasOpenAtEndOf({ opened: '2026-09-10', closed: '2026-10-02' }, '2026-09-30') // true
 */
export function wasOpenAtEndOf(problem: Pick<ProblemTicket, 'opened' | 'closed'>, date: string): boolean {
  return problem.opened <= date && (problem.closed === undefined || problem.closed > date);
}

/**
 * Age in calendar days: from `opened` to `asOfDate` while open, to `closed` once closed (how long it
 * stayed open). Never negative.
 *
 * @example problemAgeDays({ opened: '2026-08-26', closed: undefined }, '2026-11-24') // 90
 */
export function problemAgeDays(problem: Pick<ProblemTicket, 'opened' | 'closed'>, asOfDate: string): number {
  const end = problem.closed !== undefined && problem.closed < asOfDate ? problem.closed : asOfDate;
  return Math.max(0, daysBetween(problem.opened, end));
}

/** One ageing bucket of the open backlog; `maxDays` null for the open-ended last bucket. */
export interface AgeingBucket {
  label: string;
  minDays: number;
  maxDays: number | null;
  /** Open problems in the bucket, oldest first, then id. */
  problems: string[];
  count: number;
}

const BUCKETS: readonly { label: string; minDays: number; maxDays: number | null }[] = [
  { label: '0–30 days', minDays: 0, maxDays: 30 },
  { label: '31–90 days', minDays: 31, maxDays: 90 },
  { label: '91–180 days', minDays: 91, maxDays: 180 },
  { label: 'over 180 days', minDays: 181, maxDays: null },
];

/**
 * The backlog open at the end of `date` (plain date), by age in days: 0–30, 31–90, 91–180 and over 180.
 * Pass the as-of date for today's backlog, or a month's last day for that month end.
 *
 * @example ageingBuckets(problems, '2026-11-24').map((b) => b.count) // [4, 6, 3, 2]
 */
export function ageingBuckets(problems: readonly ProblemTicket[], date: string): AgeingBucket[] {
  const open = problems
    .filter((p) => wasOpenAtEndOf(p, date))
    .map((p) => ({ id: p.id, ageDays: daysBetween(p.opened, date) }))
    .sort((a, b) => b.ageDays - a.ageDays || compareText(a.id, b.id));
  return BUCKETS.map((bucket) => {
    const ids = open.filter((p) => p.ageDays >= bucket.minDays && (bucket.maxDays === null || p.ageDays <= bucket.maxDays)).map((p) => p.id);
    return { ...bucket, problems: ids, count: ids.length };
  });
}

/** The backlog of one month: tickets opened and closed in it, and those open at its end. */
export interface BacklogMonth {
  month: string;
  opened: number;
  closed: number;
  /** Open at the end of the month's last day (at the end of `throughDate` for the current month). */
  open: number;
}

/**
 * Opened, closed and open-at-month-end counts for each of `months` ('YYYY-MM', in order). A month
 * that reaches past `throughDate` (the as-of date) is counted up to it.
 *
 * @example problemBacklog(problems, ['2026-10', '2026-11'], '2026-11-24')
 * // [{ month: '2026-10', opened: 3, closed: 2, open: 14 }, { month: '2026-11', opened: 1, closed: 0, open: 15 }]
 */
export function problemBacklog(problems: readonly ProblemTicket[], months: readonly string[], throughDate: string): BacklogMonth[] {
  return months.map((month) => {
    const last = lastDateOfMonth(month);
    const end = last < throughDate ? last : throughDate;
    const inMonth = (date: string | undefined) => date !== undefined && date.slice(0, 7) === month && date <= end;
    return {
      month,
      opened: problems.filter((p) => inMonth(p.opened)).length,
      closed: problems.filter((p) => inMonth(p.closed)).length,
      open: problems.filter((p) => wasOpenAtEndOf(p, end)).length,
    };
  });
}

/**
 * The `count` months ending with `lastMonth`, oldest first.
 *
 * @example trailingMonths('2026-02', 3) // ['2025-12', '2026-01', '2026-02']
 */
export function trailingMonths(lastMonth: string, count: number): string[] {
  const months: string[] = [];
  for (let month = lastMonth; months.length < count; month = previousMonth(month)) months.unshift(month);
  return months;
}

/** A follow-up action with the problem it belongs to. */
export interface TrackedAction extends ProblemAction {
  problemId: string;
  problemTitle: string;
  priority: ProblemPriority;
  /** Days past due at the as-of date (0 when due today, negative when due later). */
  daysOverdue: number;
}

function actionsWhere(problems: readonly ProblemTicket[], asOfDate: string, keep: (action: ProblemAction) => boolean): TrackedAction[] {
  const list: TrackedAction[] = [];
  for (const problem of problems) {
    for (const action of problem.actions) {
      if (!keep(action)) continue;
      list.push({ ...action, problemId: problem.id, problemTitle: problem.title, priority: problem.priority, daysOverdue: daysBetween(action.due, asOfDate) });
    }
  }
  return list.sort((a, b) => compareText(a.due, b.due) || compareText(a.priority, b.priority) || compareText(a.problemId, b.problemId) || compareText(a.title, b.title));
}

/**
 * Actions not done whose due date is before the as-of date (due today is not yet overdue), on any
 * ticket: an undone action on a closed ticket is still a promise not kept. Earliest due first.
 *
 * @example overdueActions(problems, '2026-11-24').map((a) => [a.problemId, a.due]) // [['PRB-2026-0003', '2026-10-01']]
 */
export function overdueActions(problems: readonly ProblemTicket[], asOfDate: string): TrackedAction[] {
  return actionsWhere(problems, asOfDate, (a) => !a.done && a.due < asOfDate);
}

/**
 * Actions not done that fall due from the as-of date to six days after it (seven days, both ends included).
 *
 * @example actionsDueThisWeek(problems, '2026-11-24') // actions due 2026-11-24 … 2026-11-30
 */
export function actionsDueThisWeek(problems: readonly ProblemTicket[], asOfDate: string): TrackedAction[] {
  const last = addDays(asOfDate, 6);
  return actionsWhere(problems, asOfDate, (a) => !a.done && a.due >= asOfDate && a.due <= last);
}

/** Done over all recorded actions. */
export interface ActionCompletion {
  done: number;
  total: number;
  /** done / total as a fraction 0–1; null when no action is recorded. */
  rate: number | null;
}

/**
 * The share of follow-up actions marked done, over every action of every ticket given.
 *
 * @example actionCompletion([{ actions: [{ done: true }, { done: false }] }]) // { done: 1, total: 2, rate: 0.5 }
 */
export function actionCompletion(problems: readonly Pick<ProblemTicket, 'actions'>[]): ActionCompletion {
  let done = 0;
  let total = 0;
  for (const problem of problems) {
    for (const action of problem.actions) {
      total++;
      if (action.done) done++;
    }
  }
  return { done, total, rate: total === 0 ? null : done / total };
}

/** One open ticket on the weekly review agenda. */
export interface AgendaItem {
  problem: ProblemTicket;
  ageDays: number;
  overdue: TrackedAction[];
  dueThisWeek: TrackedAction[];
}

/**
 * The weekly problem review: open tickets by priority (P1 first), then age (oldest first), then id,
 * each with its overdue actions and the actions due in the coming seven days.
 *
 * @example reviewAgenda(problems, '2026-11-24').map((item) => item.problem.id) // ['PRB-2026-0007', 'PRB-2026-0012', …]
 */
export function reviewAgenda(problems: readonly ProblemTicket[], asOfDate: string): AgendaItem[] {
  return problems
    .filter((p) => isProblemOpen(p) && p.opened <= asOfDate)
    .map((problem) => ({
      problem,
      ageDays: problemAgeDays(problem, asOfDate),
      overdue: overdueActions([problem], asOfDate),
      dueThisWeek: actionsDueThisWeek([problem], asOfDate),
    }))
    .sort((a, b) => compareText(a.problem.priority, b.problem.priority) || b.ageDays - a.ageDays || compareText(a.problem.id, b.problem.id));
}

/**
 * Every ticket in the order of the problem index: open ones as on the review agenda (priority, then
 * oldest first), then closed ones, most recently closed first, then id.
 *
 * @example problemsInReviewOrder(problems, '2026-11-24')[0]?.priority // 'P1'
 */
export function problemsInReviewOrder<T extends ProblemTicket>(problems: readonly T[], asOfDate: string): T[] {
  return [...problems].sort((a, b) => {
    const openA = isProblemOpen(a);
    const openB = isProblemOpen(b);
    if (openA !== openB) return openA ? -1 : 1;
    if (openA) return compareText(a.priority, b.priority) || problemAgeDays(b, asOfDate) - problemAgeDays(a, asOfDate) || compareText(a.id, b.id);
    return compareText(b.closed ?? '', a.closed ?? '') || compareText(a.id, b.id);
  });
}

/** Problem management for one report month. */
export interface ProblemMonth {
  month: string;
  /** Tickets opened in the month, by id. */
  opened: string[];
  /** Tickets closed in the month, by id. */
  closed: string[];
  /** Open at the month end (at the as-of date for the current month). */
  openAtEnd: number;
  /** Actions that fell due in the month and are still not done at the as-of date. */
  dueInMonthNotDone: number;
}

/**
 * Tickets opened and closed in `month`, the backlog at its end and the actions due in it still not done.
 *
 * @example problemMonth(problems, '2026-10', '2026-11-24') // { month: '2026-10', opened: ['PRB-2026-0031'], closed: [], openAtEnd: 14, dueInMonthNotDone: 2 }
 */
export function problemMonth(problems: readonly ProblemTicket[], month: string, asOfDate: string): ProblemMonth {
  const [backlog] = problemBacklog(problems, [month], asOfDate);
  const byId = (list: ProblemTicket[]) => list.map((p) => p.id).sort(compareText);
  const inMonth = (date: string | undefined) => date !== undefined && date.slice(0, 7) === month && date <= asOfDate;
  let dueInMonthNotDone = 0;
  for (const problem of problems) for (const action of problem.actions) if (!action.done && action.due.slice(0, 7) === month) dueInMonthNotDone++;
  return {
    month,
    opened: byId(problems.filter((p) => inMonth(p.opened))),
    closed: byId(problems.filter((p) => inMonth(p.closed))),
    openAtEnd: backlog?.open ?? 0,
    dueInMonthNotDone,
  };
}

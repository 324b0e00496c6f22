// Problem management pages, components and JSON: numbers from core/problems.ts, turned into rows,
// links and sentences here so the templates only place them.
import { memoise, type BuildContext } from '../context.ts';
import type { TopLevelSpec } from 'vega-lite';
import { daysBefore } from '../../core/recurrence.ts';
import { recurringIncidentsWithoutProblem } from '../../core/recurring-incidents.ts';
import { addDays, dateInZone, monthOf } from '../../core/period.ts';
import {
  actionCompletion,
  actionsDueThisWeek,
  ageingBuckets,
  isProblemOpen,
  overdueActions,
  problemAgeDays,
  problemBacklog,
  problemMonth,
  problemsInReviewOrder,
  reviewAgenda,
  trailingMonths,
  type TrackedAction,
} from '../../core/problems.ts';
import type { Problem } from '../../load/repository.ts';
import { countText, formatCount, formatInstant, formatMinutes, monthTitle, rateText } from '../format.ts';
import { recordIndex } from '../model.ts';
import { url } from '../urls.ts';
import { incidentLostMinutesTotal } from './availability.ts';
import { recurringLinks } from './hotspots.ts';
import { newProblemCommand, recurringProblemTitle } from '../words/effort.ts';
import { compareRecordIds } from '../../core/ids.ts';
import { backlogChartSpec } from '../charts/problems.ts';

/** Months of backlog history shown on the problem pages and in the JSON. */
export const BACKLOG_MONTHS = 18;

/** The as-of date in the reporting zone: the "today" of problem dates. */
export function asOfDate(ctx: BuildContext): string {
  return dateInZone(ctx.asOfMs, ctx.repository.site.reportingTimezone);
}

function teamName(ctx: BuildContext, id: string): string {
  const team = ctx.repository.teams.find((t) => t.id === id);
  return team ? team.name : id;
}

export interface ActionLine {
  problemId: string;
  problemTitle: string;
  problemHref: string;
  priority: string;
  title: string;
  owner: string;
  due: string;
  /** "3 days overdue", "due today", "due in 2 days". */
  whenText: string;
  isOverdue: boolean;
}

function actionLine(action: TrackedAction): ActionLine {
  const whenText =
    action.daysOverdue > 0 ? `${countText(action.daysOverdue, 'day')} overdue` : action.daysOverdue === 0 ? 'due today' : `due in ${countText(-action.daysOverdue, 'day')}`;
  return {
    problemId: action.problemId,
    problemTitle: action.problemTitle,
    problemHref: url(`problems/${action.problemId}/`),
    priority: action.priority,
    title: action.title,
    owner: action.owner,
    due: action.due,
    whenText,
    isOverdue: action.daysOverdue > 0,
  };
}

/** Every overdue action at the as-of date, earliest due first. */
export function overdueActionLines(ctx: BuildContext): ActionLine[] {
  return memoise(ctx, 'problems.overdueActionLines', () => overdueActions(ctx.repository.problems, asOfDate(ctx)).map(actionLine));
}

export interface ProblemRow {
  id: string;
  title: string;
  href: string;
  priority: string;
  status: string;
  owner: string;
  opened: string;
  closedText: string;
  ageText: string;
  actionsText: string;
  overdue: number;
}

function problemRow(ctx: BuildContext, problem: Problem, today: string): ProblemRow {
  const done = problem.actions.filter((a) => a.done).length;
  return {
    id: problem.id,
    title: problem.title,
    href: url(`problems/${problem.id}/`),
    priority: problem.priority,
    status: problem.status,
    owner: teamName(ctx, problem.owner),
    opened: problem.opened,
    closedText: problem.closed ?? '—',
    ageText: countText(problemAgeDays(problem, today), 'day'),
    actionsText: problem.actions.length === 0 ? 'none' : `${done} of ${problem.actions.length} done`,
    overdue: overdueActions([problem], today).length,
  };
}

/** One month of the backlog chart and table. */
export interface BacklogLine {
  month: string;
  monthText: string;
  opened: number;
  closed: number;
  open: number;
}

/** The backlog over the last 18 months, oldest first. */
export function backlogLines(ctx: BuildContext): BacklogLine[] {
  const repo = ctx.repository;
  const today = asOfDate(ctx);
  const months = trailingMonths(monthOf(ctx.asOfMs, repo.site.reportingTimezone), BACKLOG_MONTHS);
  return problemBacklog(repo.problems, months, today).map((b) => ({ ...b, monthText: monthTitle(b.month) }));
}

/** The problem index's backlog chart, or null when there is no backlog to draw. */
export function backlogChart(lines: readonly BacklogLine[]): { spec: TopLevelSpec; title: string } | null {
  return lines.length > 0 ? { spec: backlogChartSpec(lines), title: 'Problem backlog: tickets opened and closed per month, and open at each month end' } : null;
}

/** The /problems/ page: the headline numbers, ageing, backlog, then every ticket (open first). */
export function problemIndexPage(ctx: BuildContext) {
  const repo = ctx.repository;
  const today = asOfDate(ctx);
  const ordered = problemsInReviewOrder(repo.problems, today);
  const open = ordered.filter(isProblemOpen);
  const completion = actionCompletion(repo.problems);
  const ageing = ageingBuckets(repo.problems, today).map((b) => ({
    label: b.label,
    count: b.count,
    problems: b.problems.map((id) => ({ id, href: url(`problems/${id}/`) })),
  }));
  return {
    today,
    openCount: open.length,
    closedCount: ordered.length - open.length,
    overdueCount: overdueActionLines(ctx).length,
    completionText: rateText(completion.rate),
    completionDetail: `${completion.done} of ${completion.total} actions done`,
    dueThisWeekCount: actionsDueThisWeek(repo.problems, today).length,
    ageing,
    backlog: backlogLines(ctx),
    open: open.map((p) => problemRow(ctx, p, today)),
    closed: ordered.filter((p) => !isProblemOpen(p)).map((p) => problemRow(ctx, p, today)),
    reviewHref: url('problems/review/'),
  };
}

/** Ids of the incidents that name each problem in their `problem` field; built once per build. */
function incidentsNamingProblem(ctx: BuildContext): Map<string, string[]> {
  return memoise(ctx, 'problems.incidentsNamingProblem', () => {
    const namingMemo = new Map<string, string[]>();
    for (const incident of ctx.repository.incidents) {
      if (incident.problem === undefined) continue;
      namingMemo.set(incident.problem, [...(namingMemo.get(incident.problem) ?? []), incident.id]);
    }
    return namingMemo;
  });
}

/** The page of one problem ticket: root cause, linked incidents with their lost minutes, actions. */
export function problemPage(ctx: BuildContext, problem: Problem) {
  const repo = ctx.repository;
  const zone = repo.site.reportingTimezone;
  const today = asOfDate(ctx);
  const incidents = recordIndex(ctx).incidents;
  // Incidents that name this problem count as linked even when the ticket does not list them.
  const ids = [...new Set([...problem.incidents, ...(incidentsNamingProblem(ctx).get(problem.id) ?? [])])];
  const linked = ids
    .map((id) => incidents.get(id))
    .filter((i) => i !== undefined)
    .sort((a, b) => a.started - b.started || compareRecordIds(a.id, b.id));
  const lost = linked.map((i) => incidentLostMinutesTotal(ctx, i));
  const due = new Set(actionsDueThisWeek([problem], today).map((a) => a.title + a.due));
  return {
    ageText: countText(problemAgeDays(problem, today), 'day'),
    isOpen: isProblemOpen(problem),
    incidents: linked.map((i, k) => ({
      id: i.id,
      title: i.title,
      href: url(`incidents/${i.id}/`),
      severity: i.severity,
      startedText: formatInstant(i.started, zone),
      lostText: formatMinutes(lost[k] ?? 0),
    })),
    incidentsCaption: `${countText(linked.length, 'linked incident')}, ${formatMinutes(lost.reduce((sum, m) => sum + m, 0))} lost in total (each incident's own lost minutes)`,
    actions: problem.actions.map((a) => {
      const isOverdue = !a.done && a.due < today;
      return {
        title: a.title,
        owner: a.owner,
        due: a.due,
        doneText: a.done ? 'done' : 'open',
        isOverdue,
        statusText: a.done ? 'done' : isOverdue ? 'overdue' : due.has(a.title + a.due) ? 'due this week' : 'open',
      };
    }),
  };
}

/** The weekly problem review: the agenda, then the recurring incidents that no ticket covers yet. */
export function problemReviewPage(ctx: BuildContext) {
  const repo = ctx.repository;
  const today = asOfDate(ctx);
  const titles = recordIndex(ctx).incidents;
  const agenda = reviewAgenda(repo.problems, today).map((item) => ({
    ...problemRow(ctx, item.problem as Problem, today),
    ageText: countText(item.ageDays, 'day'),
    overdue: item.overdue.map(actionLine),
    dueThisWeek: item.dueThisWeek.map(actionLine),
  }));
  const recurring = recurringIncidentsWithoutProblem(repo.incidents, repo.problems, daysBefore(ctx.asOfMs, 90)).map((issue) => ({
    key: issue.key,
    count: issue.incidents.length,
    countText: formatCount(issue.incidents.length),
    firstText: formatInstant(issue.firstStartedMs, repo.site.reportingTimezone),
    lastText: formatInstant(issue.lastStartedMs, repo.site.reportingTimezone),
    ...recurringLinks(issue, (id) => titles.get(id)?.title ?? ''),
    command: newProblemCommand(recurringProblemTitle(issue)),
  }));
  return {
    today,
    weekEnd: addDays(today, 6),
    agenda,
    overdueCount: agenda.reduce((n, item) => n + item.overdue.length, 0),
    dueThisWeekCount: agenda.reduce((n, item) => n + item.dueThisWeek.length, 0),
    recurring,
  };
}

/** The problem part of a monthly report. */
export function problemSectionView(ctx: BuildContext, month: string) {
  const repo = ctx.repository;
  const today = asOfDate(ctx);
  const summary = problemMonth(repo.problems, month, today);
  const titles = recordIndex(ctx).problems;
  const link = (id: string) => ({ id, title: titles.get(id)?.title ?? '', href: url(`problems/${id}/`) });
  return {
    monthText: monthTitle(month),
    isCurrent: month === monthOf(ctx.asOfMs, repo.site.reportingTimezone),
    opened: summary.opened.map(link),
    closed: summary.closed.map(link),
    openAtEnd: summary.openAtEnd,
    dueInMonthNotDone: summary.dueInMonthNotDone,
    overdueNow: overdueActionLines(ctx).length,
    today,
    problemsHref: url('problems/'),
    reviewHref: url('problems/review/'),
  };
}

/** Body of /api/v1/problems.json. */
export function problemsJson(ctx: BuildContext) {
  const repo = ctx.repository;
  const today = asOfDate(ctx);
  return {
    asOf: new Date(ctx.asOfMs).toISOString(),
    problems: [...repo.problems]
      .sort((a, b) => compareRecordIds(a.id, b.id))
      .map((p) => ({
        id: p.id,
        priority: p.priority,
        status: p.status,
        opened: p.opened,
        closed: p.closed ?? null,
        owner: p.owner,
        ageDays: problemAgeDays(p, today),
        actions: p.actions.length,
        actionsDone: p.actions.filter((a) => a.done).length,
        overdueActions: overdueActions([p], today).length,
      })),
    backlog: backlogLines(ctx).map(({ month, opened, closed, open }) => ({ month, opened, closed, open })),
  };
}

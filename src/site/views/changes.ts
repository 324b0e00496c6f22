// Change management pages, components and JSON: numbers from core/changes.ts, turned into rows,
// links and sentences here so the templates only place them.
import { memoise, type BuildContext } from '../context.ts';
import { DateTime } from 'luxon';
import {
  changeCalendarMonth,
  changePeriod,
  changeViolations,
  leadDays,
  leadTimeViolationsByMonth,
  weeklyChangeReview,
  type ChangeViolation,
  type ReviewedChange,
} from '../../core/changes.ts';
import { monthInterval, monthOf, nextMonth, reportInterval } from '../../core/period.ts';
import { trailingMonths } from '../../core/problems.ts';
import { findSection } from '../../load/markdown.ts';
import type { Change, Incident } from '../../load/repository.ts';
import { requiredSections } from '../../schema/records.ts';
import { changeRuleTexts } from '../../load/change-rules.ts';
import { formatInstant, leadDaysText, monthTitle, rateText } from '../format.ts';

import { reportMonths } from '../model.ts';
import { url } from '../urls.ts';
import { compareRecordIds } from '../../core/ids.ts';
import { capFirst } from './records.ts';

/** The lead time a normal change needs, in days (changeLeadDays in data/site.yaml). */
export function changeLeadDaysOf(ctx: BuildContext): number {
  return ctx.repository.site.changeLeadDays;
}

function zone(ctx: BuildContext): string {
  return ctx.repository.site.reportingTimezone;
}

/** One broken rule, said plainly. */
export interface ViolationLine {
  kind: ChangeViolation;
  text: string;
}

/** What each broken rule means for this change (the words `npm run check` shows too). */
export function violationLines(ctx: BuildContext, change: Change): ViolationLine[] {
  return changeRuleTexts(change, changeLeadDaysOf(ctx)).map(({ rule, text }) => ({ kind: rule, text }));
}

export interface ChangeRow {
  id: string;
  title: string;
  href: string;
  type: string;
  risk: string;
  applications: string;
  owner: string;
  plannedText: string;
  leadText: string;
  cabText: string;
  approvalsText: string;
  outcome: string;
  violations: ViolationLine[];
}

export function changeRow(ctx: BuildContext, change: Change): ChangeRow {
  return {
    id: change.id,
    title: change.title,
    href: url(`changes/${change.id}/`),
    type: change.type,
    risk: change.risk,
    applications: change.applications.join(', '),
    owner: change.owner,
    plannedText: `${formatInstant(change.plannedStart, zone(ctx))} → ${formatInstant(change.plannedEnd, zone(ctx))}`,
    leadText: leadDaysText(leadDays(change)),
    cabText: change.cab ? 'yes' : 'no',
    approvalsText: change.approvals.length === 0 ? 'none' : change.approvals.map((a) => a.by).join(', '),
    outcome: change.outcome,
    violations: violationLines(ctx, change),
  };
}

function byPlannedStartNewestFirst(list: readonly Change[]): Change[] {
  return [...list].sort((a, b) => b.plannedStart - a.plannedStart || compareRecordIds(a.id, b.id));
}

/**
 * How many change requests /changes/ lists by name, newest first: 5,000 of them made a 1.3 MB page on the large
 * corpus; each month's are on its calendar page, and all of them in api/v1/changes.json.
 */
export const CHANGES_LISTED = 500;

/** The /changes/ page: the lead-time record by month, then the newest changes (counts over every change). */
export function changeIndexPage(ctx: BuildContext, listedLimit = CHANGES_LISTED) {
  const repo = ctx.repository;
  const rows = byPlannedStartNewestFirst(repo.changes).map((change) => changeRow(ctx, change));
  const listed = capFirst(rows, listedLimit, 'change request');
  const months = trailingMonths(monthOf(ctx.asOfMs, zone(ctx)), 12);
  const leadTime = leadTimeViolationsByMonth(repo.changes, months, zone(ctx), changeLeadDaysOf(ctx)).map((m) => ({
    month: m.month,
    monthText: monthTitle(m.month),
    normalChanges: m.normalChanges,
    violations: m.violations.map((id) => ({ id, href: url(`changes/${id}/`) })),
  }));
  const count = (kind: ChangeViolation) => rows.filter((r) => r.violations.some((v) => v.kind === kind)).length;
  return {
    rows,
    listed: listed.shown,
    moreText: listed.moreText,
    jsonHref: url('api/v1/changes.json'),
    violatingCount: rows.filter((r) => r.violations.length > 0).length,
    leadTimeCount: count('lead-time'),
    bauCount: count('bau-releases-code'),
    highRiskCount: count('high-risk-unapproved'),
    leadDaysLimit: changeLeadDaysOf(ctx),
    leadTime,
    reviewHref: url('changes/review/'),
    calendarHref: url('changes/calendar/'),
    icsHref: url('changes.ics'),
  };
}

/** Incidents by the change they name as their cause, each list by start then id; built once per build. */
export function incidentsByChange(ctx: BuildContext): Map<string, Incident[]> {
  return memoise(ctx, 'changes.incidentsByChange', () => {
    const caused = new Map<string, Incident[]>();
    for (const incident of [...ctx.repository.incidents].sort((a, b) => a.started - b.started || compareRecordIds(a.id, b.id))) {
      if (incident.change === undefined) continue;
      const list = caused.get(incident.change) ?? [];
      list.push(incident);
      caused.set(incident.change, list);
    }
    return caused;
  });
}

/** The page of one change: its plans, approvals, outcome, broken rules and the incidents it caused. */
export function changePage(ctx: BuildContext, change: Change) {
  const isPlanRequired = change.type === 'normal' || change.type === 'emergency';
  const plans = requiredSections.change.map((heading) => {
    const section = findSection(change.sections, heading);
    return { heading, markdown: section?.markdown ?? null, missingText: isPlanRequired ? 'Missing.' : `Not given (not required for ${change.type} changes).` };
  });
  const planHeadings = new Set<string>(requiredSections.change.map((h) => h.toLowerCase()));
  const caused = (incidentsByChange(ctx).get(change.id) ?? []).map((i) => ({ id: i.id, title: i.title, href: url(`incidents/${i.id}/`), severity: i.severity, startedText: formatInstant(i.started, zone(ctx)) }));
  return {
    row: changeRow(ctx, change),
    plans,
    otherSections: change.sections.filter((s) => !planHeadings.has(s.heading.toLowerCase().replace(/\s+/g, ' '))),
    approvals: change.approvals.map((a) => ({ by: a.by, atText: formatInstant(a.at, zone(ctx)) })),
    caused,
    hasSections: change.sections.length > 0,
  };
}

function reviewedRow(ctx: BuildContext, item: ReviewedChange<Change>) {
  return { ...changeRow(ctx, item.change), startText: formatInstant(item.change.plannedStart, zone(ctx)), timeText: DateTime.fromMillis(item.change.plannedStart, { zone: zone(ctx) }).toFormat('HH:mm') };
}

/** The weekly change review: the coming seven days by day, and last week's outcomes. */
export function changeReviewPage(ctx: BuildContext) {
  const repo = ctx.repository;
  const review = weeklyChangeReview(repo.changes, ctx.asOfMs, zone(ctx), changeLeadDaysOf(ctx));
  const outcomes = review.lastWeekOutcomes;
  return {
    fromText: formatInstant(review.coming.fromMs, zone(ctx)),
    toText: formatInstant(review.coming.toMs, zone(ctx)),
    pastFromText: formatInstant(review.past.fromMs, zone(ctx)),
    days: review.days.map((d) => ({ date: d.date, title: DateTime.fromISO(d.date, { zone: zone(ctx) }).toFormat('cccc d LLLL yyyy'), rows: d.changes.map((item) => reviewedRow(ctx, item)) })),
    comingCount: review.days.reduce((n, d) => n + d.changes.length, 0),
    comingViolations: review.days.reduce((n, d) => n + d.changes.filter((c) => c.violations.length > 0).length, 0),
    lastWeek: review.lastWeek.map((item) => reviewedRow(ctx, item)),
    outcomes: [
      { label: 'successful', count: outcomes.successful },
      { label: 'failed', count: outcomes.failed },
      { label: 'backed out', count: outcomes.backedOut },
      { label: 'pending', count: outcomes.pending },
      { label: 'cancelled', count: outcomes.cancelled },
    ],
    successRateText: rateText(outcomes.successRate),
    calendarHref: url(`changes/calendar/${monthOf(ctx.asOfMs, zone(ctx))}/`),
    timeZone: zone(ctx),
  };
}

/** The months that get a change calendar: every report month and the month after the as-of month. */
export function calendarMonths(ctx: BuildContext): string[] {
  const months = reportMonths(ctx);
  const last = months[months.length - 1] ?? monthOf(ctx.asOfMs, zone(ctx));
  return [...months, nextMonth(last)];
}

/** The change calendar index: one link per month, newest first. */
export function calendarIndexPage(ctx: BuildContext) {
  const repo = ctx.repository;
  const counts = new Map<string, number>();
  for (const change of repo.changes) {
    const month = monthOf(change.plannedStart, zone(ctx));
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  const current = monthOf(ctx.asOfMs, zone(ctx));
  return {
    months: calendarMonths(ctx)
      .slice()
      .reverse()
      .map((month) => ({ month, title: monthTitle(month), href: url(`changes/calendar/${month}/`), count: counts.get(month) ?? 0, isCurrent: month === current })),
    icsHref: url('changes.ics'),
  };
}

const WEEKDAY_HEADINGS = [
  { short: 'Mon', long: 'Monday' },
  { short: 'Tue', long: 'Tuesday' },
  { short: 'Wed', long: 'Wednesday' },
  { short: 'Thu', long: 'Thursday' },
  { short: 'Fri', long: 'Friday' },
  { short: 'Sat', long: 'Saturday' },
  { short: 'Sun', long: 'Sunday' },
];

/** One month of the change calendar as weeks of day cells, plus the same changes as a list. */
export function calendarPage(ctx: BuildContext, month: string) {
  const repo = ctx.repository;
  const grid = changeCalendarMonth(repo.changes, month, zone(ctx));
  const months = calendarMonths(ctx);
  const at = months.indexOf(month);
  const neighbour = (m: string | undefined) => (m === undefined ? null : { title: monthTitle(m), href: url(`changes/calendar/${m}/`) });
  const range = monthInterval(month, zone(ctx));
  const list = repo.changes
    .filter((c) => c.plannedStart >= range.fromMs && c.plannedStart < range.toMs)
    .sort((a, b) => a.plannedStart - b.plannedStart || compareRecordIds(a.id, b.id))
    .map((change) => changeRow(ctx, change));
  const time = (ms: number) => formatInstant(ms, zone(ctx)).slice(11, 16);
  return {
    title: monthTitle(month),
    weekdays: WEEKDAY_HEADINGS,
    weeks: grid.weeks.map((week) =>
      week.map((day) => ({
        date: day.date,
        dayOfMonth: day.dayOfMonth,
        isInMonth: day.isInMonth,
        isWeekend: day.isWeekend,
        changes: day.changes.map(({ change, startsToday }) => ({
          id: change.id,
          href: url(`changes/${change.id}/`),
          label: startsToday ? `${time(change.plannedStart)} ${change.id}` : `… ${change.id}`,
          title: `${change.title} (${change.type}, ${change.risk} risk, ${change.outcome})`,
          hasViolations: changeViolations(change, changeLeadDaysOf(ctx)).length > 0,
          status: change.outcome,
        })),
      })),
    ),
    list,
    previous: neighbour(at > 0 ? months[at - 1] : undefined),
    next: neighbour(at >= 0 ? months[at + 1] : undefined),
    indexHref: url('changes/calendar/'),
    timeZone: zone(ctx),
  };
}

/** The change part of a monthly report. */
export function changeSectionView(ctx: BuildContext, month: string) {
  const repo = ctx.repository;
  const range = reportInterval(month, zone(ctx), ctx.asOfMs);
  const period = changePeriod(repo.changes, repo.incidents, range, changeLeadDaysOf(ctx));
  const byId = new Map(repo.changes.map((c) => [c.id, c]));
  const changesOf = (ids: readonly string[]) => ids.map((id) => byId.get(id)).filter((c) => c !== undefined);
  return {
    monthText: monthTitle(month),
    changes: period.changes,
    successRateText: rateText(period.outcomes.successRate),
    successDetail: `${period.outcomes.successful} of ${period.outcomes.successful + period.outcomes.failed + period.outcomes.backedOut} finished changes; ${period.outcomes.failed} failed, ${period.outcomes.backedOut} backed out`,
    emergencyText: rateText(period.emergency.share),
    emergencyDetail: `${period.emergency.count} of ${period.emergency.total} changes not cancelled`,
    inducedText: rateText(period.changeInduced.share),
    inducedDetail: `${period.changeInduced.count} of ${period.changeInduced.total} incidents started`,
    leadTimeViolations: changesOf(period.leadTimeViolations).map((c) => ({ id: c.id, href: url(`changes/${c.id}/`), title: c.title, leadText: leadDaysText(leadDays(c)) })),
    leadDaysLimit: changeLeadDaysOf(ctx),
    otherViolations: changesOf(period.violating.filter((v) => v.violations.some((k) => k !== 'lead-time')).map((v) => v.id)).map((c) => ({
      id: c.id,
      href: url(`changes/${c.id}/`),
      title: c.title,
      text: violationLines(ctx, c)
        .filter((l) => l.kind !== 'lead-time')
        .map((l) => l.text)
        .join('; '),
    })),
    calendarHref: url(`changes/calendar/${month}/`),
  };
}

// Change management pages, components and JSON: numbers from core/changes.ts, turned into rows,
// links and sentences here so the templates only place them.
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
import { truncatePercent } from '../../core/percent.ts';
import { monthInterval, monthOf, nextMonth, reportInterval } from '../../core/period.ts';
import { trailingMonths } from '../../core/problems.ts';
import { findSection } from '../../load/markdown.ts';
import type { Change, Incident } from '../../load/repository.ts';
import { requiredSections } from '../../schema/records.ts';
import { formatInstant, leadDaysText } from '../format.ts';

export { leadDaysText };
import { changesCalendar } from '../ics.ts';
import { asOf, reportMonths, repository } from '../model.ts';
import { url } from '../urls.ts';
import { monthTitle } from './report.ts';
import { compareRecordIds } from '../../core/ids.ts';

function limit(): number {
  return repository().site.changeLeadDays;
}

function zone(): string {
  return repository().site.reportingTimezone;
}

function percentText(share: number | null): string {
  return share === null ? '—' : `${truncatePercent(share, 1)} %`;
}

/** One broken rule, said plainly. */
export interface ViolationLine {
  kind: ChangeViolation;
  text: string;
}

/** What each broken rule means for this change. */
export function violationLines(change: Change): ViolationLine[] {
  return changeViolations(change, limit()).map((kind) => {
    if (kind === 'lead-time') return { kind, text: `lead time ${leadDaysText(leadDays(change))}, under the ${limit()} days a normal change needs` };
    if (kind === 'bau-releases-code') return { kind, text: 'a bau change must not release code' };
    const missing = [change.cab ? '' : 'CAB review', change.approvals.length > 0 ? '' : 'approval'].filter(Boolean).join(' and ');
    return { kind, text: `high risk without ${missing}` };
  });
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

export function changeRow(change: Change): ChangeRow {
  return {
    id: change.id,
    title: change.title,
    href: url(`changes/${change.id}/`),
    type: change.type,
    risk: change.risk,
    applications: change.applications.join(', '),
    owner: change.owner,
    plannedText: `${formatInstant(change.plannedStart, zone())} → ${formatInstant(change.plannedEnd, zone())}`,
    leadText: leadDaysText(leadDays(change)),
    cabText: change.cab ? 'yes' : 'no',
    approvalsText: change.approvals.length === 0 ? 'none' : change.approvals.map((a) => a.by).join(', '),
    outcome: change.outcome,
    violations: violationLines(change),
  };
}

function byPlannedStartNewestFirst(list: readonly Change[]): Change[] {
  return [...list].sort((a, b) => b.plannedStart - a.plannedStart || compareRecordIds(a.id, b.id));
}

/** The /changes/ page: the lead-time record by month, then every change, newest first. */
export function changeIndexPage() {
  const repo = repository();
  const rows = byPlannedStartNewestFirst(repo.changes).map(changeRow);
  const months = trailingMonths(monthOf(asOf(), zone()), 12);
  const leadTime = leadTimeViolationsByMonth(repo.changes, months, zone(), limit()).map((m) => ({
    month: m.month,
    monthText: monthTitle(m.month),
    normalChanges: m.normalChanges,
    violations: m.violations.map((id) => ({ id, href: url(`changes/${id}/`) })),
  }));
  const count = (kind: ChangeViolation) => rows.filter((r) => r.violations.some((v) => v.kind === kind)).length;
  return {
    rows,
    violatingCount: rows.filter((r) => r.violations.length > 0).length,
    leadTimeCount: count('lead-time'),
    bauCount: count('bau-releases-code'),
    highRiskCount: count('high-risk-unapproved'),
    leadDaysLimit: limit(),
    leadTime,
    reviewHref: url('changes/review/'),
    calendarHref: url('changes/calendar/'),
    icsHref: url('changes.ics'),
  };
}

let causedMemo: Map<string, Incident[]> | undefined;

/** Incidents by the change they name as their cause, each list by start then id; built once per build. */
function incidentsByChange(): Map<string, Incident[]> {
  if (!causedMemo) {
    causedMemo = new Map();
    for (const incident of [...repository().incidents].sort((a, b) => a.started - b.started || compareRecordIds(a.id, b.id))) {
      if (incident.change === undefined) continue;
      const list = causedMemo.get(incident.change) ?? [];
      list.push(incident);
      causedMemo.set(incident.change, list);
    }
  }
  return causedMemo;
}

/** The page of one change: its plans, approvals, outcome, broken rules and the incidents it caused. */
export function changePage(change: Change) {
  const repo = repository();
  const isPlanRequired = change.type === 'normal' || change.type === 'emergency';
  const plans = requiredSections.change.map((heading) => {
    const section = findSection(change.sections, heading);
    return { heading, markdown: section?.markdown ?? null, missingText: isPlanRequired ? 'Missing.' : `Not given (not required for ${change.type} changes).` };
  });
  const planHeadings = new Set<string>(requiredSections.change.map((h) => h.toLowerCase()));
  const caused = (incidentsByChange().get(change.id) ?? []).map((i) => ({ id: i.id, title: i.title, href: url(`incidents/${i.id}/`), severity: i.severity, startedText: formatInstant(i.started, zone()) }));
  return {
    row: changeRow(change),
    plans,
    otherSections: change.sections.filter((s) => !planHeadings.has(s.heading.toLowerCase().replace(/\s+/g, ' '))),
    approvals: change.approvals.map((a) => ({ by: a.by, atText: formatInstant(a.at, zone()) })),
    caused,
    hasSections: change.sections.length > 0,
  };
}

function reviewedRow(item: ReviewedChange<Change>) {
  return { ...changeRow(item.change), startText: formatInstant(item.change.plannedStart, zone()), timeText: DateTime.fromMillis(item.change.plannedStart, { zone: zone() }).toFormat('HH:mm') };
}

/** The weekly change review: the coming seven days by day, and last week's outcomes. */
export function changeReviewPage() {
  const repo = repository();
  const review = weeklyChangeReview(repo.changes, asOf(), zone(), limit());
  const outcomes = review.lastWeekOutcomes;
  return {
    fromText: formatInstant(review.coming.fromMs, zone()),
    toText: formatInstant(review.coming.toMs, zone()),
    pastFromText: formatInstant(review.past.fromMs, zone()),
    days: review.days.map((d) => ({ date: d.date, title: DateTime.fromISO(d.date, { zone: zone() }).toFormat('cccc d LLLL yyyy'), rows: d.changes.map(reviewedRow) })),
    comingCount: review.days.reduce((n, d) => n + d.changes.length, 0),
    comingViolations: review.days.reduce((n, d) => n + d.changes.filter((c) => c.violations.length > 0).length, 0),
    lastWeek: review.lastWeek.map(reviewedRow),
    outcomes: [
      { label: 'successful', count: outcomes.successful },
      { label: 'failed', count: outcomes.failed },
      { label: 'backed out', count: outcomes.backedOut },
      { label: 'pending', count: outcomes.pending },
      { label: 'cancelled', count: outcomes.cancelled },
    ],
    successRateText: percentText(outcomes.successRate),
    calendarHref: url(`changes/calendar/${monthOf(asOf(), zone())}/`),
    timeZone: zone(),
  };
}

/** The months that get a change calendar: every report month and the month after the as-of month. */
export function calendarMonths(): string[] {
  const months = reportMonths();
  const last = months[months.length - 1] ?? monthOf(asOf(), zone());
  return [...months, nextMonth(last)];
}

/** The change calendar index: one link per month, newest first. */
export function calendarIndexPage() {
  const repo = repository();
  const counts = new Map<string, number>();
  for (const change of repo.changes) {
    const month = monthOf(change.plannedStart, zone());
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  const current = monthOf(asOf(), zone());
  return {
    months: calendarMonths()
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
export function calendarPage(month: string) {
  const repo = repository();
  const grid = changeCalendarMonth(repo.changes, month, zone());
  const months = calendarMonths();
  const at = months.indexOf(month);
  const neighbour = (m: string | undefined) => (m === undefined ? null : { title: monthTitle(m), href: url(`changes/calendar/${m}/`) });
  const range = monthInterval(month, zone());
  const list = repo.changes
    .filter((c) => c.plannedStart >= range.fromMs && c.plannedStart < range.toMs)
    .sort((a, b) => a.plannedStart - b.plannedStart || compareRecordIds(a.id, b.id))
    .map(changeRow);
  const time = (ms: number) => formatInstant(ms, zone()).slice(11, 16);
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
          hasViolations: changeViolations(change, limit()).length > 0,
          status: change.outcome,
        })),
      })),
    ),
    list,
    previous: neighbour(at > 0 ? months[at - 1] : undefined),
    next: neighbour(at >= 0 ? months[at + 1] : undefined),
    indexHref: url('changes/calendar/'),
    timeZone: zone(),
  };
}

/** The change part of a monthly report. */
export function changeSectionView(month: string) {
  const repo = repository();
  const range = reportInterval(month, zone(), asOf());
  const period = changePeriod(repo.changes, repo.incidents, range, limit());
  const byId = new Map(repo.changes.map((c) => [c.id, c]));
  const changesOf = (ids: readonly string[]) => ids.map((id) => byId.get(id)).filter((c) => c !== undefined);
  return {
    monthText: monthTitle(month),
    changes: period.changes,
    successRateText: percentText(period.outcomes.successRate),
    successDetail: `${period.outcomes.successful} of ${period.outcomes.successful + period.outcomes.failed + period.outcomes.backedOut} finished changes; ${period.outcomes.failed} failed, ${period.outcomes.backedOut} backed out`,
    emergencyText: percentText(period.emergency.share),
    emergencyDetail: `${period.emergency.count} of ${period.emergency.total} changes not cancelled`,
    inducedText: percentText(period.changeInduced.share),
    inducedDetail: `${period.changeInduced.count} of ${period.changeInduced.total} incidents started`,
    leadTimeViolations: changesOf(period.leadTimeViolations).map((c) => ({ id: c.id, href: url(`changes/${c.id}/`), title: c.title, leadText: leadDaysText(leadDays(c)) })),
    leadDaysLimit: limit(),
    otherViolations: changesOf(period.violating.filter((v) => v.violations.some((k) => k !== 'lead-time')).map((v) => v.id)).map((c) => ({
      id: c.id,
      href: url(`changes/${c.id}/`),
      title: c.title,
      text: violationLines(c)
        .filter((l) => l.kind !== 'lead-time')
        .map((l) => l.text)
        .join('; '),
    })),
    calendarHref: url(`changes/calendar/${month}/`),
  };
}

/** Body of /api/v1/changes.json. */
export function changesJson() {
  const repo = repository();
  const caused = incidentsByChange();
  return {
    asOf: new Date(asOf()).toISOString(),
    changes: [...repo.changes]
      .sort((a, b) => a.plannedStart - b.plannedStart || compareRecordIds(a.id, b.id))
      .map((c) => ({
        id: c.id,
        type: c.type,
        risk: c.risk,
        applications: c.applications,
        plannedStart: new Date(c.plannedStart).toISOString(),
        plannedEnd: new Date(c.plannedEnd).toISOString(),
        outcome: c.outcome,
        leadDays: leadDays(c),
        violations: changeViolations(c, limit()),
        causedIncidents: (caused.get(c.id) ?? []).map((i) => i.id),
      })),
  };
}

/** The text of /changes.ics. */
export function changesIcs(): string {
  const repo = repository();
  return changesCalendar(repo.changes, { baseUrl: repo.site.baseUrl, base: repo.site.base, asOfMs: asOf(), name: `${repo.site.title} changes` });
}

// The published numbers of a repository as one flat list of texts, and what changed between two of
// them: `npm run diff` shows a pull request's reviewer every figure the change would move.
import { indexAvailability, maintenanceFromChanges, monthlyAvailability, monthlyTopTalkers, type ChangeDowntime } from '../core/availability.ts';
import { analyseCapacity, defaultPlanningHorizonMonths, type CapacitySeries } from '../core/capacity.ts';
import { currentReportMonth, dateInZone, monthOf, monthsBetween } from '../core/period.ts';
import { problemBacklog, type ProblemTicket } from '../core/problems.ts';
import type { ApplicationTerms, IncidentTimes } from '../core/types.ts';
import { compareText } from '../core/compare.ts';
import { headroomText } from './words/capacity.ts';
import { availabilityText, formatTenths } from './words/percent.ts';

/** What the figures are computed from; a loaded repository fits as it is. */
export interface FiguresInput {
  site: { reportingTimezone: string; planningHorizonMonths?: number };
  applications: readonly ApplicationTerms[];
  incidents: readonly IncidentTimes[];
  changes: readonly (ChangeDowntime & { plannedStart: number })[];
  problems: readonly ProblemTicket[];
  capacity: readonly CapacitySeries[];
  timeEntries: readonly { date: string }[];
}

export const figureSections = ['Availability', 'Lost minutes', 'Top talkers', 'Problem backlog', 'Capacity headroom'] as const;
export type FigureSection = (typeof figureSections)[number];

/** One published figure as people read it: `label` names what it is about, `value` is the text shown. */
export interface Figure {
  section: FigureSection;
  /** What the figure is about, e.g. "pricing 2026-10". */
  label: string;
  /** Which of the label's figures, e.g. "availability" or "status". */
  measure: string;
  value: string;
}

/** Figures by a stable key (`section/label/measure`), in report order. */
export type FigureMap = Map<string, Figure>;

/** How many top talkers the monthly report shows, so how many the order is compared over. */
const TOP_TALKERS_SHOWN = 10;

/**
 * The months with a report: from the month of the first incident, change (planned by as-of) or time
 * entry to the current report month (`currentReportMonth`: the as-of month, or the month just ended when
 * as-of is the first instant of a month), in the reporting time zone.
 *
 * @example figureMonths(repository, Date.parse('2026-11-24T12:00:00Z')) // ['2026-01', …, '2026-11']
 */
export function figureMonths(input: FiguresInput, asOfMs: number): string[] {
  const zone = input.site.reportingTimezone;
  const last = currentReportMonth(asOfMs, zone);
  let first = last;
  const consider = (month: string) => {
    if (month < first) first = month;
  };
  for (const incident of input.incidents) consider(monthOf(incident.started, zone));
  for (const change of input.changes) if (change.plannedStart <= asOfMs) consider(monthOf(change.plannedStart, zone));
  for (const entry of input.timeEntries) consider(entry.date.slice(0, 7));
  return monthsBetween(first, last);
}

function minutesText(minutes: number): string {
  return `${formatTenths(minutes)} min`;
}

/**
 * Every figure the site publishes that a records change can move, as display text: per application
 * and month availability, status and lost minutes (and the portfolio's), each month's top-talker order
 * and open problems at month end, and each capacity KPI's headroom and breach month. The current
 * month counts to `asOfMs`. Pass `months` to compare two repositories over the same months.
 *
 * @example reportFigures(repository, asOf).get('availability/pricing 2026-10/availability')?.value // '99.95 %'
 */
export function reportFigures(input: FiguresInput, asOfMs: number, months: readonly string[] = figureMonths(input, asOfMs)): FigureMap {
  const zone = input.site.reportingTimezone;
  const figures: FigureMap = new Map();
  const put = (section: FigureSection, label: string, measure: string, value: string) => {
    figures.set(`${section.toLowerCase()}/${label}/${measure}`, { section, label, measure, value });
  };

  const index = indexAvailability(input.incidents, maintenanceFromChanges(input.changes), zone, asOfMs);
  const monthly = months.map((month) => monthlyAvailability(input.applications, index, month));
  for (const { period, applications, portfolio } of monthly) {
    for (const row of applications) {
      put('Availability', `${row.id} ${period}`, 'availability', availabilityText(row.availability));
      put('Availability', `${row.id} ${period}`, 'status', row.status);
    }
    put('Availability', `portfolio ${period}`, 'availability', availabilityText(portfolio.availability));
  }
  for (const { period, applications, portfolio } of monthly) {
    for (const row of applications) put('Lost minutes', `${row.id} ${period}`, 'lost', minutesText(row.lostMinutes));
    put('Lost minutes', `portfolio ${period}`, 'lost', minutesText(portfolio.lostMinutes));
  }
  for (const month of months) {
    const order = monthlyTopTalkers(input.applications, index, month).slice(0, TOP_TALKERS_SHOWN).map((t) => t.id);
    put('Top talkers', month, 'order', order.length === 0 ? 'none' : order.join(', '));
  }
  for (const { month, open } of problemBacklog(input.problems, months, dateInZone(asOfMs, zone))) {
    put('Problem backlog', month, 'open', `${open} open`);
  }
  for (const series of input.capacity) {
    const planningHorizonMonths = input.site.planningHorizonMonths ?? defaultPlanningHorizonMonths;
    for (const kpi of analyseCapacity(series, asOfMs, { planningHorizonMonths }).kpis) {
      put('Capacity headroom', `${series.applicationId} ${kpi.column}`, 'headroom', headroomText(kpi.headroom, kpi.slope !== null));
      put('Capacity headroom', `${series.applicationId} ${kpi.column}`, 'breach', kpi.breachMonth === null ? 'no breach month' : `breach ${kpi.breachMonth}`);
      if (kpi.peak !== null) put('Capacity headroom', `${series.applicationId} ${kpi.column}`, 'peak headroom', headroomText(kpi.peak.headroom, true));
    }
  }
  return figures;
}

/** A figure whose text differs between two reports; null where one report does not have it. */
export interface FigureChange {
  key: string;
  section: FigureSection;
  label: string;
  measure: string;
  before: string | null;
  after: string | null;
}

/**
 * The figures whose text differs, including figures only one side has, in report order: by section,
 * then label, then in the order the measures are reported.
 *
 * @example diffFigures(reportFigures(base, asOf), reportFigures(head, asOf))[0] // { label: 'pricing 2026-10', measure: 'availability', before: '99.95 %', after: '99.91 %', … }
 */
export function diffFigures(before: FigureMap, after: FigureMap): FigureChange[] {
  const keys = [...after.keys(), ...[...before.keys()].filter((key) => !after.has(key))];
  const measureOrder = new Map<string, number>();
  for (const figure of [...after.values(), ...before.values()]) if (!measureOrder.has(figure.measure)) measureOrder.set(figure.measure, measureOrder.size);
  const changes: FigureChange[] = [];
  for (const key of keys) {
    const was = before.get(key);
    const now = after.get(key);
    const figure = (now ?? was)!;
    if (was?.value === now?.value) continue;
    changes.push({ key, section: figure.section, label: figure.label, measure: figure.measure, before: was?.value ?? null, after: now?.value ?? null });
  }
  return changes.sort(
    (a, b) =>
      figureSections.indexOf(a.section) - figureSections.indexOf(b.section) ||
      compareText(a.label, b.label) ||
      (measureOrder.get(a.measure) ?? 0) - (measureOrder.get(b.measure) ?? 0),
  );
}

/**
 * The changes as Markdown: a heading per section, one line per label with each changed measure as
 * "before → after" ("pricing 2026-10: 99.95 % → 99.91 %, green → red"); a label only one side has reads
 * "new: …" or "no longer reported (was …)". "No figure changes." when there are none.
 *
 * @example figureChangesMarkdown(diffFigures(before, after))
 */
export function figureChangesMarkdown(changes: readonly FigureChange[]): string {
  if (changes.length === 0) return 'No figure changes.\n';
  const groups: FigureChange[][] = [];
  for (const change of changes) {
    const last = groups.at(-1);
    if (last?.[0]?.section === change.section && last[0].label === change.label) last.push(change);
    else groups.push([change]);
  }
  const lines: string[] = [];
  let section: FigureSection | null = null;
  for (const group of groups) {
    const first = group[0]!;
    if (first.section !== section) {
      if (section !== null) lines.push('');
      lines.push(`### ${first.section}`, '');
      section = first.section;
    }
    let text: string;
    if (group.every((c) => c.before === null)) text = `new: ${group.map((c) => c.after).join(', ')}`;
    else if (group.every((c) => c.after === null)) text = `no longer reported (was ${group.map((c) => c.before).join(', ')})`;
    else text = group.map((c) => `${c.before ?? '—'} → ${c.after ?? '—'}`).join(', ');
    lines.push(`- ${first.label}: ${text}`);
  }
  return `${lines.join('\n')}\n`;
}

import { intervalsMilliseconds, mergeIntervals, scheduledIntervals, subtractIntervals } from './calendar.ts';
import { monthInterval, monthOf, monthsBetween, reportInterval } from './period.ts';
import type { ApplicationTerms, Calendar, ImpactSpan, IncidentTimes, Interval, MaintenanceWindow, Severity } from './types.ts';
import { compareRecordIds } from './ids.ts';
import { lastAtOrBefore } from './sorted.ts';
import { MS_PER_MINUTE } from './units.ts';

/** Share of the error budget consumed from which an application is amber (at it or above). */
export const AMBER_BUDGET_CONSUMED = 0.75;

/**
 * The traffic light of a month, a card or a badge: red below target, amber from AMBER_BUDGET_CONSUMED of the error
 * budget, green otherwise, none without scheduled time. The one definition; the site's colours are keyed by it.
 */
export type AvailabilityStatus = 'red' | 'amber' | 'green' | 'none';

/** One application's month: minutes, availability as a fraction 0–1, error budget and status. */
export interface AvailabilityRow {
  id: string;
  target: number;
  scheduledMinutes: number;
  lostMinutes: number;
  availability: number | null;
  errorBudgetMinutes: number;
  budgetConsumed: number | null;
  status: AvailabilityStatus;
}

export interface PortfolioAvailability {
  scheduledMinutes: number;
  lostMinutes: number;
  availability: number | null;
}

export interface MonthlyAvailability {
  period: string;
  applications: AvailabilityRow[];
  portfolio: PortfolioAvailability;
}

export interface TopTalker {
  id: string;
  title: string;
  severity: Severity;
  applications: string[];
  lostMinutes: number;
  /** Lost minutes per application, only applications that lost time, by id. */
  byApplication: Record<string, number>;
}

/** An impact span with its end fixed (open spans end at as-of), tagged with its incident. */
export interface ClosedSpan {
  incident: IncidentTimes;
  applications: string[];
  regions: string[];
  fraction: number;
  fromMs: number;
  toMs: number;
}

/** Incidents and maintenance bucketed once by application and month, so each month reads only what touches it. */
export interface AvailabilityIndex {
  timeZone: string;
  asOfMs: number;
  /** application id → month → spans naming that application that touch the month. */
  spansByApplication: Map<string, Map<string, ClosedSpan[]>>;
  /** month → incidents with a span touching the month, in input order. */
  incidentsByMonth: Map<string, IncidentTimes[]>;
  maintenanceByApplication: Map<string, Interval[]>;
  /** Memo of calendar intervals by calendar and month; calendars are shared by many applications. */
  calendarMemo: Map<string, Interval[]>;
}

/** A span boundary for the sweep: `span` numbers the span, `opens` tells start from end. */
interface Edge {
  atMs: number;
  span: number;
  opens: boolean;
}

function closeSpan(incident: IncidentTimes, span: ImpactSpan, asOfMs: number): ClosedSpan {
  return { incident, applications: span.applications, regions: span.regions, fraction: span.fraction, fromMs: span.fromMs, toMs: span.toMs ?? asOfMs };
}

function maintenanceOf(applicationId: string, maintenance: readonly MaintenanceWindow[]): Interval[] {
  return maintenance
    .filter((window) => window.applications.includes(applicationId))
    .map((window) => ({ fromMs: window.fromMs, toMs: window.toMs }));
}

function scheduleFrom(app: ApplicationTerms, calendarIntervals: Interval[], maintenance: readonly Interval[]): Interval[] {
  return app.excludeMaintenance && maintenance.length > 0 ? subtractIntervals(calendarIntervals, maintenance) : calendarIntervals;
}

/** Rounds away float noise of the last digits so comparisons at a threshold and truncated displays agree. */
function withoutFloatNoise(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** 1 − target/100 computed from the decimal target (at most 6 decimals), so 99.9 gives exactly 0.001. */
function budgetFraction(targetPercent: number): number {
  return Math.round((100 - targetPercent) * 1e6) / 1e8;
}

/**
 * Milliseconds lost over `schedule` by `spans` (all of `app`): a sweep over span boundaries keeps, per region,
 * the largest fraction among covering spans; the instant's weight is Σ share × fraction, capped at 1.
 * Durations are summed per distinct weight before multiplying, so the result does not depend on span order
 * or on how an outage is split into adjacent spans.
 */
function lostMillisecondsOver(app: ApplicationTerms, spans: readonly ClosedSpan[], schedule: readonly Interval[]): number {
  const first = schedule[0];
  const last = schedule[schedule.length - 1];
  if (!first || !last || spans.length === 0) return 0;
  const regionNames = Object.keys(app.regions).sort();
  const shares = regionNames.map((region) => app.regions[region] ?? 0);
  const regionIndex = new Map(regionNames.map((region, index) => [region, index]));

  const spanRegions: number[][] = [];
  const spanFractions: number[] = [];
  const edges: Edge[] = [];
  for (const span of spans) {
    if (span.fraction <= 0 || span.toMs <= first.fromMs || span.fromMs >= last.toMs || span.toMs <= span.fromMs) continue;
    const regions = [...new Set(span.regions.flatMap((region) => regionIndex.get(region) ?? []))];
    if (regions.length === 0) continue;
    const id = spanRegions.length;
    spanRegions.push(regions);
    spanFractions.push(Math.min(1, span.fraction));
    edges.push({ atMs: span.fromMs, span: id, opens: true }, { atMs: span.toMs, span: id, opens: false });
  }
  edges.sort((a, b) => a.atMs - b.atMs);

  const active = new Set<number>();
  const maxFraction = new Array<number>(regionNames.length).fill(0);
  const msByWeight = new Map<number, number>();
  let scheduleIndex = 0;
  let e = 0;
  while (e < edges.length) {
    const atMs = (edges[e] as Edge).atMs;
    for (; e < edges.length && (edges[e] as Edge).atMs === atMs; e += 1) {
      const edge = edges[e] as Edge;
      if (edge.opens) active.add(edge.span);
      else active.delete(edge.span);
    }
    const nextMs = edges[e]?.atMs;
    if (active.size === 0 || nextMs === undefined) continue;

    maxFraction.fill(0);
    for (const span of active) {
      const fraction = spanFractions[span] as number;
      for (const region of spanRegions[span] as number[]) {
        if (fraction > (maxFraction[region] as number)) maxFraction[region] = fraction;
      }
    }
    let weight = 0;
    for (let r = 0; r < shares.length; r += 1) weight += (shares[r] as number) * (maxFraction[r] as number);
    weight = Math.min(1, weight);
    if (weight <= 0) continue;

    while (scheduleIndex < schedule.length && (schedule[scheduleIndex] as Interval).toMs <= atMs) scheduleIndex += 1;
    let coveredMs = 0;
    for (let k = scheduleIndex; k < schedule.length; k += 1) {
      const window = schedule[k] as Interval;
      if (window.fromMs >= nextMs) break;
      coveredMs += Math.min(window.toMs, nextMs) - Math.max(window.fromMs, atMs);
    }
    if (coveredMs > 0) msByWeight.set(weight, (msByWeight.get(weight) ?? 0) + coveredMs);
  }

  let lostMs = 0;
  for (const weight of [...msByWeight.keys()].sort((a, b) => a - b)) lostMs += weight * (msByWeight.get(weight) as number);
  // To the microsecond: drops float noise such as 0.1 × 0.2 so the published JSON reads 1.2, not 1.2000000000000002.
  return Math.round(lostMs * 1000) / 1000;
}

function spansOf(app: ApplicationTerms, incidents: readonly IncidentTimes[], asOfMs: number): ClosedSpan[] {
  const spans: ClosedSpan[] = [];
  for (const incident of incidents) {
    for (const span of incident.impact) {
      if (span.applications.includes(app.id)) spans.push(closeSpan(incident, span, asOfMs));
    }
  }
  return spans;
}

function availabilityRow(app: ApplicationTerms, scheduledMs: number, lostMs: number): AvailabilityRow {
  const scheduledMinutes = scheduledMs / MS_PER_MINUTE;
  const lostMinutes = lostMs / MS_PER_MINUTE;
  const availability = scheduledMs > 0 ? (scheduledMs - lostMs) / scheduledMs : null;
  const errorBudgetMinutes = scheduledMinutes * budgetFraction(app.target);
  const budgetConsumed = errorBudgetMinutes > 0 ? lostMinutes / errorBudgetMinutes : null;
  let status: AvailabilityStatus = 'none';
  if (availability !== null) {
    if (withoutFloatNoise(availability * 100) < app.target) status = 'red';
    else if (budgetConsumed !== null && withoutFloatNoise(budgetConsumed) >= AMBER_BUDGET_CONSUMED) status = 'amber';
    else status = 'green';
  }
  return { id: app.id, target: app.target, scheduledMinutes, lostMinutes, availability, errorBudgetMinutes, budgetConsumed, status };
}

/**
 * The instants of `range` the application is expected to be up: its calendar, minus the
 * maintenance windows naming it when it excludes maintenance. Sorted, disjoint intervals (epoch ms).
 *
 * @example applicationSchedule({ id: 'web', target: 99.9, calendar: '24x7', regions: { EMEA: 1 }, excludeMaintenance: false }, { fromMs: 0, toMs: 3_600_000 }, []) // [{ fromMs: 0, toMs: 3600000 }]
 */
export function applicationSchedule(app: ApplicationTerms, range: Interval, maintenance: readonly MaintenanceWindow[]): Interval[] {
  return scheduleFrom(app, scheduledIntervals(app.calendar, range), maintenanceOf(app.id, maintenance));
}

/**
 * Scheduled minutes S: minutes of `range` inside the application's calendar, less its maintenance
 * windows when it excludes maintenance.
 *
 * @example scheduledMinutes({ id: 'web', target: 99.9, calendar: '24x7', regions: { EMEA: 1 }, excludeMaintenance: false }, { fromMs: Date.parse('2026-03-02T00:00Z'), toMs: Date.parse('2026-03-09T00:00Z') }, []) // 10080
 */
export function scheduledMinutes(app: ApplicationTerms, range: Interval, maintenance: readonly MaintenanceWindow[]): number {
  return intervalsMilliseconds(applicationSchedule(app, range, maintenance)) / MS_PER_MINUTE;
}

/**
 * Lost minutes L: the impact of `incidents` on the application, integrated over its scheduled time in
 * `range`. At each instant each region counts with its largest covering fraction, weighted by its user
 * share, so overlapping incidents never count a minute twice. Open impacts end at `asOfMs`.
 *
 * @example lostMinutes(web, [fullOutageOf60Minutes], week, [], asOf) // 60
 */
export function lostMinutes(
  app: ApplicationTerms,
  incidents: readonly IncidentTimes[],
  range: Interval,
  maintenance: readonly MaintenanceWindow[],
  asOfMs: number,
): number {
  return lostMillisecondsOver(app, spansOf(app, incidents, asOfMs), applicationSchedule(app, range, maintenance)) / MS_PER_MINUTE;
}

/**
 * The minutes one incident alone would have cost the application within `range` (for top talkers).
 *
 * @example incidentLostMinutes(web, apacOnlyOutageOf60Minutes, week, [], asOf) // 6 when APAC has a 0.1 share
 */
export function incidentLostMinutes(
  app: ApplicationTerms,
  incident: IncidentTimes,
  range: Interval,
  maintenance: readonly MaintenanceWindow[],
  asOfMs: number,
): number {
  return lostMinutes(app, [incident], range, maintenance, asOfMs);
}

/**
 * The whole interval an incident's impact covers, in epoch milliseconds: from the earlier of its start and its
 * first span to the later of its start and its last span's end, a span still open running to `asOfMs`.
 *
 * @example incidentImpactInterval({ started: 0, impact: [{ fromMs: 0, toMs: 3_600_000 }] }, asOf) // { fromMs: 0, toMs: 3600000 }
 */
export function incidentImpactInterval(incident: Pick<IncidentTimes, 'started' | 'impact'>, asOfMs: number): Interval {
  return {
    fromMs: Math.min(incident.started, ...incident.impact.map((span) => span.fromMs)),
    toMs: Math.max(incident.started, ...incident.impact.map((span) => span.toMs ?? asOfMs)),
  };
}

/**
 * The minutes one incident alone cost over its whole impact, summed over its applications, each application
 * with its own terms and maintenance windows; an application missing from `applications` counts nothing.
 *
 * @example incidentOwnLostMinutes(incident, new Map([['settlement', settlement]]), new Map(), asOf) // 75
 */
export function incidentOwnLostMinutes(
  incident: IncidentTimes,
  applications: ReadonlyMap<string, ApplicationTerms>,
  maintenanceByApplication: ReadonlyMap<string, readonly MaintenanceWindow[]>,
  asOfMs: number,
): number {
  const range = incidentImpactInterval(incident, asOfMs);
  let total = 0;
  for (const id of incident.applications) {
    const app = applications.get(id);
    if (app) total += incidentLostMinutes(app, incident, range, maintenanceByApplication.get(id) ?? [], asOfMs);
  }
  return total;
}

/**
 * Lost minutes as percentage points of availability over `scheduledMinutes`: lost / scheduled × 100, 0 when
 * nothing was scheduled. What an incident alone took off an application's month.
 *
 * @example availabilityPercentagePoints(75, 15_810) // 0.4743833017077799
 */
export function availabilityPercentagePoints(lostMinutes: number, scheduledMinutes: number): number {
  return scheduledMinutes > 0 ? (lostMinutes / scheduledMinutes) * 100 : 0;
}

/**
 * One application's month in the reporting time zone, month-to-date for the current month:
 * S and L in minutes, availability (S − L) / S as a fraction (null when S = 0), error budget
 * S × (1 − target/100) minutes, budget consumed L / budget (null when the budget is 0) and status
 * (red below target, amber from AMBER_BUDGET_CONSUMED of the budget consumed, none without scheduled time).
 *
 * @example applicationAvailability(web, incidents, '2026-03', 'UTC', [], asOf).status // 'green'
 */
export function applicationAvailability(
  app: ApplicationTerms,
  incidents: readonly IncidentTimes[],
  month: string,
  timeZone: string,
  maintenance: readonly MaintenanceWindow[],
  asOfMs: number,
): AvailabilityRow {
  const schedule = applicationSchedule(app, reportInterval(month, timeZone, asOfMs), maintenance);
  const lostMs = lostMillisecondsOver(app, spansOf(app, incidents, asOfMs), schedule);
  return availabilityRow(app, intervalsMilliseconds(schedule), lostMs);
}

/**
 * Portfolio availability Σ(S − L) / ΣS over the rows (null when ΣS = 0): applications weigh by
 * their scheduled minutes, not equally.
 *
 * @example portfolioAvailability([{ scheduledMinutes: 100, lostMinutes: 1 }, { scheduledMinutes: 300, lostMinutes: 0 }]).availability // 0.9975
 */
export function portfolioAvailability(rows: readonly { scheduledMinutes: number; lostMinutes: number }[]): PortfolioAvailability {
  let scheduled = 0;
  let lost = 0;
  for (const row of rows) {
    scheduled += row.scheduledMinutes;
    lost += row.lostMinutes;
  }
  return { scheduledMinutes: scheduled, lostMinutes: lost, availability: scheduled > 0 ? (scheduled - lost) / scheduled : null };
}

/**
 * Buckets every impact span by the applications it names and the reporting months it touches, and
 * maintenance windows by application, so that each month of each application reads only its own spans.
 * Build it once per report run; months are cut in `timeZone`, open impacts end at `asOfMs`.
 *
 * @example const index = indexAvailability(incidents, maintenance, 'UTC', asOf); monthlyAvailability(apps, index, '2026-03')
 */
export function indexAvailability(
  incidents: readonly IncidentTimes[],
  maintenance: readonly MaintenanceWindow[],
  timeZone: string,
  asOfMs: number,
): AvailabilityIndex {
  const index: AvailabilityIndex = {
    timeZone,
    asOfMs,
    spansByApplication: new Map(),
    incidentsByMonth: new Map(),
    maintenanceByApplication: new Map(),
    calendarMemo: new Map(),
  };
  for (const window of maintenance) {
    for (const id of new Set(window.applications)) {
      const list = index.maintenanceByApplication.get(id) ?? [];
      list.push({ fromMs: window.fromMs, toMs: window.toMs });
      index.maintenanceByApplication.set(id, list);
    }
  }

  // Sorted and merged once, so each month's subtraction skips the sort.
  for (const [id, list] of index.maintenanceByApplication) index.maintenanceByApplication.set(id, mergeIntervals(list));

  const spans: ClosedSpan[] = [];
  let earliestMs = Infinity;
  let latestMs = -Infinity;
  for (const incident of incidents) {
    for (const span of incident.impact) {
      const closed = closeSpan(incident, span, asOfMs);
      if (closed.toMs <= closed.fromMs) continue;
      spans.push(closed);
      earliestMs = Math.min(earliestMs, closed.fromMs);
      latestMs = Math.max(latestMs, closed.toMs - 1);
    }
  }
  if (spans.length === 0) return index;

  // Month starts over the spans' whole extent: months are found by binary search instead of a zone lookup per span.
  const months = monthsBetween(monthOf(earliestMs, timeZone), monthOf(latestMs, timeZone));
  const monthStarts = months.map((month) => monthInterval(month, timeZone).fromMs);
  for (const span of spans) {
    const firstMonth = lastAtOrBefore(monthStarts, span.fromMs);
    const lastMonth = lastAtOrBefore(monthStarts, span.toMs - 1);
    for (let m = firstMonth; m <= lastMonth; m += 1) {
      const month = months[m] as string;
      const touching = index.incidentsByMonth.get(month) ?? [];
      if (touching[touching.length - 1] !== span.incident) touching.push(span.incident);
      index.incidentsByMonth.set(month, touching);
      for (const id of new Set(span.applications)) {
        const byMonth = index.spansByApplication.get(id) ?? new Map<string, ClosedSpan[]>();
        const list = byMonth.get(month) ?? [];
        list.push(span);
        byMonth.set(month, list);
        index.spansByApplication.set(id, byMonth);
      }
    }
  }
  return index;
}

function calendarIntervalsMemo(index: AvailabilityIndex, calendar: Calendar, month: string, range: Interval): Interval[] {
  const key = `${month}\u0000${JSON.stringify(calendar)}`;
  let intervals = index.calendarMemo.get(key);
  if (!intervals) {
    intervals = scheduledIntervals(calendar, range);
    index.calendarMemo.set(key, intervals);
  }
  return intervals;
}

function indexedSchedule(app: ApplicationTerms, index: AvailabilityIndex, month: string, range: Interval): Interval[] {
  const maintenance = index.maintenanceByApplication.get(app.id) ?? [];
  return scheduleFrom(app, calendarIntervalsMemo(index, app.calendar, month, range), maintenance);
}

/**
 * Every application's row for one month plus the portfolio, reading the prebuilt index
 * (rows in the order of `apps`).
 *
 * @example monthlyAvailability(apps, indexAvailability(incidents, maintenance, 'UTC', asOf), '2026-03').portfolio.availability
 */
export function monthlyAvailability(apps: readonly ApplicationTerms[], index: AvailabilityIndex, month: string): MonthlyAvailability {
  const range = reportInterval(month, index.timeZone, index.asOfMs);
  const applications = apps.map((app) => {
    const schedule = indexedSchedule(app, index, month, range);
    const spans = index.spansByApplication.get(app.id)?.get(month) ?? [];
    return availabilityRow(app, intervalsMilliseconds(schedule), lostMillisecondsOver(app, spans, schedule));
  });
  return { period: month, applications, portfolio: portfolioAvailability(applications) };
}

/**
 * Monthly availability for several months, indexing the incidents once.
 *
 * @example availabilityByMonth(apps, incidents, ['2026-01', '2026-02'], 'UTC', maintenance, asOf).map((m) => m.portfolio.availability)
 */
export function availabilityByMonth(
  apps: readonly ApplicationTerms[],
  incidents: readonly IncidentTimes[],
  months: readonly string[],
  timeZone: string,
  maintenance: readonly MaintenanceWindow[],
  asOfMs: number,
): MonthlyAvailability[] {
  const index = indexAvailability(incidents, maintenance, timeZone, asOfMs);
  return months.map((month) => monthlyAvailability(apps, index, month));
}

/**
 * The month's incidents ranked by the minutes they alone cost (summed over their applications),
 * descending, then by id; incidents that cost nothing are left out. Reads the prebuilt index.
 *
 * @example monthlyTopTalkers(apps, index, '2026-03')[0]?.id
 */
export function monthlyTopTalkers(apps: readonly ApplicationTerms[], index: AvailabilityIndex, month: string): TopTalker[] {
  const range = reportInterval(month, index.timeZone, index.asOfMs);
  const appsById = new Map(apps.map((app) => [app.id, app]));
  const schedules = new Map<string, Interval[]>();
  const talkers: TopTalker[] = [];
  for (const incident of index.incidentsByMonth.get(month) ?? []) {
    const impacted = [...new Set(incident.impact.flatMap((span) => span.applications))].sort();
    const byApplication: Record<string, number> = {};
    let totalMs = 0;
    for (const id of impacted) {
      const app = appsById.get(id);
      if (!app) continue;
      let schedule = schedules.get(id);
      if (!schedule) {
        schedule = indexedSchedule(app, index, month, range);
        schedules.set(id, schedule);
      }
      const lostMs = lostMillisecondsOver(app, spansOf(app, [incident], index.asOfMs), schedule);
      if (lostMs <= 0) continue;
      byApplication[id] = lostMs / MS_PER_MINUTE;
      totalMs += lostMs;
    }
    if (totalMs <= 0) continue;
    talkers.push({
      id: incident.id,
      title: incident.title,
      severity: incident.severity,
      applications: incident.applications,
      lostMinutes: totalMs / MS_PER_MINUTE,
      byApplication,
    });
  }
  return talkers.sort((a, b) => b.lostMinutes - a.lostMinutes || compareRecordIds(a.id, b.id));
}

/**
 * Top talkers of a month straight from the incidents (builds a one-off index).
 *
 * @example topTalkers(apps, incidents, '2026-03', 'UTC', maintenance, asOf).map((t) => `${t.id} ${t.lostMinutes}`)
 */
export function topTalkers(
  apps: readonly ApplicationTerms[],
  incidents: readonly IncidentTimes[],
  month: string,
  timeZone: string,
  maintenance: readonly MaintenanceWindow[],
  asOfMs: number,
): TopTalker[] {
  return monthlyTopTalkers(apps, indexAvailability(incidents, maintenance, timeZone, asOfMs), month);
}

/** What availability needs of a change: its scheduled downtime and whether it took place. */
export interface ChangeDowntime {
  id: string;
  applications: string[];
  outcome: string;
  downtime?: { from: number; to: number } | undefined;
}

/**
 * The maintenance windows of changes; a cancelled change's downtime never happened, so it is left out.
 *
 * @example maintenanceFromChanges([{ id: 'CHG-2026-0001', applications: ['settlement'], outcome: 'successful', downtime: { from: 0, to: 3_600_000 } }])
 */
export function maintenanceFromChanges(changes: readonly ChangeDowntime[]): MaintenanceWindow[] {
  const windows: MaintenanceWindow[] = [];
  for (const change of changes) {
    if (change.downtime === undefined || change.outcome === 'cancelled') continue;
    windows.push({ changeId: change.id, applications: change.applications, fromMs: change.downtime.from, toMs: change.downtime.to });
  }
  return windows;
}

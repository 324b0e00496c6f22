// Availability for the whole build, computed once: the index over every incident, each month's
// report rows, top talkers and incident metrics, and each incident's own lost minutes.
import { availabilityPercentagePoints, incidentImpactInterval, incidentOwnLostMinutes, indexAvailability, maintenanceFromChanges, monthlyAvailability, monthlyTopTalkers, type AvailabilityIndex, type MonthlyAvailability, type TopTalker } from '../../core/availability.ts';
import { incidentMetrics, type IncidentMetrics } from '../../core/incident-metrics.ts';
import { currentReportMonth, isMonthToDate as isMonthToDateAt, monthOf, monthsBetween, previousMonth, reportInterval } from '../../core/period.ts';
import type { MaintenanceWindow } from '../../core/types.ts';
import type { Incident } from '../../load/repository.ts';
import { memoise, type BuildContext } from '../context.ts';

interface AvailabilityOfBuild {
  index: AvailabilityIndex;
  maintenance: MaintenanceWindow[];
  maintenanceByApplication: Map<string, MaintenanceWindow[]>;
}

function build(ctx: BuildContext): AvailabilityOfBuild {
  return memoise(ctx, 'availability.index', () => {
    const repo = ctx.repository;
    const maintenance = maintenanceFromChanges(repo.changes);
    // Each application's own windows, in input order: what the core would filter out of all of them, per call.
    const maintenanceByApplication = new Map<string, MaintenanceWindow[]>(repo.applications.map((a) => [a.id, []]));
    for (const window of maintenance) for (const id of new Set(window.applications)) maintenanceByApplication.get(id)?.push(window);
    return { index: indexAvailability(repo.incidents, maintenance, repo.site.reportingTimezone, ctx.asOfMs), maintenance, maintenanceByApplication };
  });
}

export interface MonthReport {
  month: string;
  availability: MonthlyAvailability;
  topTalkers: TopTalker[];
  metrics: IncidentMetrics;
  /** Incidents that started in the month (reporting zone). */
  incidents: Incident[];
}

/** The numbers of one month (month-to-date for the as-of month), memoised per build. */
export function monthReport(ctx: BuildContext, month: string): MonthReport {
  const months = memoise(ctx, 'availability.months', () => new Map<string, MonthReport>());
  let report = months.get(month);
  if (!report) {
    const repo = ctx.repository;
    const { index } = build(ctx);
    const range = reportInterval(month, repo.site.reportingTimezone, ctx.asOfMs);
    const started = repo.incidents.filter((i) => i.started >= range.fromMs && i.started < range.toMs);
    report = {
      month,
      availability: monthlyAvailability(repo.applications, index, month),
      topTalkers: monthlyTopTalkers(repo.applications, index, month),
      metrics: incidentMetrics(started, range),
      incidents: started,
    };
    months.set(month, report);
  }
  return report;
}

/** The month before, when the site reports it (for month-over-month comparison). */
export function previousReport(ctx: BuildContext, month: string, reportMonths: readonly string[]): MonthReport | null {
  const before = previousMonth(month);
  return reportMonths.includes(before) ? monthReport(ctx, before) : null;
}

/** Each incident's own lost minutes over its whole impact, summed over its applications. */
export function incidentLostMinutesTotal(ctx: BuildContext, incident: Incident): number {
  const lostByIncident = memoise(ctx, 'availability.lostByIncident', () => {
    const repo = ctx.repository;
    const { maintenanceByApplication } = build(ctx);
    const apps = new Map(repo.applications.map((a) => [a.id, a]));
    return new Map(repo.incidents.map((inc) => [inc.id, incidentOwnLostMinutes(inc, apps, maintenanceByApplication, ctx.asOfMs)]));
  });
  return lostByIncident.get(incident.id) ?? 0;
}

/**
 * Incidents with an impact span reaching into the calendar month (reporting zone), in input order: a
 * superset of those touching the month's report interval, so month views need not scan every incident.
 */
export function incidentsTouchingMonth(ctx: BuildContext, month: string): readonly Incident[] {
  return (build(ctx).index.incidentsByMonth.get(month) ?? []) as Incident[];
}

/** The month the overview and badges show: the as-of month, or the month just ended at its first instant. */
export function currentMonth(ctx: BuildContext): string {
  return currentReportMonth(ctx.asOfMs, ctx.repository.site.reportingTimezone);
}

/** Whether the month's figures are month to date (the month is still running at as-of). */
export function isMonthToDate(ctx: BuildContext, month: string): boolean {
  return isMonthToDateAt(month, ctx.asOfMs, ctx.repository.site.reportingTimezone);
}

export interface AvailabilityEffect {
  month: string;
  applicationId: string;
  lostMinutes: number;
  scheduledMinutes: number;
  /** The incident's own share of the month's scheduled time, in percentage points of availability. */
  percentagePoints: number;
}

/** The month's top talkers by incident id, built once per month. */
function talkerOf(ctx: BuildContext, month: string, incidentId: string): TopTalker | undefined {
  const talkersByMonth = memoise(ctx, 'availability.talkersByMonth', () => new Map<string, Map<string, TopTalker>>());
  let byId = talkersByMonth.get(month);
  if (!byId) {
    byId = new Map(monthReport(ctx, month).topTalkers.map((t) => [t.id, t]));
    talkersByMonth.set(month, byId);
  }
  return byId.get(incidentId);
}

/**
 * What an incident alone cost each of its applications in each month it touched, once per build.
 * The minutes are the month's top-talker figures: the same incident, schedule and month, already computed.
 */
export function incidentAvailabilityEffects(ctx: BuildContext, incident: Incident): AvailabilityEffect[] {
  const effectsByIncident = memoise(ctx, 'availability.effectsByIncident', () => new Map<string, AvailabilityEffect[]>());
  const known = effectsByIncident.get(incident.id);
  if (known) return known;
  const repo = ctx.repository;
  const zone = repo.site.reportingTimezone;
  const end = incidentImpactInterval(incident, ctx.asOfMs).toMs;
  const effects: AvailabilityEffect[] = [];
  for (const month of monthsBetween(monthOf(incident.started, zone), monthOf(Math.max(incident.started, end - 1), zone))) {
    const rows = monthReport(ctx, month).availability.applications;
    const talker = talkerOf(ctx, month, incident.id);
    for (const id of incident.applications) {
      const row = rows.find((r) => r.id === id);
      if (!row) continue;
      const lost = talker?.byApplication[id] ?? 0;
      if (lost <= 0) continue;
      effects.push({
        month,
        applicationId: id,
        lostMinutes: lost,
        scheduledMinutes: row.scheduledMinutes,
        percentagePoints: availabilityPercentagePoints(lost, row.scheduledMinutes),
      });
    }
  }
  effectsByIncident.set(incident.id, effects);
  return effects;
}

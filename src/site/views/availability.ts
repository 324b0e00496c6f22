// Availability for the whole build, computed once: the index over every incident, each month's
// report rows, top talkers and incident metrics, and each incident's own lost minutes.
import { incidentLostMinutes, indexAvailability, maintenanceFromChanges, monthlyAvailability, monthlyTopTalkers, type AvailabilityIndex, type MonthlyAvailability, type TopTalker } from '../../core/availability.ts';
import { incidentMetrics, type IncidentMetrics } from '../../core/incident-metrics.ts';
import { currentReportMonth, isMonthToDate as isMonthToDateAt, monthOf, monthsBetween, previousMonth, reportInterval } from '../../core/period.ts';
import type { MaintenanceWindow } from '../../core/types.ts';
import type { Incident } from '../../load/repository.ts';
import { asOf, repository } from '../model.ts';

let memo: { index: AvailabilityIndex; maintenance: MaintenanceWindow[]; maintenanceByApplication: Map<string, MaintenanceWindow[]> } | undefined;
const months = new Map<string, MonthReport>();
let lostByIncident: Map<string, number> | undefined;
const talkersByMonth = new Map<string, Map<string, TopTalker>>();
const effectsByIncident = new Map<string, AvailabilityEffect[]>();

function build() {
  if (!memo) {
    const repo = repository();
    const maintenance = maintenanceFromChanges(repo.changes);
    // Each application's own windows, in input order: what the core would filter out of all of them, per call.
    const maintenanceByApplication = new Map<string, MaintenanceWindow[]>(repo.applications.map((a) => [a.id, []]));
    for (const window of maintenance) for (const id of new Set(window.applications)) maintenanceByApplication.get(id)?.push(window);
    memo = { index: indexAvailability(repo.incidents, maintenance, repo.site.reportingTimezone, asOf()), maintenance, maintenanceByApplication };
  }
  return memo;
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
export function monthReport(month: string): MonthReport {
  let report = months.get(month);
  if (!report) {
    const repo = repository();
    const { index } = build();
    const range = reportInterval(month, repo.site.reportingTimezone, asOf());
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
export function previousReport(month: string, reportMonths: readonly string[]): MonthReport | null {
  const before = previousMonth(month);
  return reportMonths.includes(before) ? monthReport(before) : null;
}

/** Each incident's own lost minutes over its whole impact, summed over its applications. */
export function incidentLostMinutesTotal(incident: Incident): number {
  if (!lostByIncident) {
    const repo = repository();
    const { maintenanceByApplication } = build();
    const apps = new Map(repo.applications.map((a) => [a.id, a]));
    lostByIncident = new Map();
    for (const inc of repo.incidents) {
      const end = Math.max(inc.started, ...inc.impact.map((s) => s.toMs ?? asOf()));
      const range = { fromMs: Math.min(inc.started, ...inc.impact.map((s) => s.fromMs)), toMs: end };
      let total = 0;
      for (const id of inc.applications) {
        const app = apps.get(id);
        if (app) total += incidentLostMinutes(app, inc, range, maintenanceByApplication.get(id) ?? [], asOf());
      }
      lostByIncident.set(inc.id, total);
    }
  }
  return lostByIncident.get(incident.id) ?? 0;
}

/**
 * Incidents with an impact span reaching into the calendar month (reporting zone), in input order: a
 * superset of those touching the month's report interval, so month views need not scan every incident.
 */
export function incidentsTouchingMonth(month: string): readonly Incident[] {
  return (build().index.incidentsByMonth.get(month) ?? []) as Incident[];
}

/** The month the overview and badges show: the as-of month, or the month just ended at its first instant. */
export function currentMonth(): string {
  return currentReportMonth(asOf(), repository().site.reportingTimezone);
}

/** Whether the month's figures are month to date (the month is still running at as-of). */
export function isMonthToDate(month: string): boolean {
  return isMonthToDateAt(month, asOf(), repository().site.reportingTimezone);
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
function talkerOf(month: string, incidentId: string): TopTalker | undefined {
  let byId = talkersByMonth.get(month);
  if (!byId) {
    byId = new Map(monthReport(month).topTalkers.map((t) => [t.id, t]));
    talkersByMonth.set(month, byId);
  }
  return byId.get(incidentId);
}

/**
 * What an incident alone cost each of its applications in each month it touched, once per build.
 * The minutes are the month's top-talker figures: the same incident, schedule and month, already computed.
 */
export function incidentAvailabilityEffects(incident: Incident): AvailabilityEffect[] {
  const known = effectsByIncident.get(incident.id);
  if (known) return known;
  const repo = repository();
  const zone = repo.site.reportingTimezone;
  const end = Math.max(incident.started, ...incident.impact.map((s) => s.toMs ?? asOf()));
  const effects: AvailabilityEffect[] = [];
  for (const month of monthsBetween(monthOf(incident.started, zone), monthOf(Math.max(incident.started, end - 1), zone))) {
    const rows = monthReport(month).availability.applications;
    const talker = talkerOf(month, incident.id);
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
        percentagePoints: row.scheduledMinutes > 0 ? (lost / row.scheduledMinutes) * 100 : 0,
      });
    }
  }
  effectsByIncident.set(incident.id, effects);
  return effects;
}

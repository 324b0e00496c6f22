// Availability for the whole build, computed once: the index over every incident, each month's
// report rows, top talkers and incident metrics, and each incident's own lost minutes.
import { incidentLostMinutes, indexAvailability, maintenanceFromChanges, monthlyAvailability, monthlyTopTalkers, type AvailabilityIndex, type MonthlyAvailability, type TopTalker } from '../../core/availability.ts';
import { incidentMetrics, type IncidentMetrics } from '../../core/incident-metrics.ts';
import { monthOf, monthsBetween, previousMonth, reportInterval } from '../../core/period.ts';
import type { MaintenanceWindow } from '../../core/types.ts';
import type { Incident } from '../../load/repository.ts';
import { asOf, repository } from '../model.ts';

let memo: { index: AvailabilityIndex; maintenance: MaintenanceWindow[] } | undefined;
const months = new Map<string, MonthReport>();
let lostByIncident: Map<string, number> | undefined;

function build() {
  if (!memo) {
    const repo = repository();
    const maintenance = maintenanceFromChanges(repo.changes);
    memo = { index: indexAvailability(repo.incidents, maintenance, repo.site.reportingTimezone, asOf()), maintenance };
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
    const { maintenance } = build();
    const apps = new Map(repo.applications.map((a) => [a.id, a]));
    lostByIncident = new Map();
    for (const inc of repo.incidents) {
      const end = Math.max(inc.started, ...inc.impact.map((s) => s.toMs ?? asOf()));
      const range = { fromMs: Math.min(inc.started, ...inc.impact.map((s) => s.fromMs)), toMs: end };
      let total = 0;
      for (const id of inc.applications) {
        const app = apps.get(id);
        if (app) total += incidentLostMinutes(app, inc, range, maintenance, asOf());
      }
      lostByIncident.set(inc.id, total);
    }
  }
  return lostByIncident.get(incident.id) ?? 0;
}

/** Month-to-date of the as-of month. */
export function currentMonth(): string {
  return monthOf(asOf(), repository().site.reportingTimezone);
}

export interface AvailabilityEffect {
  month: string;
  applicationId: string;
  lostMinutes: number;
  scheduledMinutes: number;
  /** The incident's own share of the month's scheduled time, in percentage points of availability. */
  percentagePoints: number;
}

/** What an incident alone cost each of its applications in each month it touched. */
export function incidentAvailabilityEffects(incident: Incident): AvailabilityEffect[] {
  const repo = repository();
  const zone = repo.site.reportingTimezone;
  const { maintenance } = build();
  const apps = new Map(repo.applications.map((a) => [a.id, a]));
  const end = Math.max(incident.started, ...incident.impact.map((s) => s.toMs ?? asOf()));
  const effects: AvailabilityEffect[] = [];
  for (const month of monthsBetween(monthOf(incident.started, zone), monthOf(Math.max(incident.started, end - 1), zone))) {
    const range = reportInterval(month, zone, asOf());
    const rows = monthReport(month).availability.applications;
    for (const id of incident.applications) {
      const app = apps.get(id);
      const row = rows.find((r) => r.id === id);
      if (!app || !row) continue;
      const lost = incidentLostMinutes(app, incident, range, maintenance, asOf());
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
  return effects;
}

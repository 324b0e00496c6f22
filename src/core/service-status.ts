// What a status page says of an application right now and over its recent days, from the same impact
// spans and the same weighting by region share as the availability report, so the two never disagree.
import { lostMinutes, scheduledMinutes } from './availability.ts';
import type { ApplicationTerms, IncidentTimes, Interval, MaintenanceWindow } from './types.ts';

/** The four states status-page readers know, worst last. */
export const serviceStatuses = ['operational', 'degraded', 'partial-outage', 'major-outage'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

/** The impact on an application at one instant: per region the largest covering fraction, and their weighted sum. */
export interface ImpactAt {
  /** Σ share × fraction over the application's regions, capped at 1: the share of all work users cannot do. */
  weight: number;
  /** Regions in which users can do no work at all (a covering fraction of 1). */
  regionsDown: string[];
  /** Ids of the incidents whose impact covers the instant. */
  incidents: string[];
}

/**
 * The impact on `app` at `atMs`: every span naming the application that covers the instant (a span still open
 * covers every later instant), each region at its largest fraction, weighted by its user share. The weighting is
 * the availability report's, taken at one instant instead of integrated over the schedule.
 *
 * @example impactAt(web, [fullOutageFrom10To11], Date.parse('2026-03-02T10:30:00Z')).weight // 1
 */
export function impactAt(app: ApplicationTerms, incidents: readonly IncidentTimes[], atMs: number): ImpactAt {
  const largest = new Map<string, number>();
  const covering: string[] = [];
  for (const incident of incidents) {
    let covers = false;
    for (const span of incident.impact) {
      if (!span.applications.includes(app.id) || span.fraction <= 0) continue;
      if (span.fromMs > atMs || (span.toMs !== null && span.toMs <= atMs)) continue;
      covers = true;
      for (const region of span.regions) {
        if (!(region in app.regions)) continue;
        largest.set(region, Math.max(largest.get(region) ?? 0, Math.min(1, span.fraction)));
      }
    }
    if (covers) covering.push(incident.id);
  }
  let weight = 0;
  for (const [region, fraction] of largest) weight += (app.regions[region] ?? 0) * fraction;
  const regionsDown = [...largest].filter(([, fraction]) => fraction >= 1).map(([region]) => region).sort();
  // To the nanounit, as the report rounds its comparisons: shares 0.5 + 0.3 + 0.2 must sum to exactly 1.
  return { weight: Math.min(1, Math.round(weight * 1e9) / 1e9), regionsDown, incidents: covering };
}

/**
 * The status an impact reads as: a major outage when no user anywhere can work (weight 1), a partial outage
 * when the users of some region cannot work at all, degraded when some work is lost, else operational.
 *
 * @example serviceStatusOf({ weight: 0.1, regionsDown: ['APAC'], incidents: ['INC-2026-0001'] }) // 'partial-outage'
 */
export function serviceStatusOf(impact: { weight: number; regionsDown: readonly string[] }): ServiceStatus {
  if (impact.weight >= 1) return 'major-outage';
  if (impact.regionsDown.length > 0) return 'partial-outage';
  if (impact.weight > 0) return 'degraded';
  return 'operational';
}

/**
 * The worst of several statuses (operational when there are none): what a page's overall banner says.
 *
 * @example worstServiceStatus(['operational', 'degraded']) // 'degraded'
 */
export function worstServiceStatus(statuses: Iterable<ServiceStatus>): ServiceStatus {
  let worst = 0;
  for (const status of statuses) worst = Math.max(worst, serviceStatuses.indexOf(status));
  return serviceStatuses[worst] as ServiceStatus;
}

/** One day of an application's uptime bar: scheduled and lost minutes, availability as a fraction (null when nothing was scheduled). */
export interface DayUptime {
  fromMs: number;
  toMs: number;
  scheduledMinutes: number;
  lostMinutes: number;
  availability: number | null;
}

/**
 * Availability of each of `days` (intervals, usually calendar days in the reporting zone, the last one ending at
 * as-of), by the report's own S and L: scheduled minutes inside the calendar less excluded maintenance, lost
 * minutes weighted by region share.
 *
 * @example dailyUptime(web, incidents, [{ fromMs: day0, toMs: day1 }], [], asOf)[0].availability // 0.9583 after a one-hour outage on a 24x7 day
 */
export function dailyUptime(
  app: ApplicationTerms,
  incidents: readonly IncidentTimes[],
  days: readonly Interval[],
  maintenance: readonly MaintenanceWindow[],
  asOfMs: number,
): DayUptime[] {
  return days.map((day) => {
    const scheduled = scheduledMinutes(app, day, maintenance);
    const lost = scheduled > 0 ? lostMinutes(app, incidents, day, maintenance, asOfMs) : 0;
    return { fromMs: day.fromMs, toMs: day.toMs, scheduledMinutes: scheduled, lostMinutes: lost, availability: scheduled > 0 ? (scheduled - lost) / scheduled : null };
  });
}

// Application health: what monitoring covers (component × layer), how noisy its alerts are, which
// incidents it missed, and the red/amber/green status of every component as of an instant.
import { compareText } from './compare.ts';
import type { Interval, Severity } from './types.ts';
import { MS_PER_DAY, MS_PER_HOUR } from './units.ts';

/** The seed's monitoring layers, bottom of the stack first: machine, application, business process, middleware. */
export type MonitoringLayer = 'machine' | 'application' | 'business' | 'middleware';
export const monitoringLayerOrder: readonly MonitoringLayer[] = ['machine', 'application', 'business', 'middleware'];

export interface MonitorInput {
  name: string;
  component: string;
  layer: MonitoringLayer;
  tool: string;
  owner: string;
}

/** What coverage needs of an application. */
export interface MonitoredApplication {
  id: string;
  components: readonly string[];
  monitoring: readonly MonitorInput[];
}

export type CoverageStatus = 'covered' | 'uncovered' | 'uncovered-business';

export interface CoverageCell {
  layer: MonitoringLayer;
  /** Names of the monitors on this component and layer, in declaration order. */
  monitors: string[];
  status: CoverageStatus;
}

export interface CoverageRow {
  component: string;
  cells: CoverageCell[];
}

export interface CoverageMatrix {
  applicationId: string;
  rows: CoverageRow[];
  /** Components with no monitor on the business-process layer: no one watches whether transactions flow. */
  uncoveredBusiness: string[];
  /** Covered cells ÷ all cells (components × layers), a fraction; null without components. */
  coveredShare: number | null;
}

/**
 * The component × layer matrix of one application: which monitors watch each cell. A cell without
 * a monitor is `uncovered`; on the business layer it is `uncovered-business` (shown red).
 *
 * @example coverageMatrix({ id: 'fx', components: ['db'], monitoring: [{ name: 'CPU', component: 'db', layer: 'machine', tool: 'Nagios', owner: 'ops' }] }).uncoveredBusiness // ['db']
 */
export function coverageMatrix(app: MonitoredApplication): CoverageMatrix {
  let covered = 0;
  const rows = app.components.map((component): CoverageRow => ({
    component,
    cells: monitoringLayerOrder.map((layer): CoverageCell => {
      const monitors = app.monitoring.filter((m) => m.component === component && m.layer === layer).map((m) => m.name);
      if (monitors.length > 0) covered++;
      return { layer, monitors, status: monitors.length > 0 ? 'covered' : layer === 'business' ? 'uncovered-business' : 'uncovered' };
    }),
  }));
  const cells = app.components.length * monitoringLayerOrder.length;
  return {
    applicationId: app.id,
    rows,
    uncoveredBusiness: rows.filter((row) => row.cells.some((cell) => cell.status === 'uncovered-business')).map((row) => row.component),
    coveredShare: cells > 0 ? covered / cells : null,
  };
}

/** Incident causes read as the layer of the stack that failed. */
const layerOfCause: Record<string, MonitoringLayer> = {
  hardware: 'machine',
  capacity: 'machine',
  network: 'middleware',
  'third-party': 'middleware',
  software: 'application',
  change: 'application',
  data: 'application',
  human: 'application',
  unknown: 'application',
};

/**
 * The layer an incident's cause points at: hardware and capacity → machine; network and third-party →
 * middleware; software, change, data, human and unknown → application.
 *
 * @example failedLayer('capacity') // 'machine'
 */
export function failedLayer(cause: string): MonitoringLayer {
  return layerOfCause[cause] ?? 'application';
}

/** What the health computations need of an incident. */
export interface HealthIncident {
  id: string;
  title: string;
  severity: Severity;
  status: 'open' | 'monitoring' | 'resolved';
  applications: readonly string[];
  component?: string | undefined;
  cause: string;
  channel: string;
  /** Impact start and end, epoch ms; `restoredMs` null while impact lasts. */
  startedMs: number;
  restoredMs: number | null;
}

export interface BlindSpot {
  incidentId: string;
  applicationId: string;
  component: string;
  /** The layer the cause points at (see `failedLayer`). */
  layer: MonitoringLayer;
  /** True when monitoring did not detect the incident (channel other than monitoring). */
  missedByMonitoring: boolean;
}

/**
 * Incidents on a component with no monitor on the layer that failed (the layer of their cause), one
 * entry per incident and application that declares the component, in incident order.
 *
 * @example blindSpots(apps, incidents).map((b) => `${b.incidentId} ${b.component}/${b.layer}`) // ['INC-2026-0007 quote-engine/machine']
 */
export function blindSpots(apps: readonly MonitoredApplication[], incidents: readonly HealthIncident[]): BlindSpot[] {
  const byId = new Map(apps.map((app) => [app.id, app]));
  const out: BlindSpot[] = [];
  for (const incident of incidents) {
    if (incident.component === undefined) continue;
    const layer = failedLayer(incident.cause);
    for (const id of incident.applications) {
      const app = byId.get(id);
      if (!app || !app.components.includes(incident.component)) continue;
      if (app.monitoring.some((m) => m.component === incident.component && m.layer === layer)) continue;
      out.push({ incidentId: incident.id, applicationId: id, component: incident.component, layer, missedByMonitoring: incident.channel !== 'monitoring' });
    }
  }
  return out;
}

// ---- alert noise ---------------------------------------------------------------------------

export type AlertOutcome = 'actionable' | 'false-positive' | 'duplicate' | 'unknown';

export interface AlertInput {
  /** Epoch ms. */
  at: number;
  application: string;
  component: string;
  layer: MonitoringLayer;
  rule: string;
  severity: 'critical' | 'warning';
  outcome: AlertOutcome;
  incident: string | null;
}

export interface OutcomeCounts {
  alerts: number;
  actionable: number;
  falsePositive: number;
  duplicate: number;
  unknown: number;
  /** falsePositive ÷ alerts; null without alerts. */
  falsePositiveShare: number | null;
  /** duplicate ÷ alerts; null without alerts. */
  duplicateShare: number | null;
  /** (falsePositive + duplicate) ÷ alerts: the alerts that cost attention for nothing. */
  noiseShare: number | null;
}

export interface RuleNoise extends OutcomeCounts {
  application: string;
  rule: string;
  /** This rule's alerts ÷ every alert of the period. */
  shareOfAll: number;
}

export interface ApplicationNoise extends OutcomeCounts {
  application: string;
}

export interface AlertNoise {
  interval: Interval;
  /** Length of the interval in days (fractional for a month to date). */
  days: number;
  totals: OutcomeCounts;
  /** alerts ÷ days; null for an empty interval. */
  alertsPerDay: number | null;
  /** Every rule that fired, most alerts first, then the larger noise share, then application and rule. */
  rules: RuleNoise[];
  /** Applications with alerts, by id. */
  applications: ApplicationNoise[];
  /** Alerts that name the incident they led to, in time order. */
  ledToIncident: AlertInput[];
}

function counts(alerts: readonly AlertInput[]): OutcomeCounts {
  const n = alerts.length;
  const of = (outcome: AlertOutcome) => alerts.filter((a) => a.outcome === outcome).length;
  const falsePositive = of('false-positive');
  const duplicate = of('duplicate');
  return {
    alerts: n,
    actionable: of('actionable'),
    falsePositive,
    duplicate,
    unknown: of('unknown'),
    falsePositiveShare: n > 0 ? falsePositive / n : null,
    duplicateShare: n > 0 ? duplicate / n : null,
    noiseShare: n > 0 ? (falsePositive + duplicate) / n : null,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Alert noise over an interval (fromMs ≤ at < toMs, epoch ms): counts by outcome, alerts per day,
 * false-positive and duplicate shares per rule (a rule is named per application) and per application,
 * and the alerts that led to an incident.
 *
 * @example alertNoise(alerts, { fromMs: Date.parse('2026-10-01T00:00Z'), toMs: Date.parse('2026-11-01T00:00Z') }).rules[0]
 * // → { application: 'pricing', rule: 'quote-latency-warn', alerts: 120, falsePositive: 96, noiseShare: 0.85, shareOfAll: 0.4, … }
 */
export function alertNoise(alerts: readonly AlertInput[], interval: Interval): AlertNoise {
  const inside = alerts.filter((a) => a.at >= interval.fromMs && a.at < interval.toMs).sort((a, b) => a.at - b.at);
  const days = Math.max(0, interval.toMs - interval.fromMs) / MS_PER_DAY;
  const total = inside.length;
  const rules = [...groupBy(inside, (a) => `${a.application}\u0000${a.rule}`).values()]
    .map((group): RuleNoise => ({ application: group[0]!.application, rule: group[0]!.rule, ...counts(group), shareOfAll: group.length / total }))
    .sort((a, b) => b.alerts - a.alerts || (b.noiseShare ?? 0) - (a.noiseShare ?? 0) || compareText(a.application, b.application) || compareText(a.rule, b.rule));
  const applications = [...groupBy(inside, (a) => a.application).entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([application, group]): ApplicationNoise => ({ application, ...counts(group) }));
  return {
    interval,
    days,
    totals: counts(inside),
    alertsPerDay: days > 0 ? total / days : null,
    rules,
    applications,
    ledToIncident: inside.filter((a) => a.incident !== null),
  };
}

/**
 * The `limit` rules with the most alerts (the order of `AlertNoise.rules`).
 *
 * @example noisiestRules(alertNoise(alerts, october), 10).map((r) => r.rule) // ['quote-engine-cpu-high', …]
 */
export function noisiestRules(noise: AlertNoise, limit = 10): RuleNoise[] {
  return noise.rules.slice(0, limit);
}

// ---- missed by monitoring --------------------------------------------------------------------

export interface MissedIncident {
  id: string;
  title: string;
  severity: Severity;
  channel: string;
  /** The incident's own lost minutes in the period, all its applications. */
  lostMinutes: number;
}

export interface MissedByMonitoring {
  incidents: MissedIncident[];
  /** Σ lostMinutes of the missed incidents: the availability earlier detection by monitoring could have bought. */
  lostMinutes: number;
  /** Incidents of the period (with lost minutes known) that monitoring detected. */
  detectedByMonitoring: number;
  /** missed ÷ all incidents of the period; null without incidents. */
  missedShare: number | null;
}

/**
 * The period's incidents that monitoring did not detect (channel other than `monitoring`), with their
 * own lost minutes, most minutes first, then id. `lostMinutesById` holds every incident of the period
 * (0 for one that cost nothing).
 *
 * @example missedByMonitoring(incidents, new Map([['INC-2026-0003', 42.5]])).lostMinutes // 42.5 when INC-2026-0003 came in by phone
 */
export function missedByMonitoring(incidents: readonly Pick<HealthIncident, 'id' | 'title' | 'severity' | 'channel'>[], lostMinutesById: ReadonlyMap<string, number>): MissedByMonitoring {
  const inPeriod = incidents.filter((incident) => lostMinutesById.has(incident.id));
  const missed = inPeriod
    .filter((incident) => incident.channel !== 'monitoring')
    .map((incident): MissedIncident => ({ id: incident.id, title: incident.title, severity: incident.severity, channel: incident.channel, lostMinutes: lostMinutesById.get(incident.id) ?? 0 }))
    .sort((a, b) => b.lostMinutes - a.lostMinutes || compareText(a.id, b.id));
  return {
    incidents: missed,
    lostMinutes: missed.reduce((sum, incident) => sum + incident.lostMinutes, 0),
    detectedByMonitoring: inPeriod.length - missed.length,
    missedShare: inPeriod.length > 0 ? missed.length / inPeriod.length : null,
  };
}

// ---- component status board ----------------------------------------------------------------------

export type ComponentStatus = 'red' | 'amber' | 'green';

/** One cause of a component's red or amber: an incident with impact open on it, or a critical alert in the hour before as-of. */
export type BoardCause =
  | { kind: 'incident'; id: string; severity: string; status: string }
  | { kind: 'critical-alert'; rule: string };

export interface ComponentBoardEntry {
  applicationId: string;
  component: string;
  status: ComponentStatus;
  /** Why: the open incidents, then the critical alerts of the last hour; empty when green. */
  causes: BoardCause[];
  /** Ids of the incidents with impact open at as-of on this component. */
  openIncidents: string[];
}

/**
 * The seed's red/amber/green board, per application and component, as of `asOfMs`: red when an
 * incident of SEV1/SEV2 has impact open on the component (started, not restored, not resolved);
 * amber for such a SEV3/SEV4 incident, or a critical alert on the component in the hour before
 * as-of (asOf − 1 h < at ≤ asOf); green otherwise. An incident without a component counts for
 * every component of its applications.
 *
 * @example componentBoard(apps, incidents, alerts, asOf).find((e) => e.component === 'quote-engine')?.status // 'red'
 */
export function componentBoard(
  apps: readonly Pick<MonitoredApplication, 'id' | 'components'>[],
  incidents: readonly HealthIncident[],
  alerts: readonly AlertInput[],
  asOfMs: number,
): ComponentBoardEntry[] {
  const open = incidents.filter((i) => i.status !== 'resolved' && i.startedMs <= asOfMs && (i.restoredMs === null || i.restoredMs > asOfMs));
  const recentCritical = alerts.filter((a) => a.severity === 'critical' && a.at > asOfMs - MS_PER_HOUR && a.at <= asOfMs).sort((a, b) => a.at - b.at);
  return apps.flatMap((app) =>
    app.components.map((component): ComponentBoardEntry => {
      const here = open.filter((i) => i.applications.includes(app.id) && (i.component === undefined || i.component === component));
      const major = here.filter((i) => i.severity === 'SEV1' || i.severity === 'SEV2');
      const alertsHere = recentCritical.filter((a) => a.application === app.id && a.component === component);
      const causes: BoardCause[] = [
        ...here.map((i): BoardCause => ({ kind: 'incident', id: i.id, severity: i.severity, status: i.status })),
        ...alertsHere.map((a): BoardCause => ({ kind: 'critical-alert', rule: a.rule })),
      ];
      const status: ComponentStatus = major.length > 0 ? 'red' : here.length > 0 || alertsHere.length > 0 ? 'amber' : 'green';
      return { applicationId: app.id, component, status, causes, openIncidents: here.map((i) => i.id) };
    }),
  );
}

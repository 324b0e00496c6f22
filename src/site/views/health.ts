// The /health/ page and /api/v1/health.json: monitoring coverage per application, the month's alert
// noise and its trend, incidents monitoring missed, and the red/amber/green component board.
// Every function here takes what it needs as parameters: the repository, the as-of instant, the months.
import type { TopLevelSpec } from 'vega-lite';
import type { TopTalker } from '../../core/availability.ts';
import {
  alertNoise,
  blindSpots,
  componentBoard,
  coverageMatrix,
  missedByMonitoring,
  monitoringLayerOrder,
  noisiestRules,
  type AlertNoise,
  type ComponentBoardEntry,
  type HealthIncident,
  type MissedByMonitoring,
  type MonitoringLayer,
  type OutcomeCounts,
} from '../../core/health.ts';
import { reportInterval } from '../../core/period.ts';
import type { Incident, Repository } from '../../load/repository.ts';
import { memoise, type BuildContext } from '../context.ts';
import { formatCount, formatInstant, formatMinutes, isoInstant, rateText } from '../format.ts';
import { reportMonths } from '../model.ts';
import { monthReport } from './availability.ts';
import { url } from '../urls.ts';
import { capFirst, capLatest } from './records.ts';

/** What the page needs of one month besides the repository: its incidents' own lost minutes. */
export interface HealthMonth {
  month: string;
  /** The month's top talkers (incidents with lost minutes in the month). */
  topTalkers: readonly TopTalker[];
  /** Incidents that started in the month. */
  incidents: readonly Incident[];
}

export interface HealthInput {
  repository: Pick<Repository, 'applications' | 'incidents' | 'alerts' | 'site'>;
  asOfMs: number;
  /** The months of the trend, oldest first; the last is the month the page reports (month to date). */
  months: readonly HealthMonth[];
}

/** Months of alert trend shown. */
export const healthTrendMonths = 12;

/**
 * How many incidents the health page lists by name in each of its incident lists (on a layer no monitor watches;
 * missed by monitoring): the others are counted, summed up per application and layer, and all of them are in
 * `api/v1/health.json`, so the page stays small whatever the history holds.
 */
export const HEALTH_INCIDENTS_SHOWN = 100;
/**
 * How many applications the health page shows in full on the component board and in the coverage matrices: those
 * with the most red and amber components, and those whose monitors leave the most uncovered. Every other one has a
 * line with its counts and a link to its own page, which shows its components' status and uncovered layers.
 */
export const HEALTH_APPLICATIONS_SHOWN = 25;
/** How many incidents monitoring missed the monthly report names, most lost minutes first. */
export const REPORT_MISSED_SHOWN = 10;

export const layerLabels: Record<MonitoringLayer, string> = {
  machine: 'Machine',
  application: 'Application',
  business: 'Business process',
  middleware: 'Middleware',
};

/** An incident as the health core reads it. */
export function healthIncident(incident: Incident): HealthIncident {
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    applications: incident.applications,
    component: incident.component,
    cause: incident.cause,
    channel: incident.channel,
    startedMs: incident.started,
    restoredMs: incident.restored ?? null,
  };
}

/** Every incident of the build as the health core reads it, made once per build: each application page's board reads them. */
export function healthIncidentsOf(context: BuildContext): readonly HealthIncident[] {
  return memoise(context, 'health.incidents', () => context.repository.incidents.map(healthIncident));
}

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** The month's incidents with their own lost minutes: top talkers, plus those that started in the month and cost nothing. */
function lostMinutesOfMonth(month: HealthMonth): Map<string, number> {
  const lost = new Map<string, number>(month.topTalkers.map((t) => [t.id, t.lostMinutes]));
  for (const incident of month.incidents) if (!lost.has(incident.id)) lost.set(incident.id, 0);
  return lost;
}

/** A month's alert noise and the incidents monitoring missed in it (month to date for the as-of month). */
function monthNoiseAndMisses(repository: HealthInput['repository'], month: HealthMonth, asOfMs: number) {
  const lostById = lostMinutesOfMonth(month);
  return {
    noise: alertNoise(repository.alerts, reportInterval(month.month, repository.site.reportingTimezone, asOfMs)),
    missed: missedByMonitoring(repository.incidents.filter((incident) => lostById.has(incident.id)).map(healthIncident), lostById),
  };
}

/** Everything /health/ and its JSON show, computed from the inputs. */
export function healthModel(input: HealthInput) {
  const { repository, asOfMs } = input;
  const zone = repository.site.reportingTimezone;
  const apps = repository.applications.map((app) => ({ id: app.id, name: app.name, components: app.components, monitoring: app.monitoring ?? [] }));
  const incidents = repository.incidents.map(healthIncident);
  const alerts = repository.alerts;
  const current = input.months[input.months.length - 1];
  if (current === undefined) throw new RangeError('healthModel needs at least one month');
  const { noise, missed } = monthNoiseAndMisses(repository, current, asOfMs);
  const noiseByMonth = [...input.months.slice(0, -1).map((m) => ({ month: m.month, noise: alertNoise(alerts, reportInterval(m.month, zone, asOfMs)) })), { month: current.month, noise }];
  return {
    month: current.month,
    coverage: apps.map((app) => ({ app, matrix: coverageMatrix(app) })),
    blindSpots: blindSpots(apps, incidents.filter((i) => i.startedMs <= asOfMs)),
    noise,
    trend: noiseByMonth,
    missed,
    board: componentBoard(apps, incidents, alerts, asOfMs),
    appNames: new Map(apps.map((a) => [a.id, a.name])),
    zone,
  };
}

export type HealthModel = ReturnType<typeof healthModel>;

/** The build's health model over its last report months, worked out once for /health/, its JSON and the component badges. */
export function healthModelOfBuild(ctx: BuildContext): HealthModel {
  return memoise(ctx, 'health.model', () =>
    healthModel({ repository: ctx.repository, asOfMs: ctx.asOfMs, months: healthMonths(reportMonths(ctx), (month) => monthReport(ctx, month)) }),
  );
}

const statusWords = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

function boardGroups(board: readonly ComponentBoardEntry[], names: ReadonlyMap<string, string>) {
  const ids = [...new Set(board.map((e) => e.applicationId))];
  return ids.map((id) => {
    const entries = board.filter((e) => e.applicationId === id);
    return {
      id,
      name: names.get(id) ?? id,
      href: url(`applications/${id}/`),
      anchor: `board-${id}`,
      components: entries.map((e) => ({
        component: e.component,
        status: e.status,
        statusText: statusWords[e.status],
        reasonsText: e.reasons.length === 0 ? 'no open incident, no critical alert in the last hour' : e.reasons.join('; '),
        badgeHref: url(`badges/${id}/${e.component}.svg`),
      })),
    };
  });
}

function outcomeRow(counts: OutcomeCounts) {
  return {
    alerts: counts.alerts,
    actionable: counts.actionable,
    falsePositiveText: `${counts.falsePositive} (${rateText(counts.falsePositiveShare)})`,
    duplicateText: `${counts.duplicate} (${rateText(counts.duplicateShare)})`,
    noiseText: rateText(counts.noiseShare),
    isNoisy: (counts.noiseShare ?? 0) >= 0.5,
  };
}

/** Line chart: share of alerts that were false positives or duplicates, month by month. */
export function noiseTrendSpec(trend: readonly { month: string; noise: AlertNoise }[], title: string): TopLevelSpec {
  const values = trend.flatMap(({ month, noise }) => [
    { month, measure: 'False positives', share: (noise.totals.falsePositiveShare ?? 0) * 100 },
    { month, measure: 'Duplicates', share: (noise.totals.duplicateShare ?? 0) * 100 },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 220,
    title,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: 'Month', axis: { labelAngle: -45 } },
      y: { field: 'share', type: 'quantitative', title: 'Share of alerts (%)', scale: { domain: [0, 100] } },
      color: { field: 'measure', type: 'nominal', title: null, scale: { domain: ['False positives', 'Duplicates'], range: ['#b42318', '#8a5300'] } },
    },
  } as TopLevelSpec;
}

/** A month's alert noise as the health page and the monthly report show it. */
function noiseView(noise: AlertNoise, appName: (id: string) => string, zone: string) {
  return {
    hasAlerts: noise.totals.alerts > 0,
    totals: outcomeRow(noise.totals),
    alertsPerDayText: noise.alertsPerDay === null ? '—' : oneDecimal.format(noise.alertsPerDay),
    daysText: oneDecimal.format(noise.days),
    rules: noisiestRules(noise, 10).map((rule) => ({
      application: appName(rule.application),
      rule: rule.rule,
      shareOfAllText: rateText(rule.shareOfAll),
      ...outcomeRow(rule),
    })),
    applications: noise.applications.map((a) => ({ application: appName(a.application), ...outcomeRow(a) })),
    ledToIncident: noise.ledToIncident.map((a) => ({
      atText: formatInstant(a.at, zone),
      application: appName(a.application),
      component: a.component,
      rule: a.rule,
      incident: a.incident!,
      href: url(`incidents/${a.incident}/`),
    })),
  };
}

/**
 * The incidents monitoring missed, with their lost minutes, as the pages show them: the `limit` that lost the most
 * by name, the rest counted with a link to the JSON (`moreHref`) that lists every one.
 */
function missedView(missed: MissedByMonitoring, limit: number, moreHref: string) {
  const { shown, more, moreText } = capFirst(missed.incidents, limit, 'incidents');
  return {
    count: missed.incidents.length,
    lostMinutesText: formatMinutes(missed.lostMinutes),
    detectedByMonitoring: missed.detectedByMonitoring,
    missedShareText: rateText(missed.missedShare),
    incidents: shown.map((i) => ({ id: i.id, href: url(`incidents/${i.id}/`), title: i.title, severity: i.severity, channel: i.channel, lostText: formatMinutes(i.lostMinutes) })),
    more,
    moreText,
    moreHref,
  };
}

/** Blind spots counted per application and layer, most first: what the page says of the ones it does not list. */
function blindSpotCounts(spots: HealthModel['blindSpots'], appName: (id: string) => string) {
  const counts = new Map<string, { applicationId: string; layer: MonitoringLayer; incidents: number; missed: number }>();
  for (const spot of spots) {
    const key = `${spot.applicationId}\u0000${spot.layer}`;
    const entry = counts.get(key) ?? { applicationId: spot.applicationId, layer: spot.layer, incidents: 0, missed: 0 };
    entry.incidents++;
    if (spot.missedByMonitoring) entry.missed++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.incidents - a.incidents || (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : monitoringLayerOrder.indexOf(a.layer) - monitoringLayerOrder.indexOf(b.layer)))
    .map((entry) => ({
      application: appName(entry.applicationId),
      href: `#coverage-${entry.applicationId}`,
      layerText: layerLabels[entry.layer],
      incidents: entry.incidents,
      missed: entry.missed,
    }));
}

/** The ids of the `limit` applications that rank first by `rank` (smaller first); the caller keeps catalogue order. */
function firstApplications<T extends { id: string }>(list: readonly T[], limit: number, rank: (a: T, b: T) => number): Set<string> {
  return new Set([...list].sort(rank).slice(0, limit).map((entry) => entry.id));
}

/** The coverage matrices the page shows in full, and a line with the counts for each other application. */
function coverageView(model: HealthModel) {
  const all = model.coverage.map(({ app, matrix }) => ({
      id: app.id,
      name: app.name,
      anchor: `coverage-${app.id}`,
      monitorCount: app.monitoring.length,
      coveredText: rateText(matrix.coveredShare),
      uncoveredBusiness: matrix.uncoveredBusiness,
      rows: matrix.rows.map((row) => ({
        component: row.component,
        cells: row.cells.map((cell) => ({
          layer: cell.layer,
          status: cell.status,
          text: cell.status === 'covered' ? cell.monitors.join(', ') : cell.status === 'uncovered-business' ? 'not covered: no business-process monitor' : 'not covered',
          className: cell.status === 'covered' ? 'status status-green' : cell.status === 'uncovered-business' ? 'status status-red' : 'status status-none',
        })),
      })),
    }));
  const uncoveredCells = (entry: (typeof all)[number]) => entry.rows.reduce((sum, row) => sum + row.cells.filter((cell) => cell.status !== 'covered').length, 0);
  const shown = firstApplications(all, HEALTH_APPLICATIONS_SHOWN, (a, b) => b.uncoveredBusiness.length - a.uncoveredBusiness.length || uncoveredCells(b) - uncoveredCells(a));
  const rest = all
    .filter((entry) => !shown.has(entry.id))
    .map((entry) => ({
      name: entry.name,
      anchor: entry.anchor,
      href: url(`applications/${entry.id}/`),
      monitorCount: entry.monitorCount,
      coveredText: entry.coveredText,
      uncoveredBusiness: entry.uncoveredBusiness.length,
    }));
  return {
    coverage: all.filter((entry) => shown.has(entry.id)),
    coverageRest: rest,
    coverageMoreText: rest.length === 0 ? '' : `${formatCount(rest.length)} more applications, fewer cells uncovered; each shows its components' uncovered layers on its own page`,
  };
}

/** The /health/ page: rows and sentences, no chart markup yet (see `withHealthChart`). */
export function healthPage(model: HealthModel, asOfMs: number) {
  const { noise, missed } = model;
  const names = model.appNames;
  const appName = (id: string) => names.get(id) ?? id;
  const allGroups = boardGroups(model.board, names);
  const statusCount = (group: (typeof allGroups)[number], status: string) => group.components.filter((c) => c.status === status).length;
  const boardShown = firstApplications(allGroups, HEALTH_APPLICATIONS_SHOWN, (a, b) => statusCount(b, 'red') - statusCount(a, 'red') || statusCount(b, 'amber') - statusCount(a, 'amber'));
  const board = allGroups.filter((group) => boardShown.has(group.id));
  const boardRest = allGroups
    .filter((group) => !boardShown.has(group.id))
    .map((group) => ({ name: group.name, anchor: group.anchor, href: group.href, red: statusCount(group, 'red'), amber: statusCount(group, 'amber'), green: statusCount(group, 'green') }));
  const counts = { red: model.board.filter((e) => e.status === 'red').length, amber: model.board.filter((e) => e.status === 'amber').length, green: model.board.filter((e) => e.status === 'green').length };
  const chartTitle = `False-positive and duplicate share of alerts, ${model.trend[0]?.month ?? model.month} to ${model.month}`;
  const listedSpots = capLatest(model.blindSpots, HEALTH_INCIDENTS_SHOWN, 'incidents');
  return {
    month: model.month,
    asOfText: formatInstant(asOfMs, model.zone),
    boardCounts: counts,
    board,
    boardRest,
    boardMoreText: boardRest.length === 0 ? '' : `${formatCount(boardRest.length)} more applications, each with its components' status on its own page`,
    layers: monitoringLayerOrder.map((layer) => ({ layer, label: layerLabels[layer] })),
    ...coverageView(model),
    blindSpotCount: model.blindSpots.length,
    // Every one counted per application and layer; the latest listed by name, all of them in the JSON.
    blindSpotsByApplication: blindSpotCounts(model.blindSpots, appName),
    blindSpotsMore: listedSpots.more,
    blindSpotsMoreText: listedSpots.moreText,
    jsonHref: url('api/v1/health.json'),
    blindSpots: listedSpots.shown.map((spot) => ({
      incidentId: spot.incidentId,
      href: url(`incidents/${spot.incidentId}/`),
      application: appName(spot.applicationId),
      component: spot.component,
      layerText: layerLabels[spot.layer],
      detectedText: spot.missedByMonitoring ? 'missed by monitoring' : 'detected by monitoring elsewhere',
    })),
    noise: noiseView(noise, appName, model.zone),
    trend: model.trend.map(({ month, noise: n }) => ({
      month,
      alerts: n.totals.alerts,
      perDayText: n.alertsPerDay === null ? '—' : oneDecimal.format(n.alertsPerDay),
      falsePositiveText: rateText(n.totals.falsePositiveShare),
      duplicateText: rateText(n.totals.duplicateShare),
    })),
    trendChartTitle: chartTitle,
    trendChartSpec: noiseTrendSpec(model.trend, chartTitle),
    missed: missedView(missed, HEALTH_INCIDENTS_SHOWN, url('api/v1/health.json')),
  };
}

export type HealthPage = ReturnType<typeof healthPage>;

/** `/api/v1/health.json`: the board, coverage, blind spots, the month's alert noise and misses, the trend; full precision. */
export function healthJson(model: HealthModel, asOfMs: number) {
  const { noise, missed } = model;
  return {
    asOf: isoInstant(asOfMs),
    month: model.month,
    board: model.board.map(({ applicationId, component, status, reasons, openIncidents }) => ({ application: applicationId, component, status, reasons, openIncidents })),
    coverage: model.coverage.map(({ app, matrix }) => ({
      application: app.id,
      coveredShare: matrix.coveredShare,
      uncoveredBusiness: matrix.uncoveredBusiness,
      components: matrix.rows.map((row) => ({
        component: row.component,
        layers: Object.fromEntries(row.cells.map((cell) => [cell.layer, cell.monitors])),
      })),
    })),
    blindSpots: model.blindSpots.map(({ incidentId, applicationId, component, layer, missedByMonitoring: missedIt }) => ({ incident: incidentId, application: applicationId, component, layer, missedByMonitoring: missedIt })),
    alerts: {
      days: noise.days,
      alertsPerDay: noise.alertsPerDay,
      ...countsJson(noise.totals),
      noisiestRules: noisiestRules(noise, 10).map((rule) => ({ application: rule.application, rule: rule.rule, shareOfAll: rule.shareOfAll, ...countsJson(rule) })),
      applications: noise.applications.map((a) => ({ application: a.application, ...countsJson(a) })),
      ledToIncident: noise.ledToIncident.map((a) => ({ at: isoInstant(a.at), application: a.application, component: a.component, rule: a.rule, incident: a.incident })),
    },
    missedByMonitoring: {
      lostMinutes: missed.lostMinutes,
      detectedByMonitoring: missed.detectedByMonitoring,
      missedShare: missed.missedShare,
      incidents: missed.incidents.map(({ id, severity, channel, lostMinutes }) => ({ id, severity, channel, lostMinutes })),
    },
    trend: model.trend.map(({ month, noise: n }) => ({ month, alertsPerDay: n.alertsPerDay, ...countsJson(n.totals) })),
  };
}

function countsJson(counts: OutcomeCounts) {
  const { alerts, actionable, falsePositive, duplicate, unknown, falsePositiveShare, duplicateShare, noiseShare } = counts;
  return { alerts, actionable, falsePositive, duplicate, unknown, falsePositiveShare, duplicateShare, noiseShare };
}

/** Per-component status badge: a shields-style label and value, coloured by the board's status. */
export function componentBadgeText(entry: Pick<ComponentBoardEntry, 'applicationId' | 'component' | 'status' | 'reasons'>, applicationName: string) {
  return {
    label: `${applicationName} ${entry.component}`,
    value: statusWords[entry.status],
    status: entry.status,
    title: `${applicationName} ${entry.component}: ${statusWords[entry.status].toLowerCase()}${entry.reasons.length > 0 ? ` (${entry.reasons.join('; ')})` : ''}`,
  };
}

/**
 * The last `healthTrendMonths` of `reportMonths` with what health needs of each, read through
 * `monthReport` (the build's memoised month figures, passed in).
 */
export function healthMonths(
  reportMonths: readonly string[],
  monthReport: (month: string) => { topTalkers: readonly TopTalker[]; incidents: readonly Incident[] },
): HealthMonth[] {
  return reportMonths.slice(-healthTrendMonths).map((month) => {
    const report = monthReport(month);
    return { month, topTalkers: report.topTalkers, incidents: report.incidents };
  });
}

/**
 * One application's health for its own page: each component's status as of `asOfMs` with its badge,
 * and the layers its monitors leave uncovered.
 */
export function applicationHealthView(
  app: Pick<Repository['applications'][number], 'id' | 'name' | 'components' | 'monitoring'>,
  incidents: readonly HealthIncident[],
  alerts: Repository['alerts'],
  asOfMs: number,
) {
  const board = componentBoard([app], incidents, alerts, asOfMs);
  const matrix = coverageMatrix({ id: app.id, components: app.components, monitoring: app.monitoring ?? [] });
  return {
    components: board.map((entry) => {
      const row = matrix.rows.find((r) => r.component === entry.component);
      const uncovered = (row?.cells ?? []).filter((cell) => cell.status !== 'covered').map((cell) => layerLabels[cell.layer].toLowerCase());
      return {
        component: entry.component,
        status: entry.status,
        statusText: statusWords[entry.status],
        reasonsText: entry.reasons.join('; '),
        uncoveredText: uncovered.length === 0 ? 'all four layers' : `not: ${uncovered.join(', ')}`,
        isBusinessUncovered: matrix.uncoveredBusiness.includes(entry.component),
        badgeSrc: url(`badges/${app.id}/${entry.component}.svg`),
        badgeAlt: componentBadgeText(entry, app.name).title,
      };
    }),
    monitorCount: (app.monitoring ?? []).length,
    healthHref: url(`health/#coverage-${app.id}`),
  };
}

/**
 * The monthly report's monitoring section for `month`: the month's alert noise (its five noisiest
 * rules) and the incidents monitoring missed with their lost minutes, month to date for the as-of month.
 */
export function monthMonitoringSection(
  repository: Pick<Repository, 'applications' | 'incidents' | 'alerts' | 'site'>,
  month: HealthMonth,
  asOfMs: number,
) {
  const { noise: monthNoise, missed } = monthNoiseAndMisses(repository, month, asOfMs);
  const names = new Map(repository.applications.map((app) => [app.id, app.name]));
  const noise = noiseView(monthNoise, (id) => names.get(id) ?? id, repository.site.reportingTimezone);
  return {
    month: month.month,
    hasAlerts: noise.hasAlerts,
    alerts: noise.totals.alerts,
    alertsPerDayText: noise.alertsPerDayText,
    actionable: noise.totals.actionable,
    falsePositiveText: noise.totals.falsePositiveText,
    duplicateText: noise.totals.duplicateText,
    rules: noise.rules.slice(0, 5),
    missed: missedView(missed, REPORT_MISSED_SHOWN, url(`api/v1/top-talkers/${month.month}.json`)),
    href: url('health/'),
  };
}

// The /health/ page (its JSON is health-json.ts): monitoring coverage per application, the month's alert
// noise and its trend, incidents monitoring missed, and the red/amber/green component board.
// Every function here takes what it needs as parameters: the repository, the as-of instant, the months.
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
  type OutcomeCounts,
} from '../../core/health.ts';
import { reportInterval } from '../../core/period.ts';
import type { Incident, Repository } from '../../load/repository.ts';
import { memoise, type BuildContext } from '../context.ts';
import { formatCount, formatInstant, formatMinutes, rateText, statusWords } from '../format.ts';
import { reportMonths } from '../model.ts';
import { monthReport } from './availability.ts';
import { url } from '../urls.ts';
import { noiseTrendSpec } from '../charts/health.ts';
import { boardReasons, layerLabels } from '../words/health.ts';
import { capFirst, capLatest } from './records.ts';
import { blindSpotCounts, coverageView, firstApplications, HEALTH_APPLICATIONS_SHOWN, HEALTH_INCIDENTS_SHOWN } from './health-lists.ts';

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
export function monthNoiseAndMisses(repository: HealthInput['repository'], month: HealthMonth, asOfMs: number) {
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
        reasonsText: e.causes.length === 0 ? 'no open incident, no critical alert in the last hour' : boardReasons(e).join('; '),
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

/** A month's alert noise as the health page and the monthly report show it. */
export function noiseView(noise: AlertNoise, appName: (id: string) => string, zone: string) {
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
export function missedView(missed: MissedByMonitoring, limit: number, moreHref: string) {
  const { shown, more, moreText } = capFirst(missed.incidents, limit, 'incident');
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
  const listedSpots = capLatest(model.blindSpots, HEALTH_INCIDENTS_SHOWN, 'incident');
  return {
    month: model.month,
    asOfText: formatInstant(asOfMs, model.zone),
    boardCounts: counts,
    board,
    boardRest,
    boardMoreText: boardRest.length === 0 ? '' : `${formatCount(boardRest.length)} more applications, each with its components' status on its own page`,
    layers: monitoringLayerOrder.map((layer) => ({ layer, label: layerLabels[layer] })),
    ...coverageView(model.coverage),
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

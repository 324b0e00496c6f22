// `/api/v1/health.json`: the health model at full precision.
import { noisiestRules, type OutcomeCounts } from '../../core/health.ts';
import { isoInstant } from '../format.ts';
import { boardReasons } from '../words/health.ts';
import type { HealthModel } from './health.ts';

/** `/api/v1/health.json`: the board, coverage, blind spots, the month's alert noise and misses, the trend; full precision. */
export function healthJson(model: HealthModel, asOfMs: number) {
  const { noise, missed } = model;
  return {
    asOf: isoInstant(asOfMs),
    month: model.month,
    board: model.board.map((entry) => ({
      application: entry.applicationId,
      component: entry.component,
      status: entry.status,
      reasons: boardReasons(entry),
      openIncidents: entry.openIncidents,
    })),
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

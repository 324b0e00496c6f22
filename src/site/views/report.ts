// The monthly report and overview as display values: every figure computed from the data here,
// templates only place them.
import type { TopLevelSpec } from 'vega-lite';
import type { AvailabilityRow, AvailabilityStatus } from '../../core/availability.ts';
import { truncatePercent } from '../words/percent.ts';
import { monthInterval } from '../../core/period.ts';
import type { Application } from '../../load/repository.ts';
import { availabilityText, budgetConsumedText, formatInstant, formatMinutes, minutesText, monthTitle } from '../format.ts';
import { recordIndex, reportMonths } from '../model.ts';
import { url } from '../urls.ts';
import { isMonthToDate, monthReport, previousReport } from './availability.ts';
import type { BuildContext } from '../context.ts';
import { compareText } from '../../core/compare.ts';
import { availabilityChartSpec } from '../charts/availability.ts';

// The display formats live in site/format.ts; they stay importable from here for existing callers.
export { availabilityText, budgetConsumedText, minutesText, monthTitle } from '../format.ts';

export interface AvailabilityLine {
  id: string;
  name: string;
  href: string;
  targetText: string;
  scheduledText: string;
  lostText: string;
  availabilityText: string;
  budgetText: string;
  consumedText: string;
  status: AvailabilityStatus;
  previousText: string;
  changeText: string;
}

function appName(id: string, apps: readonly Application[]): string {
  return apps.find((a) => a.id === id)?.name ?? id;
}

/** Change against the month before in percentage points, truncated like the figures themselves. */
function changeText(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const delta = Number(truncatePercent(now)) - Number(truncatePercent(before));
  if (Math.abs(delta) < 0.005) return '±0.00 pp';
  return `${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(2)} pp`;
}

function availabilityLine(row: AvailabilityRow, before: AvailabilityRow | undefined, apps: readonly Application[]): AvailabilityLine {
  return {
    id: row.id,
    name: appName(row.id, apps),
    href: url(`applications/${row.id}/`),
    targetText: `${row.target} %`,
    scheduledText: minutesText(row.scheduledMinutes),
    lostText: minutesText(row.lostMinutes),
    availabilityText: availabilityText(row.availability),
    budgetText: minutesText(row.errorBudgetMinutes),
    consumedText: budgetConsumedText(row.budgetConsumed),
    status: row.status,
    previousText: before ? availabilityText(before.availability) : '—',
    changeText: changeText(row.availability, before?.availability ?? null),
  };
}

function countsTable(counts: Record<string, number>): { key: string; count: number }[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || compareText(a.key, b.key));
}

function durationText(minutes: number | null): string {
  return minutes === null ? '—' : formatMinutes(minutes);
}

/** Everything the monthly report page shows. */
export function reportPage(ctx: BuildContext, month: string) {
  const repo = ctx.repository;
  const zone = repo.site.reportingTimezone;
  const report = monthReport(ctx, month);
  const before = previousReport(ctx, month, reportMonths(ctx));
  const beforeRows = new Map(before?.availability.applications.map((r) => [r.id, r]) ?? []);
  const lines = report.availability.applications.map((row) => availabilityLine(row, beforeRows.get(row.id), repo.applications));
  const index = recordIndex(ctx).incidents;
  const isCurrent = isMonthToDate(ctx, month);
  const { portfolio } = report.availability;
  const statusCount = (s: AvailabilityStatus) => lines.filter((l) => l.status === s).length;
  const totalLost = portfolio.lostMinutes;
  const beforeLost = before?.availability.portfolio.lostMinutes ?? null;
  const m = report.metrics;
  return {
    month,
    title: monthTitle(month),
    isCurrent,
    periodText: isCurrent
      ? `month to date, ${formatInstant(monthInterval(month, zone).fromMs, zone)} to ${formatInstant(ctx.asOfMs, zone)}`
      : `${formatInstant(monthInterval(month, zone).fromMs, zone)} to ${formatInstant(monthInterval(month, zone).toMs, zone)}`,
    portfolioText: availabilityText(portfolio.availability),
    portfolioBeforeText: before ? availabilityText(before.availability.portfolio.availability) : '—',
    portfolioChangeText: changeText(portfolio.availability, before?.availability.portfolio.availability ?? null),
    red: statusCount('red'),
    amber: statusCount('amber'),
    green: statusCount('green'),
    lines,
    lostText: minutesText(totalLost),
    lostBeforeText: beforeLost === null ? '—' : minutesText(beforeLost),
    incidentCount: m.count,
    incidentCountBefore: before ? before.metrics.count : null,
    topTalkers: report.topTalkers.slice(0, 10).map((t, i) => ({
      rank: i + 1,
      id: t.id,
      title: t.title,
      href: url(`incidents/${t.id}/`),
      severity: t.severity,
      applications: t.applications.join(', '),
      lostText: minutesText(t.lostMinutes),
      startedText: formatInstant(index.get(t.id)?.started ?? 0, zone),
    })),
    topTalkerCount: report.topTalkers.length,
    metrics: {
      bySeverity: countsTable(m.bySeverity),
      byCause: countsTable(m.byCause),
      byChannel: countsTable(m.byChannel),
      byResolvedAt: countsTable(m.byResolvedAt),
      mttaMedian: durationText(m.mtta.medianMinutes),
      mttaP90: durationText(m.mtta.p90Minutes),
      mttrMedian: durationText(m.mttr.medianMinutes),
      mttrP90: durationText(m.mttr.p90Minutes),
      mttaN: m.mtta.n,
      mttrN: m.mttr.n,
      changeInduced: m.changeInduced,
      changeInducedShareText: m.changeInducedShare === null ? '—' : `${Math.round(m.changeInducedShare * 1000) / 10} %`,
    },
  };
}

/** The monthly report's chart: each application's availability against its target, or null when no application has a figure. */
export function reportChart(ctx: BuildContext, month: string): { spec: TopLevelSpec; title: string } | null {
  const applications = ctx.repository.applications;
  const data = monthReport(ctx, month)
    .availability.applications.filter((r) => r.availability !== null)
    .map((r) => ({ application: appName(r.id, applications), availability: r.availability! * 100, target: r.target, status: r.status }));
  return data.length > 0 ? { spec: availabilityChartSpec(data), title: `Availability by application, ${monthTitle(month)}, against target` } : null;
}

/** Reports newest first, each with its portfolio figure and status counts, for the index. */
export function reportIndex(ctx: BuildContext) {
  return [...reportMonths(ctx)].reverse().map((month) => {
    const report = monthReport(ctx, month);
    const rows = report.availability.applications;
    return {
      month,
      title: monthTitle(month),
      href: url(`reports/${month}/`),
      portfolioText: availabilityText(report.availability.portfolio.availability),
      red: rows.filter((r) => r.status === 'red').length,
      amber: rows.filter((r) => r.status === 'amber').length,
      incidents: report.metrics.count,
      isCurrent: isMonthToDate(ctx, month),
    };
  });
}

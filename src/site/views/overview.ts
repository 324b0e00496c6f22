// The overview: every application's month to date, open serious incidents, the latest incidents.
import { availabilityText, budgetConsumedText, monthTitle } from '../format.ts';
import { currentMonth, monthReport } from './availability.ts';
import { url } from '../urls.ts';
import { incidentRow, newestFirst } from './records.ts';
import type { BuildContext } from '../context.ts';

export function overviewPage(ctx: BuildContext) {
  const repo = ctx.repository;
  const zone = repo.site.reportingTimezone;
  const month = currentMonth(ctx);
  const report = monthReport(ctx, month);
  const apps = new Map(repo.applications.map((a) => [a.id, a]));
  const applications = report.availability.applications.map((row) => ({
    id: row.id,
    name: apps.get(row.id)?.name ?? row.id,
    href: url(`applications/${row.id}/`),
    status: row.status,
    availabilityText: availabilityText(row.availability),
    targetText: `${row.target} %`,
    consumedText: budgetConsumedText(row.budgetConsumed),
  }));
  const openSerious = newestFirst(
    repo.incidents.filter((i) => i.status !== 'resolved' && (i.severity === 'SEV1' || i.severity === 'SEV2')),
    (i) => i.started,
  ).map((i) => incidentRow(i, zone, ctx.asOfMs));
  const latest = newestFirst(repo.incidents, (i) => i.started)
    .slice(0, 10)
    .map((i) => incidentRow(i, zone, ctx.asOfMs));
  return {
    month,
    monthTitle: monthTitle(month),
    reportHref: url(`reports/${month}/`),
    portfolioText: availabilityText(report.availability.portfolio.availability),
    applications,
    openSerious,
    latest,
  };
}

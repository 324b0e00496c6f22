// Load + validate + compute every report-wide number with the core, no pages: what the build
// needs before it renders anything.
import { loadRepository, resolveRoot } from '../../src/load/repository.ts';
import { asOfFromEnvironment } from '../../src/site/as-of.ts';
import { indexAvailability, maintenanceFromChanges, monthlyAvailability, monthlyTopTalkers } from '../../src/core/availability.ts';
import { incidentMetrics } from '../../src/core/incident-metrics.ts';
import { monthOf, monthsBetween, reportInterval } from '../../src/core/period.ts';
import { analyseCapacity } from '../../src/core/capacity.ts';
import { bucketEffortByMonth, effortBreakdown } from '../../src/core/effort.ts';

const asOfMs = asOfFromEnvironment({ OPSLEDGER_AS_OF: process.env.OPSLEDGER_AS_OF ?? '2026-11-25T00:00:00Z' });
const { repository, diagnostics } = loadRepository(resolveRoot());
// Warnings (broken change rules) do not stop the build, so they do not stop this either.
const errors = diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0) {
  console.error(`${errors.length} validation errors`);
  process.exit(1);
}
const zone = repository.site.reportingTimezone;
const first = repository.incidents.reduce((m, i) => Math.min(m, i.started), asOfMs);
const months = monthsBetween(monthOf(first, zone), monthOf(asOfMs, zone));
const index = indexAvailability(repository.incidents, maintenanceFromChanges(repository.changes), zone, asOfMs);
let talkers = 0;
for (const month of months) {
  monthlyAvailability(repository.applications, index, month);
  talkers += monthlyTopTalkers(repository.applications, index, month).length;
  const range = reportInterval(month, zone, asOfMs);
  incidentMetrics(repository.incidents.filter((i) => i.started >= range.fromMs && i.started < range.toMs), range);
}
const capacity = repository.capacity.map((series) => analyseCapacity(series, asOfMs));
const ledger = bucketEffortByMonth(repository.timeEntries);
for (const month of months) effortBreakdown(ledger, [month], repository.site.fteHoursPerMonth);
console.log(JSON.stringify({ months: months.length, talkers, capacity: capacity.length, incidents: repository.incidents.length }));

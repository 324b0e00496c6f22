// An application's page: its terms, twelve months of availability, its incidents.
import type { TopLevelSpec } from 'vega-lite';
import type { Application } from '../../load/repository.ts';
import { monthOf } from '../../core/period.ts';
import { reportMonths } from '../model.ts';
import { url } from '../urls.ts';
import { monthReport } from './availability.ts';
import { externalFacts, incidentRow, incidentYearPath, incidentYears, newestFirst, type Fact } from './records.ts';
import type { BuildContext } from '../context.ts';

/** How many incidents an application's page lists by name. */
const APPLICATION_INCIDENTS_SHOWN = 200;
import { availabilityText, budgetConsumedText, formatCount, minutesText, monthTitle } from '../format.ts';
import { historyChartSpec } from '../charts/availability.ts';

/** "24x7", or "mon–fri 07:00-19:00 America/New_York". */
export function calendarText(calendar: Application['calendar']): string {
  if (calendar === '24x7') return '24x7';
  return calendar.map((w) => `${w.days.join(', ')} ${w.hours} ${w.timezone}`).join('; ');
}

export function applicationPage(ctx: BuildContext, app: Application) {
  const repo = ctx.repository;
  const zone = repo.site.reportingTimezone;
  const months = reportMonths(ctx).slice(-12);
  const history = months.map((month) => {
    const row = monthReport(ctx, month).availability.applications.find((r) => r.id === app.id)!;
    return {
      month,
      title: monthTitle(month),
      href: url(`reports/${month}/`),
      availability: row.availability,
      availabilityText: availabilityText(row.availability),
      lostText: minutesText(row.lostMinutes),
      consumedText: budgetConsumedText(row.budgetConsumed),
      status: row.status,
    };
  });
  const team = repo.teams.find((t) => t.id === app.team);
  const facts: Fact[] = [
    { label: 'Team', text: team ? team.name : app.team, href: url('escalation/') },
    { label: 'Availability target', text: `${app.target} %` },
    { label: 'Service hours', text: calendarText(app.calendar) },
    { label: 'Users by region', text: Object.entries(app.regions).map(([r, s]) => `${r} ${Math.round(s * 1000) / 10} %`).join(', ') },
    { label: 'Components', text: app.components.join(', ') },
    { label: 'Maintenance', text: app.excludeMaintenance ? 'scheduled downtime is excluded from service hours' : 'scheduled downtime counts as service hours' },
    ...externalFacts(app.external),
  ];
  const firstMonth = months[0] ?? monthOf(ctx.asOfMs, zone);
  const recent = newestFirst(
    repo.incidents.filter((i) => i.applications.includes(app.id) && monthOf(i.started, zone) >= firstMonth),
    (i) => i.started,
  );
  // A busy application logs thousands a year: the page lists the latest and points at the yearly lists.
  const incidents = recent.slice(0, APPLICATION_INCIDENTS_SHOWN).map((i) => incidentRow(i, zone, ctx.asOfMs));
  const incidentsCaption =
    recent.length > incidents.length
      ? `The latest ${formatCount(incidents.length)} of ${formatCount(recent.length)} incidents on ${app.name} in these twelve months, newest first`
      : `${formatCount(recent.length)} incidents on ${app.name}, newest first`;
  const incidentYearLinks =
    recent.length > incidents.length ? incidentYears(recent, zone).map((year) => ({ year, href: url(incidentYearPath(year, 1)) })) : [];
  const changes = newestFirst(
    repo.changes.filter((c) => c.applications.includes(app.id) && monthOf(c.plannedStart, zone) >= firstMonth),
    (c) => c.plannedStart,
  ).map((c) => ({ id: c.id, title: c.title, href: url(`changes/${c.id}/`), type: c.type, outcome: c.outcome, month: monthOf(c.plannedStart, zone) }));
  return { facts, history, incidents, incidentsCaption, incidentYearLinks, changes, hasCapacity: app.capacity !== undefined };
}

/**
 * The application page's chart: availability over the last twelve months against the target, or null with
 * fewer than two months of figures (a line needs two points; the table says the rest).
 */
export function applicationChart(ctx: BuildContext, app: Pick<Application, 'id' | 'name' | 'target'>): { spec: TopLevelSpec; title: string } | null {
  const data = reportMonths(ctx)
    .slice(-12)
    .flatMap((month) => {
      const availability = monthReport(ctx, month).availability.applications.find((r) => r.id === app.id)?.availability ?? null;
      return availability === null ? [] : [{ month, availability: availability * 100, target: app.target }];
    });
  return data.length > 1 ? { spec: historyChartSpec(data), title: `${app.name}: availability by month against the ${app.target} % target` } : null;
}

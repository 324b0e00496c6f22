// The public status page's view model: only what data/site.yaml's `public:` block and the records' own
// `public:` blocks opt in, with every figure from the same core as the internal report (status from the impact
// at the as-of instant, availability from S and L). Nothing else of a record is read into these values, so a page
// built from them cannot show a person, a customer, a cause or an internal text. Its files (uptime bars,
// badges, feeds, JSON, search records) are status-files.ts.
import { dailyUptime, impactAt, serviceStatusOf, worstServiceStatus, type DayUptime, type ServiceStatus } from '../../core/service-status.ts';
import { monthOf, addDays, dateInZone, dayInterval } from '../../core/period.ts';
import { compareRecordIds } from '../../core/ids.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../core/units.ts';
import type { AvailabilityStatus } from '../../core/availability.ts';
import type { Application, Change, Incident } from '../../load/repository.ts';
import type { PublicText } from '../../schema/records.ts';
import { memoise, type BuildContext } from '../context.ts';
import { availabilityText, formatDay, formatInstant, formatMinutes, isoInstant, monthTitle } from '../format.ts';
import { url } from '../urls.ts';
import { currentMonth, isMonthToDate, monthReport } from './availability.ts';
import { bannerText, noServiceBannerText, dayUptimeText, investigatingText, maintenanceStateText, monthVerdictText, notScheduledText, publicIncidentStateText, serviceStatusText, updateKindText, uptimeLegendText } from '../words/status.ts';

/** Days in each application's uptime bar, the last one ending at the as-of instant. */
export const uptimeDays = 90;
/** Past maintenance the maintenance page keeps listing. */
export const pastMaintenanceDays = 90;
/** Public incidents the feed carries, newest first. */
export const publicFeedLimit = 50;

export interface PublicApplication {
  id: string;
  /** The name customers know it by (site.yaml `public.applications[].name`). */
  name: string;
  status: ServiceStatus;
  statusText: string;
  target: number;
  /** This month to date, from the report's own row. */
  month: { month: string; title: string; availability: number | null; availabilityText: string; verdict: AvailabilityStatus; verdictText: string };
  days: (DayUptime & { date: string; availabilityText: string; lostText: string; text: string })[];
  /** Availability over the whole bar: Σ(S − L) / ΣS of its days. */
  uptime: number | null;
  uptimeText: string;
}

export interface PublicUpdate {
  atMs: number;
  atIso: string;
  atText: string;
  heading: string;
  text: string;
}

export interface PublicIncident {
  id: string;
  title: string;
  summary: string | null;
  state: keyof typeof publicIncidentStateText;
  stateText: string;
  severity: Incident['severity'];
  /** Public names of the public applications it concerns (possibly none). */
  applications: string[];
  applicationIds: string[];
  startedMs: number;
  restoredMs: number | null;
  windowText: string;
  durationText: string;
  updates: PublicUpdate[];
  href: string;
}

/** An open incident that has no public text yet: its start, and nothing else. */
export interface InvestigatingNotice {
  startedMs: number;
  startedIso: string;
  startedText: string;
  text: string;
}

export interface PublicMaintenance {
  id: string;
  title: string;
  summary: string | null;
  applications: string[];
  applicationIds: string[];
  fromMs: number;
  toMs: number;
  windowText: string;
  state: keyof typeof maintenanceStateText;
  stateText: string;
}

interface PublicModel {
  applications: PublicApplication[];
  incidents: PublicIncident[];
  investigating: InvestigatingNotice[];
  maintenance: PublicMaintenance[];
}

/** The public block of data/site.yaml, or an empty one: a public build without it publishes no application. */
export function publicSite(ctx: BuildContext) {
  const block = ctx.site.public;
  return {
    title: block?.title ?? 'Service status',
    support: block?.support ?? null,
    supportHref: block?.support === undefined ? null : block.support.includes('@') && !block.support.includes('://') ? `mailto:${block.support}` : block.support,
    applications: block?.applications ?? [],
    timeZone: ctx.site.reportingTimezone,
    asOfIso: isoInstant(ctx.asOfMs),
    asOfText: formatInstant(ctx.asOfMs, ctx.site.reportingTimezone),
  };
}

function windowText(fromMs: number, toMs: number | null, timeZone: string): string {
  return toMs === null ? `since ${formatInstant(fromMs, timeZone)}` : `${formatInstant(fromMs, timeZone)} to ${formatInstant(toMs, timeZone)}`;
}

/** The 90 calendar days (reporting zone) ending with the as-of day, that one cut at as-of. */
function uptimeWindows(ctx: BuildContext): { date: string; fromMs: number; toMs: number }[] {
  const zone = ctx.site.reportingTimezone;
  const today = dateInZone(ctx.asOfMs, zone);
  const days: { date: string; fromMs: number; toMs: number }[] = [];
  for (let back = uptimeDays - 1; back >= 0; back -= 1) {
    const date = addDays(today, -back);
    const day = dayInterval(date, zone);
    days.push({ date, fromMs: day.fromMs, toMs: Math.min(day.toMs, ctx.asOfMs) });
  }
  return days.filter((day) => day.toMs > day.fromMs);
}

function publicApplication(ctx: BuildContext, app: Application, name: string, incidents: readonly Incident[], maintenance: ReturnType<typeof maintenanceOf>): PublicApplication {
  const status = serviceStatusOf(impactAt(app, incidents, ctx.asOfMs));
  const month = currentMonth(ctx);
  const row = monthReport(ctx, month).availability.applications.find((r) => r.id === app.id);
  const windows = uptimeWindows(ctx);
  const days = dailyUptime(app, incidents, windows, maintenance, ctx.asOfMs).map((day, i) => {
    const date = (windows[i] as { date: string }).date;
    const availability = day.availability === null ? null : availabilityText(day.availability);
    const lost = day.lostMinutes > 0 ? formatMinutes(day.lostMinutes) : null;
    return { ...day, date, availabilityText: availability ?? notScheduledText, lostText: lost ?? '—', text: dayUptimeText(date, availability, lost) };
  });
  let scheduled = 0;
  let lost = 0;
  for (const day of days) {
    scheduled += day.scheduledMinutes;
    lost += day.lostMinutes;
  }
  const uptime = scheduled > 0 ? (scheduled - lost) / scheduled : null;
  const verdict = row?.status ?? 'none';
  const verdictText = monthVerdictText[verdict];
  return {
    id: app.id,
    name,
    status,
    statusText: serviceStatusText[status],
    target: app.target,
    month: { month, title: isMonthToDate(ctx, month) ? `${monthTitle(month)} so far` : monthTitle(month), availability: row?.availability ?? null, availabilityText: availabilityText(row?.availability ?? null), verdict, verdictText },
    days,
    uptime,
    uptimeText: availabilityText(uptime),
  };
}

function maintenanceOf(ctx: BuildContext, app: Application) {
  return ctx.repository.changes.flatMap((change) =>
    change.downtime !== undefined && change.applications.includes(app.id) ? [{ changeId: change.id, applications: change.applications, fromMs: change.downtime.from, toMs: change.downtime.to }] : [],
  );
}

function toPublicIncident(ctx: BuildContext, incident: Incident & { public: PublicText }, names: ReadonlyMap<string, string>): PublicIncident {
  const zone = ctx.site.reportingTimezone;
  const applicationIds = incident.applications.filter((id) => names.has(id));
  const restoredMs = incident.restored ?? null;
  const endMs = restoredMs ?? ctx.asOfMs;
  const updates = incident.updates
    .filter((update) => update.public)
    .sort((a, b) => b.at - a.at)
    .map((update) => ({ atMs: update.at, atIso: isoInstant(update.at), atText: formatInstant(update.at, zone), heading: updateKindText[update.kind], text: update.text }));
  return {
    id: incident.id,
    title: incident.public.title,
    summary: incident.public.summary ?? null,
    state: incident.status,
    stateText: publicIncidentStateText[incident.status],
    severity: incident.severity,
    applications: applicationIds.map((id) => names.get(id) as string),
    applicationIds,
    startedMs: incident.started,
    restoredMs,
    windowText: windowText(incident.started, restoredMs, zone),
    durationText: formatMinutes((endMs - incident.started) / MS_PER_MINUTE) + (restoredMs === null ? ' so far' : ''),
    updates,
    href: url(`incidents/${incident.id}/`),
  };
}

export function statusModel(ctx: BuildContext): PublicModel {
  return memoise(ctx, 'status.model', () => {
    const zone = ctx.site.reportingTimezone;
    const listed = publicSite(ctx).applications;
    const names = new Map(listed.map((entry) => [entry.id, entry.name]));
    const appById = new Map(ctx.repository.applications.map((app) => [app.id, app]));
    const horizonMs = dayInterval(addDays(dateInZone(ctx.asOfMs, zone), -uptimeDays), zone).fromMs;
    const applications = listed.flatMap((entry) => {
      const app = appById.get(entry.id);
      if (!app) return [];
      // Only the incidents that can touch the bar or the month: the core still sees every one of them.
      const incidents = ctx.repository.incidents.filter(
        (incident) => incident.applications.includes(app.id) && (incident.restored === undefined || incident.restored >= Math.min(horizonMs, monthStart(ctx))),
      );
      return [publicApplication(ctx, app, entry.name, incidents, maintenanceOf(ctx, app))];
    });
    const incidents = ctx.repository.incidents
      .filter((incident): incident is Incident & { public: PublicText } => incident.public !== undefined)
      .map((incident) => toPublicIncident(ctx, incident, names))
      .sort((a, b) => b.startedMs - a.startedMs || compareRecordIds(a.id, b.id));
    const investigating = ctx.repository.incidents
      .filter((incident) => incident.status === 'open' && incident.public === undefined && incident.applications.some((id) => names.has(id)))
      .map((incident) => incident.started)
      .sort((a, b) => b - a)
      .map((startedMs) => ({ startedMs, startedIso: isoInstant(startedMs), startedText: formatInstant(startedMs, zone), text: investigatingText }));
    const maintenance = ctx.repository.changes
      .filter((change): change is Change & { public: PublicText; downtime: { from: number; to: number } } => change.public !== undefined && change.downtime !== undefined && change.outcome !== 'cancelled')
      .map((change) => {
        const applicationIds = change.applications.filter((id) => names.has(id));
        const state: PublicMaintenance['state'] = change.downtime.to <= ctx.asOfMs ? 'completed' : change.downtime.from <= ctx.asOfMs ? 'in-progress' : 'upcoming';
        return {
          id: change.id,
          title: change.public.title,
          summary: change.public.summary ?? null,
          applications: applicationIds.map((id) => names.get(id) as string),
          applicationIds,
          fromMs: change.downtime.from,
          toMs: change.downtime.to,
          windowText: windowText(change.downtime.from, change.downtime.to, zone),
          state,
          stateText: maintenanceStateText[state],
        };
      })
      .sort((a, b) => a.fromMs - b.fromMs || compareRecordIds(a.id, b.id));
    return { applications, incidents, investigating, maintenance };
  });
}

function monthStart(ctx: BuildContext): number {
  const zone = ctx.site.reportingTimezone;
  return dayInterval(`${monthOf(ctx.asOfMs, zone)}-01`, zone).fromMs;
}

/** The home page: the banner, what is happening now and next, and each public application. */
export function statusOverview(ctx: BuildContext) {
  const { applications, incidents, investigating, maintenance } = statusModel(ctx);
  const banner = worstServiceStatus([...applications.map((app) => app.status), ...(investigating.length > 0 ? (['degraded'] as const) : [])]);
  return {
    site: publicSite(ctx),
    banner,
    bannerText: applications.length === 0 && investigating.length === 0 ? noServiceBannerText : bannerText[banner],
    uptimeLegend: uptimeLegendText,
    applications,
    active: incidents.filter((incident) => incident.state !== 'resolved'),
    investigating,
    upcoming: maintenance.filter((window) => window.state !== 'completed'),
    recent: incidents.filter((incident) => incident.state === 'resolved' && incident.startedMs >= ctx.asOfMs - 7 * MS_PER_DAY).slice(0, 10),
  };
}

/** Every public incident, newest first. */
export function publicIncidents(ctx: BuildContext): PublicIncident[] {
  return statusModel(ctx).incidents;
}

/** The public incident of this id (its page), or throws: the page list is built from the same list. */
export function publicIncident(ctx: BuildContext, id: string): PublicIncident {
  const found = statusModel(ctx).incidents.find((incident) => incident.id === id);
  if (!found) throw new Error(`${id} has no public page`);
  return found;
}

/** Years that have public incidents, newest first, each with its count; the history index lists them. */
export function historyYears(ctx: BuildContext): { year: string; count: number; href: string }[] {
  const zone = ctx.site.reportingTimezone;
  const counts = new Map<string, number>();
  for (const incident of statusModel(ctx).incidents) {
    const year = formatDay(incident.startedMs, zone).slice(0, 4);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? 1 : -1)).map(([year, count]) => ({ year, count, href: url(`history/${year}/`) }));
}

/** One year's public incidents by month (reporting zone), newest month first. */
export function historyOfYear(ctx: BuildContext, year: string): { month: string; title: string; incidents: PublicIncident[] }[] {
  const zone = ctx.site.reportingTimezone;
  const byMonth = new Map<string, PublicIncident[]>();
  for (const incident of statusModel(ctx).incidents) {
    const month = monthOf(incident.startedMs, zone);
    if (!month.startsWith(`${year}-`)) continue;
    byMonth.set(month, [...(byMonth.get(month) ?? []), incident]);
  }
  return [...byMonth].sort(([a], [b]) => (a < b ? 1 : -1)).map(([month, incidents]) => ({ month, title: monthTitle(month), incidents }));
}

/** The maintenance page: what is scheduled or running, then what finished in the last 90 days. */
export function maintenancePage(ctx: BuildContext) {
  const windows = statusModel(ctx).maintenance;
  const since = ctx.asOfMs - pastMaintenanceDays * MS_PER_DAY;
  return {
    upcoming: windows.filter((window) => window.state !== 'completed'),
    past: windows.filter((window) => window.state === 'completed' && window.toMs >= since).reverse(),
    pastDays: pastMaintenanceDays,
  };
}

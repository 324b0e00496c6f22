// The public status page's view model: only what data/site.yaml's `public:` block and the records' own
// `public:` blocks opt in, with every figure from the same core as the internal report (status from the impact
// at the as-of instant, availability from S and L). Nothing else of a record is read into these values, so a page
// built from them cannot show a person, a customer, a cause or an internal text.
import { dailyUptime, impactAt, serviceStatusOf, worstServiceStatus, type DayUptime, type ServiceStatus } from '../../core/service-status.ts';
import { monthOf, addDays, dateInZone, dayInterval } from '../../core/period.ts';
import { compareRecordIds } from '../../core/ids.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../core/units.ts';
import type { AvailabilityStatus } from '../../core/availability.ts';
import type { Application, Change, Incident } from '../../load/repository.ts';
import type { PublicText } from '../../schema/records.ts';
import { memoise, type BuildContext } from '../context.ts';
import { availabilityText, formatDay, formatInstant, formatMinutes, isoInstant, monthTitle } from '../format.ts';
import { absoluteUrl, url } from '../urls.ts';
import { currentMonth, isMonthToDate, monthReport } from './availability.ts';
import { badgeSvg, type Badge } from './badges.ts';
import { bannerText, noServiceBannerText, dayUptimeText, investigatingText, maintenanceStateText, monthVerdictText, notScheduledText, publicIncidentStateText, serviceStatusText, updateKindText, uptimeLegendText } from '../words/status.ts';
import { escapeText, foldLine, icsInstant } from '../ics.ts';
import { rssDocument, type FeedItem } from './feed.ts';
import type { SearchRecord } from '../search-records.ts';

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
  const zone = ctx.site.reportingTimezone;
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

function model(ctx: BuildContext): PublicModel {
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
  const { applications, incidents, investigating, maintenance } = model(ctx);
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
  return model(ctx).incidents;
}

/** The public incident of this id (its page), or throws: the page list is built from the same list. */
export function publicIncident(ctx: BuildContext, id: string): PublicIncident {
  const found = model(ctx).incidents.find((incident) => incident.id === id);
  if (!found) throw new Error(`${id} has no public page`);
  return found;
}

/** Years that have public incidents, newest first, each with its count; the history index lists them. */
export function historyYears(ctx: BuildContext): { year: string; count: number; href: string }[] {
  const zone = ctx.site.reportingTimezone;
  const counts = new Map<string, number>();
  for (const incident of model(ctx).incidents) {
    const year = formatDay(incident.startedMs, zone).slice(0, 4);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? 1 : -1)).map(([year, count]) => ({ year, count, href: url(`history/${year}/`) }));
}

/** One year's public incidents by month (reporting zone), newest month first. */
export function historyOfYear(ctx: BuildContext, year: string): { month: string; title: string; incidents: PublicIncident[] }[] {
  const zone = ctx.site.reportingTimezone;
  const byMonth = new Map<string, PublicIncident[]>();
  for (const incident of model(ctx).incidents) {
    const month = monthOf(incident.startedMs, zone);
    if (!month.startsWith(`${year}-`)) continue;
    byMonth.set(month, [...(byMonth.get(month) ?? []), incident]);
  }
  return [...byMonth].sort(([a], [b]) => (a < b ? 1 : -1)).map(([month, incidents]) => ({ month, title: monthTitle(month), incidents }));
}

/** The maintenance page: what is scheduled or running, then what finished in the last 90 days. */
export function maintenancePage(ctx: BuildContext) {
  const windows = model(ctx).maintenance;
  const since = ctx.asOfMs - pastMaintenanceDays * MS_PER_DAY;
  return {
    upcoming: windows.filter((window) => window.state !== 'completed'),
    past: windows.filter((window) => window.state === 'completed' && window.toMs >= since).reverse(),
    pastDays: pastMaintenanceDays,
  };
}

/** The uptime bar of one application as SVG: one bar a day, coloured by that day's availability against the target. */
export function uptimeBarSvg(app: PublicApplication): string {
  const barWidth = 3;
  const gap = 1;
  const height = 28;
  const width = app.days.length * (barWidth + gap) - gap;
  const title = `${app.name}: ${app.uptimeText} over the last ${app.days.length} days`;
  const colour = (day: PublicApplication['days'][number]) => {
    if (day.availability === null) return '#8c959f';
    if (day.lostMinutes <= 0) return '#1a7f37';
    return day.availability * 100 < app.target ? '#b42318' : '#8a5300';
  };
  const bars = app.days.map((day, i) => `<rect x="${i * (barWidth + gap)}" width="${barWidth}" height="${height}" rx="1" fill="${colour(day)}"><title>${escapeSvg(day.text)}</title></rect>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" height="${height}" preserveAspectRatio="none" role="img" aria-label="${escapeSvg(title)}"><title>${escapeSvg(title)}</title>${bars.join('')}</svg>`;
}

function escapeSvg(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A public application's availability badge: its public name, this month's availability, the report's verdict colour. */
export function publicBadgeSvg(ctx: BuildContext, id: string): string {
  const app = model(ctx).applications.find((entry) => entry.id === id);
  if (!app) throw new Error(`no public application "${id}" for a badge`);
  const badge: Badge = {
    label: app.name,
    value: app.month.availability === null ? 'n/a' : app.month.availabilityText,
    status: app.month.verdict,
    title: `${app.name} availability month to date: ${app.month.availability === null ? 'n/a' : app.month.availabilityText} (target ${app.target} %)`,
  };
  return badgeSvg(badge);
}

/** The public applications' ids: the badge routes. */
export function publicApplicationIds(ctx: BuildContext): string[] {
  return model(ctx).applications.map((app) => app.id);
}

/** RSS of the public incidents, newest first, each item its public title and state. */
export function publicIncidentFeed(ctx: BuildContext): string {
  const site = publicSite(ctx);
  const items: FeedItem[] = model(ctx)
    .incidents.slice(0, publicFeedLimit)
    .map((incident) => ({
      title: `${incident.title} (${incident.stateText.toLowerCase()})`,
      link: absoluteUrl(`incidents/${incident.id}/`),
      description: [incident.summary, `Affected: ${incident.applications.join(', ') || 'no listed service'}. ${incident.windowText}.`].filter(Boolean).join(' '),
      pubDateMs: incident.startedMs,
      categories: incident.applications,
    }));
  return rssDocument(
    { title: `${site.title}: incidents`, link: absoluteUrl(''), selfLink: absoluteUrl('incidents.xml'), description: `Incidents published on ${site.title}, newest first.`, lastBuildDateMs: ctx.asOfMs },
    items,
  );
}

/** The maintenance windows as iCalendar (RFC 5545), upcoming and past, stamped with the as-of instant. */
export function maintenanceCalendar(ctx: BuildContext): string {
  const site = publicSite(ctx);
  const host = new URL(absoluteUrl('')).hostname;
  const stamp = icsInstant(ctx.asOfMs);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//opsledger//maintenance//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(`${site.title}: maintenance`)}`];
  for (const window of model(ctx).maintenance) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:maintenance-${window.id}@${host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsInstant(window.fromMs)}`,
      `DTEND:${icsInstant(window.toMs)}`,
      `SUMMARY:${escapeText(window.title)}`,
      `DESCRIPTION:${escapeText([window.summary, `Affected: ${window.applications.join(', ') || 'no listed service'}`].filter(Boolean).join('\n'))}`,
      'STATUS:CONFIRMED',
      `URL:${absoluteUrl('maintenance/')}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}

const componentStatus: Record<ServiceStatus, string> = {
  operational: 'operational',
  degraded: 'degraded_performance',
  'partial-outage': 'partial_outage',
  'major-outage': 'major_outage',
};
const indicator: Record<ServiceStatus, string> = { operational: 'none', degraded: 'minor', 'partial-outage': 'major', 'major-outage': 'critical' };
const incidentImpact: Record<Incident['severity'], string> = { SEV1: 'critical', SEV2: 'major', SEV3: 'minor', SEV4: 'none' };
const incidentStatus = { open: 'investigating', monitoring: 'monitoring', resolved: 'resolved' } as const;
const maintenanceStatus = { upcoming: 'scheduled', 'in-progress': 'in_progress', completed: 'completed' } as const;

/**
 * /api/v1/status.json in the shape of Atlassian Statuspage's public `summary.json` (API v2), which status-page
 * clients and aggregators already read: page, status {indicator, description}, components, unresolved incidents
 * with their public updates, and scheduled or running maintenances.
 */
export function statusSummaryJson(ctx: BuildContext): string {
  const overview = statusOverview(ctx);
  const site = overview.site;
  const updatedAt = isoInstant(ctx.asOfMs);
  const components = overview.applications.map((app, position) => ({
    id: app.id,
    name: app.name,
    status: componentStatus[app.status],
    position: position + 1,
    description: null,
    group: false,
    group_id: null,
    only_show_if_degraded: false,
    showcase: true,
    updated_at: updatedAt,
  }));
  const componentsOf = (ids: readonly string[]) => components.filter((component) => ids.includes(component.id));
  const incidents = [
    ...overview.active.map((incident) => ({
      id: incident.id,
      name: incident.title,
      status: incidentStatus[incident.state],
      impact: incidentImpact[incident.severity],
      created_at: isoInstant(incident.startedMs),
      started_at: isoInstant(incident.startedMs),
      updated_at: isoInstant(incident.updates[0]?.atMs ?? incident.startedMs),
      monitoring_at: null,
      resolved_at: incident.restoredMs === null || incident.state !== 'resolved' ? null : isoInstant(incident.restoredMs),
      shortlink: absoluteUrl(`incidents/${incident.id}/`),
      incident_updates: incident.updates.map((update, i) => ({
        id: `${incident.id}-${incident.updates.length - i}`,
        incident_id: incident.id,
        status: incidentStatus[incident.state],
        body: update.text,
        created_at: update.atIso,
        display_at: update.atIso,
        updated_at: update.atIso,
      })),
      components: componentsOf(incident.applicationIds),
    })),
    ...overview.investigating.map((notice) => ({
      id: `investigating-${notice.startedMs}`,
      name: notice.text,
      status: 'investigating',
      impact: 'none',
      created_at: notice.startedIso,
      started_at: notice.startedIso,
      updated_at: notice.startedIso,
      monitoring_at: null,
      resolved_at: null,
      shortlink: absoluteUrl(''),
      incident_updates: [],
      components: [],
    })),
  ];
  const scheduledMaintenances = overview.upcoming.map((window) => ({
    id: window.id,
    name: window.title,
    status: maintenanceStatus[window.state],
    impact: 'maintenance',
    scheduled_for: isoInstant(window.fromMs),
    scheduled_until: isoInstant(window.toMs),
    created_at: isoInstant(window.fromMs),
    updated_at: updatedAt,
    shortlink: absoluteUrl('maintenance/'),
    incident_updates: window.summary === null ? [] : [{ id: `${window.id}-1`, status: maintenanceStatus[window.state], body: window.summary, created_at: isoInstant(window.fromMs), display_at: isoInstant(window.fromMs), updated_at: updatedAt }],
    components: componentsOf(window.applicationIds),
  }));
  const summary = {
    page: { id: 'status', name: site.title, url: absoluteUrl(''), time_zone: site.timeZone, updated_at: updatedAt },
    status: { indicator: indicator[overview.banner], description: overview.bannerText },
    components,
    incidents,
    scheduled_maintenances: scheduledMaintenances,
  };
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/**
 * The public search's records: each published incident's public title, summary and public updates, nothing
 * else, sorted by URL as the internal index is.
 */
export function publicSearchRecordMakers(ctx: BuildContext): (() => SearchRecord)[] {
  const zone = ctx.site.reportingTimezone;
  return [...model(ctx).incidents]
    .sort((a, b) => compareRecordIds(a.id, b.id))
    .map((incident) => () => ({
      url: `/incidents/${incident.id}/`,
      title: incident.title,
      content: [incident.title, incident.summary ?? '', ...incident.updates.map((update) => update.text)].filter((part) => part !== '').join('\n'),
      filters: { kind: ['Incident'], application: [...incident.applications].sort(), year: [formatDay(incident.startedMs, zone).slice(0, 4)] },
    }));
}

// The public status page's drawn and served files: the uptime bars and availability badges, the incidents RSS,
// the maintenance calendar, /api/v1/status.json and the search records, all from the status view model.
import type { ServiceStatus } from '../../core/service-status.ts';
import { compareRecordIds } from '../../core/ids.ts';
import type { Incident } from '../../load/repository.ts';
import type { BuildContext } from '../context.ts';
import { formatDay, isoInstant } from '../format.ts';
import { absoluteUrl } from '../urls.ts';
import { escapeXml } from '../xml.ts';
import { badgeSvg, type Badge } from './badges.ts';
import { escapeText, foldLine, icsInstant } from '../ics.ts';
import { rssDocument, type FeedItem } from './feed.ts';
import type { SearchRecord } from '../search-records.ts';
import { statusModel, publicFeedLimit, type PublicApplication, publicSite, statusOverview } from './status.ts';

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
  const bars = app.days.map((day, i) => `<rect x="${i * (barWidth + gap)}" width="${barWidth}" height="${height}" rx="1" fill="${colour(day)}"><title>${escapeXml(day.text)}</title></rect>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" height="${height}" preserveAspectRatio="none" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>${bars.join('')}</svg>`;
}

/** A public application's availability badge: its public name, this month's availability, the report's verdict colour. */
export function publicBadgeSvg(ctx: BuildContext, id: string): string {
  const app = statusModel(ctx).applications.find((entry) => entry.id === id);
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
  return statusModel(ctx).applications.map((app) => app.id);
}

/** RSS of the public incidents, newest first, each item its public title and state. */
export function publicIncidentFeed(ctx: BuildContext): string {
  const site = publicSite(ctx);
  const items: FeedItem[] = statusModel(ctx)
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
  for (const window of statusModel(ctx).maintenance) {
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
  return [...statusModel(ctx).incidents]
    .sort((a, b) => compareRecordIds(a.id, b.id))
    .map((incident) => () => ({
      url: `/incidents/${incident.id}/`,
      title: incident.title,
      content: [incident.title, incident.summary ?? '', ...incident.updates.map((update) => update.text)].filter((part) => part !== '').join('\n'),
      filters: { kind: ['Incident'], application: [...incident.applications].sort(), year: [formatDay(incident.startedMs, zone).slice(0, 4)] },
    }));
}

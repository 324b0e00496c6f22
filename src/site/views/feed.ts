// The incident feed (/incidents.xml, RSS 2.0): the latest incidents, newest first, with absolute links.
import { formatMinutes } from '../format.ts';
import type { Application, Incident } from '../../load/repository.ts';
import { absoluteUrl } from '../urls.ts';
import { escapeHtml, escapeXml, rfc822Date } from '../xml.ts';
import { incidentDurationMinutes, newestFirst } from './records.ts';
import type { BuildContext } from '../context.ts';

/** How many incidents the feed carries: enough for any reader's backlog, small enough to poll. */
export const feedIncidentLimit = 200;

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDateMs: number;
  categories: string[];
}

export interface FeedChannel {
  title: string;
  link: string;
  selfLink: string;
  description: string;
  lastBuildDateMs: number;
}

/** "INC-2026-0001 [SEV2, resolved] Settlement batch stalled". */
export function incidentFeedTitle(incident: Pick<Incident, 'id' | 'severity' | 'status' | 'title'>): string {
  return `${incident.id} [${incident.severity}, ${incident.status}] ${incident.title}`;
}

/** One line a feed reader shows under the title: status, applications by name, and how long it lasted. */
export function incidentFeedDescription(incident: Incident, applications: readonly Pick<Application, 'id' | 'name'>[], asOfMs: number): string {
  const names = incident.applications.map((id) => applications.find((a) => a.id === id)?.name ?? id);
  const duration = formatMinutes(incidentDurationMinutes(incident, asOfMs)) + (incident.restored === undefined ? ' so far' : '');
  return `Status: ${incident.status}. Applications: ${names.join(', ')}. Duration: ${duration}.`;
}

/** The feed's items: the latest `limit` incidents by impact start, then id. */
export function incidentFeedItems(
  incidents: readonly Incident[],
  applications: readonly Pick<Application, 'id' | 'name'>[],
  asOfMs: number,
  link: (incident: Incident) => string,
  limit = feedIncidentLimit,
): FeedItem[] {
  return newestFirst(incidents, (i) => i.started)
    .slice(0, limit)
    .map((incident) => ({
      title: incidentFeedTitle(incident),
      link: link(incident),
      description: incidentFeedDescription(incident, applications, asOfMs),
      pubDateMs: incident.started,
      categories: [...incident.applications],
    }));
}

// Readers render an RSS description as HTML: plain text is escaped for HTML, then for XML, so `<script>` stays text.
/** An RSS 2.0 document; every text escaped, descriptions as HTML text, items in the order given. */
export function rssDocument(channel: FeedChannel, items: readonly FeedItem[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeXml(channel.title)}</title>`,
    `<link>${escapeXml(channel.link)}</link>`,
    `<atom:link href="${escapeXml(channel.selfLink)}" rel="self" type="application/rss+xml"/>`,
    `<description>${escapeXml(escapeHtml(channel.description))}</description>`,
    '<language>en</language>',
    `<lastBuildDate>${rfc822Date(channel.lastBuildDateMs)}</lastBuildDate>`,
  ];
  for (const item of items) {
    lines.push(
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(item.link)}</link>`,
      `<guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
      `<pubDate>${rfc822Date(item.pubDateMs)}</pubDate>`,
      `<description>${escapeXml(escapeHtml(item.description))}</description>`,
      ...item.categories.map((category) => `<category>${escapeXml(category)}</category>`),
      '</item>',
    );
  }
  lines.push('</channel>', '</rss>', '');
  return lines.join('\n');
}

/** The body of /incidents.xml for this build. */
export function incidentFeed(ctx: BuildContext): string {
  const repo = ctx.repository;
  const items = incidentFeedItems(repo.incidents, repo.applications, ctx.asOfMs, (incident) => absoluteUrl(`incidents/${incident.id}/`));
  return rssDocument(
    {
      title: `${repo.site.title}: incidents`,
      link: absoluteUrl('incidents/'),
      selfLink: absoluteUrl('incidents.xml'),
      description: `The latest ${feedIncidentLimit} incidents of ${repo.site.title}, newest first.`,
      lastBuildDateMs: ctx.asOfMs,
    },
    items,
  );
}

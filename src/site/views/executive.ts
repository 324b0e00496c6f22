// Executive summaries of incidents and post-mortems: the few lines an executive reads on a phone
// from a link in a mail, their link-preview card and their plain-text twin.
import { findSection } from '../../load/markdown.ts';
import type { Incident, Postmortem } from '../../load/repository.ts';
import { truncatePercent } from '../words/percent.ts';
import { isProblemOpen } from '../../core/problems.ts';
import { countText, formatInstant, formatMinutes, minutesText, monthTitle } from '../format.ts';
import { recordIndex } from '../model.ts';
import type { AvailabilityStatus } from '../../core/availability.ts';
import type { StatusCard } from '../status-card.ts';
import { absoluteUrl, url } from '../urls.ts';
import { incidentAvailabilityEffects, incidentLostMinutesTotal } from './availability.ts';
import { customerOverlapsOf } from './customers.ts';
import { incidentDurationMinutes } from './records.ts';
import { memoise, type BuildContext } from '../context.ts';

export interface FollowUp {
  id: string;
  title: string;
  href: string;
  status: string;
  openActions: number;
}

/** The first paragraph of a Markdown section, as plain text for summaries and previews. */
export function firstParagraph(markdown: string): string {
  const paragraph = markdown.split(/\n\s*\n/).find((p) => p.trim() !== '' && !p.trim().startsWith('#')) ?? '';
  return paragraph.replace(/\s+/g, ' ').trim();
}

function appNames(ctx: BuildContext, ids: readonly string[]): string {
  const apps = recordIndex(ctx).applications;
  return ids.map((id) => apps.get(id)?.name ?? id).join(', ');
}

function followUpsOf(ctx: BuildContext, problemIds: readonly string[]): FollowUp[] {
  const problems = recordIndex(ctx).problems;
  return [...new Set(problemIds)].flatMap((id) => {
    const p = problems.get(id);
    if (!p) return [];
    return [{ id, title: p.title, href: url(`problems/${id}/`), status: p.status, openActions: p.actions.filter((a) => !a.done).length }];
  });
}

/** Card colour: an incident still hurting is red, one being watched amber, a restored one green. */
function incidentCardStatus(severity: string, status: string): AvailabilityStatus {
  if (status === 'open') return severity === 'SEV1' || severity === 'SEV2' ? 'red' : 'amber';
  return status === 'monitoring' ? 'amber' : 'green';
}

/**
 * One card per severity and status, shared by every incident alike: rendering a PNG per
 * incident would cost minutes on a large estate, and the title and description already say which.
 */
export function incidentCardKey(incident: Incident): string {
  return `incident-${incident.severity.toLowerCase()}-${incident.status}`;
}

export function incidentCard(ctx: BuildContext, key: string): StatusCard {
  const [, severity = '', status = ''] = key.split('-');
  const site = ctx.repository.site;
  return {
    eyebrow: `Incident · ${site.title}`,
    title: `${severity.toUpperCase()} incident, ${status}`,
    figure: severity.toUpperCase(),
    figureLabel: status === 'open' ? 'impact ongoing' : status === 'monitoring' ? 'restored, being watched' : 'resolved',
    status: incidentCardStatus(severity.toUpperCase(), status),
    footer: new URL(site.baseUrl).host,
  };
}

export function postmortemCardKey(pm: Postmortem): string {
  return `postmortem-${pm.status}`;
}

export function postmortemCard(ctx: BuildContext, key: string): StatusCard {
  const status = key.split('-')[1] ?? 'final';
  const site = ctx.repository.site;
  return {
    eyebrow: `Post-incident review · ${site.title}`,
    title: status === 'final' ? 'Post-mortem' : 'Post-mortem (draft)',
    figure: status === 'final' ? 'Final' : 'Draft',
    figureLabel: 'root cause and follow-up actions',
    status: 'none',
    footer: new URL(site.baseUrl).host,
  };
}

/** Every card the build draws, by key. */
export function cardKeys(ctx: BuildContext): string[] {
  const repo = ctx.repository;
  return [...new Set([...repo.incidents.map(incidentCardKey), ...repo.postmortems.map(postmortemCardKey)])].sort();
}

export function cardFor(ctx: BuildContext, key: string): StatusCard {
  return key.startsWith('incident-') ? incidentCard(ctx, key) : postmortemCard(ctx, key);
}

/** The incident's executive summary: status, scope, cost, customers, root cause, follow-ups; once per build, shared by the page and its text twin. */
export function incidentSummary(ctx: BuildContext, incident: Incident) {
  const incidentSummaries = memoise(ctx, 'executive.incidentSummaries', () => new Map<string, ReturnType<typeof summariseIncident>>());
  let summary = incidentSummaries.get(incident.id);
  if (!summary) {
    summary = summariseIncident(ctx, incident);
    incidentSummaries.set(incident.id, summary);
  }
  return summary;
}

function summariseIncident(ctx: BuildContext, incident: Incident) {
  const repo = ctx.repository;
  const zone = repo.site.reportingTimezone;
  const index = recordIndex(ctx);
  const durationMinutes = incidentDurationMinutes(incident, ctx.asOfMs);
  const lostMinutes = incidentLostMinutesTotal(ctx, incident);
  const effects = incidentAvailabilityEffects(ctx, incident).map(
    (e) =>
      `${appNames(ctx, [e.applicationId])}, ${monthTitle(e.month)}: ${minutesText(e.lostMinutes)} lost minutes, ${truncatePercent(e.percentagePoints / 100, 3)} percentage points of availability`,
  );
  const customers = customerOverlapsOf(ctx, incident).map((o) => `${o.customer}: ${formatMinutes(o.minutes)} inside a critical window`);
  const reviews = (index.postmortemsByIncident.get(incident.id) ?? []).map((id) => index.postmortems.get(id)!).filter(Boolean);
  const problem = incident.problem ? index.problems.get(incident.problem) : undefined;
  const reviewedCause = reviews.map((pm) => findSection(pm.sections, 'Root cause')?.markdown ?? '').find((m) => m.trim() !== '');
  const rootCause = reviewedCause
    ? firstParagraph(reviewedCause)
    : problem?.rootCause
      ? firstParagraph(problem.rootCause)
      : `Not yet established; recorded cause: ${incident.cause}.`;
  const followUps = followUpsOf(ctx, [...(incident.problem ? [incident.problem] : []), ...reviews.flatMap((pm) => pm.followUps)]);
  const statusText =
    incident.status === 'open'
      ? `Open: impact ongoing for ${formatMinutes(durationMinutes)}`
      : `${incident.status === 'monitoring' ? 'Restored, being monitored' : 'Resolved'}; impact lasted ${formatMinutes(durationMinutes)}`;
  const scope = `${appNames(ctx, incident.applications)} (${incident.component})`;
  const headline = `${incident.severity} on ${appNames(ctx, incident.applications)}: ${incident.title}`;
  const description = `${statusText}. ${minutesText(lostMinutes)} lost minutes of availability${customers.length ? `; ${countText(customers.length, 'key customer')} hit in their critical windows` : ''}. Started ${formatInstant(incident.started, zone)}.`;
  return {
    headline,
    statusText,
    scope,
    startedText: formatInstant(incident.started, zone),
    lostText: minutesText(lostMinutes),
    effects,
    customers,
    rootCause,
    rootCauseSource: reviewedCause ? 'post-mortem' : problem?.rootCause ? 'problem ticket' : 'none',
    followUps,
    openProblems: followUps.filter((f) => isProblemOpen({ status: f.status as never })).length,
    reviews: reviews.map((pm) => ({ id: pm.id, title: pm.title, href: url(`postmortems/${pm.id}/`) })),
    description,
    pageUrl: absoluteUrl(`incidents/${incident.id}/`),
    imageUrl: absoluteUrl(`cards/${incidentCardKey(incident)}.png`),
    textHref: url(`incidents/${incident.id}/index.txt`),
  };
}

export type IncidentSummary = ReturnType<typeof incidentSummary>;

function textBlock(title: string, items: string[], empty: string): string[] {
  return ['', `${title}:`, ...(items.length ? items.map((i) => `- ${i}`) : [`- ${empty}`])];
}

/** The plain-text twin of an incident page, to paste into a mail. */
export function incidentSummaryText(incident: Incident, s: IncidentSummary): string {
  const title = `${incident.id} ${s.headline}`;
  return [
    title,
    '='.repeat(Math.min(title.length, 72)),
    '',
    `Status: ${s.statusText}`,
    `Applications: ${s.scope}`,
    `Started: ${s.startedText}`,
    `Lost minutes (this incident alone): ${s.lostText}`,
    ...textBlock('Availability effect', s.effects, 'none inside scheduled service hours'),
    ...textBlock('Key customers hit in their critical windows', s.customers, 'none'),
    '',
    `Root cause: ${s.rootCause}`,
    ...textBlock('Follow-ups', s.followUps.map((f) => `${f.id} ${f.title} (${f.status}, ${countText(f.openActions, 'open action')})`), 'none recorded'),
    '',
    `Details: ${s.pageUrl}`,
    '',
  ].join('\n');
}

/** The post-mortem's executive summary: its own summary section plus what the incidents cost. */
export function postmortemSummary(ctx: BuildContext, pm: Postmortem) {
  const index = recordIndex(ctx);
  const incidents = pm.incidents.map((id) => index.incidents.get(id)).filter((i): i is Incident => i !== undefined);
  const summary = findSection(pm.sections, 'Executive summary')?.markdown ?? '';
  const rootCause = firstParagraph(findSection(pm.sections, 'Root cause')?.markdown ?? '');
  const lostMinutes = incidents.reduce((sum, i) => sum + incidentLostMinutesTotal(ctx, i), 0);
  const customers = [...new Set(incidents.flatMap((i) => customerOverlapsOf(ctx, i).map((o) => o.customer)))].sort();
  const followUps = followUpsOf(ctx, pm.followUps);
  const incidentLines = incidents.map((i) => ({
    id: i.id,
    title: i.title,
    href: url(`incidents/${i.id}/`),
    text: `${i.severity}, ${appNames(ctx, i.applications)}, ${formatMinutes(incidentDurationMinutes(i, ctx.asOfMs))}, ${minutesText(incidentLostMinutesTotal(ctx, i))} lost minutes`,
  }));
  const description = firstParagraph(summary).slice(0, 240);
  return {
    summary,
    summaryText: firstParagraph(summary),
    rootCause,
    lostText: minutesText(lostMinutes),
    customers,
    followUps,
    incidentLines,
    description: description || `Post-incident review of ${pm.incidents.join(', ')}.`,
    pageUrl: absoluteUrl(`postmortems/${pm.id}/`),
    imageUrl: absoluteUrl(`cards/${postmortemCardKey(pm)}.png`),
    textHref: url(`postmortems/${pm.id}/index.txt`),
  };
}

export type PostmortemSummary = ReturnType<typeof postmortemSummary>;

/** The plain-text twin of a post-mortem page. */
export function postmortemSummaryText(pm: Postmortem, s: PostmortemSummary): string {
  const title = `${pm.id} ${pm.title}`;
  return [
    title,
    '='.repeat(Math.min(title.length, 72)),
    '',
    `Review: ${pm.date}, ${pm.status}, by ${pm.authors.join(', ')}`,
    '',
    s.summary.replace(/\s+\n/g, '\n').trim(),
    '',
    `Root cause: ${s.rootCause || 'see the full review'}`,
    `Lost minutes, all incidents reviewed: ${s.lostText}`,
    ...textBlock('Incidents', s.incidentLines.map((l) => `${l.id} ${l.title} (${l.text})`), 'none'),
    ...textBlock('Key customers hit in their critical windows', s.customers, 'none'),
    ...textBlock('Follow-ups', s.followUps.map((f) => `${f.id} ${f.title} (${f.status}, ${countText(f.openActions, 'open action')})`), 'none recorded'),
    '',
    `Details: ${s.pageUrl}`,
    '',
  ].join('\n');
}

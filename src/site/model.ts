// What pages ask for: the validated repository, the as-of instant and site settings of a build context,
// and the record index and report months derived from it, each computed once per context.
import type { Repository } from '../load/repository.ts';
import { memoise, type BuildContext } from './context.ts';
import { formatInstant, isoInstant } from './format.ts';
import { figureMonths } from './figures.ts';

export function siteInfo(context: BuildContext) {
  const { site, asOfMs } = context;
  return {
    title: site.title,
    baseUrl: site.baseUrl,
    reportingTimezone: site.reportingTimezone,
    asOfIso: isoInstant(asOfMs),
    asOfText: formatInstant(asOfMs, site.reportingTimezone),
  };
}

/**
 * What the layout shows around a page: the site's title, the reporting time zone, and the as-of instant only for a
 * page whose figures depend on it (a resolved incident's page is the same whatever day it is built). It is part of
 * every cached page's key, so a page is rendered again when any of it changes.
 */
export function layoutOf(context: BuildContext, showsAsOf: boolean) {
  const site = siteInfo(context);
  return { title: site.title, reportingTimezone: site.reportingTimezone, asOf: showsAsOf ? { iso: site.asOfIso, text: site.asOfText } : null };
}
export type PageLayout = ReturnType<typeof layoutOf>;

function buildRecordIndex(repo: Repository) {
  const incidentsByChange = new Map<string, string[]>();
  for (const incident of repo.incidents) {
    if (incident.change === undefined) continue;
    const list = incidentsByChange.get(incident.change) ?? [];
    list.push(incident.id);
    incidentsByChange.set(incident.change, list);
  }
  const postmortemsByIncident = new Map<string, string[]>();
  for (const pm of repo.postmortems) {
    for (const id of pm.incidents) postmortemsByIncident.set(id, [...(postmortemsByIncident.get(id) ?? []), pm.id]);
  }
  return {
    incidents: new Map(repo.incidents.map((r) => [r.id, r])),
    changes: new Map(repo.changes.map((r) => [r.id, r])),
    problems: new Map(repo.problems.map((r) => [r.id, r])),
    postmortems: new Map(repo.postmortems.map((r) => [r.id, r])),
    applications: new Map(repo.applications.map((r) => [r.id, r])),
    teams: new Map(repo.teams.map((r) => [r.id, r])),
    /** Ids of the incidents whose `change:` names each change. */
    incidentsByChange,
    /** Ids of the post-mortems that review each incident. */
    postmortemsByIncident,
  };
}

/** Records by id, built once per context: pages look up links instead of scanning every record. */
export function recordIndex(context: BuildContext): ReturnType<typeof buildRecordIndex> {
  return memoise(context, 'model.recordIndex', () => buildRecordIndex(context.repository));
}

/** Every month from the first record to the as-of month, in the reporting zone: the months that get a report. */
export function reportMonths(context: BuildContext): string[] {
  return memoise(context, 'model.reportMonths', () => figureMonths(context.repository, context.asOfMs));
}

/** The static paths of the pages made once per report month (`[month]` routes). */
export function reportMonthPaths(context: BuildContext): { params: { month: string } }[] {
  return reportMonths(context).map((month) => ({ params: { month } }));
}

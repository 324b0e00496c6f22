// What pages ask for: the validated repository, the as-of instant and site settings, each computed once per build.
import type { Repository } from '../load/repository.ts';
import { asOfFromEnvironment } from './as-of.ts';
import { formatInstant, isoInstant } from './format.ts';
import { buildRepository } from './repository-cache.ts';
import { figureMonths } from '../core/figures.ts';

let asOfMs: number | undefined;

export function repository(): Repository {
  return buildRepository();
}

/** The report instant of this build (OPSLEDGER_AS_OF, else the build's start). */
export function asOf(): number {
  asOfMs ??= asOfFromEnvironment();
  return asOfMs;
}

export function siteInfo() {
  const { site } = repository();
  return {
    title: site.title,
    baseUrl: site.baseUrl,
    reportingTimezone: site.reportingTimezone,
    asOfIso: isoInstant(asOf()),
    asOfText: formatInstant(asOf(), site.reportingTimezone),
  };
}

let index: ReturnType<typeof buildRecordIndex> | undefined;

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

/** Records by id, built once per build: pages look up links instead of scanning every record. */
export function recordIndex() {
  index ??= buildRecordIndex(repository());
  return index;
}

let months: string[] | undefined;

/** Every month from the first record to the as-of month, in the reporting zone: the months that get a report. */
export function reportMonths(): string[] {
  months ??= figureMonths(repository(), asOf());
  return months;
}

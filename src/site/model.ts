// What pages ask for: the validated repository, the as-of instant and site settings, each computed once per build.
import type { Repository } from '../load/repository.ts';
import { asOfFromEnvironment } from './as-of.ts';
import { formatInstant, isoInstant } from './format.ts';
import { buildRepository } from './repository-cache.ts';

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

/** Records by id, for links between them. */
export function recordIndex() {
  const repo = repository();
  return {
    incidents: new Map(repo.incidents.map((r) => [r.id, r])),
    changes: new Map(repo.changes.map((r) => [r.id, r])),
    problems: new Map(repo.problems.map((r) => [r.id, r])),
    postmortems: new Map(repo.postmortems.map((r) => [r.id, r])),
  };
}

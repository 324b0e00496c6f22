// Loads a content root (content/ and data/), validates every file and every reference, and
// returns typed records plus every problem found — all at once, never only the first.
// The parts, one job each: catalogues.ts (data/*.yaml), records.ts (content/), references.ts (every reference,
// from parsed values alone), normalise.ts (defaults the site reads), exports.ts (data/ CSVs).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { recordKindSpec } from '../schema/index.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { changeRuleFindings } from './change-rules.ts';
import { loadCatalogues } from './catalogues.ts';
import { readExports } from './exports.ts';
import { Locations } from './locations.ts';
import { normaliseIncident } from './normalise.ts';
import { publicRuleDiagnostics } from './public-rules.ts';
import { checkedSections, filedPaths, idsByFileName, readRecords, recordIds } from './records.ts';
import { referenceDiagnostics, referenceTargets, type KnownRecords } from './references.ts';
import type { Change, Incident, LoadResult, Postmortem, Problem } from './types.ts';

export type {
  AlertRow,
  Application,
  CapacitySeries,
  Change,
  Customer,
  Incident,
  LoadResult,
  PersonSkills,
  Postmortem,
  Problem,
  Repository,
  Section,
  SiteConfig,
  Team,
  TimeEntryRow,
} from './types.ts';
export { loadSiteConfig } from './catalogues.ts';

/** The content root: `OPSLEDGER_ROOT` when set, else the working directory (npm runs scripts from the project). */
export function resolveRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.OPSLEDGER_ROOT ?? '.');
}

export interface LoadOptions {
  /**
   * Read and validate only these files (paths relative to the root, forward slashes). Other records are known by
   * their file names alone, so references to them resolve without parsing them; the catalogues are read for the
   * references the given files make. Diagnostics are reported for the given files only.
   */
  only?: readonly string[];
}

/**
 * Load and validate everything under `root` (or only the files `options.only` names).
 * @example
 * const { repository, diagnostics } = loadRepository('/srv/ops-records');
 * if (diagnostics.length) process.exitCode = 1;
 */
export function loadRepository(root: string, options: LoadOptions = {}): LoadResult {
  const only = options.only === undefined ? undefined : new Set(options.only);
  const diagnostics: Diagnostic[] = [];
  // Where each record and catalogue entry came from, to point at a field when a later check fails.
  const locations = new Locations();

  const catalogues = loadCatalogues(root, diagnostics, locations);
  const { site } = catalogues;
  const records = readRecords(root, only, diagnostics, locations);

  // With given files only, records not among them are known by their file names.
  const lookup = (kind: keyof KnownRecords) => (only ? idsByFileName(root, kind, recordIds(records, kind)) : recordIds(records, kind));
  const known: KnownRecords = { incident: lookup('incident'), change: lookup('change'), problem: lookup('problem') };
  // With given files only: a record of the same id where records are filed, and sorted before this one, was defined first.
  const filedEarlier = only
    ? (dir: string, id: string, file: string) => filedPaths(dir, id).find((other) => other < file && !only.has(other) && existsSync(path.join(root, other)))
    : undefined;
  diagnostics.push(...referenceDiagnostics({ catalogues, records, known, locations, ...(filedEarlier ? { filedEarlier } : {}) }));

  diagnostics.push(...publicRuleDiagnostics(site, catalogues.applications.ids, records.valid.incident.map(({ value }) => value), locations));

  const applications = catalogues.applications.entries;
  const appById = new Map(applications.map((a) => [a.id, a]));
  const incidents: Incident[] = records.valid.incident.map(({ raw, value }) => {
    const { incident, warning } = normaliseIncident(value, raw, appById, site.reportingTimezone);
    if (warning) diagnostics.push(warning);
    return incident;
  });

  const postmortems: Postmortem[] = records.valid.postmortem.map(({ raw, value }) => {
    const sections = checkedSections(raw, recordKindSpec('postmortem').sectionsRequired(), diagnostics);
    return { ...value, sections, file: raw.file, body: raw.body };
  });

  // Broken change rules keep the change (it is shown with them) and warn at the field that breaks them.
  for (const { value } of records.valid.change) {
    for (const finding of changeRuleFindings(value, site.changeLeadDays)) {
      const found = locations.at(value, finding.field, finding.rule, finding.message, 'warning');
      if (found) diagnostics.push(found);
    }
  }

  const changes: Change[] = records.valid.change.map(({ raw, value }) => {
    const sections = checkedSections(raw, recordKindSpec('change').sectionsRequired(value), diagnostics);
    return { ...value, sections, file: raw.file, body: raw.body };
  });

  const problems: Problem[] = records.valid.problem.map(({ raw, value }) => ({ ...value, file: raw.file, body: raw.body }));

  const exports = readExports(root, only, catalogues.applications, referenceTargets(catalogues, known), diagnostics, locations);

  return {
    repository: {
      root,
      site,
      applications,
      teams: catalogues.teams.entries,
      customers: catalogues.customers.entries,
      incidents,
      postmortems,
      changes,
      problems,
      timeEntries: exports.timeEntries,
      capacity: exports.capacity,
      alerts: exports.alerts,
      skills: catalogues.skills.entries,
    },
    diagnostics: sortDiagnostics(only ? diagnostics.filter((d) => only.has(d.file)) : diagnostics),
    // data/site.yaml, teams.yaml, applications.yaml and customers.yaml count as read, present or not; skills.yaml does not.
    fileCount: only ? only.size : 4 + records.fileCount + exports.fileCount,
  };
}

// From validated frontmatter to the records the site reads: defaults filled in (an incident's impact, its regions,
// its component per application), nothing read from files.
import type { Application, IncidentData } from '../schema/index.ts';
import { parseRecordId } from '../core/ids.ts';
import { monthOf } from '../core/period.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { RawRecord } from './markdown.ts';
import type { Incident } from './types.ts';

/**
 * The regions of the given applications together, sorted: what an impact span that names no regions covers.
 *
 * @example regionsOf([{ regions: { EMEA: …, APAC: … } }, { regions: { EMEA: … } }]) // ['APAC', 'EMEA']
 */
export function regionsOf(applications: readonly Pick<Application, 'regions'>[]): string[] {
  return [...new Set(applications.flatMap((a) => Object.keys(a.regions)))].sort();
}

/**
 * An incident as the site reads it: every impact span with its applications, regions, instants and fraction filled
 * in (no impact: all of it, all regions, from start to restore), and the component per application the spans name.
 * Also the warning when the id's year is not the year the incident started in the reporting zone.
 */
export function normaliseIncident(
  value: IncidentData,
  raw: RawRecord,
  appById: ReadonlyMap<string, Application>,
  reportingTimezone: string,
): { incident: Incident; warning: Diagnostic | null } {
  const impact = (value.impact ?? [{ fraction: 1 }]).map((span) => {
    const spanApps = span.applications ?? value.applications;
    const known = spanApps.map((id) => appById.get(id)).filter((a) => a !== undefined);
    return {
      applications: spanApps,
      regions: span.regions ?? regionsOf(known),
      fraction: span.fraction,
      ...(span.component === undefined ? {} : { component: span.component }),
      fromMs: span.from ?? value.started,
      toMs: span.to ?? value.restored ?? null,
    };
  });
  const componentByApplication: Record<string, string> = {};
  for (const span of impact) {
    if (span.component === undefined) continue;
    for (const app of span.applications) {
      // The component only counts for an application that has it: a span may cover several.
      if (appById.get(app)?.components.includes(span.component) && componentByApplication[app] === undefined) componentByApplication[app] = span.component;
    }
  }
  // The id's year names the year the incident started in the reporting zone; a mismatch is usually a
  // copied file or a typo, but records that validated before keep validating: a warning, not an error.
  const idYear = parseRecordId(value.id)?.year;
  const startedYear = Number(monthOf(value.started, reportingTimezone).slice(0, 4));
  const warning: Diagnostic | null =
    idYear !== undefined && idYear !== startedYear
      ? {
          file: raw.file,
          ...raw.source.locate(['id']),
          severity: 'warning',
          rule: 'id-year',
          field: 'id',
          message: `id year ${idYear} differs from the year the incident started (${startedYear} in ${reportingTimezone})`,
        }
      : null;
  const perApplication = Object.keys(componentByApplication).length === 0 ? {} : { componentByApplication };
  return { incident: { ...value, impact, ...perApplication, file: raw.file, body: raw.body }, warning };
}

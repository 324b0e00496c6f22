// What the public status page is told to show must exist, and what it shows must not lag behind the internal
// record: unknown or repeated public applications are errors in data/site.yaml; an open SEV1 or SEV2 on
// a public application that has no public text yet is a warning at the incident (the page then says only that
// an issue is being investigated).
import type { SiteConfig } from '../schema/index.ts';
import type { IncidentData } from '../schema/records.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Locations } from './locations.ts';

/** Severities whose open incidents need public text on a public application. */
const severitiesNeedingPublicText: ReadonlySet<string> = new Set(['SEV1', 'SEV2']);

/**
 * The diagnostics of the public rules: errors at `public.applications[i].id` of data/site.yaml for an unknown
 * or repeated application (`applicationIds` null: the catalogue could not be read, so nothing is unknown), and a
 * `public-text` warning at each open SEV1/SEV2 incident on a public application without a `public:` block.
 */
export function publicRuleDiagnostics(
  site: SiteConfig,
  applicationIds: ReadonlySet<string> | null,
  incidents: readonly IncidentData[],
  locations: Locations,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const push = (d: Diagnostic | null) => {
    if (d) found.push(d);
  };
  const listed = site.public?.applications ?? [];
  const seen = new Set<string>();
  listed.forEach((entry, i) => {
    if (applicationIds !== null && !applicationIds.has(entry.id)) {
      push(locations.at(site, ['public', 'applications', i, 'id'], 'reference', `unknown application "${entry.id}" (not in data/applications.yaml)`));
    }
    if (seen.has(entry.id)) push(locations.at(site, ['public', 'applications', i, 'id'], 'duplicate-id', `application "${entry.id}" is listed twice`));
    seen.add(entry.id);
  });
  if (seen.size === 0) return found;
  for (const incident of incidents) {
    if (incident.status !== 'open' || incident.public !== undefined || !severitiesNeedingPublicText.has(incident.severity)) continue;
    const shown = incident.applications.filter((id) => seen.has(id));
    if (shown.length === 0) continue;
    push(
      locations.at(
        incident,
        ['status'],
        'public-text',
        `${incident.severity} still open on the public application${shown.length === 1 ? '' : 's'} ${shown.join(', ')} without public text: the status page says only "We are investigating an issue"; add public: {title, summary} and mark the updates customers may read with public: true`,
        'warning',
      ),
    );
  }
  return found;
}

// The catalogue entries an import creates: an application for each system or component the source names, and a
// team for each group the escalation database does not have.
import type { ImportMap } from './map.ts';
import type { ImportedCatalogueEntry } from './model.ts';

/**
 * An application entry with the catalogue defaults of the import map (target, calendar, regions).
 *
 * @example importedApplication('ca', 'CA', 'support', ['service'], map).target // 99.9
 */
export function importedApplication(
  id: string,
  name: string,
  team: string,
  components: readonly string[],
  map: ImportMap,
  external?: { system: string; id: string },
): Record<string, unknown> {
  return {
    id,
    name,
    team,
    target: map.catalogue.target,
    calendar: map.catalogue.calendar,
    regions: map.catalogue.regions,
    components,
    ...(external ? { external } : {}),
  };
}

/**
 * A team entry with the fields teams.yaml requires; contact fields say "unknown" so the escalation page
 * shows what is still to be filled in, and `reviewed` is the date of the latest imported record, so the
 * entry reads as stale until someone reviews it.
 *
 * @example placeholderTeam('group-56', 'Group 56', 'servicenow', '2017-02-16').entry.email // 'group-56@unknown.invalid'
 */
export function placeholderTeam(id: string, name: string, system: string, reviewed: string): ImportedCatalogueEntry {
  return {
    key: name,
    id,
    entry: {
      id,
      name,
      scope: `imported from ${system}; contacts to be filled in`,
      rotation: '24x7',
      phone: 'unknown',
      email: `${id}@unknown.invalid`,
      escalation: [{ name: 'unknown' }],
      managers: ['unknown'],
      reviewed,
    },
  };
}

// What the site search indexes, read from the validated records rather than from the emitted pages:
// per record its page, title, the words a reader searches for, and the filters the search page offers.
import type { Repository } from '../load/repository.ts';
import { compareText } from '../core/compare.ts';
import { markdownText } from './markdown-html.ts';

/** One searchable record, in the shape of Pagefind's custom record. */
export interface SearchRecord {
  /** Path of the record's page below the site root, e.g. `/incidents/INC-2026-0001/` (the search page adds the base). */
  url: string;
  /** `INC-2026-0001 Quote engine stalls`: what a result shows as its heading. */
  title: string;
  /** Plain text searched: the title, the summary and narrative, root causes and actions; no table cells. */
  content: string;
  /** Facets on the search page: record kind, application names, incident severity, problem priority, year. */
  filters: { kind: string[]; application: string[]; severity?: string[]; priority?: string[]; year: string[] };
}

const kindNames = { incident: 'Incident', postmortem: 'Post-mortem', change: 'Change', problem: 'Problem' } as const;

/** The year a record is filed under: the four digits of its id (INC-2026-0001 → 2026), as its folder is. */
function yearOf(id: string): string {
  return id.split('-')[1] ?? '';
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * Every incident, post-mortem, change and problem as a search record, sorted by URL so the index is the same
 * on every build, each built when it is called: the indexer takes one part at a time (`recordsPerSearchIndex`),
 * so a build holds one part's text instead of the whole estate's (about 80 MB on the large corpus). Post-mortems
 * and problems take the applications (post-mortems also the severities) of the incidents they concern.
 *
 * @example
 * searchRecordMakers(repository)[0]()
 * // { url: '/changes/CHG-2026-0001/', title: 'CHG-2026-0001 …', content: '…', filters: { kind: ['Change'], … } }
 */
export function searchRecordMakers(repository: Repository): (() => SearchRecord)[] {
  const appName = new Map(repository.applications.map((app) => [app.id, app.name]));
  const names = (ids: Iterable<string>) => sorted([...ids].map((id) => appName.get(id) ?? id));
  const incidentById = new Map(repository.incidents.map((incident) => [incident.id, incident]));
  const appsOfIncidents = (ids: readonly string[]) => ids.flatMap((id) => incidentById.get(id)?.applications ?? []);
  const text = (...parts: (string | undefined)[]) => parts.filter((p) => p !== undefined && p !== '').join('\n');
  const makers: { url: string; make: () => SearchRecord }[] = [];
  const add = (url: string, make: () => Omit<SearchRecord, 'url'>) => makers.push({ url, make: () => ({ url, ...make() }) });
  for (const incident of repository.incidents) {
    add(`/incidents/${incident.id}/`, () => ({
      title: `${incident.id} ${incident.title}`,
      content: text(incident.title, ...incident.updates.map((u) => u.text), markdownText(incident.body)),
      filters: { kind: [kindNames.incident], application: names(incident.applications), severity: [incident.severity], year: [yearOf(incident.id)] },
    }));
  }
  for (const pm of repository.postmortems) {
    add(`/postmortems/${pm.id}/`, () => ({
      title: `${pm.id} ${pm.title}`,
      content: text(pm.title, markdownText(pm.body)),
      filters: {
        kind: [kindNames.postmortem],
        application: names(appsOfIncidents(pm.incidents)),
        severity: sorted(pm.incidents.flatMap((id) => incidentById.get(id)?.severity ?? [])),
        year: [yearOf(pm.id)],
      },
    }));
  }
  for (const change of repository.changes) {
    add(`/changes/${change.id}/`, () => ({
      title: `${change.id} ${change.title}`,
      content: text(change.title, markdownText(change.body)),
      filters: { kind: [kindNames.change], application: names(change.applications), year: [yearOf(change.id)] },
    }));
  }
  for (const problem of repository.problems) {
    add(`/problems/${problem.id}/`, () => ({
      title: `${problem.id} ${problem.title}`,
      content: text(problem.title, problem.rootCause, ...problem.actions.map((a) => a.title), markdownText(problem.body)),
      filters: { kind: [kindNames.problem], application: names(appsOfIncidents(problem.incidents)), priority: [problem.priority], year: [yearOf(problem.id)] },
    }));
  }
  return makers.sort((a, b) => compareText(a.url, b.url)).map((maker) => maker.make);
}

/** How many records the search indexes: every incident, post-mortem, change and problem. */
export function searchRecordCount(repository: Repository): number {
  return repository.incidents.length + repository.postmortems.length + repository.changes.length + repository.problems.length;
}

/**
 * Records per search index. Pagefind's indexer holds a whole index in memory (about 70 KiB a record), so a large
 * estate is indexed in parts of this size, one after the other, and the search page merges them: 27,000 records
 * peaked at 1.8 GiB in one index, at 0.5 GiB alone in parts of 4,000, and at 258 MiB beside the large build in
 * parts of 3,000 (317 MiB with 4,000), which keeps that build's process tree under 1.5 GiB.
 */
export const recordsPerSearchIndex = 3000;

/**
 * The folders of the search indexes for `recordCount` records, below the site root: the first is Pagefind's
 * bundle (`pagefind/`), the others are merged into it by the search page (`pagefind/part-2/`, …).
 *
 * @example searchIndexDirs(9000) // ['pagefind/', 'pagefind/part-2/', 'pagefind/part-3/']
 */
export function searchIndexDirs(recordCount: number, perIndex = recordsPerSearchIndex): string[] {
  const parts = Math.max(1, Math.ceil(recordCount / perIndex));
  return Array.from({ length: parts }, (_, i) => (i === 0 ? 'pagefind/' : `pagefind/part-${i + 1}/`));
}

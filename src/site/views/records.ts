// Rows and facts for the record pages, computed here so templates only arrange them.
import type { Change, Incident, Postmortem, Problem } from '../../load/repository.ts';
import { formatCount, formatDay, formatInstant, formatMinutes, nounFor } from '../format.ts';
import { compareRecordIds } from '../../core/ids.ts';
import { compareText } from '../../core/compare.ts';
import { MS_PER_MINUTE } from '../../core/units.ts';

export interface IncidentRow {
  id: string;
  title: string;
  severity: string;
  status: string;
  applications: string;
  startedText: string;
  durationText: string;
  year: string;
}

/** "Imported from": the source system and its id, linked to the source when the record keeps a URL; none when not imported. */
export function externalFacts(external: { system: string; id: string; url?: string | undefined } | undefined): Fact[] {
  if (external === undefined) return [];
  return [{ label: 'Imported from', text: `${external.system} ${external.id}`, ...(external.url === undefined ? {} : { href: external.url }) }];
}

/** Minutes from impact start to restore, or to as-of while open (0 for an incident dated after as-of). */
export function incidentDurationMinutes(incident: Incident, asOfMs: number): number {
  return Math.max(0, (incident.restored ?? asOfMs) - incident.started) / MS_PER_MINUTE;
}

export function incidentRow(incident: Incident, timeZone: string, asOfMs: number): IncidentRow {
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    applications: incident.applications.join(', '),
    startedText: formatInstant(incident.started, timeZone),
    durationText: formatMinutes(incidentDurationMinutes(incident, asOfMs)) + (incident.restored === undefined ? ' so far' : ''),
    year: formatDay(incident.started, timeZone).slice(0, 4),
  };
}

/** Newest first, then id, so pages and feeds list the same order on every build. */
export function newestFirst<T extends { id: string }>(list: readonly T[], at: (t: T) => number): T[] {
  return [...list].sort((a, b) => at(b) - at(a) || compareRecordIds(a.id, b.id));
}

/** Incidents grouped by the year they started in (reporting zone), newest year first. */
export function incidentYears(incidents: readonly Incident[], timeZone: string): string[] {
  return [...new Set(incidents.map((i) => formatDay(i.started, timeZone).slice(0, 4)))].sort().reverse();
}

/** One page of a year's incident list. */
export interface IncidentYearPage {
  year: string;
  /** 1-based. */
  page: number;
  pageCount: number;
  /** Incidents in the whole year. */
  total: number;
  rows: IncidentRow[];
  /** "Incidents 1,001–2,000 of 24,769 that started in 2016, newest first". */
  caption: string;
  /** Links to every page of the year, this one marked. */
  pages: { number: number; href: string; current: boolean; label: string }[];
}

/** Path of page `page` of a year's incident list: the first is the year itself. */
export function incidentYearPath(year: string, page: number): string {
  return page === 1 ? `incidents/year/${year}/` : `incidents/year/${year}/${page}/`;
}

/**
 * Every year's incident list, newest first, cut into pages of `pageSize` rows so that no page grows
 * with the size of the history (a busy desk logs tens of thousands a year). `href` turns a path into a URL.
 */
export function incidentYearPages(
  incidents: readonly Incident[],
  timeZone: string,
  asOfMs: number,
  href: (path: string) => string,
  pageSize = 1000,
): IncidentYearPage[] {
  const byYear = new Map<string, IncidentRow[]>();
  for (const incident of newestFirst(incidents, (i) => i.started)) {
    const row = incidentRow(incident, timeZone, asOfMs);
    const list = byYear.get(row.year) ?? [];
    list.push(row);
    byYear.set(row.year, list);
  }
  const out: IncidentYearPage[] = [];
  for (const [year, rows] of [...byYear].sort(([a], [b]) => (a < b ? 1 : -1))) {
    const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
    const pages = Array.from({ length: pageCount }, (_, i) => ({
      number: i + 1,
      href: href(incidentYearPath(year, i + 1)),
      current: false,
      label: `${formatCount(i * pageSize + 1)}–${formatCount(Math.min(rows.length, (i + 1) * pageSize))}`,
    }));
    for (let page = 1; page <= pageCount; page++) {
      const from = (page - 1) * pageSize;
      const slice = rows.slice(from, from + pageSize);
      const caption =
        pageCount === 1
          ? `${formatCount(rows.length)} incidents that started in ${year}, newest first`
          : `Incidents ${formatCount(from + 1)}–${formatCount(from + slice.length)} of ${formatCount(rows.length)} that started in ${year}, newest first`;
      out.push({ year, page, pageCount, total: rows.length, rows: slice, caption, pages: pages.map((p) => ({ ...p, current: p.number === page })) });
    }
  }
  return out;
}

/** How many incidents a recurring group lists by name before it gives only the count and a link. */
export const RECURRING_LINKS_SHOWN = 10;

/**
 * The latest `limit` of a list in start order, and a sentence for the rest ('' when none were left out):
 * a page lists a few by name and counts the others, so it stays small whatever the history holds.
 *
 * @example capLatest(['a', 'b', 'c'], 2, 'incident') // { shown: ['b', 'c'], more: 1, moreText: '1 earlier incident not listed here' }
 */
export function capLatest<T>(list: readonly T[], limit: number, noun: string): { shown: T[]; more: number; moreText: string } {
  const more = Math.max(0, list.length - limit);
  return { shown: list.slice(more), more, moreText: more === 0 ? '' : `${formatCount(more)} earlier ${nounFor(more, noun)} not listed here` };
}

/**
 * The first `limit` of a list in its own order (most first, say), and a sentence for the rest ('' when none were
 * left out): for lists ranked by size, where the first are the ones to read.
 *
 * @example capFirst(['a', 'b', 'c'], 2, 'incident') // { shown: ['a', 'b'], total: 3, more: 1, moreText: '1 more incident not listed here' }
 */
export function capFirst<T>(list: readonly T[], limit: number, noun: string): { shown: T[]; total: number; more: number; moreText: string } {
  const more = Math.max(0, list.length - limit);
  return { shown: list.slice(0, limit), total: list.length, more, moreText: more === 0 ? '' : `${formatCount(more)} more ${nounFor(more, noun)} not listed here` };
}

/** How many recurring groups a page describes in full before it names the rest in one line. */
export const RECURRING_GROUPS_SHOWN = 20;

/**
 * Recurring groups, the largest first: the first `limit` in full, the others named in one line each with their
 * count and a link to their application's incidents, so a page grows with the components, never with the records.
 */
export function capRecurringGroups<T extends { key: string; label: string; count: number; moreHref: string }>(groups: readonly T[], limit = RECURRING_GROUPS_SHOWN) {
  const largestFirst = [...groups].sort((a, b) => b.count - a.count || compareText(a.key, b.key));
  const rest = largestFirst.slice(limit);
  const restIncidents = rest.reduce((sum, group) => sum + group.count, 0);
  return {
    shown: largestFirst.slice(0, limit),
    rest: rest.map((group) => ({ label: group.label, countText: formatCount(group.count), href: group.moreHref })),
    moreText: rest.length === 0 ? '' : `${formatCount(rest.length)} more components with recurring incidents (${formatCount(restIncidents)} incidents), fewest last`,
  };
}

export interface Fact {
  label: string;
  text: string;
  href?: string | undefined;
}

export function changeWindowText(change: Change, timeZone: string): string {
  return `${formatInstant(change.plannedStart, timeZone)} → ${formatInstant(change.plannedEnd, timeZone)}`;
}

export function postmortemOrder(list: readonly Postmortem[]): Postmortem[] {
  return [...list].sort((a, b) => compareText(b.date, a.date) || compareText(a.id, b.id));
}

/** A problem counts as open until resolved or closed. */
export function isProblemOpen(problem: Problem): boolean {
  return problem.status !== 'resolved' && problem.status !== 'closed';
}

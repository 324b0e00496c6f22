// Rows and facts for the record pages, computed here so templates only arrange them.
import type { Change, Incident, Postmortem, Problem } from '../../load/repository.ts';
import { formatMinutes } from '../../core/percent.ts';
import { formatDay, formatInstant } from '../format.ts';
import { compareRecordIds } from '../../core/ids.ts';

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
  return Math.max(0, (incident.restored ?? asOfMs) - incident.started) / 60_000;
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

export interface Fact {
  label: string;
  text: string;
  href?: string | undefined;
}

export function changeWindowText(change: Change, timeZone: string): string {
  return `${formatInstant(change.plannedStart, timeZone)} → ${formatInstant(change.plannedEnd, timeZone)}`;
}

export function postmortemOrder(list: readonly Postmortem[]): Postmortem[] {
  return [...list].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
}

/** A problem counts as open until resolved or closed. */
export function isProblemOpen(problem: Problem): boolean {
  return problem.status !== 'resolved' && problem.status !== 'closed';
}

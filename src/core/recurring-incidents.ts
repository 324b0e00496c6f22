// Recurring incidents without a problem ticket: an application component that keeps failing while no
// problem ticket looks into it.
import type { Interval } from './types.ts';
import { compareText } from './compare.ts';
import { MS_PER_DAY } from './units.ts';
import { addToGroup, recurrences, type ComponentGroup, type RecurrenceOptions } from './recurrence.ts';

/** What recurrence detection needs of an incident; `started` in epoch milliseconds. */
export interface IncidentOccurrence {
  id: string;
  applications: readonly string[];
  component: string;
  /**
   * The component per application when an incident on several applications names one for each
   * (an impact entry's `component`); an application not listed takes `component`.
   */
  componentByApplication?: Readonly<Record<string, string>> | undefined;
  started: number;
  /** The problem ticket the incident names, if any. */
  problem?: string | undefined;
}

/** What recurrence detection needs of a problem ticket: the incidents it lists. */
export interface ProblemCoverage {
  id: string;
  incidents: readonly string[];
}

/** An application component that keeps failing with no problem ticket looking into it. */
export interface RecurringIssue {
  application: string;
  component: string;
  /** "application/component". */
  key: string;
  /** Uncovered incidents that fall in a qualifying window, oldest first. */
  incidents: string[];
  firstStartedMs: number;
  lastStartedMs: number;
}

/**
 * Application components with at least `minimum` (default 3) incidents within any
 * `windowDays` (default 90) window — the first and last started less than 90 days apart —
 * that no problem ticket covers. An incident is covered when it names a `problem` or a
 * problem ticket lists it in `incidents`; covered incidents do not count towards the three.
 * An incident on several applications counts for each of them, with that application's component.
 *
 * Only incidents that started inside `range` (epoch ms, half-open) are considered: pass the
 * 90 days before the as-of instant (see `daysBefore`) for "now", the 90 days up to a month's
 * end for that month, or all of history to find every window. Sorted by incidents, most
 * first, then latest incident, newest first, then key.
 *
 * @example
 * recurringIncidentsWithoutProblem(incidents, problems, daysBefore(asOfMs, 90));
 * // → [{ key: 'settlement/batch', incidents: ['INC-2026-0101', 'INC-2026-0117', 'INC-2026-0140'], … }]
 */
export function recurringIncidentsWithoutProblem(
  incidents: readonly IncidentOccurrence[],
  problems: readonly ProblemCoverage[],
  range: Interval,
  options: RecurrenceOptions = {},
): RecurringIssue[] {
  const windowDays = options.windowDays ?? 90;
  const minimum = options.minimum ?? 3;
  const covered = new Set<string>();
  for (const problem of problems) for (const id of problem.incidents) covered.add(id);

  const groups = new Map<string, ComponentGroup<IncidentOccurrence>>();
  for (const incident of incidents) {
    if (incident.started < range.fromMs || incident.started >= range.toMs) continue;
    if (incident.problem !== undefined || covered.has(incident.id)) continue;
    for (const application of new Set(incident.applications)) {
      addToGroup(groups, application, incident.componentByApplication?.[application] ?? incident.component, incident);
    }
  }

  const byStart = (a: IncidentOccurrence, b: IncidentOccurrence) => a.started - b.started || compareText(a.id, b.id);
  const issues = recurrences(groups, byStart, (incident) => incident.started, windowDays * MS_PER_DAY, minimum).map(
    (found): RecurringIssue => ({
      application: found.application,
      component: found.component,
      key: found.key,
      incidents: found.recurring.map((incident) => incident.id),
      firstStartedMs: found.first.started,
      lastStartedMs: found.last.started,
    }),
  );
  return issues.sort(
    (a, b) => b.incidents.length - a.incidents.length || b.lastStartedMs - a.lastStartedMs || compareText(a.key, b.key),
  );
}

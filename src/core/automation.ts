// Automation candidates: service requests done by hand often enough that a script or a report should do them.
import { compareText } from './compare.ts';
import { roundHours, type EffortEntry } from './effort.ts';
import { dayNumber } from './period.ts';
import { addToGroup, recurrences, type ComponentGroup, type DateRange, type RecurrenceOptions } from './recurrence.ts';

/** A service request done by hand often enough that a script or a report should do it. */
export interface AutomationCandidate {
  application: string;
  component: string;
  /** "application/component". */
  key: string;
  /** Service-request time entries in qualifying windows. */
  entries: number;
  /** Hours of those entries. */
  hours: number;
  /** Distinct tickets among them (entries without a ticket not counted). */
  tickets: number;
  firstDate: string;
  lastDate: string;
}

/**
 * Application components with at least `minimum` (default 5) service-request time entries
 * within any `windowDays` (default 90) calendar days, dated inside `range` (both ends
 * included): the recurring requests worth automating, with the hours they took. Sorted by
 * hours, most first, then entries, then key.
 *
 * @example
 * automationCandidates(repository.timeEntries, daysThrough('2026-11-24', 90));
 * // → [{ key: 'settlement/reports', entries: 14, hours: 21.5, tickets: 9, firstDate: '2026-09-01', lastDate: '2026-11-20' }]
 */
export function automationCandidates(
  entries: Iterable<EffortEntry>,
  range: DateRange,
  options: RecurrenceOptions = {},
): AutomationCandidate[] {
  const windowDays = options.windowDays ?? 90;
  const minimum = options.minimum ?? 5;
  // Thousands of entries share a few dozen dates: parse each date once.
  const dayNumbers = new Map<string, number>();
  const dayOf = (entry: EffortEntry): number => {
    let day = dayNumbers.get(entry.date);
    if (day === undefined) {
      day = dayNumber(entry.date);
      dayNumbers.set(entry.date, day);
    }
    return day;
  };
  const groups = new Map<string, ComponentGroup<EffortEntry>>();
  for (const entry of entries) {
    if (entry.category !== 'service-request' || entry.date < range.fromDate || entry.date > range.toDate) continue;
    addToGroup(groups, entry.application, entry.component, entry);
  }

  const byDate = (a: EffortEntry, b: EffortEntry) => compareText(a.date, b.date);
  const candidates = recurrences(groups, byDate, dayOf, windowDays, minimum).map((found): AutomationCandidate => {
    let hours = 0;
    const tickets = new Set<string>();
    for (const entry of found.recurring) {
      hours += entry.hours;
      if (entry.ticket !== '') tickets.add(entry.ticket);
    }
    return {
      application: found.application,
      component: found.component,
      key: found.key,
      entries: found.recurring.length,
      hours: roundHours(hours),
      tickets: tickets.size,
      firstDate: found.first.date,
      lastDate: found.last.date,
    };
  });
  return candidates.sort((a, b) => b.hours - a.hours || b.entries - a.entries || compareText(a.key, b.key));
}

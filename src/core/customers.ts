// Key customers' critical transacting windows, and the incidents whose impact fell inside them.
// A window is evaluated in its own time zone day by day (scheduledIntervals), so a DST week is right.
// Overlap counts wall-clock minutes of any impact on an application the customer uses, whatever
// the impact's fraction or regions: a customer in its critical window wants to know it was touched.
import { intersectIntervals, intervalsMinutes, mergeIntervals, scheduledIntervals } from './calendar.ts';
import type { ImpactSpan, Interval, WeeklyWindow } from './types.ts';
import { compareRecordIds } from './ids.ts';
import { compareText } from './compare.ts';

/** What window overlap needs of a key customer. */
export interface KeyCustomer {
  name: string;
  applications: readonly string[];
  windows: readonly WeeklyWindow[];
}

/** What window overlap needs of an incident: its id and normalised impact spans. */
export interface ImpactedIncident {
  id: string;
  impact: readonly ImpactSpan[];
}

/** The part of one window of a customer that an incident's impact overlapped. */
export interface WindowOverlap {
  window: WeeklyWindow;
  minutes: number;
  intervals: Interval[];
}

/** How much of a customer's critical windows an incident overlapped. */
export interface CustomerOverlap {
  customer: string;
  /** The customer's applications that the overlapping impact was on, sorted. */
  applications: string[];
  /** Minutes inside any of the customer's windows (windows that overlap each other count once). */
  minutes: number;
  /** Each window that was overlapped, in the customer's order. */
  windows: WindowOverlap[];
}

/** Impact intervals of the spans on any of `applications`, open spans running to the as-of instant. */
function impactIntervals(incident: ImpactedIncident, applications: ReadonlySet<string>, asOfMs: number): { intervals: Interval[]; applications: string[] } {
  const touched = new Set<string>();
  const intervals: Interval[] = [];
  for (const span of incident.impact) {
    const shared = span.applications.filter((a) => applications.has(a));
    if (shared.length === 0) continue;
    const toMs = span.toMs ?? Math.max(asOfMs, span.fromMs);
    if (toMs <= span.fromMs) continue;
    for (const a of shared) touched.add(a);
    intervals.push({ fromMs: span.fromMs, toMs });
  }
  return { intervals: mergeIntervals(intervals), applications: [...touched].sort() };
}

function clipTo(intervals: readonly Interval[], clip: Interval | undefined): Interval[] {
  return clip === undefined ? [...intervals] : intersectIntervals(intervals, [clip]);
}

/**
 * The key customers whose critical windows the incident's impact overlapped, on an application they
 * use, with the minutes of overlap; optionally only inside `clip` (e.g. a report month). Customers
 * with no overlap are left out; most minutes first, then name.
 *
 * @example
 * customerWindowOverlaps(incident, [acme], asOfMs)
 * // [{ customer: 'Acme Asset Management', applications: ['settlement'], minutes: 12,
 * //    windows: [{ window: { timezone: 'America/New_York', days: [...], hours: '15:00-16:00' }, minutes: 12, … }] }]
 */
export function customerWindowOverlaps(incident: ImpactedIncident, customers: readonly KeyCustomer[], asOfMs: number, clip?: Interval): CustomerOverlap[] {
  const found: CustomerOverlap[] = [];
  for (const customer of customers) {
    const impact = impactIntervals(incident, new Set(customer.applications), asOfMs);
    const clipped = clipTo(impact.intervals, clip);
    const first = clipped[0];
    const last = clipped[clipped.length - 1];
    if (first === undefined || last === undefined) continue;
    const range = { fromMs: first.fromMs, toMs: last.toMs };
    const windows: WindowOverlap[] = [];
    for (const window of customer.windows) {
      const intervals = intersectIntervals(scheduledIntervals([window], range), clipped);
      const minutes = intervalsMinutes(intervals);
      if (minutes > 0) windows.push({ window, minutes, intervals });
    }
    if (windows.length === 0) continue;
    const minutes = intervalsMinutes(intersectIntervals(scheduledIntervals([...customer.windows], range), clipped));
    found.push({ customer: customer.name, applications: impact.applications, minutes, windows });
  }
  return found.sort((a, b) => b.minutes - a.minutes || compareText(a.customer, b.customer));
}

/** Whether any impact span of the incident reaches into `range`: a cheap test before the windows are built. */
function touchesRange(incident: ImpactedIncident, range: Interval, asOfMs: number): boolean {
  return incident.impact.some((span) => span.fromMs < range.toMs && (span.toMs ?? asOfMs) > range.fromMs);
}

/** One customer's exposure over a period. */
export interface CustomerExposure {
  customer: string;
  /** Minutes of the customer's windows inside the period overlapped by any incident (overlapping incidents count once). */
  minutes: number;
  /** Each overlapping incident with its own minutes in the period, most first, then id. */
  incidents: { id: string; minutes: number }[];
}

/**
 * For each key customer, the incidents whose impact overlapped its critical windows inside `range`
 * (e.g. a report month), and the minutes of its windows that were hit. Every customer is listed,
 * untouched ones with 0 minutes; most minutes first, then name.
 *
 * @example customerExposure(incidents, customers, monthInterval('2026-10', 'UTC'), asOfMs)[0] // { customer: 'Acme Asset Management', minutes: 12, incidents: [{ id: 'INC-2026-0140', minutes: 12 }] }
 */
export function customerExposure(incidents: readonly ImpactedIncident[], customers: readonly KeyCustomer[], range: Interval, asOfMs: number): CustomerExposure[] {
  const rows = customers.map((customer) => {
    const hits: { id: string; minutes: number; intervals: Interval[] }[] = [];
    for (const incident of incidents) {
      if (!touchesRange(incident, range, asOfMs)) continue;
      const [overlap] = customerWindowOverlaps(incident, [customer], asOfMs, range);
      if (overlap) hits.push({ id: incident.id, minutes: overlap.minutes, intervals: overlap.windows.flatMap((w) => w.intervals) });
    }
    hits.sort((a, b) => b.minutes - a.minutes || compareRecordIds(a.id, b.id));
    return {
      customer: customer.name,
      minutes: intervalsMinutes(hits.flatMap((h) => h.intervals)),
      incidents: hits.map(({ id, minutes }) => ({ id, minutes })),
    };
  });
  return rows.sort((a, b) => b.minutes - a.minutes || compareText(a.customer, b.customer));
}

// Time-tracking hotspots: where the support hours go, what keeps coming back, and how many people it takes.
import { workCategories } from '../schema/csv.ts';
import { addDays, dayNumber, monthIndex, nextMonth } from './period.ts';
import { ordinaryLeastSquares, predictionInterval } from './regression.ts';
import type { Interval } from './types.ts';
import { compareText } from './compare.ts';
import { MS_PER_DAY } from './units.ts';

/** Work types of the time-tracking export, in the order the export documents them. */
export const effortCategories: readonly string[] = workCategories;

/** One row of a time-tracking export, as far as hotspots need it. `date` is a plain date 'YYYY-MM-DD'. */
export interface EffortEntry {
  date: string;
  team: string;
  application: string;
  component: string;
  category: string;
  ticket: string;
  hours: number;
}

/** Hours booked against one key, and that key's share of all hours (a fraction 0–1). */
export interface HoursShare {
  key: string;
  hours: number;
  share: number;
}

/** Where the hours of a month (or of several months) went. */
export interface EffortBreakdown {
  /** 'YYYY-MM' for a month, 'YYYY-MM/YYYY-MM' for a range of months. */
  period: string;
  /** Calendar months in the period. */
  months: number;
  totalHours: number;
  /** Full-time equivalents: totalHours ÷ (fteHoursPerMonth × months), the average head count the hours need. */
  fte: number;
  /** Every work category, zero hours included, so a table always has the same rows. */
  byCategory: HoursShare[];
  byApplication: HoursShare[];
  /** Keyed "application/component". */
  byComponent: HoursShare[];
  byTeam: HoursShare[];
}

interface Tally {
  totalHours: number;
  category: Map<string, number>;
  application: Map<string, number>;
  component: Map<string, number>;
  team: Map<string, number>;
}

/** Time entries summed per calendar month, built in one pass; every breakdown reads from it, never from the rows. */
export interface EffortLedger {
  readonly byMonth: ReadonlyMap<string, Readonly<Tally>>;
}

function emptyTally(): Tally {
  return { totalHours: 0, category: new Map(), application: new Map(), component: new Map(), team: new Map() };
}

function add(map: Map<string, number>, key: string, hours: number): void {
  map.set(key, (map.get(key) ?? 0) + hours);
}

/**
 * Sums time entries per month ('YYYY-MM', the date's own month) by category, application,
 * component and team, in a single pass over the rows. Entries dated after `throughDate`
 * ('YYYY-MM-DD', optional) are left out, so the as-of month is counted to date.
 *
 * @example
 * const ledger = bucketEffortByMonth(repository.timeEntries, { throughDate: '2026-11-24' });
 * ledger.byMonth.get('2026-11')?.totalHours; // → 812.5 (hours)
 */
export function bucketEffortByMonth(entries: Iterable<EffortEntry>, options: { throughDate?: string } = {}): EffortLedger {
  const { throughDate } = options;
  const byMonth = new Map<string, Tally>();
  let lastMonth = '';
  let last: Tally | undefined;
  for (const entry of entries) {
    if (throughDate !== undefined && entry.date > throughDate) continue;
    const month = entry.date.slice(0, 7);
    // Exports are usually in date order: reuse the month's tally instead of a lookup per row.
    let tally = month === lastMonth ? last : byMonth.get(month);
    if (tally === undefined) {
      tally = emptyTally();
      byMonth.set(month, tally);
    }
    lastMonth = month;
    last = tally;
    const hours = entry.hours;
    tally.totalHours += hours;
    add(tally.category, entry.category, hours);
    add(tally.application, entry.application, hours);
    add(tally.component, `${entry.application}/${entry.component}`, hours);
    add(tally.team, entry.team, hours);
  }
  return { byMonth };
}

/** Sums of decimal hours carry float noise (0.1 + 0.2); a microhour is below anything anyone books. */
function roundHours(hours: number): number {
  return Math.round(hours * 1e6) / 1e6;
}

/** Key order of every hours list: most hours first, then key in code-point order (locale-independent). */
function byHoursThenKey(a: HoursShare, b: HoursShare): number {
  if (a.hours !== b.hours) return b.hours - a.hours;
  return compareText(a.key, b.key);
}

function shares(map: ReadonlyMap<string, number>, totalHours: number, keys: readonly string[] = []): HoursShare[] {
  const list: HoursShare[] = [];
  const seen = new Set<string>();
  for (const key of [...keys, ...map.keys()]) {
    if (seen.has(key)) continue;
    seen.add(key);
    const hours = roundHours(map.get(key) ?? 0);
    list.push({ key, hours, share: totalHours > 0 ? hours / totalHours : 0 });
  }
  return list.sort(byHoursThenKey);
}

function mergeTallies(tallies: readonly Readonly<Tally>[]): Tally {
  if (tallies.length === 1) return tallies[0] as Tally;
  const merged = emptyTally();
  for (const tally of tallies) {
    merged.totalHours += tally.totalHours;
    for (const [key, hours] of tally.category) add(merged.category, key, hours);
    for (const [key, hours] of tally.application) add(merged.application, key, hours);
    for (const [key, hours] of tally.component) add(merged.component, key, hours);
    for (const [key, hours] of tally.team) add(merged.team, key, hours);
  }
  return merged;
}

/**
 * Hours and share by category, application, component and team over `months` (each
 * 'YYYY-MM'; one month or several), and the FTEs they amount to: total hours ÷
 * (`fteHoursPerMonth` × number of months). Lists are sorted by hours, most first, then key.
 *
 * @example
 * effortBreakdown(ledger, ['2026-10'], 140);
 * // → { period: '2026-10', months: 1, totalHours: 700, fte: 5,
 * //     byCategory: [{ key: 'incident', hours: 280, share: 0.4 }, …], … }
 */
export function effortBreakdown(ledger: EffortLedger, months: readonly string[], fteHoursPerMonth: number): EffortBreakdown {
  if (months.length === 0) throw new RangeError('effortBreakdown needs at least one month');
  if (!(fteHoursPerMonth > 0)) throw new RangeError(`fteHoursPerMonth must be positive, got ${fteHoursPerMonth}`);
  const sorted = [...months].sort();
  const tally = mergeTallies(sorted.map((month) => ledger.byMonth.get(month) ?? emptyTally()));
  const totalHours = roundHours(tally.totalHours);
  const first = sorted[0] as string;
  const last = sorted[sorted.length - 1] as string;
  return {
    period: first === last ? first : `${first}/${last}`,
    months: sorted.length,
    totalHours,
    fte: totalHours / (fteHoursPerMonth * sorted.length),
    byCategory: shares(tally.category, totalHours, effortCategories),
    byApplication: shares(tally.application, totalHours),
    byComponent: shares(tally.component, totalHours),
    byTeam: shares(tally.team, totalHours),
  };
}

/** Hours of one month, with the FTEs and the hours of each work category. */
export interface MonthlyEffort {
  month: string;
  hours: number;
  fte: number;
  /** Hours per work category, every category present. */
  byCategory: Record<string, number>;
}

/**
 * Hours, FTEs and hours per category for each of `months`, in the order given: the effort trend.
 *
 * @example
 * monthlyEffort(ledger, ['2026-09', '2026-10'], 140);
 * // → [{ month: '2026-09', hours: 650, fte: 4.64, byCategory: { incident: 250, … } }, { month: '2026-10', … }]
 */
export function monthlyEffort(ledger: EffortLedger, months: readonly string[], fteHoursPerMonth: number): MonthlyEffort[] {
  if (!(fteHoursPerMonth > 0)) throw new RangeError(`fteHoursPerMonth must be positive, got ${fteHoursPerMonth}`);
  return months.map((month) => {
    const tally = ledger.byMonth.get(month);
    const hours = roundHours(tally?.totalHours ?? 0);
    const byCategory: Record<string, number> = {};
    for (const category of effortCategories) byCategory[category] = roundHours(tally?.category.get(category) ?? 0);
    return { month, hours, fte: hours / fteHoursPerMonth, byCategory };
  });
}

/** A month's hours against the month before. */
export interface HoursChange {
  key: string;
  hours: number;
  previousHours: number;
  /** hours − previousHours. */
  changeHours: number;
  /** changeHours ÷ previousHours, a fraction (0.25 for +25 %); null when the previous month had no hours. */
  change: number | null;
}

export interface MonthOverMonth {
  month: string;
  previousMonth: string;
  total: HoursChange;
  /** Every work category, in `effortCategories` order. */
  byCategory: HoursChange[];
}

function hoursChange(key: string, hours: number, previousHours: number): HoursChange {
  const now = roundHours(hours);
  const before = roundHours(previousHours);
  return { key, hours: now, previousHours: before, changeHours: roundHours(now - before), change: before > 0 ? (now - before) / before : null };
}

/**
 * `month`'s hours against `previousMonth`'s, in total and per work category.
 *
 * @example
 * monthOverMonth(ledger, '2026-10', '2026-09').total;
 * // → { key: 'total', hours: 700, previousHours: 560, changeHours: 140, change: 0.25 }
 */
export function monthOverMonth(ledger: EffortLedger, month: string, previousMonth: string): MonthOverMonth {
  const now = ledger.byMonth.get(month) ?? emptyTally();
  const before = ledger.byMonth.get(previousMonth) ?? emptyTally();
  return {
    month,
    previousMonth,
    total: hoursChange('total', now.totalHours, before.totalHours),
    byCategory: effortCategories.map((category) =>
      hoursChange(category, now.category.get(category) ?? 0, before.category.get(category) ?? 0),
    ),
  };
}

/**
 * The few keys that take most of the bandwidth: the leading entries of a list sorted by
 * hours (as `effortBreakdown` returns it) until together they reach `coverShare` of all
 * hours (a fraction, default one half), at most `limit` of them.
 *
 * @example
 * bandwidthHotspots(breakdown.byApplication);
 * // → [{ key: 'settlement', hours: 300, share: 0.43 }, { key: 'payments', hours: 90, share: 0.13 }]
 */
export function bandwidthHotspots(list: readonly HoursShare[], coverShare = 0.5, limit = 5): HoursShare[] {
  const hotspots: HoursShare[] = [];
  let covered = 0;
  for (const entry of list) {
    if (covered >= coverShare || hotspots.length >= limit || entry.hours <= 0) break;
    hotspots.push(entry);
    covered += entry.share;
  }
  return hotspots;
}

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
  /** A title for `npm run new -- problem "<title>"`: ids only, so it is safe inside double quotes. */
  suggestedTitle: string;
}

export interface RecurrenceOptions {
  /** Length of the sliding window, in days (default 90). */
  windowDays?: number;
  /** Occurrences that make a recurrence (default 3 incidents, 5 service requests). */
  minimum?: number;
}

/** Flags each value of ascending `times` that shares a window of `windowSize` (last − first < size) with `minimum` − 1 others. */
function inQualifyingWindow(times: readonly number[], windowSize: number, minimum: number): boolean[] {
  const flagged = times.map(() => false);
  let first = 0;
  let flaggedThrough = -1;
  for (let last = 0; last < times.length; last++) {
    while ((times[last] as number) - (times[first] as number) >= windowSize) first++;
    if (last - first + 1 < minimum) continue;
    for (let i = Math.max(first, flaggedThrough + 1); i <= last; i++) flagged[i] = true;
    flaggedThrough = last;
  }
  return flagged;
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
 * // → [{ key: 'settlement/batch', incidents: ['INC-2026-0101', 'INC-2026-0117', 'INC-2026-0140'],
 * //      suggestedTitle: 'Recurring batch incidents on settlement', … }]
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

  const groups = new Map<string, { application: string; component: string; incidents: IncidentOccurrence[] }>();
  for (const incident of incidents) {
    if (incident.started < range.fromMs || incident.started >= range.toMs) continue;
    if (incident.problem !== undefined || covered.has(incident.id)) continue;
    for (const application of new Set(incident.applications)) {
      const component = incident.componentByApplication?.[application] ?? incident.component;
      const key = `${application}/${component}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { application, component, incidents: [] };
        groups.set(key, group);
      }
      group.incidents.push(incident);
    }
  }

  const issues: RecurringIssue[] = [];
  for (const [key, group] of groups) {
    if (group.incidents.length < minimum) continue;
    const ordered = group.incidents.sort((a, b) => a.started - b.started || compareText(a.id, b.id));
    const flagged = inQualifyingWindow(
      ordered.map((incident) => incident.started),
      windowDays * MS_PER_DAY,
      minimum,
    );
    const recurring = ordered.filter((_, i) => flagged[i]);
    const first = recurring[0];
    const last = recurring[recurring.length - 1];
    if (first === undefined || last === undefined) continue;
    issues.push({
      application: group.application,
      component: group.component,
      key,
      incidents: recurring.map((incident) => incident.id),
      firstStartedMs: first.started,
      lastStartedMs: last.started,
      suggestedTitle: `Recurring ${group.component} incidents on ${group.application}`,
    });
  }
  return issues.sort(
    (a, b) => b.incidents.length - a.incidents.length || b.lastStartedMs - a.lastStartedMs || compareText(a.key, b.key),
  );
}

/**
 * The `days` before `asOfMs` (epoch ms) as a half-open interval ending at the as-of instant.
 *
 * @example daysBefore(Date.parse('2026-11-24T12:00:00Z'), 90) // { fromMs: Date.parse('2026-08-26T12:00:00Z'), toMs: Date.parse('2026-11-24T12:00:00Z') }
 */
export function daysBefore(asOfMs: number, days: number): Interval {
  return { fromMs: asOfMs - days * MS_PER_DAY, toMs: asOfMs };
}

/** A span of plain dates, both ends included ('YYYY-MM-DD'). */
export interface DateRange {
  fromDate: string;
  toDate: string;
}

/**
 * The `days` calendar days that end on `toDate` (included), as a date range.
 *
 * @example daysThrough('2026-11-24', 90) // { fromDate: '2026-08-27', toDate: '2026-11-24' }
 */
export function daysThrough(toDate: string, days: number): DateRange {
  return { fromDate: addDays(toDate, 1 - days), toDate };
}

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
  const dayOf = (date: string): number => {
    let day = dayNumbers.get(date);
    if (day === undefined) {
      day = dayNumber(date);
      dayNumbers.set(date, day);
    }
    return day;
  };
  const groups = new Map<string, { application: string; component: string; entries: EffortEntry[] }>();
  for (const entry of entries) {
    if (entry.category !== 'service-request' || entry.date < range.fromDate || entry.date > range.toDate) continue;
    const key = `${entry.application}/${entry.component}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { application: entry.application, component: entry.component, entries: [] };
      groups.set(key, group);
    }
    group.entries.push(entry);
  }

  const candidates: AutomationCandidate[] = [];
  for (const [key, group] of groups) {
    if (group.entries.length < minimum) continue;
    const ordered = group.entries.sort((a, b) => compareText(a.date, b.date));
    const flagged = inQualifyingWindow(
      ordered.map((entry) => dayOf(entry.date)),
      windowDays,
      minimum,
    );
    const recurring = ordered.filter((_, i) => flagged[i]);
    const first = recurring[0];
    const last = recurring[recurring.length - 1];
    if (first === undefined || last === undefined) continue;
    let hours = 0;
    const tickets = new Set<string>();
    for (const entry of recurring) {
      hours += entry.hours;
      if (entry.ticket !== '') tickets.add(entry.ticket);
    }
    candidates.push({
      application: group.application,
      component: group.component,
      key,
      entries: recurring.length,
      hours: roundHours(hours),
      tickets: tickets.size,
      firstDate: first.date,
      lastDate: last.date,
    });
  }
  return candidates.sort((a, b) => b.hours - a.hours || b.entries - a.entries || compareText(a.key, b.key));
}

/** Hours of one month of history. */
export interface MonthHours {
  month: string;
  hours: number;
}

/** Forecast hours of a month with the bounds of a 95 % prediction interval, and the FTEs they need. */
export interface StaffingForecastMonth {
  month: string;
  /** Hours are never negative: a falling trend is cut at zero. */
  hours: number;
  low: number;
  high: number;
  fte: number;
  fteLow: number;
  fteHigh: number;
}

export interface StaffingForecast {
  /** The straight line through the monthly hours; null with fewer than three months. */
  trend: {
    /** Months fitted. */
    n: number;
    /** Hours added (or, negative, removed) each month. */
    hoursPerMonth: number;
    r2: number;
    /** FTEs added each month at that pace. */
    ftePerMonth: number;
  } | null;
  /** The fitted line at each history month, for drawing it. */
  fitted: MonthHours[];
  forecasts: StaffingForecastMonth[];
}

/**
 * A linear forecast of the support hours for the `horizon` months (default 3) after the
 * last month of `history`: ordinary least squares of hours on the month, with a 95 %
 * prediction interval, each also as FTEs (hours ÷ `fteHoursPerMonth`). Pass complete
 * months only: a month-to-date would pull the line down. No forecast with fewer than
 * three months of history or a single distinct month.
 *
 * @example
 * staffingForecast([{ month: '2026-08', hours: 600 }, { month: '2026-09', hours: 650 }, { month: '2026-10', hours: 700 }], 140);
 * // → { trend: { n: 3, hoursPerMonth: 50, r2: 1, ftePerMonth: 0.357 },
 * //     forecasts: [{ month: '2026-11', hours: 750, low: 750, high: 750, fte: 5.36, … }, …], … }
 */
export function staffingForecast(history: readonly MonthHours[], fteHoursPerMonth: number, horizon = 3): StaffingForecast {
  if (!(fteHoursPerMonth > 0)) throw new RangeError(`fteHoursPerMonth must be positive, got ${fteHoursPerMonth}`);
  const ordered = [...history].sort((a, b) => compareText(a.month, b.month));
  const first = ordered[0];
  const lastMonth = ordered[ordered.length - 1]?.month;
  if (first === undefined || lastMonth === undefined) return { trend: null, fitted: [], forecasts: [] };
  const origin = monthIndex(first.month);
  const fit = ordinaryLeastSquares(
    ordered.map((point) => monthIndex(point.month) - origin),
    ordered.map((point) => point.hours),
  );
  if (fit === null) return { trend: null, fitted: [], forecasts: [] };

  const atLeastZero = (hours: number) => Math.max(0, hours);
  const forecasts: StaffingForecastMonth[] = [];
  let month = lastMonth;
  for (let step = 0; step < horizon; step++) {
    month = nextMonth(month);
    const { value, low, high } = predictionInterval(fit, monthIndex(month) - origin, 0.95);
    const hours = atLeastZero(value);
    forecasts.push({
      month,
      hours,
      low: atLeastZero(low),
      high: atLeastZero(high),
      fte: hours / fteHoursPerMonth,
      fteLow: atLeastZero(low) / fteHoursPerMonth,
      fteHigh: atLeastZero(high) / fteHoursPerMonth,
    });
  }
  return {
    trend: { n: fit.n, hoursPerMonth: fit.slope, r2: fit.r2, ftePerMonth: fit.slope / fteHoursPerMonth },
    fitted: ordered.map((point) => ({ month: point.month, hours: fit.intercept + fit.slope * (monthIndex(point.month) - origin) })),
    forecasts,
  };
}

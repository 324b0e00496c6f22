// Where the support hours go: the month ledger of a time-tracking export, breakdowns by work type,
// application, component and team, month over month, and the few keys that take most of the hours.
import { workCategories } from '../schema/csv.ts';
import { compareText } from './compare.ts';
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
export function roundHours(hours: number): number {
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

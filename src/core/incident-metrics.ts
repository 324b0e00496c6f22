import type { IncidentTimes, Interval, Severity } from './types.ts';
import { MS_PER_MINUTE } from './units.ts';

const SEVERITIES: readonly Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

/** Median and 90th percentile of a duration in minutes over the n incidents that have both timestamps. */
export interface DurationSummary {
  medianMinutes: number | null;
  p90Minutes: number | null;
  n: number;
}

export interface IncidentMetrics {
  /** Incidents that started in the range. */
  count: number;
  bySeverity: Record<Severity, number>;
  byCause: Record<string, number>;
  byChannel: Record<string, number>;
  /** Resolution level (L1, L2, L3) of the incidents that record one. */
  byResolvedAt: Record<string, number>;
  /** Mean time to acknowledge: detected → acknowledged. */
  mtta: DurationSummary;
  /** Mean time to restore: started → restored. */
  mttr: DurationSummary;
  /** Incidents with cause "change" or a causing change id. */
  changeInduced: number;
  changeInducedShare: number | null;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) by linear interpolation between closest ranks (Excel PERCENTILE.INC,
 * R type 7, numpy's default), so the median of an even count is the mean of the middle two. null when empty.
 *
 * @example percentile([10, 20, 30, 40], 0.5) // 25
 * @example percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) // 9.1
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile p must be within 0 and 1, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const low = sorted[lower] as number;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)] as number;
  return low + (position - lower) * (high - low);
}

function summarise(durationsMs: readonly number[]): DurationSummary {
  const median = percentile(durationsMs, 0.5);
  const p90 = percentile(durationsMs, 0.9);
  return {
    medianMinutes: median === null ? null : median / MS_PER_MINUTE,
    p90Minutes: p90 === null ? null : p90 / MS_PER_MINUTE,
    n: durationsMs.length,
  };
}

/** Counts per key with keys sorted, so the same incidents always give the same JSON. */
function countBy(keys: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const sorted: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) sorted[key] = counts.get(key) as number;
  return sorted;
}

/**
 * Counts and response times of the incidents that started in `range` (epoch ms, half-open):
 * by severity (every severity present, zero included), cause, channel and resolution level; MTTA
 * and MTTR median and p90 in minutes (linear interpolation, see `percentile`); and the share of
 * change-induced incidents (null when there are none at all).
 *
 * @example incidentMetrics(incidents, monthInterval('2026-03', 'UTC')).mttr.medianMinutes
 */
export function incidentMetrics(incidents: readonly IncidentTimes[], range: Interval): IncidentMetrics {
  const inRange = incidents.filter((incident) => incident.started >= range.fromMs && incident.started < range.toMs);
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  const acknowledgeMs: number[] = [];
  const restoreMs: number[] = [];
  let changeInduced = 0;
  for (const incident of inRange) {
    bySeverity[incident.severity] += 1;
    if (incident.acknowledged !== undefined) acknowledgeMs.push(incident.acknowledged - incident.detected);
    if (incident.restored !== undefined) restoreMs.push(incident.restored - incident.started);
    if (incident.cause === 'change' || incident.change !== undefined) changeInduced += 1;
  }
  return {
    count: inRange.length,
    bySeverity,
    byCause: countBy(inRange.map((incident) => incident.cause)),
    byChannel: countBy(inRange.map((incident) => incident.channel)),
    byResolvedAt: countBy(inRange.flatMap((incident) => incident.resolvedAt ?? [])),
    mtta: summarise(acknowledgeMs),
    mttr: summarise(restoreMs),
    changeInduced,
    changeInducedShare: inRange.length > 0 ? changeInduced / inRange.length : null,
  };
}

import { ordinaryLeastSquares, predictionInterval } from './regression.ts';
import type { LinearFit } from './regression.ts';
import { percentile } from './incident-metrics.ts';
import { monthIndex, utcMonthOf } from './period.ts';
import { MS_PER_DAY, MS_PER_HOUR } from './units.ts';

/** One KPI column of an application's capacity CSV, as declared in applications.yaml. */
export interface CapacityKpiSpec {
  column: string;
  unit: string;
  sla: { max: number } | { min: number };
}

/** An application's capacity CSV, column by column, as the loader hands it over. */
export interface CapacitySeries {
  applicationId: string;
  volumeColumn: string;
  /** Row timestamps, epoch milliseconds; any order. */
  timestampMs: Float64Array;
  /** The volume column and every KPI column, each as long as `timestampMs`. */
  columns: Record<string, Float64Array>;
  kpis: CapacityKpiSpec[];
  /** Length of the analysis window in days, counted back from the latest row (usually 90). */
  windowDays: number;
}

/** Settings of the analysis that come from site.yaml rather than from the data. */
export interface CapacityOptions {
  /** Breach months further than this many calendar months after the window's last month are not projected (default 36). */
  planningHorizonMonths?: number;
}

/**
 * Why a breach month is, or is not, given:
 * - `reached`: the fitted KPI is already at or past its SLA at this volume (month = the window's last month);
 * - `projected`: the volume trend reaches the SLA volume within the planning horizon;
 * - `beyond-horizon`: it would, but later than the planning horizon;
 * - `trend-too-weak`: the volume trend is low-confidence (R² < 0.3 or fewer than 30 days), or there is none;
 * - `not-growing`: the volume trend is flat or falling;
 * - `never`: the fitted KPI does not move towards its SLA as volume grows;
 * - `no-fit`: there is no regression to project from.
 */
export type BreachOutlook = 'reached' | 'projected' | 'beyond-horizon' | 'trend-too-weak' | 'not-growing' | 'never' | 'no-fit';

export type SlaKind = 'max' | 'min';
export type ForecastStatus = 'inside' | 'breach';

/** The KPI forecast at volume = window mean volume × (1 + growth), in the KPI's unit. */
export interface KpiForecast {
  /** Volume growth over the window mean, a fraction (0.5 for +50 %). */
  growth: number;
  volume: number;
  value: number;
  /** Bounds of the 95 % prediction interval. */
  low: number;
  high: number;
  status: ForecastStatus;
}

/** The regression KPI = intercept + slope·volume over the window, and what it forecasts. */
export interface CapacityKpiAnalysis {
  column: string;
  unit: string;
  sla: { kind: SlaKind; value: number };
  /** Rows in the window with both volume and KPI present. */
  n: number;
  /** The statistics below are null when the fit is degenerate (n < 3 or volume constant). */
  intercept: number | null;
  /** KPI units per unit of volume. */
  slope: number | null;
  r2: number | null;
  r: number | null;
  /** b·x̄/ȳ: volume +1 % moves the KPI by this many per cent; null when ȳ = 0. */
  elasticity: number | null;
  /** Residual standard error, in the KPI's unit. */
  standardError: number | null;
  /**
   * Volume growth over the window mean, a fraction, at which the fitted line reaches the
   * SLA (0.37 for +37 %). 0 when the line is already at or past the SLA at the mean volume;
   * null when it never gets there (flat slope, or a slope moving away from the SLA).
   */
  headroom: number | null;
  /** R² < 0.3 or n < 30, or no fit at all. */
  lowConfidence: boolean;
  /** One per entry of `forecastGrowths`; empty when the fit is degenerate. */
  forecasts: KpiForecast[];
  /**
   * UTC month ('YYYY-MM') in which the volume, following its own linear trend, reaches the
   * headroom volume. Never earlier than the window's last month (a crossing the trend puts
   * in the past is reported as that month, as is headroom 0). Null unless `breachOutlook`
   * is `reached` or `projected`: never from a low-confidence volume trend, never beyond the
   * planning horizon.
   */
  breachMonth: string | null;
  /** Why `breachMonth` is what it is. */
  breachOutlook: BreachOutlook;
  /**
   * The same analysis from the window's peak volume (the 95th percentile of hourly volume)
   * instead of its mean: the busy hours the mean hides. Null without a fit or a peak.
   */
  peak: KpiPeakAnalysis | null;
}

/** A KPI seen from the peak volume of the window; growths are fractions over the peak. */
export interface KpiPeakAnalysis {
  /** The peak volume: the window's 95th percentile of hourly volume. */
  volume: number;
  /** The fitted KPI at the peak volume, with its 95 % prediction interval. */
  value: number;
  low: number;
  high: number;
  status: ForecastStatus;
  /** True when the fitted line is at or past the SLA at the peak volume (headroom 0). */
  breachesAtPeak: boolean;
  /** Volume growth over the peak at which the fitted line reaches the SLA; 0 when already there, null when never. */
  headroom: number | null;
  /** Forecasts at peak × (1 + growth) for each of `forecastGrowths`. */
  forecasts: KpiForecast[];
  /** The month the peak, growing with the volume's trend, reaches the SLA volume; same rules as the mean's. */
  breachMonth: string | null;
  breachOutlook: BreachOutlook;
}

/** The volume's own trend: OLS of daily mean volume on time in days. */
export interface VolumeTrend {
  /** slopePerDay × 30.4375 ÷ window mean volume, a fraction per month (0.021 for +2.1 %). */
  growthPerMonth: number | null;
  /** Volume units per day. */
  slopePerDay: number | null;
  r2: number | null;
  /** Day periods with at least one volume value. */
  n: number;
  /** R² < 0.3 or fewer than 30 days, or no trend at all: no breach month is projected from it. */
  lowConfidence: boolean;
}

export interface CapacityAnalysis {
  applicationId: string;
  volumeColumn: string;
  /** Rows with fromMs < timestamp ≤ toMs count; epoch milliseconds. */
  window: { fromMs: number; toMs: number };
  volume: {
    /** Mean volume over the window's rows: the "current volume" every forecast grows from. */
    mean: number | null;
    /** Rows in the window with a volume value. */
    n: number;
    /**
     * The window's peak: the 95th percentile (linear interpolation, see `percentile`) of hourly
     * volume, each UTC clock hour's volume being the mean of its rows. Null when there is no volume.
     */
    peak: number | null;
    /** Clock hours with at least one volume value, over which `peak` is taken. */
    peakHours: number;
    trend: VolumeTrend;
  };
  kpis: CapacityKpiAnalysis[];
}

/** The analysis window when applications.yaml names none, in days. */
export const defaultCapacityWindowDays = 90;

/** Breach months are projected at most this many months after the window's last month unless site.yaml says otherwise. */
export const defaultPlanningHorizonMonths = 36;

/** The percentile of hourly volume that stands for the window's peak. */
export const peakPercentile = 0.95;

/** Volume growths, as fractions, at which every KPI is forecast. */
export const forecastGrowths: readonly number[] = [0.1, 0.25, 0.5, 1.0];

const DAYS_PER_MONTH = 30.4375; // 365.25 / 12
/** A fit with R² below this is low-confidence: its forecasts are flagged and no breach month is projected from a volume trend this weak. */
export const LOW_CONFIDENCE_R2 = 0.3;
/** A KPI fit on fewer rows than this is low-confidence. */
export const LOW_CONFIDENCE_N = 30;
/** A volume trend over fewer days than this is low-confidence. */
export const LOW_CONFIDENCE_DAYS = 30;
const PREDICTION_CONFIDENCE = 0.95;

/**
 * Regresses each KPI on volume over the last `windowDays` of data at or before `asOfMs`
 * (epoch milliseconds), and forecasts each KPI against its SLA.
 *
 * The window ends at the latest timestamp ≤ asOf (at asOf itself when there is none) and
 * holds the rows with fromMs < timestamp ≤ toMs. The base ("current") volume is the mean
 * volume over the window's rows. The volume trend regresses the mean volume of each
 * 24-hour period, counted back from the window's end, on the period's mean time in days,
 * so intraday seasonality and uneven sampling do not tilt it. Non-finite cells are skipped.
 * The peak volume is the 95th percentile of the hourly volume (each UTC hour's mean); every
 * KPI is also forecast from it. Breach months are given only from a volume trend that is not
 * low-confidence and only within `options.planningHorizonMonths` (default 36) calendar months.
 *
 * @throws Error when the volume column or a KPI column is missing or of the wrong length,
 *   or windowDays is not positive.
 * @example
 * analyseCapacity(settlementSeries, Date.parse('2026-10-01T00:00:00Z'));
 * // → { window: {fromMs, toMs}, volume: {mean: 1200, trend: {growthPerMonth: 0.021, …}},
 * //     kpis: [{column: 'p95_ms', headroom: 0.37, breachMonth: '2027-11', …}] }
 */
export function analyseCapacity(series: CapacitySeries, asOfMs: number, options: CapacityOptions = {}): CapacityAnalysis {
  const horizonMonths = options.planningHorizonMonths ?? defaultPlanningHorizonMonths;
  if (!(horizonMonths >= 0)) throw new RangeError(`planningHorizonMonths must not be negative, got ${horizonMonths}`);
  const { timestampMs, windowDays } = series;
  if (!(windowDays > 0)) throw new RangeError(`windowDays must be positive, got ${windowDays}`);
  const volumeColumn = requireColumn(series, series.volumeColumn);

  const toMs = latestTimestampMs(timestampMs, asOfMs) ?? asOfMs;
  const fromMs = toMs - windowDays * MS_PER_DAY;
  const rows = windowRows(timestampMs, { fromMs, toMs });

  const windowTimes = rows.take(timestampMs);
  const windowVolume = rows.take(volumeColumn);
  const { mean: volumeMean, n: volumeN } = finiteMean(windowVolume);
  const { fit: trendFit, days } = dailyVolumeTrend(windowTimes, windowVolume, fromMs, windowDays);
  const trend: VolumeTrend = {
    growthPerMonth:
      trendFit !== null && volumeMean !== null && volumeMean > 0 ? (trendFit.slope * DAYS_PER_MONTH) / volumeMean : null,
    slopePerDay: trendFit?.slope ?? null,
    r2: trendFit?.r2 ?? null,
    n: days,
    lowConfidence: trendFit === null || trendFit.r2 < LOW_CONFIDENCE_R2 || days < LOW_CONFIDENCE_DAYS,
  };
  const { peak, hours: peakHours } = hourlyPeak(windowTimes, windowVolume);

  const kpis = series.kpis.map((spec) =>
    analyseKpi(spec, windowVolume, rows.take(requireColumn(series, spec.column)), {
      baseVolume: volumeMean,
      peakVolume: peak,
      trendFit,
      trendIsWeak: trend.lowConfidence,
      fromMs,
      toMs,
      horizonMonths,
    }),
  );

  return {
    applicationId: series.applicationId,
    volumeColumn: series.volumeColumn,
    window: { fromMs, toMs },
    volume: { mean: volumeMean, n: volumeN, peak, peakHours, trend },
    kpis,
  };
}

interface KpiContext {
  baseVolume: number | null;
  peakVolume: number | null;
  trendFit: LinearFit | null;
  trendIsWeak: boolean;
  fromMs: number;
  toMs: number;
  horizonMonths: number;
}

function analyseKpi(spec: CapacityKpiSpec, volume: Float64Array, values: Float64Array, context: KpiContext): CapacityKpiAnalysis {
  const sla: CapacityKpiAnalysis['sla'] = 'max' in spec.sla ? { kind: 'max', value: spec.sla.max } : { kind: 'min', value: spec.sla.min };
  const fit = ordinaryLeastSquares(volume, values);
  const base = context.baseVolume;
  if (fit === null || base === null) {
    return {
      column: spec.column,
      unit: spec.unit,
      sla,
      n: fit?.n ?? countPairs(volume, values),
      intercept: null,
      slope: null,
      r2: null,
      r: null,
      elasticity: null,
      standardError: null,
      headroom: null,
      lowConfidence: true,
      forecasts: [],
      breachMonth: null,
      breachOutlook: 'no-fit',
      peak: null,
    };
  }

  const forecasts = forecastsFrom(fit, base, sla);
  const headroom = headroomFraction(fit, base, sla);
  const outlook = projectBreach(headroom, base, base, context);

  return {
    column: spec.column,
    unit: spec.unit,
    sla,
    n: fit.n,
    intercept: fit.intercept,
    slope: fit.slope,
    r2: fit.r2,
    r: fit.r,
    elasticity: fit.meanY !== 0 ? (fit.slope * fit.meanX) / fit.meanY : null,
    standardError: fit.residualStandardError,
    headroom,
    lowConfidence: fit.r2 < LOW_CONFIDENCE_R2 || fit.n < LOW_CONFIDENCE_N,
    forecasts,
    breachMonth: outlook.month,
    breachOutlook: outlook.outlook,
    peak: peakAnalysis(fit, sla, base, context),
  };
}

function forecastsFrom(fit: LinearFit, fromVolume: number, sla: CapacityKpiAnalysis['sla']): KpiForecast[] {
  return forecastGrowths.map((growth): KpiForecast => {
    const atVolume = fromVolume * (1 + growth);
    const { value, low, high } = predictionInterval(fit, atVolume, PREDICTION_CONFIDENCE);
    return { growth, volume: atVolume, value, low, high, status: isBreach(value, sla) ? 'breach' : 'inside' };
  });
}

function peakAnalysis(fit: LinearFit, sla: CapacityKpiAnalysis['sla'], meanVolume: number, context: KpiContext): KpiPeakAnalysis | null {
  const peak = context.peakVolume;
  if (peak === null) return null;
  const { value, low, high } = predictionInterval(fit, peak, PREDICTION_CONFIDENCE);
  const headroom = headroomFraction(fit, peak, sla);
  const outlook = projectBreach(headroom, peak, meanVolume, context);
  return {
    volume: peak,
    value,
    low,
    high,
    status: isBreach(value, sla) ? 'breach' : 'inside',
    breachesAtPeak: headroom === 0,
    headroom,
    forecasts: forecastsFrom(fit, peak, sla),
    breachMonth: outlook.month,
    breachOutlook: outlook.outlook,
  };
}

function isBreach(value: number, sla: CapacityKpiAnalysis['sla']): boolean {
  return sla.kind === 'max' ? value > sla.value : value < sla.value;
}

function headroomFraction(fit: LinearFit, baseVolume: number, sla: CapacityKpiAnalysis['sla']): number | null {
  const atBase = fit.meanY + fit.slope * (baseVolume - fit.meanX);
  const reachedAlready = sla.kind === 'max' ? atBase >= sla.value : atBase <= sla.value;
  if (reachedAlready) return 0;
  const movesTowardSla = sla.kind === 'max' ? fit.slope > 0 : fit.slope < 0;
  if (!movesTowardSla || !(baseVolume > 0)) return null;
  const volumeAtSla = fit.meanX + (sla.value - fit.meanY) / fit.slope;
  return volumeAtSla / baseVolume - 1;
}

/**
 * When the volume's trend takes `fromVolume` (the mean, or the peak growing in proportion to
 * the mean) to its headroom volume, within the planning horizon and from a trusted trend only.
 */
function projectBreach(
  headroom: number | null,
  fromVolume: number,
  meanVolume: number,
  context: KpiContext,
): { month: string | null; outlook: BreachOutlook } {
  if (headroom === 0) return { month: utcMonthOf(context.toMs), outlook: 'reached' };
  if (headroom === null) return { month: null, outlook: 'never' };
  const trend = context.trendFit;
  if (trend === null || context.trendIsWeak) return { month: null, outlook: 'trend-too-weak' };
  if (!(trend.slope > 0) || !(fromVolume > 0)) return { month: null, outlook: 'not-growing' };
  // The mean volume at which `fromVolume` has grown by `headroom`.
  const targetMeanVolume = meanVolume * (1 + headroom);
  const crossingDays = trend.meanX + (targetMeanVolume - trend.meanY) / trend.slope;
  const crossingMs = Math.max(context.toMs, context.fromMs + crossingDays * MS_PER_DAY);
  const month = utcMonthOf(crossingMs);
  const lastMonth = utcMonthOf(context.toMs);
  if (month === null || lastMonth === null || monthIndex(month) - monthIndex(lastMonth) > context.horizonMonths) {
    return { month: null, outlook: 'beyond-horizon' };
  }
  return { month, outlook: 'projected' };
}

function requireColumn(series: CapacitySeries, name: string): Float64Array {
  const column = series.columns[name];
  if (column === undefined) {
    throw new Error(`capacity series ${series.applicationId} has no column ${name}`);
  }
  if (column.length !== series.timestampMs.length) {
    throw new Error(
      `capacity series ${series.applicationId}: column ${name} has ${column.length} values for ${series.timestampMs.length} timestamps`,
    );
  }
  return column;
}

function latestTimestampMs(timestampMs: Float64Array, asOfMs: number): number | null {
  let latest = -Infinity;
  for (let i = 0; i < timestampMs.length; i++) {
    const t = timestampMs[i]!;
    if (t <= asOfMs && t > latest) latest = t;
  }
  return latest === -Infinity ? null : latest;
}

/** The rows of an analysis window, to cut every column of a series the same way. */
export interface WindowRows {
  /** How many rows the window holds. */
  count: number;
  /** The column's values on the window's rows, in row order. */
  take(column: Float64Array): Float64Array;
}

/**
 * The rows with fromMs < timestamp ≤ toMs (epoch milliseconds), as `CapacityAnalysis.window` counts
 * them; `take` hands out a column's values on them, a view without copying when they are adjacent
 * (sorted input).
 *
 * @example windowRows(Float64Array.of(1, 2, 3, 4), { fromMs: 1, toMs: 3 }).take(Float64Array.of(10, 20, 30, 40)) // Float64Array [20, 30]
 */
export function windowRows(timestampMs: Float64Array, window: { fromMs: number; toMs: number }): WindowRows {
  const { fromMs, toMs } = window;
  let count = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < timestampMs.length; i++) {
    const t = timestampMs[i]!;
    if (t > fromMs && t <= toMs) {
      if (first < 0) first = i;
      last = i;
      count++;
    }
  }
  if (count === 0) return { count, take: () => new Float64Array(0) };
  if (count === last - first + 1) return { count, take: (column) => column.subarray(first, last + 1) };

  const indices = new Uint32Array(count);
  for (let i = first, k = 0; i <= last; i++) {
    const t = timestampMs[i]!;
    if (t > fromMs && t <= toMs) indices[k++] = i;
  }
  return {
    count,
    take(column) {
      const out = new Float64Array(count);
      for (let k = 0; k < count; k++) out[k] = column[indices[k]!]!;
      return out;
    },
  };
}

function finiteMean(values: Float64Array): { mean: number | null; n: number } {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    sum += v;
    n++;
  }
  return { mean: n > 0 ? sum / n : null, n };
}

function countPairs(x: Float64Array, y: Float64Array): number {
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!)) n++;
  }
  return n;
}

/** The 95th percentile of the mean volume of each UTC clock hour, and how many hours had a value. */
function hourlyPeak(times: Float64Array, volume: Float64Array): { peak: number | null; hours: number } {
  const sums = new Map<number, { sum: number; rows: number }>();
  for (let i = 0; i < times.length; i++) {
    const v = volume[i]!;
    if (!Number.isFinite(v)) continue;
    const hour = Math.floor(times[i]! / MS_PER_HOUR);
    const bucket = sums.get(hour);
    if (bucket === undefined) sums.set(hour, { sum: v, rows: 1 });
    else {
      bucket.sum += v;
      bucket.rows++;
    }
  }
  const hourly = [...sums.values()].map((bucket) => bucket.sum / bucket.rows);
  return { peak: percentile(hourly, peakPercentile), hours: hourly.length };
}

/** Index of the 24-hour period, counted back from the window's end, holding t (fromMs < t). */
function periodIndex(t: number, fromMs: number): number {
  return Math.ceil((t - fromMs) / MS_PER_DAY) - 1;
}

interface DailyTotals {
  volumeSum: Float64Array;
  rows: Float64Array;
  offsetMsSum: Float64Array;
}

function dailyTotals(times: Float64Array, volume: Float64Array, fromMs: number, windowDays: number): DailyTotals {
  const periods = Math.ceil(windowDays) + 1;
  const totals: DailyTotals = {
    volumeSum: new Float64Array(periods),
    rows: new Float64Array(periods),
    offsetMsSum: new Float64Array(periods),
  };
  for (let i = 0; i < times.length; i++) {
    const v = volume[i]!;
    if (!Number.isFinite(v)) continue;
    const t = times[i]!;
    const k = periodIndex(t, fromMs);
    totals.volumeSum[k]! += v;
    totals.rows[k]! += 1;
    totals.offsetMsSum[k]! += t - fromMs;
  }
  return totals;
}

/** OLS of each day period's mean volume on its mean time (days after fromMs). */
function dailyVolumeTrend(
  times: Float64Array,
  volume: Float64Array,
  fromMs: number,
  windowDays: number,
): { fit: LinearFit | null; days: number } {
  const { volumeSum, rows, offsetMsSum } = dailyTotals(times, volume, fromMs, windowDays);
  const dayX = new Float64Array(rows.length);
  const dayMean = new Float64Array(rows.length);
  let days = 0;
  for (let k = 0; k < rows.length; k++) {
    const count = rows[k]!;
    if (count === 0) continue;
    dayX[days] = offsetMsSum[k]! / count / MS_PER_DAY;
    dayMean[days] = volumeSum[k]! / count;
    days++;
  }
  return { fit: ordinaryLeastSquares(dayX.subarray(0, days), dayMean.subarray(0, days)), days };
}

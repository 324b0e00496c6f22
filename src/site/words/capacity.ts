// The capacity analysis in words: numbers with four significant digits, SLAs, headroom, breach months,
// the forecast sentence a manager quotes, and the confidence rule read from the core's thresholds.
import {
  defaultPlanningHorizonMonths,
  LOW_CONFIDENCE_DAYS,
  LOW_CONFIDENCE_N,
  LOW_CONFIDENCE_R2,
  type BreachOutlook,
  type CapacityAnalysis,
  type CapacityKpiAnalysis,
} from '../../core/capacity.ts';
import { formatGrowth } from './percent.ts';

const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const superscripts: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** Four significant digits with thousands separators ("1,235", "0.01234"); below 0.001 in powers of ten ("6.787 × 10⁻⁸"). */
export function formatValue(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.001) {
    const [mantissa, exponent] = value.toExponential(3).split('e');
    const digits = Number(mantissa).toString();
    const power = String(Number(exponent)).replace(/[-0-9]/g, (c) => superscripts[c] ?? c);
    return `${digits} × 10${power}`;
  }
  return significant.format(value);
}

/** `text` followed by its unit, if it has one. */
export function withUnit(text: string, unit: string): string {
  return unit === '' ? text : `${text} ${unit}`;
}

/** "≤ 250 ms" for a maximum, "≥ 200 tps" for a minimum. */
export function slaText(sla: CapacityKpiAnalysis['sla'], unit: string): string {
  return withUnit(`${sla.kind === 'max' ? '≤' : '≥'} ${formatValue(sla.value)}`, unit);
}

/** What the long headroom text says beyond the short one: which volume the growth is over and where it ends. */
export interface HeadroomDetail {
  over: 'mean' | 'peak';
  /** The volume at which the fitted line reaches the SLA, with its column ("1,875 trades"); null leaves it out. */
  slaVolumeText: string | null;
}

/**
 * How far volume can grow before the fitted KPI reaches its SLA, in words, from a `headroom` of
 * `CapacityKpiAnalysis` or `KpiPeakAnalysis`. Short (tables, `npm run diff`) without `detail`; with it,
 * the long text of a KPI's own section, which says why there is no number. `hasFit` is false when there
 * was no regression (or, from the peak, no peak): the headroom is then unknown rather than never reached.
 *
 * @example headroomText(0.25, true) // '+25 %'
 * @example headroomText(null, false) // 'unknown'
 * @example headroomText(0.25, true, { over: 'mean', slaVolumeText: '1,875 trades' }) // '+25 % volume (to 1,875 trades)'
 * @example headroomText(0, true, { over: 'peak', slaVolumeText: null }) // 'none: the fitted KPI is already at or past its SLA at the peak'
 */
export function headroomText(headroom: number | null, hasFit: boolean, detail?: HeadroomDetail): string {
  if (detail === undefined) {
    if (headroom === null) return hasFit ? 'not reached' : 'unknown';
    return headroom === 0 ? 'none' : formatGrowth(headroom);
  }
  const atPeak = detail.over === 'peak';
  if (!hasFit) return atPeak ? 'unknown: no fit or no peak' : 'unknown: no fit';
  if (headroom === null) return 'not reached: the KPI does not move towards its SLA as volume grows';
  if (headroom === 0) return `none: the fitted KPI is already at or past its SLA${atPeak ? ' at the peak' : ''}`;
  const to = detail.slaVolumeText === null ? '' : ` (to ${detail.slaVolumeText})`;
  return `${formatGrowth(headroom)} ${atPeak ? 'over the peak' : 'volume'}${to}`;
}

/** The volume at which a headroom ends, with its column, for the long headroom text. */
function slaVolumeText(volume: number | null, headroom: number | null, volumeColumn: string): string | null {
  return volume === null || headroom === null ? null : `${formatValue(volume * (1 + headroom))} ${volumeColumn}`;
}

/** The long headroom text of a KPI's section, from the window's mean volume. */
export function meanHeadroomText(kpi: CapacityKpiAnalysis, baseVolume: number | null, volumeColumn: string): string {
  return headroomText(kpi.headroom, kpi.slope !== null, { over: 'mean', slaVolumeText: slaVolumeText(baseVolume, kpi.headroom, volumeColumn) });
}

/** The long headroom text of a KPI's section, from the window's peak volume. */
export function peakHeadroomText(kpi: CapacityKpiAnalysis, volumeColumn: string): string {
  const peak = kpi.peak;
  return headroomText(peak?.headroom ?? null, peak !== null, { over: 'peak', slaVolumeText: slaVolumeText(peak?.volume ?? null, peak?.headroom ?? null, volumeColumn) });
}

/** When the volume's own trend reaches the headroom, in words; `horizonMonths` is the planning horizon the core cut at. */
export function breachText(
  breach: { breachMonth: string | null; breachOutlook: BreachOutlook },
  horizonMonths = defaultPlanningHorizonMonths,
): string {
  switch (breach.breachOutlook) {
    case 'reached':
      return `${breach.breachMonth ?? 'now'} (already reached)`;
    case 'projected':
      return breach.breachMonth ?? 'not projected';
    case 'beyond-horizon':
      return `not within ${horizonMonths} months`;
    case 'trend-too-weak':
      return 'trend too weak to project';
    case 'not-growing':
      return 'not projected: the volume is not growing';
    case 'never':
      return 'not projected: the KPI does not move towards its SLA';
    case 'no-fit':
      return 'not projected: no fit';
  }
}

/**
 * The sentence that leads a KPI's section when the peak already crosses the SLA: what the mean
 * hides. Null when the peak is inside the SLA or unknown.
 *
 * @example peakWarning(kpi, 'quotes') // 'Already past its SLA at the peak: at 1,200 quotes (95th percentile of hourly volume) the fitted p95_ms is 5.6 ms against ≤ 5.3 ms, while the mean volume leaves +10 % headroom.'
 */
export function peakWarning(kpi: CapacityKpiAnalysis, volumeColumn: string): string | null {
  const peak = kpi.peak;
  if (peak === null || !peak.breachesAtPeak) return null;
  const mean =
    kpi.headroom === null || kpi.headroom === 0
      ? kpi.headroom === 0
        ? 'and at the mean volume too'
        : 'while at the mean volume it stays inside'
      : `while the mean volume leaves ${formatGrowth(kpi.headroom)} headroom`;
  return `Already past its SLA at the peak: at ${formatValue(peak.volume)} ${volumeColumn} (95th percentile of hourly volume) the fitted ${kpi.column} is ${withUnit(formatValue(peak.value), kpi.unit)} against ${slaText(kpi.sla, kpi.unit)}, ${mean}.`;
}

/** "+2.1 % a month" with what it rests on, or why there is none. */
export function growthSentence(analysis: CapacityAnalysis): string {
  const { trend, mean } = analysis.volume;
  const column = analysis.volumeColumn;
  if (trend.growthPerMonth === null || mean === null) return `No volume trend: too few days of ${column} in the window.`;
  const r2 = trend.r2 === null ? '' : `, R² ${trend.r2.toFixed(2)}`;
  // Flat below a tenth of a percent a month, the least the truncated growth can show.
  const pace = Math.abs(trend.growthPerMonth) < 0.001 ? 'is flat' : `${trend.growthPerMonth > 0 ? 'grows' : 'shrinks'} by ${formatGrowth(Math.abs(trend.growthPerMonth)).slice(1)} a month`;
  return `${column} ${pace} (a straight line through ${trend.n} daily means${r2}); window mean ${formatValue(mean)}.`;
}

/** The planning-horizon fact: which breach months are not projected, from the core's thresholds. */
export function planningHorizonText(horizonMonths: number): string {
  return `${horizonMonths} months; breach months further out, or from a volume trend with R² below ${LOW_CONFIDENCE_R2} or under ${LOW_CONFIDENCE_DAYS} days, are not projected`;
}

/** A KPI fit's confidence, with the rule it was judged by. */
export function confidenceText(lowConfidence: boolean): string {
  return lowConfidence
    ? `low: R² below ${LOW_CONFIDENCE_R2} or fewer than ${LOW_CONFIDENCE_N} rows`
    : `adequate: R² at least ${LOW_CONFIDENCE_R2} on ${LOW_CONFIDENCE_N} rows or more`;
}

/** Decimals that show `magnitude` with the given significant digits (never negative). */
function decimalsFor(magnitude: number, significantDigits: number): number {
  if (!(magnitude > 0) || !Number.isFinite(magnitude)) return 0;
  return Math.min(20, Math.max(0, significantDigits - 1 - Math.floor(Math.log10(magnitude))));
}

function fixedTrimmed(value: number, decimals: number): string {
  let text = value.toFixed(decimals);
  if (decimals > 0) text = text.replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * A sentence a manager can quote for one KPI at one volume growth (a fraction from
 * `forecastGrowths`). Values carry three significant digits, more when needed to tell
 * the value from the SLA.
 *
 * @throws RangeError when the KPI has forecasts but none for this growth.
 * @example
 * describeKpiForecast(kpi, 0.5);
 * // → 'volume +50 % → p95_ms 4.1 ms (3.6–4.6), SLA 5 ms: inside'
 * // min SLA: 'volume +50 % → throughput 181 tps (153–210), SLA ≥ 200 tps: breach'
 */
export function describeKpiForecast(kpi: CapacityKpiAnalysis, growth: number): string {
  const head = `volume ${formatGrowth(growth)} → ${kpi.column}`;
  if (kpi.forecasts.length === 0) {
    return `${head}: no forecast, too few rows with varying volume in the window (n = ${kpi.n})`;
  }
  const forecast = kpi.forecasts.find((f) => Math.abs(f.growth - growth) < 1e-9);
  if (forecast === undefined) {
    const known = kpi.forecasts.map((f) => formatGrowth(f.growth)).join(', ');
    throw new RangeError(`no forecast for volume ${formatGrowth(growth)}; forecasts exist for ${known}`);
  }

  const sla = fixedTrimmed(kpi.sla.value, decimalsFor(Math.abs(kpi.sla.value), 6));
  let decimals = decimalsFor(Math.max(Math.abs(forecast.value), Math.abs(forecast.low), Math.abs(forecast.high)), 3);
  // A value shown equal to the SLA while on one side of it would read as a contradiction.
  for (let extra = 0; extra < 4 && forecast.value !== kpi.sla.value; extra++) {
    if (fixedTrimmed(forecast.value, decimals) !== sla) break;
    decimals++;
  }
  const unit = kpi.unit === '' ? '' : ` ${kpi.unit}`;
  const low = fixedTrimmed(forecast.low, decimals);
  const high = fixedTrimmed(forecast.high, decimals);
  const range = forecast.low < 0 || forecast.high < 0 ? `${low} to ${high}` : `${low}–${high}`;
  const slaPart = `SLA ${kpi.sla.kind === 'min' ? '≥ ' : ''}${sla}${unit}`;
  const caveat = kpi.lowConfidence && kpi.r2 !== null ? ` (low confidence: R² ${kpi.r2.toFixed(2)}, n = ${kpi.n})` : '';
  return `${head} ${fixedTrimmed(forecast.value, decimals)}${unit} (${range}), ${slaPart}: ${forecast.status}${caveat}`;
}

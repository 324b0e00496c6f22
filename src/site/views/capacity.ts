// The /capacity/ page, the application page's capacity section and /api/v1/capacity.json: the
// regressions of core/capacity.ts, run once per build, turned into rows, sentences and charts.
import type { TopLevelSpec } from 'vega-lite';
import {
  analyseCapacity,
  defaultPlanningHorizonMonths,
  describeKpiForecast,
  headroomText,
  peakPercentile,
  windowRows,
  type BreachOutlook,
  type CapacityAnalysis,
  type CapacityKpiAnalysis,
  type CapacitySeries,
  type KpiForecast,
} from '../../core/capacity.ts';
import { renderChart } from '../render.ts';
import { formatDay, formatGrowth, isoInstant } from '../format.ts';
import { memoise, type BuildContext } from '../context.ts';
import { compareText } from '../../core/compare.ts';

/** Most points a scatter chart draws; the fit always uses every row of the window. */
export const maxChartPoints = 2000;

/** The growth every page quotes in a sentence: "if volume grows by half". */
export const quotedGrowth = 0.5;

/** An application's capacity series and its analysis as of the build. */
export interface CapacityResult {
  applicationId: string;
  applicationName: string;
  series: CapacitySeries;
  analysis: CapacityAnalysis;
  /** The planning horizon the breach months were cut at, in months (site.yaml). */
  planningHorizonMonths: number;
}

/**
 * Runs every application's capacity analysis as of `asOfMs`, ordered by application id.
 *
 * @example analyseAllCapacity(ctx.repository.capacity, ctx.repository.applications, ctx.asOfMs)[0]?.analysis.kpis
 */
export function analyseAllCapacity(
  series: readonly CapacitySeries[],
  applications: readonly { id: string; name: string }[],
  asOfMs: number,
  planningHorizonMonths = defaultPlanningHorizonMonths,
): CapacityResult[] {
  const names = new Map(applications.map((app) => [app.id, app.name]));
  return [...series]
    .sort((a, b) => compareText(a.applicationId, b.applicationId))
    .map((one) => ({
      applicationId: one.applicationId,
      applicationName: names.get(one.applicationId) ?? one.applicationId,
      series: one,
      analysis: analyseCapacity(one, asOfMs, { planningHorizonMonths }),
      planningHorizonMonths,
    }));
}

/** This build's capacity analyses, computed on first use and shared by every page and the JSON. */
export function capacityOfBuild(ctx: BuildContext): CapacityResult[] {
  const repo = ctx.repository;
  return memoise(ctx, 'capacity.results', () => analyseAllCapacity(repo.capacity, repo.applications, ctx.asOfMs, repo.site.planningHorizonMonths));
}

// ---- sampling -----------------------------------------------------------------------------

/**
 * The (volume, KPI) pairs a scatter draws from the window's rows (both columns cut by `windowRows`):
 * of the rows where both are numbers, every n-th in row order, n the smallest step that keeps at most
 * `limit` points. Deterministic: the same rows give the same points.
 *
 * @example chartSample(rows.take(volume), rows.take(latency), 2000) // → { points: [...at most 2000], step: 3 }
 */
export function chartSample(
  volume: Float64Array,
  kpi: Float64Array,
  limit = maxChartPoints,
): { points: { volume: number; value: number }[]; step: number } {
  const usable: number[] = [];
  for (let i = 0; i < volume.length; i++) {
    if (Number.isFinite(volume[i]!) && Number.isFinite(kpi[i]!)) usable.push(i);
  }
  const step = Math.max(1, Math.ceil(usable.length / limit));
  const points: { volume: number; value: number }[] = [];
  for (let k = 0; k < usable.length; k += step) {
    const i = usable[k]!;
    points.push({ volume: volume[i]!, value: kpi[i]! });
  }
  return { points, step };
}

// ---- formatting ---------------------------------------------------------------------------

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

function withUnit(text: string, unit: string): string {
  return unit === '' ? text : `${text} ${unit}`;
}

/** "≤ 250 ms" for a maximum, "≥ 200 tps" for a minimum. */
export function slaText(sla: CapacityKpiAnalysis['sla'], unit: string): string {
  return withUnit(`${sla.kind === 'max' ? '≤' : '≥'} ${formatValue(sla.value)}`, unit);
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

/** The volume at which a headroom ends, with its column, for the long headroom text. */
function slaVolumeText(volume: number | null, headroom: number | null, volumeColumn: string): string | null {
  return volume === null || headroom === null ? null : `${formatValue(volume * (1 + headroom))} ${volumeColumn}`;
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

// ---- views --------------------------------------------------------------------------------

export interface StatRow {
  label: string;
  value: string;
}

export interface ForecastRow {
  growthText: string;
  volumeText: string;
  valueText: string;
  intervalText: string;
  status: 'inside' | 'breach';
  statusClass: string;
}

export interface CapacityKpiView {
  column: string;
  /** Id of the KPI's heading. */
  anchor: string;
  unit: string;
  slaText: string;
  lowConfidence: boolean;
  /** describeKpiForecast at +50 %. */
  sentence: string;
  headroomText: string;
  breachText: string;
  /** Leads the section when the fitted line already crosses the SLA at the peak; null otherwise. */
  peakWarning: string | null;
  stats: StatRow[];
  forecasts: ForecastRow[];
  /** Forecasts grown from the peak volume instead of the mean; empty without a fit. */
  peakForecasts: ForecastRow[];
  chartTitle: string;
  chartCaption: string;
  chartSpec: TopLevelSpec | null;
}

export interface CapacityApplicationView {
  id: string;
  name: string;
  volumeColumn: string;
  facts: StatRow[];
  growthSentence: string;
  kpis: CapacityKpiView[];
}

function statRows(kpi: CapacityKpiAnalysis, volumeColumn: string, baseVolume: number | null, horizonMonths: number): StatRow[] {
  const rows: StatRow[] = [{ label: 'Rows fitted (n)', value: formatValue(kpi.n) }];
  if (kpi.intercept === null || kpi.slope === null || kpi.r2 === null || kpi.r === null) {
    rows.push({ label: 'Fit', value: 'none: fewer than three rows, or the volume does not vary' });
  } else {
    rows.push(
      { label: 'Fitted line', value: `${kpi.column} = ${formatValue(kpi.intercept)} + ${formatValue(kpi.slope)} × ${volumeColumn}` },
      { label: 'Intercept (a)', value: withUnit(formatValue(kpi.intercept), kpi.unit) },
      { label: 'Slope (b)', value: `${withUnit(formatValue(kpi.slope), kpi.unit)} per unit of ${volumeColumn}` },
      { label: 'R²', value: kpi.r2.toFixed(3) },
      { label: 'Pearson r', value: kpi.r.toFixed(3) },
      {
        label: 'Elasticity at the means',
        value: kpi.elasticity === null ? 'undefined (mean KPI is 0)' : `${kpi.elasticity.toFixed(3)}: volume +1 % moves ${kpi.column} by ${kpi.elasticity.toFixed(2)} %`,
      },
    );
    if (kpi.standardError !== null) rows.push({ label: 'Residual standard error', value: withUnit(formatValue(kpi.standardError), kpi.unit) });
  }
  rows.push(
    { label: 'SLA', value: slaText(kpi.sla, kpi.unit) },
    { label: 'Headroom', value: meanHeadroomText(kpi, baseVolume, volumeColumn) },
    { label: 'Projected breach month', value: breachText(kpi, horizonMonths) },
  );
  if (kpi.peak !== null) {
    rows.push(
      { label: 'At the peak volume', value: `${withUnit(formatValue(kpi.peak.value), kpi.unit)} at ${formatValue(kpi.peak.volume)} ${volumeColumn}: ${kpi.peak.status}` },
      { label: 'Headroom from the peak', value: peakHeadroomText(kpi, volumeColumn) },
      { label: 'Projected breach month at the peak', value: breachText(kpi.peak, horizonMonths) },
    );
  }
  rows.push(
    { label: 'Confidence', value: kpi.lowConfidence ? 'low: R² below 0.3 or fewer than 30 rows' : 'adequate: R² at least 0.3 on 30 rows or more' },
  );
  return rows;
}

function forecastRows(kpi: CapacityKpiAnalysis, forecasts: readonly KpiForecast[] = kpi.forecasts): ForecastRow[] {
  return forecasts.map((forecast) => ({
    growthText: formatGrowth(forecast.growth),
    volumeText: formatValue(forecast.volume),
    valueText: withUnit(formatValue(forecast.value), kpi.unit),
    intervalText: withUnit(`${formatValue(forecast.low)} – ${formatValue(forecast.high)}`, kpi.unit),
    status: forecast.status,
    statusClass: forecast.status === 'breach' ? 'status status-red' : 'status status-green',
  }));
}

interface ScatterInput {
  kpi: CapacityKpiAnalysis;
  volumeColumn: string;
  points: { volume: number; value: number }[];
  /** Smallest and largest window volume, so the line spans the data. */
  volumeRange: { min: number; max: number };
}

const chartWidth = 480;
const chartHeight = 280;
/** Dots closer than this many pixels are drawn once: a 3-pixel dot hides its twin anyway. */
const dotCellPx = 2;

/** [smallest, largest] of finite values; a single value gets some width so the scale has extent. */
function extent(values: readonly number[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (low === Infinity) return [0, 1];
  if (low === high) return [low - Math.abs(low || 1) * 0.05, high + Math.abs(high || 1) * 0.05];
  return [low, high];
}

/**
 * The first of the points that fall in each `cellPx` × `cellPx` pixel cell of a chart with the
 * given domains and size, in input order: what a reader sees is unchanged, the page is smaller.
 *
 * @example onePointPerCell([{ volume: 1, value: 1 }, { volume: 1.001, value: 1 }], [0, 10], [0, 10], 100, 100, 2).length // 1
 */
export function onePointPerCell<T extends { volume: number; value: number }>(
  points: readonly T[],
  xDomain: readonly [number, number],
  yDomain: readonly [number, number],
  width: number,
  height: number,
  cellPx: number,
): T[] {
  const columns = Math.ceil(width / cellPx) + 1;
  const xScale = width / cellPx / (xDomain[1] - xDomain[0]);
  const yScale = height / cellPx / (yDomain[1] - yDomain[0]);
  const taken = new Set<number>();
  const kept: T[] = [];
  for (const point of points) {
    const cell = Math.floor((point.value - yDomain[0]) * yScale) * columns + Math.floor((point.volume - xDomain[0]) * xScale);
    if (taken.has(cell)) continue;
    taken.add(cell);
    kept.push(point);
  }
  return kept;
}

/**
 * KPI against volume: the sampled rows, the fitted line from the smallest window volume to the
 * largest forecast volume, the SLA as a red rule, and the forecasts as diamonds with their 95 %
 * prediction interval. The domains are fixed here (not rounded by the chart) so that dots on
 * the same pixels can be drawn once. Null when there is no fit to draw.
 */
export function scatterChartSpec(input: ScatterInput, title: string): TopLevelSpec | null {
  const { kpi, volumeColumn } = input;
  if (kpi.intercept === null || kpi.slope === null || input.points.length === 0) return null;
  const intercept = kpi.intercept;
  const slope = kpi.slope;
  const lastForecast = kpi.forecasts[kpi.forecasts.length - 1];
  const lineFrom = input.volumeRange.min;
  const lineTo = Math.max(input.volumeRange.max, lastForecast?.volume ?? input.volumeRange.max);
  const line = [lineFrom, lineTo].map((volume) => ({ volume, value: intercept + slope * volume }));
  const forecasts = kpi.forecasts.map((f) => ({ volume: f.volume, value: f.value, low: f.low, high: f.high }));
  const xDomain = extent([...input.points.map((p) => p.volume), lineFrom, lineTo]);
  const yDomain = extent([
    ...input.points.map((p) => p.value),
    ...line.map((p) => p.value),
    ...forecasts.flatMap((f) => [f.low, f.high]),
    kpi.sla.value,
  ]);
  const dots = onePointPerCell(input.points, xDomain, yDomain, chartWidth, chartHeight, dotCellPx);
  const x = { field: 'volume', type: 'quantitative' as const, title: volumeColumn, scale: { domain: xDomain, nice: false, zero: false, round: true } };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: withUnit(kpi.column, kpi.unit === '' ? '' : `(${kpi.unit})`),
    scale: { domain: yDomain, nice: false, zero: false, round: true },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: chartWidth,
    height: chartHeight,
    title,
    layer: [
      // Many dots: no per-dot aria label (the figure is one image with tables beside it), pixel-rounded positions.
      { data: { values: dots }, mark: { type: 'circle', size: 10, opacity: 0.35, color: '#57606a', aria: false }, encoding: { x, y } },
      { data: { values: line }, mark: { type: 'line', color: '#0b57b0', strokeWidth: 2 }, encoding: { x, y } },
      {
        data: { values: [{ value: kpi.sla.value, label: `SLA ${slaText(kpi.sla, kpi.unit)}` }] },
        layer: [
          { mark: { type: 'rule', color: '#b42318', strokeDash: [6, 4], strokeWidth: 2 }, encoding: { y } },
          { mark: { type: 'text', color: '#b42318', align: 'left', dx: 4, dy: -7, x: 0 }, encoding: { y, text: { field: 'label' } } },
        ],
      },
      { data: { values: forecasts }, mark: { type: 'rule', color: '#8a5300', strokeWidth: 2 }, encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
      { data: { values: forecasts }, mark: { type: 'point', shape: 'diamond', filled: true, size: 80, color: '#8a5300' }, encoding: { x, y } },
    ],
  };
}

function volumeRange(volume: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of volume) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
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

/** Rows, sentences and the chart spec of one application's capacity analysis; `zone` cuts the window's dates. */
export function capacityApplicationView(result: CapacityResult, zone: string): CapacityApplicationView {
  const { analysis, series } = result;
  const rows = windowRows(series.timestampMs, analysis.window);
  // analyseCapacity has required every column; a missing one would draw nothing.
  const columnOf = (name: string) => rows.take(series.columns[name] ?? new Float64Array(series.timestampMs.length).fill(Number.NaN));
  const volume = columnOf(series.volumeColumn);
  const range = volumeRange(volume);
  const baseVolume = analysis.volume.mean;
  const windowDays = Math.round((analysis.window.toMs - analysis.window.fromMs) / 86_400_000);
  const facts: StatRow[] = [
    { label: 'Volume column', value: analysis.volumeColumn },
    { label: 'Window', value: `${formatDay(analysis.window.fromMs, zone)} to ${formatDay(analysis.window.toMs, zone)} (${windowDays} days, ${formatValue(rows.count)} rows)` },
    { label: 'Mean volume (the forecasts grow from it)', value: baseVolume === null ? 'no volume in the window' : formatValue(baseVolume) },
    {
      label: 'Peak volume (95th percentile of hourly volume)',
      value:
        analysis.volume.peak === null
          ? 'no volume in the window'
          : `${formatValue(analysis.volume.peak)} over ${formatValue(analysis.volume.peakHours)} clock hours${baseVolume !== null && baseVolume > 0 ? `, ${formatValue(analysis.volume.peak / baseVolume)} × the mean` : ''}`,
    },
    { label: 'Planning horizon', value: `${result.planningHorizonMonths} months; breach months further out, or from a volume trend with R² below 0.3 or under 30 days, are not projected` },
  ];
  const kpis = analysis.kpis.map((kpi): CapacityKpiView => {
    const { points, step } = chartSample(volume, columnOf(kpi.column));
    const title = `${result.applicationName}: ${kpi.column} against ${analysis.volumeColumn}`;
    const shown = step > 1 ? `one row in ${step} of the window's ${formatValue(kpi.n)}` : `the window's ${formatValue(kpi.n)} rows`;
    return {
      column: kpi.column,
      anchor: kpiAnchor(result.applicationId, kpi.column),
      unit: kpi.unit,
      slaText: slaText(kpi.sla, kpi.unit),
      lowConfidence: kpi.lowConfidence,
      sentence: describeKpiForecast(kpi, quotedGrowth),
      headroomText: meanHeadroomText(kpi, baseVolume, analysis.volumeColumn),
      breachText: breachText(kpi, result.planningHorizonMonths),
      peakWarning: peakWarning(kpi, analysis.volumeColumn),
      stats: statRows(kpi, analysis.volumeColumn, baseVolume, result.planningHorizonMonths),
      forecasts: forecastRows(kpi),
      peakForecasts: kpi.peak === null ? [] : forecastRows(kpi, kpi.peak.forecasts),
      chartTitle: title,
      chartCaption: `Grey dots: ${shown}, dots on the same spot drawn once; blue: the line fitted on all rows; red dashes: the SLA; diamonds: forecasts at +10, +25, +50 and +100 % volume with their 95 % prediction interval. The figures are in the tables below.`,
      chartSpec: scatterChartSpec({ kpi, volumeColumn: analysis.volumeColumn, points, volumeRange: range }, title),
    };
  });
  return { id: result.applicationId, name: result.applicationName, volumeColumn: analysis.volumeColumn, facts, growthSentence: growthSentence(analysis), kpis };
}

/** The id of a KPI's heading on the page, so the overview can link to it. */
export function kpiAnchor(applicationId: string, column: string): string {
  return `capacity-${applicationId}-${column}`;
}

export interface SummaryRow {
  applicationId: string;
  /** Fragment of the KPI's heading, without '#'. */
  anchor: string;
  applicationName: string;
  column: string;
  slaText: string;
  atQuotedGrowth: string;
  statusClass: string;
  headroomText: string;
  breachText: string;
  /** The fitted KPI at the peak volume against the SLA, e.g. "5.6 ms: breach". */
  atPeak: string;
  atPeakClass: string;
  peakHeadroomText: string;
  peakBreachText: string;
  breachesAtPeak: boolean;
  confidence: string;
}

/** One row per application KPI, for the overview table at the top of /capacity/: KPIs already past their SLA at the peak first. */
export function capacitySummary(results: readonly CapacityResult[]): SummaryRow[] {
  const rows = results.flatMap((result) =>
    result.analysis.kpis.map((kpi): SummaryRow => {
      const forecast = kpi.forecasts.find((f) => Math.abs(f.growth - quotedGrowth) < 1e-9);
      return {
        applicationId: result.applicationId,
        anchor: kpiAnchor(result.applicationId, kpi.column),
        applicationName: result.applicationName,
        column: kpi.column,
        slaText: slaText(kpi.sla, kpi.unit),
        atQuotedGrowth: forecast === undefined ? 'no forecast' : `${withUnit(formatValue(forecast.value), kpi.unit)}: ${forecast.status}`,
        statusClass: forecast === undefined ? 'status status-none' : forecast.status === 'breach' ? 'status status-red' : 'status status-green',
        headroomText: headroomText(kpi.headroom, kpi.slope !== null),
        breachText: breachText(kpi, result.planningHorizonMonths),
        atPeak: kpi.peak === null ? 'no fit' : `${withUnit(formatValue(kpi.peak.value), kpi.unit)}: ${kpi.peak.status}`,
        atPeakClass: kpi.peak === null ? 'status status-none' : kpi.peak.status === 'breach' ? 'status status-red' : 'status status-green',
        peakHeadroomText: headroomText(kpi.peak?.headroom ?? null, kpi.peak !== null),
        peakBreachText: kpi.peak === null ? '—' : breachText(kpi.peak, result.planningHorizonMonths),
        breachesAtPeak: kpi.peak?.breachesAtPeak ?? false,
        confidence: kpi.lowConfidence ? 'low' : 'adequate',
      };
    }),
  );
  // Stable: within each group the application and KPI order stays.
  return [...rows.filter((row) => row.breachesAtPeak), ...rows.filter((row) => !row.breachesAtPeak)];
}

/** The view with each KPI's chart rendered to SVG markup. */
export async function withCharts(view: CapacityApplicationView) {
  const kpis = await Promise.all(
    view.kpis.map(async (kpi) => ({ ...kpi, chartSvg: kpi.chartSpec === null ? '' : await renderChart(kpi.chartSpec, kpi.chartTitle) })),
  );
  return { ...view, kpis };
}

export type RenderedCapacityView = Awaited<ReturnType<typeof withCharts>>;

/**
 * An application's capacity view with charts, rendered once per build however many pages show
 * it; null when the application declares no capacity data.
 */
export function capacitySectionOfBuild(ctx: BuildContext, applicationId: string): Promise<RenderedCapacityView> | null {
  const renderedOfBuild = memoise(ctx, 'capacity.rendered', () => new Map<string, Promise<RenderedCapacityView>>());
  const result = capacityOfBuild(ctx).find((one) => one.applicationId === applicationId);
  if (result === undefined) return null;
  let rendered = renderedOfBuild.get(applicationId);
  if (rendered === undefined) {
    rendered = withCharts(capacityApplicationView(result, ctx.site.reportingTimezone));
    renderedOfBuild.set(applicationId, rendered);
  }
  return rendered;
}

// ---- JSON ---------------------------------------------------------------------------------

/** `/api/v1/capacity.json`: every application's regression per KPI, full precision. */
export function capacityJson(results: readonly CapacityResult[], asOfMs: number) {
  return {
    asOf: isoInstant(asOfMs),
    applications: results.map(({ applicationId, analysis, planningHorizonMonths }) => ({
      id: applicationId,
      volume: {
        column: analysis.volumeColumn,
        mean: analysis.volume.mean,
        growthPerMonth: analysis.volume.trend.growthPerMonth,
        peak: analysis.volume.peak,
        peakPercentile: peakPercentile,
        peakHours: analysis.volume.peakHours,
        trendR2: analysis.volume.trend.r2,
        trendLowConfidence: analysis.volume.trend.lowConfidence,
        planningHorizonMonths,
      },
      kpis: analysis.kpis.map((kpi) => ({
        column: kpi.column,
        unit: kpi.unit,
        sla: kpi.sla.kind === 'max' ? { max: kpi.sla.value } : { min: kpi.sla.value },
        n: kpi.n,
        intercept: kpi.intercept,
        slope: kpi.slope,
        r2: kpi.r2,
        r: kpi.r,
        elasticity: kpi.elasticity,
        headroom: kpi.headroom,
        lowConfidence: kpi.lowConfidence,
        breachMonth: kpi.breachMonth,
        forecasts: kpi.forecasts.map(forecastJson),
        breachOutlook: kpi.breachOutlook,
        peak:
          kpi.peak === null
            ? null
            : {
                volume: kpi.peak.volume,
                value: kpi.peak.value,
                low: kpi.peak.low,
                high: kpi.peak.high,
                status: kpi.peak.status,
                breachesAtPeak: kpi.peak.breachesAtPeak,
                headroom: kpi.peak.headroom,
                breachMonth: kpi.peak.breachMonth,
                breachOutlook: kpi.peak.breachOutlook,
                forecasts: kpi.peak.forecasts.map(forecastJson),
              },
      })),
    })),
  };
}

function forecastJson({ growth, volume, value, low, high, status }: KpiForecast) {
  return { growth, volume, value, low, high, status };
}

// The /capacity/ page, the application page's capacity section and /api/v1/capacity.json: the
// regressions of core/capacity.ts, run once per build, arranged as rows from words/capacity.ts and the
// chart specs of charts/capacity.ts.
import type { TopLevelSpec } from 'vega-lite';
import {
  analyseCapacity,
  defaultPlanningHorizonMonths,
  windowRows,
  type CapacityAnalysis,
  type CapacityKpiAnalysis,
  type CapacitySeries,
  type KpiForecast,
} from '../../core/capacity.ts';
import { MS_PER_DAY } from '../../core/units.ts';
import { renderChart } from '../render.ts';
import { formatDay, formatGrowth } from '../format.ts';
import { memoise, type BuildContext } from '../context.ts';
import { compareText } from '../../core/compare.ts';
import { chartSample, scatterChartSpec, volumeRange } from '../charts/capacity.ts';
import {
  breachText,
  confidenceText,
  describeKpiForecast,
  formatValue,
  growthSentence,
  headroomText,
  meanHeadroomText,
  peakHeadroomText,
  peakWarning,
  planningHorizonText,
  slaText,
  withUnit,
} from '../words/capacity.ts';

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
  rows.push({ label: 'Confidence', value: confidenceText(kpi.lowConfidence) });
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

/** Rows, sentences and the chart spec of one application's capacity analysis; `zone` cuts the window's dates. */
export function capacityApplicationView(result: CapacityResult, zone: string): CapacityApplicationView {
  const { analysis, series } = result;
  const rows = windowRows(series.timestampMs, analysis.window);
  // analyseCapacity has required every column; a missing one would draw nothing.
  const columnOf = (name: string) => rows.take(series.columns[name] ?? new Float64Array(series.timestampMs.length).fill(Number.NaN));
  const volume = columnOf(series.volumeColumn);
  const range = volumeRange(volume);
  const baseVolume = analysis.volume.mean;
  const windowDays = Math.round((analysis.window.toMs - analysis.window.fromMs) / MS_PER_DAY);
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
    { label: 'Planning horizon', value: planningHorizonText(result.planningHorizonMonths) },
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

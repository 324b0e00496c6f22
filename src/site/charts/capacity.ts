// The capacity family of charts: a KPI against volume, with the fitted line, the SLA and the forecasts;
// the sampling and the one-dot-per-pixel thinning that keep the page small.
import type { TopLevelSpec } from 'vega-lite';
import type { CapacityKpiAnalysis } from '../../core/capacity.ts';
import { slaText, withUnit } from '../words/capacity.ts';

/** Most points a scatter chart draws; the fit always uses every row of the window. */
export const maxChartPoints = 2000;

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

export interface ScatterInput {
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

export function volumeRange(volume: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of volume) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

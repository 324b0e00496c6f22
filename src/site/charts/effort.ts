// The effort family of charts: hours by work type, each month's hours by work type, and the monthly
// hours with the staffing forecast.
import type { TopLevelSpec } from 'vega-lite';
import { effortCategories, type HoursShare } from '../../core/effort.ts';
import { shortMonthTitle } from '../format.ts';
import { categoryLabel } from '../words/effort.ts';

const categoryColours = ['#b42318', '#0b57b0', '#8a5300', '#6f42c1', '#1a7f37', '#57606a'];

/** Horizontal bars: hours per work category, most first. */
export function categoryChartSpec(byCategory: readonly HoursShare[], title: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 360,
    height: { step: 22 },
    title,
    data: { values: byCategory.map((entry) => ({ category: categoryLabel(entry.key), hours: entry.hours })) },
    mark: { type: 'bar', color: '#0b57b0' },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: null, title: null },
      x: { field: 'hours', type: 'quantitative', title: 'Hours' },
    },
  };
}

/** Stacked bars: each month's hours split by work category. */
export function monthlyCategoryChartSpec(months: readonly { month: string; byCategory: Record<string, number> }[], title: string): TopLevelSpec {
  const values = months.flatMap((point) =>
    effortCategories.map((category, order) => ({
      month: shortMonthTitle(point.month),
      category: categoryLabel(category),
      order,
      hours: point.byCategory[category] ?? 0,
    })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 240,
    title,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: months.map((point) => shortMonthTitle(point.month)), title: null, axis: { labelAngle: -45 } },
      y: { field: 'hours', type: 'quantitative', title: 'Hours', stack: 'zero' },
      color: {
        field: 'category',
        type: 'nominal',
        title: 'Work type',
        scale: { domain: effortCategories.map(categoryLabel), range: categoryColours },
        legend: { orient: 'bottom', columns: 3 },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}

export interface TrendChartInput {
  actual: { month: string; hours: number; toDate: boolean }[];
  fitted: { month: string; hours: number }[];
  forecasts: { month: string; hours: number; low: number; high: number }[];
}

/** Monthly hours as bars (the month to date lighter), the fitted line dashed, the forecast as points with 95 % interval whiskers. */
export function trendChartSpec(input: TrendChartInput, title: string): TopLevelSpec {
  const domain = [...new Set([...input.actual.map((p) => p.month), ...input.forecasts.map((p) => p.month)])].sort().map(shortMonthTitle);
  const x = { field: 'month', type: 'ordinal' as const, scale: { domain }, sort: domain, title: null, axis: { labelAngle: -45 } };
  const layers: object[] = [
    {
      data: { values: input.actual.map((p) => ({ month: shortMonthTitle(p.month), hours: p.hours, kind: p.toDate ? 'Month to date' : 'Booked' })) },
      mark: 'bar',
      encoding: {
        x,
        y: { field: 'hours', type: 'quantitative', title: 'Hours' },
        color: { field: 'kind', type: 'nominal', title: null, scale: { domain: ['Booked', 'Month to date'], range: ['#0b57b0', '#9ec5f5'] }, legend: { orient: 'bottom' } },
      },
    },
  ];
  if (input.fitted.length > 0) {
    layers.push({
      data: { values: input.fitted.map((p) => ({ month: shortMonthTitle(p.month), hours: p.hours })) },
      mark: { type: 'line', color: '#1b1f24', strokeDash: [4, 3] },
      encoding: { x, y: { field: 'hours', type: 'quantitative' } },
    });
  }
  if (input.forecasts.length > 0) {
    const forecastValues = input.forecasts.map((p) => ({ month: shortMonthTitle(p.month), hours: p.hours, low: p.low, high: p.high }));
    layers.push(
      {
        data: { values: forecastValues },
        mark: { type: 'rule', color: '#8a5300' },
        encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
      },
      {
        data: { values: forecastValues },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 70, color: '#8a5300' },
        encoding: { x, y: { field: 'hours', type: 'quantitative' } },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 240,
    title,
    layer: layers,
  } as TopLevelSpec;
}

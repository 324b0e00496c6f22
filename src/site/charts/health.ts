// The monitoring-health family of charts: the alert-noise trend.
import type { TopLevelSpec } from 'vega-lite';
import type { AlertNoise } from '../../core/health.ts';

/** Line chart: share of alerts that were false positives or duplicates, month by month. */
export function noiseTrendSpec(trend: readonly { month: string; noise: AlertNoise }[], title: string): TopLevelSpec {
  const values = trend.flatMap(({ month, noise }) => [
    { month, measure: 'False positives', share: (noise.totals.falsePositiveShare ?? 0) * 100 },
    { month, measure: 'Duplicates', share: (noise.totals.duplicateShare ?? 0) * 100 },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 220,
    title,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: 'Month', axis: { labelAngle: -45 } },
      y: { field: 'share', type: 'quantitative', title: 'Share of alerts (%)', scale: { domain: [0, 100] } },
      color: { field: 'measure', type: 'nominal', title: null, scale: { domain: ['False positives', 'Duplicates'], range: ['#b42318', '#8a5300'] } },
    },
  };
}

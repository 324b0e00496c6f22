// The problem family of charts: the backlog's flow and level by month.
import type { TopLevelSpec } from 'vega-lite';

/** What the backlog chart draws of a month. */
export interface BacklogMonth {
  month: string;
  opened: number;
  closed: number;
  open: number;
}

/** Opened and closed per month as bars, the open backlog at month end as a line. */
export function backlogChartSpec(lines: readonly BacklogMonth[]): TopLevelSpec {
  const flow = lines.flatMap((l) => [
    { month: l.month, measure: 'opened', count: l.opened },
    { month: l.month, measure: 'closed', count: l.closed },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 520,
    height: 220,
    layer: [
      {
        data: { values: flow },
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'month', type: 'ordinal', title: null, axis: { labelAngle: -45 } },
          xOffset: { field: 'measure', sort: ['opened', 'closed'] },
          y: { field: 'count', type: 'quantitative', title: 'tickets' },
          color: { field: 'measure', type: 'nominal', title: null, scale: { domain: ['opened', 'closed', 'open at month end'], range: ['#b76e00', '#1a7f37', '#0b57b0'] } },
        },
      },
      {
        data: { values: lines.map((l) => ({ month: l.month, measure: 'open at month end', count: l.open })) },
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          x: { field: 'month', type: 'ordinal', title: null },
          y: { field: 'count', type: 'quantitative' },
          color: { field: 'measure', type: 'nominal' },
        },
      },
    ],
  };
}

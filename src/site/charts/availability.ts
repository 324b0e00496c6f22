// The availability family of charts: an application's months against its target, and a month's
// applications against theirs.

/** Availability by month as a line with the target as a rule. */
export function historyChartSpec(data: { month: string; availability: number; target: number }[]) {
  const lowest = Math.min(...data.map((d) => Math.min(d.availability, d.target)), 100);
  const floor = Math.max(0, Math.floor((lowest - 0.05) * 10) / 10);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    height: 180,
    data: { values: data },
    layer: [
      {
        mark: { type: 'line' as const, point: true },
        encoding: {
          x: { field: 'month', type: 'ordinal' as const, title: null },
          y: { field: 'availability', type: 'quantitative' as const, title: 'availability %', scale: { domain: [floor, 100], clamp: true } },
        },
      },
      { mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#b42318' }, encoding: { y: { field: 'target', type: 'quantitative' as const } } },
    ],
  };
}

/** Bars of each application's availability with its target as a tick; the table beside it carries the same numbers. */
export function availabilityChartSpec(data: { application: string; availability: number; target: number; status: string }[]) {
  const lowest = Math.min(...data.map((d) => Math.min(d.availability, d.target)), 100);
  const floor = Math.max(0, Math.floor((lowest - 0.05) * 10) / 10);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    height: { step: 22 },
    data: { values: data },
    encoding: { y: { field: 'application', type: 'nominal' as const, title: null, sort: null } },
    layer: [
      {
        mark: { type: 'bar' as const },
        encoding: {
          x: { field: 'availability', type: 'quantitative' as const, title: 'availability %', scale: { domain: [floor, 100], clamp: true } },
          color: {
            field: 'status',
            type: 'nominal' as const,
            scale: { domain: ['red', 'amber', 'green', 'none'], range: ['#b42318', '#b76e00', '#1a7f37', '#8c959f'] },
            legend: null,
          },
        },
      },
      { mark: { type: 'tick' as const, color: '#1b1f24', thickness: 2 }, encoding: { x: { field: 'target', type: 'quantitative' as const } } },
    ],
  };
}

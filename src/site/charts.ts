// Charts are vega-lite specs rendered to SVG at build time: no script reaches the page.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './xml.ts';

/**
 * The SVG markup of a vega-lite spec, with an accessible title, drawn on this thread (pages ask through
 * renderChart in render.ts; the render worker calls this).
 */
export async function drawChart(spec: TopLevelSpec, title: string): Promise<string> {
  const { spec: vegaSpec } = compile({
    ...spec,
    config: {
      font: 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif',
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelFontSize: 11, titleFontSize: 12 },
      ...(spec as { config?: object }).config,
    },
  });
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const escaped = escapeHtml(title);
  // role="img" + <title> so a screen reader announces the chart; the data itself is in the table next to it.
  return svg.replace(/^<svg ([^>]*)>/, `<svg role="img" aria-label="${escaped}" $1><title>${escaped}</title>`);
}

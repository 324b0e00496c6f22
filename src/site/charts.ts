// Charts are vega-lite specs rendered to SVG at build time: no script reaches the page.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartInWorker, type DrawingPriority } from './render-pool.ts';
import { escapeHtml } from './xml.ts';

/** Charts of this build by spec and title: a chart drawn for two pages is drawn once. */
const drawn = new Map<string, Promise<string>>();

/**
 * The SVG markup of a vega-lite spec, with an accessible title; the page puts a table or text beside it.
 * Drawn once per distinct spec and title, in the build's render workers when there are some (`ahead`: for a
 * page the build reaches later, after what pages wait for now).
 */
export function renderChart(spec: TopLevelSpec, title: string, priority: DrawingPriority = 'now'): Promise<string> {
  const key = JSON.stringify([spec, title]);
  let svg = drawn.get(key);
  if (!svg) {
    svg = chartInWorker(spec, title, priority).then((fromWorker) => fromWorker ?? renderChartHere(spec, title));
    drawn.set(key, svg);
  }
  return svg;
}

/** Draws the chart on this thread (the render worker calls this). */
export async function renderChartHere(spec: TopLevelSpec, title: string): Promise<string> {
  const { spec: vegaSpec } = compile({
    ...spec,
    config: {
      font: 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif',
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelFontSize: 11, titleFontSize: 12 },
      ...(spec as { config?: object }).config,
    },
  } as TopLevelSpec);
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const escaped = escapeHtml(title);
  // role="img" + <title> so a screen reader announces the chart; the data itself is in the table next to it.
  return svg.replace(/^<svg ([^>]*)>/, `<svg role="img" aria-label="${escaped}" $1><title>${escaped}</title>`);
}

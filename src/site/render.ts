// The one way the site asks for a drawing: queued for the build's render workers when there are some, else drawn
// on this thread. The drawing code (charts.ts, status-card.ts) knows nothing of the pool.
import type { TopLevelSpec } from 'vega-lite';
import { drawChart } from './charts.ts';
import type { DrawingPriority } from './drawing-jobs.ts';
import { cardInWorker, chartInWorker } from './render-pool.ts';
import { drawStatusCard, type StatusCard } from './status-card.ts';
import { cachedBytes, storeBytes } from './build-cache.ts';
import { keyJson } from './digest.ts';
import { memoise, type BuildContext } from './context.ts';
import { renderWorkersAvailable } from './render-pool.ts';

/** Charts of this build by spec and title: a chart drawn for two pages is drawn once. */
const drawn = new Map<string, Promise<string>>();

/**
 * The SVG markup of a vega-lite spec, with an accessible title; the page puts a table or text beside it.
 * Drawn once per distinct spec and title, in the build's render workers when there are some (`ahead`: for a
 * page the build reaches later, after what pages wait for now).
 */
export function renderChart(spec: TopLevelSpec, title: string, priority: DrawingPriority = 'now'): Promise<string> {
  const key = keyJson(['chart', spec, title]);
  let svg = drawn.get(key);
  if (!svg) {
    // A chart drawn by an earlier build of the same code is taken from the build cache, content-addressed by spec and title.
    const stored = cachedBytes('drawings', key);
    svg = stored !== undefined ? Promise.resolve(stored.toString('utf8')) : chartInWorker(spec, title, priority).then((fromWorker) => fromWorker ?? drawChart(spec, title));
    if (stored === undefined) void svg.then((drawnSvg) => storeBytes('drawings', key, drawnSvg), () => undefined);
    drawn.set(key, svg);
  }
  return svg;
}

/** Cards of this build by content, as charts are. */
const drawnCards = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/** The card as PNG bytes, drawn once per distinct card, in the build's render workers when there are some (`ahead`: see renderChart). */
export function renderStatusCard(card: StatusCard, priority: DrawingPriority = 'now'): Promise<Uint8Array<ArrayBuffer>> {
  const key = keyJson(['card', card]);
  let png = drawnCards.get(key);
  if (!png) {
    const stored = cachedBytes('drawings', key);
    png = stored !== undefined ? Promise.resolve(new Uint8Array(stored)) : cardInWorker(card, priority).then((fromWorker) => fromWorker ?? drawStatusCard(card));
    if (stored === undefined) void png.then((drawnPng) => storeBytes('drawings', key, drawnPng), () => undefined);
    drawnCards.set(key, png);
  }
  // Each asker gets its own copy: a Response may take over (detach) the bytes it is given.
  return png.then((bytes) => new Uint8Array(bytes));
}

/** The SVG of a chart a view may not have (too few figures): '' then. */
export function renderChartOrNone(chart: { spec: TopLevelSpec; title: string } | null, priority: DrawingPriority = 'now'): Promise<string> {
  return chart === null ? Promise.resolve('') : renderChart(chart.spec, chart.title, priority);
}

/**
 * The drawings a route's pages will show, asked for ahead (a route calls it from getStaticPaths, which Astro runs for
 * every route before it renders a page): the render workers draw them while the main thread renders, instead of a
 * page waiting for each when it is reached. Once per route and build; nothing without render workers, where a drawing
 * would only be made earlier on the same thread.
 */
export function drawAhead(ctx: BuildContext, route: string, drawings: () => readonly (Promise<unknown> | null)[]): void {
  if (!renderWorkersAvailable()) return;
  memoise(ctx, `drawAhead.${route}`, () => {
    // A drawing that fails fails the page that shows it; here it must not also surface as an unhandled rejection.
    for (const drawing of drawings()) drawing?.catch(() => undefined);
    return true;
  });
}

// The one way the site asks for a drawing: queued for the build's render workers when there are some, else drawn
// on this thread. The drawing code (charts.ts, status-card.ts) knows nothing of the pool.
import type { TopLevelSpec } from 'vega-lite';
import { drawChart } from './charts.ts';
import type { DrawingPriority } from './drawing-jobs.ts';
import { cardInWorker, chartInWorker, renderWorkersAvailable } from './render-pool.ts';
import { drawStatusCard, type StatusCard } from './status-card.ts';
import { cachedBytes, storeBytes } from './build-cache.ts';
import { keyJson } from './digest.ts';
import { memoise, type BuildContext } from './context.ts';

/** Charts and cards of this build by content: a drawing shown on two pages is drawn once. */
const drawn = new Map<string, Promise<string | Uint8Array<ArrayBuffer>>>();

/**
 * The drawing under `key`: drawn once per build, taken from the build cache when an earlier build of the same code
 * made it (content-addressed by what it draws), else drawn by `draw` and stored for the next build.
 */
function drawOnce<T extends string | Uint8Array<ArrayBuffer>>(key: string, fromStore: (stored: Buffer) => T, draw: () => Promise<T>): Promise<T> {
  let drawing = drawn.get(key) as Promise<T> | undefined;
  if (!drawing) {
    const stored = cachedBytes('drawings', key);
    drawing = stored !== undefined ? Promise.resolve(fromStore(stored)) : draw();
    if (stored === undefined) void drawing.then((made) => storeBytes('drawings', key, made), () => undefined);
    drawn.set(key, drawing);
  }
  return drawing;
}

/**
 * The SVG markup of a vega-lite spec, with an accessible title; the page puts a table or text beside it.
 * Drawn once per distinct spec and title, in the build's render workers when there are some (`ahead`: for a
 * page the build reaches later, after what pages wait for now).
 */
export function renderChart(spec: TopLevelSpec, title: string, priority: DrawingPriority = 'now'): Promise<string> {
  return drawOnce(
    keyJson(['chart', spec, title]),
    (stored) => stored.toString('utf8'),
    async () => (await chartInWorker(spec, title, priority)) ?? drawChart(spec, title),
  );
}

/** The card as PNG bytes, drawn once per distinct card, in the build's render workers when there are some (`ahead`: see renderChart). */
export async function renderStatusCard(card: StatusCard, priority: DrawingPriority = 'now'): Promise<Uint8Array<ArrayBuffer>> {
  const png = await drawOnce(keyJson(['card', card]), (stored) => new Uint8Array(stored), async () => (await cardInWorker(card, priority)) ?? drawStatusCard(card));
  // Each asker gets its own copy: a Response may take over (detach) the bytes it is given.
  return new Uint8Array(png);
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

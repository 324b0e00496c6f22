// The one way the site asks for a drawing: queued for the build's render workers when there are some, else drawn
// on this thread. The drawing code (charts.ts, status-card.ts) knows nothing of the pool.
import type { TopLevelSpec } from 'vega-lite';
import { drawChart } from './charts.ts';
import type { DrawingPriority } from './drawing-jobs.ts';
import { cardInWorker, chartInWorker } from './render-pool.ts';
import { drawStatusCard, type StatusCard } from './status-card.ts';
import { cachedBytes, storeBytes } from './build-cache.ts';
import { keyJson } from './digest.ts';

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

/** The card as PNG bytes, drawn in the build's render workers when there are some (`ahead`: see renderChart). */
export async function renderStatusCard(card: StatusCard, priority: DrawingPriority = 'now'): Promise<Uint8Array<ArrayBuffer>> {
  const key = keyJson(['card', card]);
  const stored = cachedBytes('drawings', key);
  if (stored !== undefined) return new Uint8Array(stored);
  const png = (await cardInWorker(card, priority)) ?? drawStatusCard(card);
  storeBytes('drawings', key, png);
  return png;
}

// A worker thread of the build (src/site/render-pool.ts): draws charts (vega) and status cards (resvg) so the
// main thread goes on rendering pages while the second core draws.
import { parentPort } from 'node:worker_threads';
import { renderChartHere } from './charts.ts';
import { renderStatusCardHere, type StatusCard } from './status-card.ts';
import type { TopLevelSpec } from 'vega-lite';

export type RenderJob = { id: number; kind: 'chart'; spec: TopLevelSpec; title: string } | { id: number; kind: 'card'; card: StatusCard };
export type RenderReply = { id: number; svg?: string; png?: Uint8Array; error?: string };

parentPort?.on('message', async (job: RenderJob) => {
  try {
    if (job.kind === 'chart') {
      parentPort!.postMessage({ id: job.id, svg: await renderChartHere(job.spec, job.title) } satisfies RenderReply);
    } else {
      const png = renderStatusCardHere(job.card);
      parentPort!.postMessage({ id: job.id, png } satisfies RenderReply, [png.buffer]);
    }
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderReply);
  }
});

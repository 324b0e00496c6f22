// A worker thread of the build (src/site/render-pool.ts): draws charts (vega) and status cards (resvg) so the
// main thread goes on rendering pages while the second core draws.
import { parentPort } from 'node:worker_threads';
import { drawChart } from './charts.ts';
import type { RenderJob, RenderReply } from './drawing-jobs.ts';
import { drawStatusCard } from './status-card.ts';

async function draw(job: RenderJob): Promise<void> {
  try {
    if (job.kind === 'chart') {
      parentPort!.postMessage({ id: job.id, svg: await drawChart(job.spec, job.title) } satisfies RenderReply);
    } else {
      const png = drawStatusCard(job.card);
      parentPort!.postMessage({ id: job.id, png } satisfies RenderReply, [png.buffer]);
    }
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderReply);
  }
}

parentPort?.on('message', (job: RenderJob) => void draw(job));

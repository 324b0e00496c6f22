// A worker thread of the build (src/site/render-pool.ts): draws charts (vega) and status cards (resvg) so the
// main thread goes on rendering pages while the second core draws.
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { drawChart } from './charts.ts';
import type { RenderJob, RenderReply } from './drawing-jobs.ts';
import { drawStatusCard } from './status-card.ts';

/**
 * resvg keeps each card's pixels (1200 × 630 × 4 bytes) and its fonts in native memory, freed only when V8 collects
 * the objects holding them; V8 does not count that memory, and a worker's small heap seldom needs a full collection.
 * Dead cards piled up: the GitHub history's 166 cards held 450 MB at the build's peak. A full collection every few
 * cards keeps them to those few (about 25 MB), for no wall time that shows.
 */
const cardsPerCollection = 8;
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
let cardsDrawn = 0;

async function draw(job: RenderJob): Promise<void> {
  try {
    if (job.kind === 'chart') {
      parentPort!.postMessage({ id: job.id, svg: await drawChart(job.spec, job.title) } satisfies RenderReply);
    } else {
      const png = drawStatusCard(job.card);
      parentPort!.postMessage({ id: job.id, png } satisfies RenderReply, [png.buffer]);
      if (++cardsDrawn % cardsPerCollection === 0) collectGarbage();
    }
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderReply);
  }
}

parentPort?.on('message', (job: RenderJob) => void draw(job));

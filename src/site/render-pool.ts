// Charts and status cards are drawn in worker threads during the build, so vega and resvg run beside the main
// thread, which goes on rendering pages. The build tells where the worker's module is (astro.config.mjs defines
// __OPSLEDGER_RENDER_WORKER__); without it (unit tests, scripts) everything is drawn on the calling thread.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import type { DrawingPriority, RenderJob, RenderReply } from './drawing-jobs.ts';
import type { StatusCard } from './status-card.ts';

declare const __OPSLEDGER_RENDER_WORKER__: string | undefined;
const workerModule = typeof __OPSLEDGER_RENDER_WORKER__ === 'undefined' ? undefined : __OPSLEDGER_RENDER_WORKER__;
/**
 * Two workers where there are two cores: at 500 incidents one worker is busy for most of the page rendering and
 * the monthly reports queue for it; a second one costs about 70 MiB.
 */
const poolSize = Math.max(1, Math.min(2, os.availableParallelism()));

type Pending = { resolve: (reply: RenderReply) => void; reject: (error: Error) => void };
type Queued = Pending & { job: RenderJob };
interface PoolWorker {
  thread: Worker;
  /** The job it is drawing, if any: one at a time, so a worker takes the next job only when it is free. */
  current: Queued | undefined;
}

let pool: PoolWorker[] | undefined;
/** Jobs not yet taken by a worker, in the order asked for (pages ask in the order the build renders them). */
const queues: Record<DrawingPriority, Queued[]> = { now: [], ahead: [] };
let nextId = 0;

/**
 * How long the pool may sit idle before its workers stop. A large estate's charts are all drawn in its first
 * seconds, and two idle workers would hold about 360 MiB through the minute of page rendering that follows
 * (the large build peaked at 1.96 GiB with them, 1.73 GiB without); a drawing asked for later starts them again
 * (about half a second). Shorter, a 500-incident build restarted them between its routes and lost a second.
 */
const idleMs = 5000;
let idleTimer: NodeJS.Timeout | undefined;

function stopPool(): void {
  const stopping = pool ?? [];
  pool = undefined;
  for (const worker of stopping) void worker.thread.terminate();
}

/** Hands the next queued job to every idle worker; an idle pool lets the build's process exit, and then stops. */
function dispatch(): void {
  clearTimeout(idleTimer);
  let busy = false;
  for (const worker of pool ?? []) {
    if (worker.current === undefined) {
      const next = queues.now.shift() ?? queues.ahead.shift();
      if (next === undefined) {
        worker.thread.unref();
        continue;
      }
      worker.current = next;
      worker.thread.ref();
      worker.thread.postMessage(next.job);
    }
    busy = true;
  }
  if (!busy && pool !== undefined) idleTimer = setTimeout(stopPool, idleMs).unref();
}

function startWorker(path: string): PoolWorker {
  const thread = new Worker(path);
  const started: PoolWorker = { thread, current: undefined };
  thread.on('message', (reply: RenderReply) => {
    const job = started.current;
    started.current = undefined;
    dispatch();
    if (!job || job.job.id !== reply.id) return;
    if (reply.error !== undefined) job.reject(new Error(`render worker: ${reply.error}`));
    else job.resolve(reply);
  });
  thread.on('error', (error: Error) => {
    started.current?.reject(error);
    started.current = undefined;
    pool = pool?.filter((w) => w !== started);
    if (pool?.length === 0) {
      // Without a worker left, what waits would wait for ever; the next drawing asked for starts a new pool.
      pool = undefined;
      for (const job of [...queues.now.splice(0), ...queues.ahead.splice(0)]) job.reject(error);
    }
    dispatch();
  });
  thread.unref();
  return started;
}

function startPool(path: string): PoolWorker[] {
  pool ??= Array.from({ length: poolSize }, () => startWorker(path));
  return pool;
}

// The workers start with the first drawing asked for: the routes ask for theirs ahead, while Astro collects the
// paths, so loading vega and resvg (about half a second each) overlaps that; a warm build whose drawings all come
// from the build cache starts none.

/** Whether this is a build with render workers; elsewhere drawings are made on the calling thread, when asked for. */
export function renderWorkersAvailable(): boolean {
  return workerModule !== undefined;
}

/** Queues `job` for the next free worker; null when there is no worker (then the caller draws it itself). */
function inWorker(
  job: RenderJob extends infer J ? (J extends RenderJob ? Omit<J, 'id'> : never) : never,
  priority: DrawingPriority,
): Promise<RenderReply> | null {
  if (workerModule === undefined) return null;
  startPool(workerModule);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    queues[priority].push({ job: { ...job, id }, resolve, reject });
    dispatch();
  });
}

/** The chart's SVG, drawn in a worker when there is one. */
export async function chartInWorker(spec: TopLevelSpec, title: string, priority: DrawingPriority = 'now'): Promise<string | null> {
  const reply = inWorker({ kind: 'chart', spec, title }, priority);
  return reply === null ? null : ((await reply).svg ?? '');
}

/** The status card's PNG, drawn in a worker when there is one. */
export async function cardInWorker(card: StatusCard, priority: DrawingPriority = 'now'): Promise<Uint8Array<ArrayBuffer> | null> {
  const reply = inWorker({ kind: 'card', card }, priority);
  return reply === null ? null : new Uint8Array((await reply).png ?? new Uint8Array());
}

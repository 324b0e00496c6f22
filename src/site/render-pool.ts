// Charts and status cards are drawn in a worker thread during the build, so vega and resvg run on the second core
// while the main thread renders pages. The build tells where the worker's module is (astro.config.mjs defines
// __OPSLEDGER_RENDER_WORKER__); without it (unit tests, scripts) everything is drawn on the calling thread.
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import type { StatusCard } from './status-card.ts';
import type { RenderJob, RenderReply } from './render-worker.ts';

declare const __OPSLEDGER_RENDER_WORKER__: string | undefined;
const workerModule = typeof __OPSLEDGER_RENDER_WORKER__ === 'undefined' ? undefined : __OPSLEDGER_RENDER_WORKER__;

type Pending = { resolve: (reply: RenderReply) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function startWorker(path: string): Worker {
  const started = new Worker(path);
  started.on('message', (reply: RenderReply) => {
    const job = pending.get(reply.id);
    pending.delete(reply.id);
    // Idle: the worker must not keep the build's process alive once the pages are done.
    if (pending.size === 0) started.unref();
    if (!job) return;
    if (reply.error !== undefined) job.reject(new Error(`render worker: ${reply.error}`));
    else job.resolve(reply);
  });
  started.on('error', (error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    worker = undefined;
  });
  started.unref();
  return started;
}

/** Runs `job` in the worker; null when there is no worker (then the caller draws it itself). */
function inWorker(job: RenderJob extends infer J ? (J extends RenderJob ? Omit<J, 'id'> : never) : never): Promise<RenderReply> | null {
  if (workerModule === undefined) return null;
  worker ??= startWorker(workerModule);
  const id = nextId++;
  const running = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.ref();
    running.postMessage({ ...job, id });
  });
}

/** The chart's SVG, drawn in the worker when there is one. */
export async function chartInWorker(spec: TopLevelSpec, title: string): Promise<string | null> {
  const reply = inWorker({ kind: 'chart', spec, title });
  return reply === null ? null : ((await reply).svg ?? '');
}

/** The status card's PNG, drawn in the worker when there is one. */
export async function cardInWorker(card: StatusCard): Promise<Uint8Array<ArrayBuffer> | null> {
  const reply = inWorker({ kind: 'card', card });
  return reply === null ? null : new Uint8Array((await reply).png ?? new Uint8Array());
}

// The render worker draws card after card without the memory resvg leaves outside V8's heap piling up.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { RenderJob, RenderReply } from '../../src/site/drawing-jobs.ts';
import type { StatusCard } from '../../src/site/status-card.ts';

const worker = new Worker(fileURLToPath(new URL('../../src/site/render-worker.ts', import.meta.url)));
afterAll(() => worker.terminate());

let nextId = 0;
function draw(job: Omit<Extract<RenderJob, { kind: 'card' }>, 'id'>): Promise<RenderReply> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (reply: RenderReply) => {
      if (reply.id !== id) return;
      worker.off('message', onMessage);
      if (reply.error !== undefined) reject(new Error(reply.error));
      else resolve(reply);
    };
    worker.on('message', onMessage);
    worker.postMessage({ ...job, id });
  });
}

const card = (n: number): StatusCard => ({
  eyebrow: `Monthly summary · month ${n}`,
  title: `Portfolio availability, month ${n}`,
  figure: `${(99 + (n % 100) / 100).toFixed(2)} %`,
  figureLabel: 'availability against the 99.5 % target',
  status: n % 2 === 0 ? 'green' : 'amber',
  footer: 'opsledger',
});

const residentMiB = () => process.memoryUsage().rss / 2 ** 20;

describe('render worker', () => {
  it('draws 96 status cards with the resident memory growing by far less than their 280 MB of pixels', async () => {
    // Warm up: the worker loads vega, resvg and the fonts with its first jobs.
    for (let n = 0; n < 16; n++) await draw({ kind: 'card', card: card(n) });
    const before = residentMiB();
    for (let n = 16; n < 112; n++) {
      const reply = await draw({ kind: 'card', card: card(n) });
      expect(Buffer.from(reply.png!).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    // Each card's pixels alone are 1200 × 630 × 4 bytes (2.9 MiB); left to V8's own pace they all stayed resident.
    expect(residentMiB() - before).toBeLessThan(100);
  });
});

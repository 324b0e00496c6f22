// What the build asks its render workers to draw and what they answer: the one vocabulary the pool
// (src/site/render-pool.ts), the worker (src/site/render-worker.ts) and the front (src/site/render.ts) share.
import type { TopLevelSpec } from 'vega-lite';
import type { StatusCard } from './status-card.ts';

/**
 * When a drawing is wanted: `now` by a page being rendered, `ahead` for a page the build reaches later. A free
 * worker takes the oldest `now` job first, so drawing ahead never makes a page wait.
 */
export type DrawingPriority = 'now' | 'ahead';

export type RenderJob = { id: number; kind: 'chart'; spec: TopLevelSpec; title: string } | { id: number; kind: 'card'; card: StatusCard };
export type RenderReply = { id: number; svg?: string; png?: Uint8Array; error?: string };

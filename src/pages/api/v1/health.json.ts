// /api/v1/health.json: the component board, monitoring coverage, the month's alert noise and misses, the noise trend.
import type { APIRoute } from 'astro';
import { buildContext } from '../../../site/repository-cache.ts';
import { healthModelOfBuild } from '../../../site/views/health.ts';
import { healthJson } from '../../../site/views/health-json.ts';

export const GET: APIRoute = () => {
  const ctx = buildContext();
  const model = healthModelOfBuild(ctx);
  return new Response(JSON.stringify(healthJson(model, ctx.asOfMs), null, 2));
};

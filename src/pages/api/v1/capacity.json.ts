// /api/v1/capacity.json: every application's KPI regressions, headroom and forecasts, full precision.
import type { APIRoute } from 'astro';
import { buildContext } from '../../../site/repository-cache.ts';
import { capacityOfBuild } from '../../../site/views/capacity.ts';
import { capacityJson } from '../../../site/views/capacity-json.ts';

export const GET: APIRoute = () => {
  const ctx = buildContext();
  return new Response(JSON.stringify(capacityJson(capacityOfBuild(ctx), ctx.asOfMs), null, 2));
};

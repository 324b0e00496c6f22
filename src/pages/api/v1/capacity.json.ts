// /api/v1/capacity.json: every application's KPI regressions, headroom and forecasts, full precision.
import type { APIRoute } from 'astro';
import { asOf } from '../../../site/model.ts';
import { capacityJson, capacityOfBuild } from '../../../site/views/capacity.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(capacityJson(capacityOfBuild(), asOf()), null, 2));

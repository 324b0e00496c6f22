// /api/v1/health.json: the component board, monitoring coverage, the month's alert noise and misses, the noise trend.
import type { APIRoute } from 'astro';
import { reportMonths } from '../../../site/model.ts';
import { buildContext } from '../../../site/repository-cache.ts';
import { monthReport } from '../../../site/views/availability.ts';
import { healthJson, healthModel, healthMonths } from '../../../site/views/health.ts';

export const GET: APIRoute = () => {
  const ctx = buildContext();
  const model = healthModel({ repository: ctx.repository, asOfMs: ctx.asOfMs, months: healthMonths(reportMonths(ctx), (month) => monthReport(ctx, month)) });
  return new Response(JSON.stringify(healthJson(model, ctx.asOfMs), null, 2));
};

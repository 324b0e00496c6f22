// /api/v1/health.json: the component board, monitoring coverage, the month's alert noise and misses, the noise trend.
import type { APIRoute } from 'astro';
import { asOf, reportMonths, repository } from '../../../site/model.ts';
import { monthReport } from '../../../site/views/availability.ts';
import { healthJson, healthModel, healthMonths } from '../../../site/views/health.ts';

export const GET: APIRoute = () => {
  const model = healthModel({ repository: repository(), asOfMs: asOf(), months: healthMonths(reportMonths(), monthReport) });
  return new Response(JSON.stringify(healthJson(model, asOf()), null, 2));
};

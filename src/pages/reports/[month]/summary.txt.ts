import type { APIRoute } from 'astro';
import { reportMonthPaths } from '../../../site/model.ts';
import { monthSummary, summaryText } from '../../../site/views/summary.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  return reportMonthPaths(buildContext());
}

export const GET: APIRoute = ({ params }) =>
  new Response(summaryText(monthSummary(buildContext(), params.month!)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

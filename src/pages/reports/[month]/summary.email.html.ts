import type { APIRoute } from 'astro';
import { reportMonthPaths } from '../../../site/model.ts';
import { monthSummary, summaryEmailHtml } from '../../../site/views/summary.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  return reportMonthPaths(buildContext());
}

export const GET: APIRoute = ({ params }) =>
  new Response(summaryEmailHtml(monthSummary(buildContext(), params.month!)), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });

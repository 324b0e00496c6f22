import type { APIRoute } from 'astro';
import { reportMonths } from '../../../site/model.ts';
import { monthSummary, summaryText } from '../../../site/views/summary.ts';

export function getStaticPaths() {
  return reportMonths().map((month) => ({ params: { month } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(summaryText(monthSummary(params.month!)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

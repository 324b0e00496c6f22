import type { APIRoute } from 'astro';
import { reportMonths } from '../../../site/model.ts';
import { monthSummary, summaryEmailHtml } from '../../../site/views/summary.ts';

export function getStaticPaths() {
  return reportMonths().map((month) => ({ params: { month } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(summaryEmailHtml(monthSummary(params.month!)), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });

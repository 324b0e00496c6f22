import type { APIRoute } from 'astro';
import { reportMonths } from '../../../site/model.ts';
import { renderStatusCard } from '../../../site/status-card.ts';
import { monthSummary } from '../../../site/views/summary.ts';

export function getStaticPaths() {
  return reportMonths().map((month) => ({ params: { month } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(await renderStatusCard(monthSummary(params.month!).card), { headers: { 'Content-Type': 'image/png' } });

import type { APIRoute } from 'astro';
import { reportMonths } from '../../../site/model.ts';
import { renderStatusCard } from '../../../site/status-card.ts';
import { monthSummary } from '../../../site/views/summary.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  return reportMonths(buildContext()).map((month) => ({ params: { month } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(renderStatusCard(monthSummary(buildContext(), params.month!).card), { headers: { 'Content-Type': 'image/png' } });

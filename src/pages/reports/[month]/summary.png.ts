import type { APIRoute } from 'astro';
import { reportMonthPaths } from '../../../site/model.ts';
import { renderStatusCard } from '../../../site/status-card.ts';
import { monthSummary } from '../../../site/views/summary.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  return reportMonthPaths(buildContext());
}

export const GET: APIRoute = async ({ params }) =>
  new Response(await renderStatusCard(monthSummary(buildContext(), params.month!).card), { headers: { 'Content-Type': 'image/png' } });

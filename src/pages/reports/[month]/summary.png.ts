import type { APIRoute } from 'astro';
import { reportMonthPaths, reportMonths } from '../../../site/model.ts';
import { drawAhead, renderStatusCard } from '../../../site/render.ts';
import { monthSummary } from '../../../site/views/summary.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  const ctx = buildContext();
  drawAhead(ctx, 'summary cards', () => reportMonths(ctx).map((month) => renderStatusCard(monthSummary(ctx, month).card, 'ahead')));
  return reportMonthPaths(ctx);
}

export const GET: APIRoute = async ({ params }) =>
  new Response(await renderStatusCard(monthSummary(buildContext(), params.month!).card), { headers: { 'Content-Type': 'image/png' } });

import type { APIRoute } from 'astro';
import { reportMonthPaths } from '../../../site/model.ts';
import { monthSummaryPng } from '../../../site/drawings.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  return reportMonthPaths(buildContext());
}

export const GET: APIRoute = async ({ params }) =>
  new Response(await monthSummaryPng(buildContext(), params.month!), { headers: { 'Content-Type': 'image/png' } });

import type { APIRoute } from 'astro';
import { reportMonths } from '../../../../site/model.ts';
import { jsonResponse, topTalkersBody } from '../../../../site/views/api.ts';

export function getStaticPaths() {
  return reportMonths().map((month) => ({ params: { month } }));
}

export const GET: APIRoute = ({ params }) => jsonResponse(topTalkersBody(params.month!));

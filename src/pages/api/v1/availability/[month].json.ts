import type { APIRoute } from 'astro';
import { reportMonthPaths } from '../../../../site/model.ts';
import { availabilityBody, jsonResponse } from '../../../../site/views/api.ts';
import { buildContext } from '../../../../site/repository-cache.ts';

export function getStaticPaths() {
  return reportMonthPaths(buildContext());
}

export const GET: APIRoute = ({ params }) => jsonResponse(availabilityBody(buildContext(), params.month!));

import type { APIRoute } from 'astro';
import { reportMonths } from '../../../../site/model.ts';
import { availabilityBody, jsonResponse } from '../../../../site/views/api.ts';

export function getStaticPaths() {
  return reportMonths().map((month) => ({ params: { month } }));
}

export const GET: APIRoute = ({ params }) => jsonResponse(availabilityBody(params.month!));

import type { APIRoute } from 'astro';
import type { Incident } from '../../../load/repository.ts';
import { incidentTextPaths, incidentText } from '../../../site/views/record-pages.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  return incidentTextPaths(buildContext());
}

// The path's cacheKey is the digest of this text.
export const GET: APIRoute = ({ props }) =>
  new Response(incidentText(buildContext(), (props as { record: Incident }).record), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

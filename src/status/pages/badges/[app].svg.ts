import type { APIRoute } from 'astro';
import { buildContext } from '../../../site/repository-cache.ts';
import { publicApplicationIds, publicBadgeSvg } from '../../../site/views/status-files.ts';

export function getStaticPaths() {
  return publicApplicationIds(buildContext()).map((app) => ({ params: { app } }));
}

export const GET: APIRoute = ({ params }) => new Response(publicBadgeSvg(buildContext(), params.app!), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });

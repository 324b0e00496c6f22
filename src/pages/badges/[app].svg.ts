import type { APIRoute } from 'astro';
import { applicationBadgeSvg } from '../../site/views/badges.ts';
import { buildContext } from '../../site/repository-cache.ts';

export function getStaticPaths() {
  return buildContext().repository.applications.map((app) => ({ params: { app: app.id } }));
}

export const GET: APIRoute = ({ params }) => new Response(applicationBadgeSvg(buildContext(), params.app!), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });

import type { APIRoute } from 'astro';
import { incidentFeed } from '../site/views/feed.ts';
import { buildContext } from '../site/repository-cache.ts';

export const GET: APIRoute = () => new Response(incidentFeed(buildContext()), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });

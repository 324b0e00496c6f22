import type { APIRoute } from 'astro';
import { buildContext } from '../../site/repository-cache.ts';
import { publicIncidentFeed } from '../../site/views/status-files.ts';

export const GET: APIRoute = () => new Response(publicIncidentFeed(buildContext()), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });

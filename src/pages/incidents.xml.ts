import type { APIRoute } from 'astro';
import { incidentFeed } from '../site/views/feed.ts';

export const GET: APIRoute = () => new Response(incidentFeed(), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });

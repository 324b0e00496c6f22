// The change calendar for subscription (RFC 5545); see src/site/ics.ts.
import type { APIRoute } from 'astro';
import { changesIcs } from '../site/views/changes-json.ts';
import { buildContext } from '../site/repository-cache.ts';

export const GET: APIRoute = () => new Response(changesIcs(buildContext()), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });

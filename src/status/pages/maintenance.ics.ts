import type { APIRoute } from 'astro';
import { buildContext } from '../../site/repository-cache.ts';
import { maintenanceCalendar } from '../../site/views/status-files.ts';

export const GET: APIRoute = () => new Response(maintenanceCalendar(buildContext()), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });

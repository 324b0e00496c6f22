import type { APIRoute } from 'astro';
import { buildContext } from '../../../../site/repository-cache.ts';
import { statusSummaryJson } from '../../../../site/views/status-files.ts';

export const GET: APIRoute = () => new Response(statusSummaryJson(buildContext()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

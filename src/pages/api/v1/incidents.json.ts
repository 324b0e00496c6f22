// Every incident with its times, lost minutes, communications and customer windows (README "JSON API: management").
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../../site/views/api.ts';
import { incidentsJson } from '../../../site/views/incident.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export const GET: APIRoute = () => jsonResponse(incidentsJson(buildContext()));

// Every escalation entry's last review and whether it is stale (README "JSON API: management").
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../../site/views/api.ts';
import { escalationJson } from '../../../site/views/escalation.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export const GET: APIRoute = () => jsonResponse(escalationJson(buildContext()));

// Every problem ticket with its age and actions, and the backlog by month (README "JSON API: management").
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../../site/views/api.ts';
import { problemsJson } from '../../../site/views/problems.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export const GET: APIRoute = () => jsonResponse(problemsJson(buildContext()));

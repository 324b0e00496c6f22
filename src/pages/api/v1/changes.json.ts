// Every change with its lead time, broken rules and the incidents it caused (README "JSON API: management").
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../../site/views/api.ts';
import { changesJson } from '../../../site/views/changes-json.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export const GET: APIRoute = () => jsonResponse(changesJson(buildContext()));

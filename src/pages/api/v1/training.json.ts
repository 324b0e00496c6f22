// /api/v1/training.json: the person × application matrix and the training plan's four lists.
import type { APIRoute } from 'astro';
import { buildContext } from '../../../site/repository-cache.ts';
import { trainingJson, trainingModelOfBuild } from '../../../site/views/training.ts';

export const GET: APIRoute = () => {
  const ctx = buildContext();
  return new Response(JSON.stringify(trainingJson(trainingModelOfBuild(ctx), ctx.asOfMs), null, 2));
};

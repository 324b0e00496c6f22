// /api/v1/training.json: the person × application matrix and the training plan's four lists.
import type { APIRoute } from 'astro';
import { asOf, repository } from '../../../site/model.ts';
import { trainingJson, trainingModel } from '../../../site/views/training.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(trainingJson(trainingModel(repository(), asOf()), asOf()), null, 2));

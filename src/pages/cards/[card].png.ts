import type { APIRoute } from 'astro';
import { statusCardPng } from '../../site/drawings.ts';
import { cardKeys } from '../../site/views/executive.ts';
import { buildContext } from '../../site/repository-cache.ts';

export function getStaticPaths() {
  return cardKeys(buildContext()).map((card) => ({ params: { card } }));
}

export const GET: APIRoute = async ({ params }) => new Response(await statusCardPng(buildContext(), params.card!), { headers: { 'Content-Type': 'image/png' } });

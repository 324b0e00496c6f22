import type { APIRoute } from 'astro';
import { renderStatusCard } from '../../site/status-card.ts';
import { cardFor, cardKeys } from '../../site/views/executive.ts';

export function getStaticPaths() {
  return cardKeys().map((card) => ({ params: { card } }));
}

export const GET: APIRoute = async ({ params }) => new Response(await renderStatusCard(cardFor(params.card!)), { headers: { 'Content-Type': 'image/png' } });

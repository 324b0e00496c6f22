import type { APIRoute } from 'astro';
import { drawAhead, renderStatusCard } from '../../site/render.ts';
import { cardFor, cardKeys } from '../../site/views/executive.ts';
import { buildContext } from '../../site/repository-cache.ts';

export function getStaticPaths() {
  const ctx = buildContext();
  drawAhead(ctx, 'status cards', () => cardKeys(ctx).map((key) => renderStatusCard(cardFor(ctx, key), 'ahead')));
  return cardKeys(ctx).map((card) => ({ params: { card } }));
}

export const GET: APIRoute = async ({ params }) => new Response(await renderStatusCard(cardFor(buildContext(), params.card!)), { headers: { 'Content-Type': 'image/png' } });

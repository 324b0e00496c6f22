import type { APIRoute } from 'astro';
import { postmortemTextPaths } from '../../../site/views/record-pages.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  return postmortemTextPaths(buildContext());
}

// The text is made with the path, and its digest is the path's cacheKey.
export const GET: APIRoute = ({ props }) =>
  new Response((props as { view: { text: string } }).view.text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

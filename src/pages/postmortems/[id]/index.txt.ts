import type { APIRoute } from 'astro';
import type { Postmortem } from '../../../load/repository.ts';
import { postmortemTextPaths, postmortemText } from '../../../site/views/record-pages.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  return postmortemTextPaths(buildContext());
}

// The path's cacheKey is the digest of this text.
export const GET: APIRoute = ({ props }) =>
  new Response(postmortemText(buildContext(), (props as { record: Postmortem }).record), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

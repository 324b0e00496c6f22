import type { APIRoute } from 'astro';
import type { Postmortem } from '../../../load/repository.ts';
import { postmortemSummary, postmortemSummaryText } from '../../../site/views/executive.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  return buildContext().repository.postmortems.map((pm) => ({ params: { id: pm.id }, props: { pm } }));
}

export const GET: APIRoute = ({ props }) => {
  const pm = (props as { pm: Postmortem }).pm;
  return new Response(postmortemSummaryText(pm, postmortemSummary(buildContext(), pm)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

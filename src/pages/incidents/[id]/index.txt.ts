import type { APIRoute } from 'astro';
import type { Incident } from '../../../load/repository.ts';
import { incidentSummary, incidentSummaryText } from '../../../site/views/executive.ts';
import { buildContext } from '../../../site/repository-cache.ts';

export function getStaticPaths() {
  return buildContext().repository.incidents.map((incident) => ({ params: { id: incident.id }, props: { incident } }));
}

export const GET: APIRoute = ({ props }) => {
  const incident = (props as { incident: Incident }).incident;
  return new Response(incidentSummaryText(incident, incidentSummary(buildContext(), incident)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

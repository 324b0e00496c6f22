// /api/v1/hotspots/YYYY-MM.json for every report month: hours, FTE and shares by category, application, component and team.
import type { APIRoute } from 'astro';
import { reportMonths } from '../../../../site/model.ts';
import { hotspotsJson } from '../../../../site/views/hotspots.ts';
import { timeContextOfBuild } from '../../../../site/views/time-context.ts';
import { buildContext } from '../../../../site/repository-cache.ts';

export function getStaticPaths() {
  const ctx = buildContext();
  const context = timeContextOfBuild(ctx);
  return reportMonths(ctx).map((month) => ({ params: { month }, props: { body: hotspotsJson(context, month) } }));
}

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.body, null, 2));

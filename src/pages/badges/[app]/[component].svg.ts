// /badges/<application>/<component>.svg: the component's red/amber/green status as of the build.
import type { APIRoute } from 'astro';
import { buildContext } from '../../../site/repository-cache.ts';
import { badgeSvg } from '../../../site/views/badges.ts';
import { healthModelOfBuild } from '../../../site/views/health.ts';
import { componentBadgeText } from '../../../site/words/health.ts';

export function getStaticPaths() {
  const ctx = buildContext();
  const { board, appNames: names } = healthModelOfBuild(ctx);
  return board.map((entry) => ({ params: { app: entry.applicationId, component: entry.component }, props: { badge: componentBadgeText(entry, names.get(entry.applicationId) ?? entry.applicationId) } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(badgeSvg((props as { badge: ReturnType<typeof componentBadgeText> }).badge), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });

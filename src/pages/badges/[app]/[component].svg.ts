// /badges/<application>/<component>.svg: the component's red/amber/green status as of the build.
import type { APIRoute } from 'astro';
import { componentBoard } from '../../../core/health.ts';
import { memoise } from '../../../site/context.ts';
import { buildContext } from '../../../site/repository-cache.ts';
import { badgeSvg } from '../../../site/views/badges.ts';
import { componentBadgeText, healthIncident } from '../../../site/views/health.ts';

export function getStaticPaths() {
  const ctx = buildContext();
  const repo = ctx.repository;
  // One board per build, shared by every component's badge.
  const board = memoise(ctx, 'health.componentBoard', () => componentBoard(repo.applications, repo.incidents.map(healthIncident), repo.alerts, ctx.asOfMs));
  const names = new Map(repo.applications.map((app) => [app.id, app.name]));
  return board.map((entry) => ({ params: { app: entry.applicationId, component: entry.component }, props: { badge: componentBadgeText(entry, names.get(entry.applicationId) ?? entry.applicationId) } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(badgeSvg((props as { badge: ReturnType<typeof componentBadgeText> }).badge), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });

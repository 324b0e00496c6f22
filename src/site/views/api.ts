// Bodies of the JSON API. Shapes are a published contract (README "JSON API"): add fields, never rename.
import { isoInstant } from '../format.ts';
import { monthReport } from './availability.ts';
import type { BuildContext } from '../context.ts';

/** A JSON response with stable formatting (two-space indent, trailing newline). */
export function jsonResponse(body: unknown): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

export function availabilityBody(ctx: BuildContext, month: string) {
  const { availability } = monthReport(ctx, month);
  return {
    period: month,
    asOf: isoInstant(ctx.asOfMs),
    applications: availability.applications.map((r) => ({
      id: r.id,
      target: r.target,
      scheduledMinutes: r.scheduledMinutes,
      lostMinutes: r.lostMinutes,
      availability: r.availability,
      errorBudgetMinutes: r.errorBudgetMinutes,
      budgetConsumed: r.budgetConsumed,
      status: r.status,
    })),
    portfolio: availability.portfolio,
  };
}

export function topTalkersBody(ctx: BuildContext, month: string) {
  const { topTalkers } = monthReport(ctx, month);
  return {
    period: month,
    asOf: isoInstant(ctx.asOfMs),
    incidents: topTalkers.map((t, i) => ({
      rank: i + 1,
      id: t.id,
      title: t.title,
      severity: t.severity,
      applications: t.applications,
      lostMinutes: t.lostMinutes,
      byApplication: t.byApplication,
    })),
  };
}

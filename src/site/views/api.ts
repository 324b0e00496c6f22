// Bodies of the JSON API. Shapes are a published contract (README "JSON API"): add fields, never rename.
import { isoInstant } from '../format.ts';
import { asOf } from '../model.ts';
import { monthReport } from './availability.ts';

/** A JSON response with stable formatting (two-space indent, trailing newline). */
export function jsonResponse(body: unknown): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

export function availabilityBody(month: string) {
  const { availability } = monthReport(month);
  return {
    period: month,
    asOf: isoInstant(asOf()),
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

export function topTalkersBody(month: string) {
  const { topTalkers } = monthReport(month);
  return {
    period: month,
    asOf: isoInstant(asOf()),
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

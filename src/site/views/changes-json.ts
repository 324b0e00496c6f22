// /api/v1/changes.json and /changes.ics: every change with its rules and the incidents it caused, and the calendar feed.
import { changeViolations, leadDays } from '../../core/changes.ts';
import { compareRecordIds } from '../../core/ids.ts';
import type { BuildContext } from '../context.ts';
import { changesCalendar } from '../ics.ts';
import { changeLeadDaysOf, incidentsByChange } from './changes.ts';

/** Body of /api/v1/changes.json. */
export function changesJson(ctx: BuildContext) {
  const repo = ctx.repository;
  const caused = incidentsByChange(ctx);
  return {
    asOf: new Date(ctx.asOfMs).toISOString(),
    changes: [...repo.changes]
      .sort((a, b) => a.plannedStart - b.plannedStart || compareRecordIds(a.id, b.id))
      .map((c) => ({
        id: c.id,
        type: c.type,
        risk: c.risk,
        applications: c.applications,
        plannedStart: new Date(c.plannedStart).toISOString(),
        plannedEnd: new Date(c.plannedEnd).toISOString(),
        outcome: c.outcome,
        leadDays: leadDays(c),
        violations: changeViolations(c, changeLeadDaysOf(ctx)),
        causedIncidents: (caused.get(c.id) ?? []).map((i) => i.id),
      })),
  };
}

/** The text of /changes.ics. */
export function changesIcs(ctx: BuildContext): string {
  const repo = ctx.repository;
  return changesCalendar(repo.changes, { baseUrl: repo.site.baseUrl, base: repo.site.base, asOfMs: ctx.asOfMs, name: `${repo.site.title} changes` });
}

// Facts for post-mortem, change and problem pages.
import type { Change, Postmortem, Problem } from '../../load/repository.ts';
import { findSection } from '../../load/markdown.ts';
import { formatInstant } from '../format.ts';
import { recordIndex } from '../model.ts';
import { url } from '../urls.ts';
import { externalFacts, type Fact } from './records.ts';
import type { BuildContext } from '../context.ts';

export interface Link {
  id: string;
  title: string;
  href: string;
}

export function incidentLinks(ctx: BuildContext, ids: readonly string[]): Link[] {
  const index = recordIndex(ctx).incidents;
  return ids.map((id) => ({ id, title: index.get(id)?.title ?? '', href: url(`incidents/${id}/`) }));
}

export function problemLinks(ctx: BuildContext, ids: readonly string[]): Link[] {
  const index = recordIndex(ctx).problems;
  return ids.map((id) => ({ id, title: index.get(id)?.title ?? '', href: url(`problems/${id}/`) }));
}

/** Sections of a post-mortem in reading order: executive summary first, the rest as written. */
export function postmortemSections(pm: Postmortem) {
  const summary = findSection(pm.sections, 'Executive summary');
  return { summary: summary?.markdown ?? '', rest: pm.sections.filter((s) => s !== summary) };
}

export function postmortemFacts(pm: Postmortem): Fact[] {
  return [
    { label: 'Review date', text: pm.date },
    { label: 'Status', text: pm.status },
    { label: 'Authors', text: pm.authors.join(', ') },
    ...externalFacts(pm.external),
  ];
}

export function changeFacts(ctx: BuildContext, change: Change): Fact[] {
  const zone = ctx.repository.site.reportingTimezone;
  const at = (ms: number | undefined) => (ms === undefined ? '—' : formatInstant(ms, zone));
  return [
    { label: 'Applications', text: change.applications.join(', ') },
    { label: 'Type', text: change.type },
    { label: 'Risk', text: change.risk },
    { label: 'Owner', text: change.owner },
    { label: 'Submitted', text: at(change.submitted) },
    { label: 'Planned', text: `${at(change.plannedStart)} → ${at(change.plannedEnd)}` },
    { label: 'Actual', text: change.actualStart === undefined ? '—' : `${at(change.actualStart)} → ${at(change.actualEnd)}` },
    { label: 'Maintenance downtime', text: change.downtime ? `${at(change.downtime.from)} → ${at(change.downtime.to)}` : 'none' },
    { label: 'CAB', text: change.cab ? 'yes' : 'no' },
    { label: 'Releases code', text: change.releasesCode ? 'yes' : 'no' },
    { label: 'Approvals', text: change.approvals.length === 0 ? 'none' : change.approvals.map((a) => `${a.by} (${at(a.at)})`).join('; ') },
    { label: 'Outcome', text: change.outcome },
    ...externalFacts(change.external),
  ];
}

/** Incidents whose `change:` names this change. */
export function incidentsCausedBy(ctx: BuildContext, changeId: string): Link[] {
  return incidentLinks(ctx, recordIndex(ctx).incidentsByChange.get(changeId) ?? []);
}

export function problemFacts(ctx: BuildContext, problem: Problem): Fact[] {
  const team = ctx.repository.teams.find((t) => t.id === problem.owner);
  return [
    { label: 'Priority', text: problem.priority },
    { label: 'Status', text: problem.status },
    { label: 'Source', text: problem.source },
    { label: 'Owner', text: team ? `${team.name} (${team.id})` : problem.owner },
    { label: 'Opened', text: problem.opened },
    { label: 'Closed', text: problem.closed ?? '—' },
    ...externalFacts(problem.external),
  ];
}

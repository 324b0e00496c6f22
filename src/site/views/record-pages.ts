// The record pages (incidents, post-mortems, changes, problems) and their text twins, each a function of one view
// made here: everything the page shows, the layout's inputs included. Its digest is the page's cacheKey, so on an
// incremental build a page is reused exactly when nothing it shows has changed, and rendered again otherwise.
// The views stay in the paths' props, which Astro keeps to the end of the build: making them again in the page
// instead was measured at 20,000 incidents (three interleaved rounds) 3.4 s slower cold and 1.3 s slower warm, for a
// tree peak within the rounds' noise (1.31–1.48 against 1.42–1.50 GiB).
import type { Change, Incident, Postmortem, Problem } from '../../load/repository.ts';
import { isProblemOpen } from '../../core/problems.ts';
import { valueDigest } from '../digest.ts';
import type { BuildContext } from '../context.ts';
import { layoutOf, recordIndex } from '../model.ts';
import { changePage } from './changes.ts';
import { incidentSummary, incidentSummaryText, postmortemSummary, postmortemSummaryText } from './executive.ts';
import { incidentPage } from './incident.ts';
import { changeFacts, incidentLinks, postmortemFacts, postmortemSections, problemFacts, problemLinks } from './other-records.ts';
import { problemPage } from './problems.ts';

/** One static path per record, its props the whole view of its page, keyed by the view's digest. */
function keyedPaths<R extends { id: string }, V>(records: readonly R[], view: (record: R) => V): { params: { id: string }; props: { view: V }; cacheKey: string }[] {
  return records.map((record) => {
    const shown = view(record);
    return { params: { id: record.id }, props: { view: shown }, cacheKey: valueDigest(shown) };
  });
}

/** An incident's page shows figures as of the build while it is not restored (its duration "so far"). */
const isIncidentOpen = (incident: Incident) => incident.restored === undefined;

export function incidentPageView(ctx: BuildContext, incident: Incident) {
  return { incident, page: incidentPage(ctx, incident), summary: incidentSummary(ctx, incident), layout: layoutOf(ctx, isIncidentOpen(incident)) };
}
export type IncidentPageView = ReturnType<typeof incidentPageView>;

export function incidentPagePaths(ctx: BuildContext) {
  return keyedPaths(ctx.repository.incidents, (incident) => incidentPageView(ctx, incident));
}

/** The incident's text twin: the plain-text summary e-mails and chat link to. */
export function incidentTextPaths(ctx: BuildContext) {
  return keyedPaths(ctx.repository.incidents, (incident) => ({ text: incidentSummaryText(incident, incidentSummary(ctx, incident)) }));
}

export function postmortemPageView(ctx: BuildContext, pm: Postmortem) {
  const incidents = recordIndex(ctx).incidents;
  const showsAsOf = pm.incidents.some((id) => {
    const incident = incidents.get(id);
    return incident !== undefined && isIncidentOpen(incident);
  });
  return {
    pm,
    facts: postmortemFacts(pm),
    sections: postmortemSections(pm),
    summary: postmortemSummary(ctx, pm),
    incidentLinks: incidentLinks(ctx, pm.incidents),
    problemLinks: problemLinks(ctx, pm.followUps),
    layout: layoutOf(ctx, showsAsOf),
  };
}
export type PostmortemPageView = ReturnType<typeof postmortemPageView>;

export function postmortemPagePaths(ctx: BuildContext) {
  return keyedPaths(ctx.repository.postmortems, (pm) => postmortemPageView(ctx, pm));
}

export function postmortemTextPaths(ctx: BuildContext) {
  return keyedPaths(ctx.repository.postmortems, (pm) => ({ text: postmortemSummaryText(pm, postmortemSummary(ctx, pm)) }));
}

export function changePageView(ctx: BuildContext, change: Change) {
  return { change, page: changePage(ctx, change), facts: changeFacts(ctx, change), layout: layoutOf(ctx, change.outcome === 'pending') };
}
export type ChangePageView = ReturnType<typeof changePageView>;

export function changePagePaths(ctx: BuildContext) {
  return keyedPaths(ctx.repository.changes, (change) => changePageView(ctx, change));
}

/** An open problem's page counts its age and its overdue actions as of the build. */
export function problemPageView(ctx: BuildContext, problem: Problem) {
  return { problem, page: problemPage(ctx, problem), facts: problemFacts(ctx, problem), layout: layoutOf(ctx, isProblemOpen(problem)) };
}
export type ProblemPageView = ReturnType<typeof problemPageView>;

export function problemPagePaths(ctx: BuildContext) {
  return keyedPaths(ctx.repository.problems, (problem) => problemPageView(ctx, problem));
}

import type { Application } from './catalogue.ts';
import type { GenerationContext } from './context.ts';
import { personOf, requireApp } from './context.ts';
import type { ActionDraft, Cause, IncidentDraft, PostmortemDraft, ProblemDraft, ProblemStatus } from './model.ts';
import type { Random } from './random.ts';
import { DAY_MS, utcDayStart } from './instants.ts';
import { AUTOMATION_REQUESTS, COMMON_ACTIONS, ENHANCEMENTS, actionTitle, rootCauseText } from './text.ts';

function ownerTeam(app: Application, component: string, cause: Cause): string {
  const profile = app.components.find((candidate) => candidate.id === component);
  if (profile?.infra !== undefined && (cause === 'network' || cause === 'capacity' || cause === 'hardware')) return profile.infra;
  return app.team;
}

function statusForAge(ageDays: number, random: Random): ProblemStatus {
  if (ageDays > 180) return random.weighted([['closed', 50], ['resolved', 15], ['known-error', 20], ['investigating', 10], ['open', 5]] as const);
  if (ageDays > 60) return random.weighted([['resolved', 30], ['known-error', 30], ['investigating', 25], ['open', 15]] as const);
  return random.weighted([['investigating', 40], ['open', 45], ['known-error', 15]] as const);
}

function isActive(status: ProblemStatus): boolean {
  return status === 'open' || status === 'investigating' || status === 'known-error';
}

function buildActions(context: GenerationContext, random: Random, problem: ProblemDraft, cause: Cause): ActionDraft[] {
  const count = random.int(1, 4);
  const actions: ActionDraft[] = [];
  const titles = new Set<string>();
  for (let index = 0; index < count; index++) {
    const template = index === 0 || random.chance(0.6) ? actionTitle(cause, problem.component, random) : random.pick(COMMON_ACTIONS).replaceAll('{component}', problem.component);
    if (titles.has(template)) continue;
    titles.add(template);
    const dueMs = problem.openedMs + random.int(7 + index * 14, 30 + index * 30) * DAY_MS;
    let done: boolean;
    if (problem.closedMs !== undefined) done = true;
    else if (dueMs < context.endMs) done = random.chance(0.6);
    else done = random.chance(0.1);
    actions.push({ title: template, owner: personOf(context, random.chance(0.7) ? problem.owner : 'fx-support', random), dueMs, done });
  }
  if (problem.closedMs !== undefined) {
    const closedMs = problem.closedMs;
    for (const action of actions) if (action.dueMs > closedMs) action.dueMs = closedMs - random.int(0, 10) * DAY_MS;
  }
  return actions.sort((a, b) => a.dueMs - b.dueMs);
}

interface ProblemSeed {
  title: string;
  source: ProblemDraft['source'];
  priority: ProblemDraft['priority'];
  app: Application;
  component: string;
  cause: Cause;
  openedMs: number;
  incidents: IncidentDraft[];
  summary: string;
}

function buildProblem(context: GenerationContext, random: Random, seed: ProblemSeed): ProblemDraft {
  const openedMs = utcDayStart(Math.min(seed.openedMs, context.endMs));
  const ageDays = (context.endMs - openedMs) / DAY_MS;
  let status = statusForAge(ageDays, random);
  let closedMs: number | undefined;
  if (!isActive(status)) {
    closedMs = openedMs + random.int(20, 120) * DAY_MS;
    if (closedMs > context.endMs) {
      closedMs = undefined;
      status = 'known-error';
    }
  }
  const problem: ProblemDraft = {
    id: '',
    handwritten: false,
    title: seed.title,
    source: seed.source,
    priority: seed.priority,
    status,
    openedMs,
    owner: ownerTeam(seed.app, seed.component, seed.cause),
    application: seed.app.id,
    component: seed.component,
    incidents: seed.incidents.map((incident) => incident.id),
    rootCause: status === 'open' ? `Not yet confirmed. First view: ${rootCauseText(seed.cause, random).toLowerCase()}` : rootCauseText(seed.cause, random),
    actions: [],
    summary: seed.summary,
  };
  if (closedMs !== undefined) problem.closedMs = closedMs;
  problem.actions = buildActions(context, random, problem, seed.cause);
  return problem;
}

function priorityFor(incidents: readonly IncidentDraft[]): ProblemDraft['priority'] {
  if (incidents.some((incident) => incident.severity === 'SEV1')) return 'P1';
  if (incidents.some((incident) => incident.severity === 'SEV2')) return 'P2';
  return 'P3';
}

function link(problem: ProblemDraft, incidents: readonly IncidentDraft[]): void {
  for (const incident of incidents) {
    // An incident belongs to one problem; a second problem only names it in its post-mortem.
    if (incident.problem === undefined) incident.problem = problem.id;
    if (incident.problem === problem.id && !problem.incidents.includes(incident.id)) problem.incidents.push(incident.id);
  }
}

export interface FollowUpPlan {
  problems: ProblemDraft[];
  postmortems: PostmortemDraft[];
}

/**
 * Problem tickets and post-mortems. Post-mortems review the worst generated incidents and
 * follow up in problem tickets; half of the recurring clusters get a recurring-problem
 * ticket, the other half stay uncovered on purpose; the rest are enhancement and
 * automation tickets. Ids are left empty; `assignProblemIds` is expected to run next,
 * then `linkFollowUps`.
 */
export function planFollowUps(
  context: GenerationContext,
  incidents: readonly IncidentDraft[],
  problemCount: number,
  postmortemCount: number,
): { problems: ProblemDraft[]; postmortems: PostmortemDraft[]; problemIncidents: IncidentDraft[][]; postmortemIncidents: IncidentDraft[][] } {
  const random = context.stream('problems');
  const generated = incidents.filter((incident) => !incident.handwritten);
  const byTime = generated.slice().sort((a, b) => a.startedMs - b.startedMs);

  const isReviewable = (incident: IncidentDraft): boolean => (incident.restoredMs ?? context.endMs) < context.endMs - 3 * DAY_MS;
  // Every SEV1 gets a post-mortem first, then SEV2s spread over the whole period, then a few SEV3s.
  const sev1 = byTime.filter((incident) => incident.severity === 'SEV1' && isReviewable(incident));
  const sev2 = byTime.filter((incident) => incident.severity === 'SEV2' && isReviewable(incident));
  const sev3 = byTime.filter((incident) => incident.severity === 'SEV3' && incident.cluster === undefined && isReviewable(incident));
  const chosen = random.sample(sev1, postmortemCount);
  chosen.push(...random.sample(sev2, postmortemCount - chosen.length));
  chosen.push(...random.sample(sev3, postmortemCount - chosen.length));
  const reviewed = chosen.sort((a, b) => a.startedMs - b.startedMs);
  const reviewedSet = new Set(reviewed);
  const position = new Map(byTime.map((incident, index) => [incident, index]));

  const postmortems: PostmortemDraft[] = [];
  const postmortemIncidents: IncidentDraft[][] = [];
  for (const incident of reviewed) {
    const related: IncidentDraft[] = [];
    const at = position.get(incident) ?? 0;
    for (let index = at + 1; index < byTime.length; index++) {
      const other = byTime[index];
      if (other === undefined || other.startedMs - incident.startedMs >= DAY_MS) break;
      if (other.applications[0] === incident.applications[0] && !reviewedSet.has(other)) related.push(other);
    }
    const covered = [incident, ...related.slice(0, 1)];
    const dateMs = utcDayStart(Math.min((incident.restoredMs ?? incident.startedMs) + random.int(2, 9) * DAY_MS, context.endMs));
    const app = requireApp(context, incident.applications[0] ?? '');
    const status = dateMs > context.endMs - 21 * DAY_MS || random.chance(0.08) ? 'draft' : 'final';
    const authors = [personOf(context, app.team, random), personOf(context, 'fx-support', random)].filter((name, index, all) => all.indexOf(name) === index);
    postmortems.push({ id: '', handwritten: false, title: `Post-mortem: ${incident.title}`, incidents: [], dateMs, status, authors, followUps: [] });
    postmortemIncidents.push(covered);
  }

  const problems: ProblemDraft[] = [];
  const problemIncidents: IncidentDraft[][] = [];
  const addProblem = (problem: ProblemDraft, covered: IncidentDraft[]): void => {
    problems.push(problem);
    problemIncidents.push(covered);
  };

  const clusters = new Map<string, IncidentDraft[]>();
  for (const incident of byTime) {
    if (incident.cluster?.withProblem !== true) continue;
    const list = clusters.get(incident.cluster.key) ?? [];
    list.push(incident);
    clusters.set(incident.cluster.key, list);
  }
  for (const members of clusters.values()) {
    if (problems.length >= problemCount) break;
    const first = members[0];
    const third = members[Math.min(2, members.length - 1)];
    if (first === undefined || third === undefined) continue;
    const app = requireApp(context, first.applications[0] ?? '');
    addProblem(
      buildProblem(context, random, {
        title: `Recurring: ${first.title.charAt(0).toLowerCase()}${first.title.slice(1)} on ${app.name}`,
        source: 'recurring',
        priority: random.pick(['P2', 'P3'] as const),
        app,
        component: first.component,
        cause: first.cause,
        openedMs: third.startedMs + random.int(1, 5) * DAY_MS,
        incidents: [],
        summary: `The same symptom on \`${first.component}\` came back ${members.length} times within three months; each time support fixed it by hand. This ticket tracks the permanent fix.`,
      }),
      members,
    );
  }

  const postmortemProblemCount = Math.min(postmortems.length, Math.max(0, Math.floor((problemCount - problems.length) * 0.6)));
  const postmortemProblem = new Map<number, number>();
  for (let index = 0; index < postmortemProblemCount; index++) {
    const covered = postmortemIncidents[index] ?? [];
    const incident = covered[0];
    if (incident === undefined) continue;
    const app = requireApp(context, incident.applications[0] ?? '');
    postmortemProblem.set(index, problems.length);
    addProblem(
      buildProblem(context, random, {
        title: `Prevent recurrence: ${incident.title.charAt(0).toLowerCase()}${incident.title.slice(1)}`,
        source: 'incident',
        priority: priorityFor(covered),
        app,
        component: incident.component,
        cause: incident.cause,
        openedMs: (incident.restoredMs ?? incident.startedMs) + random.int(0, 2) * DAY_MS,
        incidents: [],
        summary: `Opened from the post-incident review of a ${incident.severity} on ${app.name}.`,
      }),
      covered,
    );
  }

  const spare = byTime.filter((incident) => incident.severity === 'SEV3' && incident.cluster === undefined && incident.problem === undefined);
  while (problems.length < problemCount) {
    const kind = random.weighted([['automation', 40], ['enhancement', 35], ['incident', spare.length > 0 ? 25 : 0]] as const);
    const openedMs = context.startMs + random.next() * (context.endMs - context.startMs);
    if (kind === 'incident') {
      const incident = spare.splice(random.int(0, spare.length - 1), 1)[0];
      if (incident === undefined) continue;
      const app = requireApp(context, incident.applications[0] ?? '');
      addProblem(
        buildProblem(context, random, {
          title: `Root cause for: ${incident.title}`,
          source: 'incident',
          priority: 'P3',
          app,
          component: incident.component,
          cause: incident.cause,
          openedMs: (incident.restoredMs ?? incident.startedMs) + DAY_MS,
          incidents: [],
          summary: `A ${incident.severity} on ${app.name} that support wants explained before it recurs.`,
        }),
        [incident],
      );
      continue;
    }
    const app = random.pick(context.catalogue.applications);
    const profile = random.pick(app.components);
    const template = random.pick(kind === 'automation' ? AUTOMATION_REQUESTS : ENHANCEMENTS);
    addProblem(
      buildProblem(context, random, {
        title: `${template.replaceAll('{component}', profile.id)} (${app.name})`,
        source: kind,
        priority: random.pick(['P3', 'P4'] as const),
        app,
        component: profile.id,
        cause: kind === 'automation' ? 'human' : 'unknown',
        openedMs,
        incidents: [],
        summary:
          kind === 'automation'
            ? `Time tracking shows the same service request on \`${profile.id}\` week after week; a script or self-service page would give those hours back.`
            : `Raised from a monitoring review: improves how support sees \`${profile.id}\` before users do.`,
      }),
      [],
    );
  }

  for (const [postmortemIndex, problemIndex] of postmortemProblem) {
    const postmortem = postmortems[postmortemIndex];
    if (postmortem !== undefined) postmortem.followUps = [String(problemIndex)];
  }
  return { problems, postmortems, problemIncidents, postmortemIncidents };
}

/**
 * Once ids are assigned: connects problems to their incidents (both ways) and gives every
 * post-mortem its incidents and at least one follow-up problem.
 */
export function linkFollowUps(
  context: GenerationContext,
  plan: ReturnType<typeof planFollowUps>,
): void {
  const random = context.stream('follow-ups');
  plan.problems.forEach((problem, index) => link(problem, plan.problemIncidents[index] ?? []));
  const problemsByApp = new Map<string, ProblemDraft[]>();
  for (const problem of plan.problems) {
    const list = problemsByApp.get(problem.application) ?? [];
    list.push(problem);
    problemsByApp.set(problem.application, list);
  }
  plan.postmortems.forEach((postmortem, index) => {
    const covered = plan.postmortemIncidents[index] ?? [];
    postmortem.incidents = covered.map((incident) => incident.id);
    const planned = postmortem.followUps[0];
    if (planned !== undefined) {
      const problem = plan.problems[Number(planned)];
      postmortem.followUps = problem === undefined ? [] : [problem.id];
      return;
    }
    const app = covered[0]?.applications[0] ?? '';
    const candidates = (problemsByApp.get(app) ?? plan.problems).filter((problem) => problem.openedMs <= postmortem.dateMs + 30 * DAY_MS);
    const chosen = candidates.length > 0 ? random.pick(candidates) : random.pick(plan.problems);
    postmortem.followUps = [chosen.id];
    link(chosen, covered);
  });
}

/**
 * Makes sure the review agenda has something to chase: at least three overdue actions and
 * two actions due in the week after the end date on problems that are still active.
 */
export function ensureAgenda(context: GenerationContext, problems: ProblemDraft[]): void {
  const random = context.stream('agenda');
  const active = problems.filter((problem) => !problem.handwritten && isActive(problem.status));
  const overdue = (): number => active.reduce((sum, problem) => sum + problem.actions.filter((action) => !action.done && action.dueMs < context.endMs).length, 0);
  for (const problem of active) {
    if (overdue() >= 3) break;
    const action = problem.actions.find((candidate) => candidate.done && candidate.dueMs < context.endMs);
    if (action !== undefined) action.done = false;
  }
  const dayMs = utcDayStart(context.endMs);
  const dueSoon = (): number =>
    active.reduce((sum, problem) => sum + problem.actions.filter((action) => !action.done && action.dueMs > context.endMs && action.dueMs <= dayMs + 7 * DAY_MS).length, 0);
  for (const problem of active.slice().reverse()) {
    if (dueSoon() >= 3) break;
    problem.actions.push({
      title: `Confirm fix date for ${problem.component} with the owning team`,
      owner: personOf(context, problem.owner, random),
      dueMs: dayMs + random.int(1, 7) * DAY_MS,
      done: false,
    });
  }
}

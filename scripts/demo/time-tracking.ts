import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Application, Person } from './catalogue.ts';
import { applicationTeams } from './catalogue.ts';
import type { GenerationContext } from './context.ts';
import type { ChangeDraft, IncidentDraft, ProblemDraft } from './model.ts';
import type { Random } from './random.ts';
import { DAY_MS, isoDate, utcDayStart, utcWeekdayIndex } from './instants.ts';

type Category = 'incident' | 'service-request' | 'change' | 'problem' | 'project' | 'admin';

interface WorkItem {
  ticket: string;
  application: string;
  component: string;
}

const CATEGORY_MIX: Record<'l1' | 'l2' | 'infra', readonly (readonly [Category, number])[]> = {
  l1: [['incident', 22], ['service-request', 38], ['change', 8], ['problem', 4], ['project', 10], ['admin', 18]],
  l2: [['incident', 18], ['service-request', 22], ['change', 16], ['problem', 10], ['project', 22], ['admin', 12]],
  infra: [['incident', 15], ['service-request', 30], ['change', 25], ['problem', 5], ['project', 15], ['admin', 10]],
};

function teamKind(teamId: string): 'l1' | 'l2' | 'infra' {
  if (teamId === 'fx-support') return 'l1';
  if (teamId === 'network' || teamId === 'dba') return 'infra';
  return 'l2';
}

/** Components a team works on in an application: infrastructure teams only touch their own. */
function componentsFor(app: Application, teamId: string): string[] {
  const infra = app.components.filter((profile) => profile.infra === teamId).map((profile) => profile.id);
  if (teamKind(teamId) === 'infra') return infra;
  return app.components.map((profile) => profile.id);
}

/** Day-indexed pools of tickets a team could be booking time against, one pool per team and ticket kind. */
class WorkPools {
  readonly #pools = new Map<string, WorkItem[][]>();
  readonly #dayCount: number;
  readonly #firstDayMs: number;

  constructor(firstDayMs: number, dayCount: number) {
    this.#firstDayMs = firstDayMs;
    this.#dayCount = dayCount;
  }

  add(key: string, fromMs: number, toMs: number, item: WorkItem): void {
    let pool = this.#pools.get(key);
    if (pool === undefined) {
      pool = Array.from({ length: this.#dayCount }, () => []);
      this.#pools.set(key, pool);
    }
    const first = Math.max(0, Math.floor((utcDayStart(fromMs) - this.#firstDayMs) / DAY_MS));
    const last = Math.min(this.#dayCount - 1, Math.floor((utcDayStart(toMs) - this.#firstDayMs) / DAY_MS));
    for (let day = first; day <= last; day++) pool[day]?.push(item);
  }

  on(key: string, dayIndex: number): readonly WorkItem[] {
    return this.#pools.get(key)?.[dayIndex] ?? [];
  }
}

function teamsTouching(app: Application, component: string): string[] {
  const infra = app.components.find((profile) => profile.id === component)?.infra;
  return applicationTeams(app).filter((team) => teamKind(team) !== 'infra' || team === infra);
}

/** Splits `quarters` quarter-hours into `parts` positive pieces. */
function splitQuarters(quarters: number, parts: number, random: Random): number[] {
  const cuts = new Set<number>();
  while (cuts.size < parts - 1) cuts.add(random.int(1, quarters - 1));
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: number[] = [];
  let previous = 0;
  for (const cut of [...sorted, quarters]) {
    pieces.push(cut - previous);
    previous = cut;
  }
  return pieces;
}

/**
 * Writes `data/time/YYYY-MM.csv`: exactly `targetRows` rows of booked hours, spread over
 * every working day (plus a weekend rota for level 1), against the incidents, changes and
 * problems of each person's applications, recurring service requests and overhead.
 */
export function writeTimeTracking(
  context: GenerationContext,
  directory: string,
  targetRows: number,
  records: { incidents: readonly IncidentDraft[]; changes: readonly ChangeDraft[]; problems: readonly ProblemDraft[] },
): { rows: number; files: number } {
  const random = context.stream('time-tracking');
  const firstDayMs = utcDayStart(context.startMs);
  const dayCount = Math.floor((utcDayStart(context.endMs) - firstDayMs) / DAY_MS) + 1;
  const pools = new WorkPools(firstDayMs, dayCount);

  for (const incident of records.incidents) {
    const untilMs = (incident.restoredMs ?? context.endMs) + (incident.severity === 'SEV1' || incident.severity === 'SEV2' ? 5 : 2) * DAY_MS;
    for (const appId of incident.applications) {
      const app = context.appById.get(appId);
      if (app === undefined) continue;
      for (const team of teamsTouching(app, incident.component)) {
        pools.add(`${team}:incident`, incident.startedMs, untilMs, { ticket: incident.id, application: appId, component: incident.component });
      }
    }
  }
  for (const change of records.changes) {
    if (change.outcome === 'cancelled') continue;
    const app = context.appById.get(change.applications[0] ?? '');
    if (app === undefined) continue;
    const component = change.component === '' ? (app.components[0]?.id ?? '') : change.component;
    for (const team of teamsTouching(app, component)) {
      pools.add(`${team}:change`, change.plannedStartMs - 3 * DAY_MS, change.plannedStartMs + DAY_MS, { ticket: change.id, application: app.id, component });
    }
  }
  for (const problem of records.problems) {
    const app = context.appById.get(problem.application);
    if (app === undefined) continue;
    const item = { ticket: problem.id, application: app.id, component: problem.component };
    pools.add(`${problem.owner}:problem`, problem.openedMs, problem.closedMs ?? context.endMs, item);
    if (problem.owner !== app.team) pools.add(`${app.team}:problem`, problem.openedMs, problem.closedMs ?? context.endMs, item);
  }

  // Each application has a couple of components that attract most service requests.
  const requestWeights = new Map<string, (readonly [string, number])[]>();
  for (const app of context.catalogue.applications) {
    const hot = random.shuffle(app.components.map((profile) => profile.id));
    requestWeights.set(app.id, hot.map((component, index) => [component, index === 0 ? 8 : index === 1 ? 3 : 1] as const));
  }
  const appsOf = new Map<string, Application[]>();
  for (const person of context.catalogue.people) {
    if (appsOf.has(person.team)) continue;
    appsOf.set(
      person.team,
      context.catalogue.applications.filter((app) => applicationTeams(app).includes(person.team) && componentsFor(app, person.team).length > 0),
    );
  }
  const people = context.catalogue.people.filter((person) => (appsOf.get(person.team) ?? []).length > 0);
  const levelOne = people.filter((person) => teamKind(person.team) === 'l1');

  const personDays: { dayIndex: number; person: Person }[] = [];
  for (let dayIndex = 0; dayIndex < dayCount; dayIndex++) {
    const weekday = utcWeekdayIndex(firstDayMs + dayIndex * DAY_MS);
    if (weekday < 5) {
      for (const person of people) personDays.push({ dayIndex, person });
    } else if (levelOne.length > 0) {
      const onCall = levelOne[(Math.floor(dayIndex / 7) * 2 + weekday - 5) % levelOne.length];
      if (onCall !== undefined) personDays.push({ dayIndex, person: onCall });
    }
  }

  let requestNumber = 10000;
  let rowsWritten = 0;
  let files = 0;
  let monthKey = '';
  let lines: string[] = [];
  const flush = (): void => {
    if (monthKey === '' || lines.length === 0) return;
    writeFileSync(join(directory, `${monthKey}.csv`), `date,person,team,application,component,category,ticket,hours\n${lines.join('\n')}\n`);
    files++;
    lines = [];
  };

  const total = personDays.length;
  personDays.forEach(({ dayIndex, person }, index) => {
    const rows = Math.floor(((index + 1) * targetRows) / total) - Math.floor((index * targetRows) / total);
    if (rows <= 0) return;
    const dayMs = firstDayMs + dayIndex * DAY_MS;
    const date = isoDate(dayMs);
    const month = date.slice(0, 7);
    if (month !== monthKey) {
      flush();
      monthKey = month;
    }
    const weekend = utcWeekdayIndex(dayMs) >= 5;
    const quarters = Math.max(rows, weekend ? random.int(8, 20) : random.int(30, 34));
    const pieces = splitQuarters(quarters, rows, random);
    const apps = appsOf.get(person.team) ?? [];
    const kind = teamKind(person.team);
    for (const piece of pieces) {
      let category = weekend ? random.weighted([['incident', 50], ['service-request', 40], ['admin', 10]] as const) : random.weighted(CATEGORY_MIX[kind]);
      let item: WorkItem | undefined;
      if (category === 'incident' || category === 'change' || category === 'problem') {
        const candidates = pools.on(`${person.team}:${category}`, dayIndex);
        if (candidates.length > 0) item = random.pick(candidates);
        else category = category === 'incident' ? 'service-request' : 'project';
      }
      if (item === undefined) {
        const app = random.pick(apps);
        const allowed = componentsFor(app, person.team);
        let component: string;
        if (category === 'service-request') {
          const weights = (requestWeights.get(app.id) ?? []).filter(([id]) => allowed.includes(id));
          component = weights.length > 0 ? random.weighted(weights) : random.pick(allowed);
          requestNumber += random.int(1, 3);
          item = { ticket: `REQ-${requestNumber}`, application: app.id, component };
        } else {
          component = random.pick(allowed);
          item = { ticket: '', application: app.id, component };
        }
      }
      lines.push(`${date},${person.name},${person.team},${item.application},${item.component},${category},${item.ticket},${piece / 4}`);
      rowsWritten++;
    }
  });
  flush();
  return { rows: rowsWritten, files };
}

import type { Application, Catalogue, Person } from './catalogue.ts';
import { createRandom, deriveSeed } from './random.ts';
import type { Random } from './random.ts';

/** Everything the record generators share: the period, the catalogues and seeded streams. */
export interface GenerationContext {
  seed: number;
  startMs: number;
  endMs: number;
  catalogue: Catalogue;
  appById: Map<string, Application>;
  peopleByTeam: Map<string, Person[]>;
  stream(label: string): Random;
}

export function createContext(seed: number, startMs: number, endMs: number, catalogue: Catalogue): GenerationContext {
  const peopleByTeam = new Map<string, Person[]>();
  for (const person of catalogue.people) {
    const list = peopleByTeam.get(person.team) ?? [];
    list.push(person);
    peopleByTeam.set(person.team, list);
  }
  return {
    seed,
    startMs,
    endMs,
    catalogue,
    appById: new Map(catalogue.applications.map((app) => [app.id, app])),
    peopleByTeam,
    stream: (label) => createRandom(deriveSeed(seed, label)),
  };
}

export function requireApp(context: GenerationContext, id: string): Application {
  const app = context.appById.get(id);
  if (app === undefined) throw new Error(`unknown application ${id}`);
  return app;
}

/** A person who can own work for a team: one of its members, else one of its managers. */
export function personOf(context: GenerationContext, teamId: string, random: Random): string {
  const people = context.peopleByTeam.get(teamId);
  if (people !== undefined && people.length > 0) return random.pick(people).name;
  const team = context.catalogue.teams.find((candidate) => candidate.id === teamId);
  return random.pick(team?.managers ?? ['Rachel Kim']);
}

export function managerOf(context: GenerationContext, teamId: string, random: Random): string {
  const team = context.catalogue.teams.find((candidate) => candidate.id === teamId);
  return random.pick(team?.managers ?? ['Rachel Kim']);
}

// Staff training: who holds which level on which application, where knowledge rests on one person,
// who covers or works on an application without training on it, and training that has gone stale.
import { compareText } from './compare.ts';
import { reviewAgeDays } from './escalation.ts';

export type SkillLevel = 'L1' | 'L2' | 'L3';

export interface PersonSkillsInput {
  person: string;
  team: string;
  /** Application id → level and the date (YYYY-MM-DD) trained or last exercised. */
  applications: Readonly<Record<string, { level: SkillLevel; trained: string }>>;
}

export interface SkillCell {
  level: SkillLevel;
  trained: string;
  /** Whole days from `trained` to the as-of date. */
  ageDays: number;
  /** Older than `staleAfterDays`. */
  isStale: boolean;
}

export interface TrainingMatrixRow {
  person: string;
  team: string;
  /** One per application id of the matrix, null where the person has no training. */
  cells: (SkillCell | null)[];
}

export interface TrainingMatrix {
  applications: string[];
  rows: TrainingMatrixRow[];
}

/** Training older than this many days is due a refresher. */
export const defaultStaleTrainingDays = 365;

/**
 * The person × application matrix, people by name, applications in the order given, with each cell's
 * age at the as-of date (in `timeZone`) and whether it is older than `staleAfterDays`.
 *
 * @example trainingMatrix(skills, ['pricing'], asOf).rows[0]?.cells[0] // { level: 'L2', trained: '2026-03-01', ageDays: 268, isStale: false }
 */
export function trainingMatrix(
  skills: readonly PersonSkillsInput[],
  applicationIds: readonly string[],
  asOfMs: number,
  timeZone = 'UTC',
  staleAfterDays = defaultStaleTrainingDays,
): TrainingMatrix {
  const rows = [...skills]
    .sort((a, b) => compareText(a.person, b.person))
    .map((person): TrainingMatrixRow => ({
      person: person.person,
      team: person.team,
      cells: applicationIds.map((id) => {
        const skill = person.applications[id];
        if (skill === undefined) return null;
        const ageDays = reviewAgeDays(skill.trained, asOfMs, timeZone);
        return { level: skill.level, trained: skill.trained, ageDays, isStale: ageDays > staleAfterDays };
      }),
    }));
  return { applications: [...applicationIds], rows };
}

export interface SinglePointOfKnowledge {
  applicationId: string;
  /** People at L2 or L3 on the application, by name: fewer than two. */
  people: string[];
}

/**
 * Applications with fewer than two people trained at L2 or above: one absence away from nobody
 * who can fix them. In the order of `applicationIds`.
 *
 * @example singlePointsOfKnowledge(skills, ['pricing', 'risk']) // [{ applicationId: 'risk', people: ['Amara Nwosu'] }]
 */
export function singlePointsOfKnowledge(skills: readonly PersonSkillsInput[], applicationIds: readonly string[]): SinglePointOfKnowledge[] {
  return applicationIds
    .map((applicationId) => ({
      applicationId,
      people: skills
        .filter((p) => {
          const level = p.applications[applicationId]?.level;
          return level === 'L2' || level === 'L3';
        })
        .map((p) => p.person)
        .sort(),
    }))
    .filter((entry) => entry.people.length < 2);
}

/** A support team as training sees it: who is on its rotation, and which applications it covers. */
export interface RotationInput {
  teamId: string;
  /** Names of the escalation contacts. */
  members: readonly string[];
  /** Application ids the team supports (as owner or at any support level). */
  applications: readonly string[];
}

export interface UntrainedCover {
  person: string;
  teamId: string;
  applicationId: string;
}

/**
 * Rotation members who cover an application they hold no training on. A contact is taken for a
 * person when `isPerson` says so (a hotline or duty alias is not a person); people are compared by name.
 *
 * @example untrainedRotationMembers(rotations, skills, (name) => known.has(name)) // [{ person: 'Helen Park', teamId: 'trading-platform', applicationId: 'order-routing' }]
 */
export function untrainedRotationMembers(
  rotations: readonly RotationInput[],
  skills: readonly PersonSkillsInput[],
  isPerson: (name: string) => boolean,
): UntrainedCover[] {
  const byName = new Map(skills.map((p) => [p.person, p]));
  const out: UntrainedCover[] = [];
  for (const rotation of rotations) {
    for (const person of rotation.members) {
      if (!isPerson(person)) continue;
      for (const applicationId of rotation.applications) {
        if (byName.get(person)?.applications[applicationId] === undefined) out.push({ person, teamId: rotation.teamId, applicationId });
      }
    }
  }
  return out;
}

/** What training needs of a time-tracking row. */
export interface BookedHours {
  date: string;
  person: string;
  application: string;
  category: string;
  hours: number;
}

export interface UntrainedHours {
  person: string;
  applicationId: string;
  hours: number;
  /** Rows booked. */
  entries: number;
}

/**
 * Incident hours booked from `fromDate` to `toDate` (inclusive, YYYY-MM-DD) by people on applications
 * they hold no training on, most hours first, then person and application.
 *
 * @example untrainedIncidentHours(timeEntries, skills, '2025-11-25', '2026-11-24')[0] // { person: 'Kenji Sato', applicationId: 'risk', hours: 14.5, entries: 6 }
 */
export function untrainedIncidentHours(
  entries: readonly BookedHours[],
  skills: readonly PersonSkillsInput[],
  fromDate: string,
  toDate: string,
): UntrainedHours[] {
  const byName = new Map(skills.map((p) => [p.person, p]));
  const totals = new Map<string, UntrainedHours>();
  for (const entry of entries) {
    if (entry.category !== 'incident' || entry.date < fromDate || entry.date > toDate) continue;
    if (byName.get(entry.person)?.applications[entry.application] !== undefined) continue;
    const key = `${entry.person}\u0000${entry.application}`;
    const total = totals.get(key) ?? { person: entry.person, applicationId: entry.application, hours: 0, entries: 0 };
    total.hours += entry.hours;
    total.entries++;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => b.hours - a.hours || compareText(a.person, b.person) || compareText(a.applicationId, b.applicationId));
}

export interface StaleTraining {
  person: string;
  applicationId: string;
  level: SkillLevel;
  trained: string;
  ageDays: number;
}

/**
 * Training older than `staleAfterDays` at the as-of date: oldest first, then person.
 *
 * @example staleTraining(skills, Date.parse('2026-11-24T12:00:00Z'))[0] // { person: 'Ravi Iyer', applicationId: 'market-data', trained: '2025-06-02', ageDays: 540, … }
 */
export function staleTraining(skills: readonly PersonSkillsInput[], asOfMs: number, timeZone = 'UTC', staleAfterDays = defaultStaleTrainingDays): StaleTraining[] {
  const out: StaleTraining[] = [];
  for (const person of skills) {
    for (const [applicationId, skill] of Object.entries(person.applications)) {
      const ageDays = reviewAgeDays(skill.trained, asOfMs, timeZone);
      if (ageDays > staleAfterDays) out.push({ person: person.person, applicationId, level: skill.level, trained: skill.trained, ageDays });
    }
  }
  return out.sort((a, b) => b.ageDays - a.ageDays || compareText(a.person, b.person) || compareText(a.applicationId, b.applicationId));
}

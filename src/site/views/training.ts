// The /training/ page, /api/v1/training.json and the monthly report's training section: the person ×
// application matrix and the four things a training plan starts from. Every function here takes its
// inputs as parameters (repository, as-of).
import {
  defaultStaleTrainingDays,
  singlePointsOfKnowledge,
  staleTraining,
  trainingMatrix,
  untrainedIncidentHours,
  untrainedRotationMembers,
  type RotationInput,
} from '../../core/training.ts';
import { supportsApplication } from '../../core/escalation.ts';
import { addDays } from '../../core/period.ts';
import type { Repository } from '../../load/repository.ts';
import { memoise, type BuildContext } from '../context.ts';
import { formatDay, isoInstant } from '../format.ts';
import { url } from '../urls.ts';

export type TrainingRepository = Pick<Repository, 'applications' | 'teams' | 'skills' | 'timeEntries' | 'site'>;

/** Days of time tracking, up to the as-of date, searched for incident hours booked without training. */
export const untrainedHoursDays = 365;

/** Each team's escalation contacts and the applications it supports (owner or any support level), in catalogue order. */
export function rotations(repository: Pick<Repository, 'applications' | 'teams'>): RotationInput[] {
  return repository.teams.map((team) => ({
    teamId: team.id,
    members: team.escalation.map((contact) => contact.name),
    applications: repository.applications
      .filter((app) => supportsApplication(app, team.id))
      .map((app) => app.id),
  }));
}

/** Everything /training/, its JSON and the report section show. */
export function trainingModel(repository: TrainingRepository, asOfMs: number) {
  const zone = repository.site.reportingTimezone;
  const appIds = repository.applications.map((app) => app.id);
  const skills = repository.skills;
  // A contact is a person when skills.yaml or time tracking knows the name; hotlines and duty aliases are not.
  const people = new Set<string>([...skills.map((p) => p.person), ...repository.timeEntries.map((e) => e.person)]);
  const toDate = formatDay(asOfMs, zone);
  const fromDate = addDays(toDate, -(untrainedHoursDays - 1));
  return {
    zone,
    fromDate,
    toDate,
    matrix: trainingMatrix(skills, appIds, asOfMs, zone),
    singlePoints: singlePointsOfKnowledge(skills, appIds),
    untrainedCover: untrainedRotationMembers(rotations(repository), skills, (name) => people.has(name)),
    untrainedHours: untrainedIncidentHours(repository.timeEntries, skills, fromDate, toDate),
    stale: staleTraining(skills, asOfMs, zone),
    appNames: new Map(repository.applications.map((app) => [app.id, app.name])),
    teamNames: new Map(repository.teams.map((team) => [team.id, team.name])),
  };
}

/** The build's training model, worked out once and shared by the training page, its JSON and every report's section. */
export function trainingModelOfBuild(ctx: BuildContext) {
  return memoise(ctx, 'training.model', () => trainingModel(ctx.repository, ctx.asOfMs));
}

export type TrainingModel = ReturnType<typeof trainingModel>;

const hoursFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Rows and sentences of /training/. */
export function trainingPage(model: TrainingModel) {
  const appName = (id: string) => model.appNames.get(id) ?? id;
  return {
    staleDays: defaultStaleTrainingDays,
    fromDate: model.fromDate,
    toDate: model.toDate,
    hasPeople: model.matrix.rows.length > 0,
    applications: model.matrix.applications.map((id) => ({ id, name: appName(id), href: url(`applications/${id}/`) })),
    rows: model.matrix.rows.map((row) => ({
      person: row.person,
      team: model.teamNames.get(row.team) ?? row.team,
      cells: row.cells.map((cell) =>
        cell === null
          ? { text: '—', title: 'not trained', className: '' }
          : { text: cell.level, title: `trained or last exercised ${cell.trained}`, className: cell.isStale ? 'status status-amber' : '', detail: cell.isStale ? ` (${cell.trained}, stale)` : '' },
      ),
    })),
    singlePoints: model.singlePoints.map((entry) => ({
      name: appName(entry.applicationId),
      href: url(`applications/${entry.applicationId}/`),
      peopleText: entry.people.length === 0 ? 'nobody at L2 or L3' : `only ${entry.people.join(', ')}`,
    })),
    untrainedCover: model.untrainedCover.map((entry) => ({
      person: entry.person,
      team: model.teamNames.get(entry.teamId) ?? entry.teamId,
      teamHref: url(`escalation/#team-${entry.teamId}`),
      application: appName(entry.applicationId),
    })),
    untrainedHours: model.untrainedHours.map((entry) => ({
      person: entry.person,
      application: appName(entry.applicationId),
      hoursText: hoursFormat.format(entry.hours),
      entries: entry.entries,
    })),
    stale: model.stale.map((entry) => ({ person: entry.person, application: appName(entry.applicationId), level: entry.level, trained: entry.trained, ageDays: entry.ageDays })),
  };
}

/** The monthly report's short training section: counts and the names a manager acts on. */
export function trainingReportSection(model: TrainingModel) {
  const appName = (id: string) => model.appNames.get(id) ?? id;
  return {
    hasSkills: model.matrix.rows.length > 0,
    people: model.matrix.rows.length,
    singlePoints: model.singlePoints.map((entry) => `${appName(entry.applicationId)} (${entry.people.length === 0 ? 'nobody' : entry.people.join(', ')})`),
    untrainedCover: model.untrainedCover.length,
    untrainedHours: model.untrainedHours.reduce((sum, entry) => sum + entry.hours, 0),
    untrainedHoursText: hoursFormat.format(model.untrainedHours.reduce((sum, entry) => sum + entry.hours, 0)),
    stale: model.stale.length,
    href: url('training/'),
  };
}

/** `/api/v1/training.json`. */
export function trainingJson(model: TrainingModel, asOfMs: number) {
  return {
    asOf: isoInstant(asOfMs),
    staleAfterDays: defaultStaleTrainingDays,
    people: model.matrix.rows.map((row) => ({
      person: row.person,
      team: row.team,
      applications: Object.fromEntries(
        row.cells.flatMap((cell, i) => (cell === null ? [] : [[model.matrix.applications[i]!, { level: cell.level, trained: cell.trained, ageDays: cell.ageDays, stale: cell.isStale }]])),
      ),
    })),
    singlePointsOfKnowledge: model.singlePoints.map(({ applicationId, people }) => ({ application: applicationId, people })),
    untrainedRotationMembers: model.untrainedCover.map(({ person, teamId, applicationId }) => ({ person, team: teamId, application: applicationId })),
    untrainedIncidentHours: {
      from: model.fromDate,
      to: model.toDate,
      entries: model.untrainedHours.map(({ person, applicationId, hours, entries }) => ({ person, application: applicationId, hours, entries })),
    },
    staleTraining: model.stale.map(({ person, applicationId, level, trained, ageDays }) => ({ person, application: applicationId, level, trained, ageDays })),
  };
}

import { describe, expect, it } from 'vitest';
import {
  singlePointsOfKnowledge,
  staleTraining,
  trainingMatrix,
  untrainedIncidentHours,
  untrainedRotationMembers,
  type PersonSkillsInput,
} from '../../src/core/training.ts';

const asOf = Date.parse('2026-11-24T12:00:00Z');
const skills: PersonSkillsInput[] = [
  { person: 'Helen Park', team: 'trading', applications: { pricing: { level: 'L3', trained: '2026-03-01' }, risk: { level: 'L1', trained: '2025-11-24' } } },
  { person: 'Dev Malhotra', team: 'trading', applications: { pricing: { level: 'L2', trained: '2025-11-23' } } },
  { person: 'Amara Nwosu', team: 'risk', applications: { risk: { level: 'L2', trained: '2026-10-01' }, pricing: { level: 'L1', trained: '2026-10-01' } } },
  { person: 'New Starter', team: 'risk', applications: {} },
];

describe('trainingMatrix', () => {
  it('lists people by name with level, age and staleness per application', () => {
    const matrix = trainingMatrix(skills, ['pricing', 'risk', 'settlement'], asOf);
    expect(matrix.rows.map((r) => r.person)).toEqual(['Amara Nwosu', 'Dev Malhotra', 'Helen Park', 'New Starter']);
    const helen = matrix.rows[2]!;
    // 2026-03-01 → 2026-11-24: March to October 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 = 245, plus 23 = 268 days.
    expect(helen.cells[0]).toEqual({ level: 'L3', trained: '2026-03-01', ageDays: 268, isStale: false });
    // 2025-11-24 → 2026-11-24: 365 days, exactly a year: not yet stale.
    expect(helen.cells[1]).toEqual({ level: 'L1', trained: '2025-11-24', ageDays: 365, isStale: false });
    expect(helen.cells[2]).toBeNull();
    // 366 days: stale.
    expect(matrix.rows[1]!.cells[0]).toMatchObject({ ageDays: 366, isStale: true });
  });
});

describe('singlePointsOfKnowledge', () => {
  it('names applications with fewer than two people at L2 or L3', () => {
    // pricing: Helen L3 + Dev L2 = 2 (fine); risk: Amara L2 only (Helen is L1); settlement: nobody.
    expect(singlePointsOfKnowledge(skills, ['pricing', 'risk', 'settlement'])).toEqual([
      { applicationId: 'risk', people: ['Amara Nwosu'] },
      { applicationId: 'settlement', people: [] },
    ]);
  });
});

describe('untrainedRotationMembers', () => {
  it('flags people on a rotation with no training on an application it covers, skipping aliases', () => {
    const rotations = [
      { teamId: 'trading', members: ['Trading on-call', 'Helen Park', 'Dev Malhotra'], applications: ['pricing', 'risk'] },
      { teamId: 'risk', members: ['Amara Nwosu', 'Ghost Person'], applications: ['risk'] },
    ];
    const people = new Set(['Helen Park', 'Dev Malhotra', 'Amara Nwosu', 'Ghost Person']);
    expect(untrainedRotationMembers(rotations, skills, (name) => people.has(name))).toEqual([
      { person: 'Dev Malhotra', teamId: 'trading', applicationId: 'risk' },
      { person: 'Ghost Person', teamId: 'risk', applicationId: 'risk' },
    ]);
  });
});

describe('untrainedIncidentHours', () => {
  it('sums incident hours booked on applications the person is not trained on, in the date range', () => {
    const entries = [
      { date: '2026-10-01', person: 'Dev Malhotra', application: 'risk', category: 'incident', hours: 2.5 },
      { date: '2026-10-02', person: 'Dev Malhotra', application: 'risk', category: 'incident', hours: 1 },
      { date: '2026-10-02', person: 'Dev Malhotra', application: 'risk', category: 'change', hours: 8 }, // not incident work
      { date: '2026-10-03', person: 'Dev Malhotra', application: 'pricing', category: 'incident', hours: 4 }, // trained
      { date: '2024-10-03', person: 'Dev Malhotra', application: 'risk', category: 'incident', hours: 9 }, // before the range
      { date: '2026-11-01', person: 'Kenji Sato', application: 'pricing', category: 'incident', hours: 3.5 }, // not in skills at all
    ];
    expect(untrainedIncidentHours(entries, skills, '2025-11-25', '2026-11-24')).toEqual([
      { person: 'Dev Malhotra', applicationId: 'risk', hours: 3.5, entries: 2 },
      { person: 'Kenji Sato', applicationId: 'pricing', hours: 3.5, entries: 1 },
    ]);
  });
});

describe('staleTraining', () => {
  it('lists training older than a year, oldest first', () => {
    expect(staleTraining(skills, asOf)).toEqual([{ person: 'Dev Malhotra', applicationId: 'pricing', level: 'L2', trained: '2025-11-23', ageDays: 366 }]);
    expect(staleTraining(skills, asOf, 'UTC', 30).map((s) => `${s.person}/${s.applicationId} ${s.ageDays}`)).toEqual([
      'Dev Malhotra/pricing 366',
      'Helen Park/risk 365',
      'Helen Park/pricing 268',
      'Amara Nwosu/pricing 54',
      'Amara Nwosu/risk 54',
    ]);
  });

  it('counts the as-of date in the reporting zone', () => {
    // 2026-11-24T12:00Z is already 2026-11-25 in Auckland: one more day.
    expect(staleTraining(skills, asOf, 'Pacific/Auckland')[0]).toMatchObject({ ageDays: 367 });
  });
});

// The health and training view models on the minimal corpus plus monitors, alerts and skills: what the
// pages and the JSON carry, computed from the records.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexAvailability, maintenanceFromChanges, monthlyTopTalkers } from '../../src/core/availability.ts';
import { reportInterval } from '../../src/core/period.ts';
import { loadRepository } from '../../src/load/repository.ts';
import { healthIncident, healthModel, healthMonths, healthPage } from '../../src/site/views/health.ts';
import { applicationHealthView, monthMonitoringSection } from '../../src/site/views/health-sections.ts';
import { healthJson } from '../../src/site/views/health-json.ts';
import { boardReasons } from '../../src/site/words/health.ts';
import { rotations, trainingJson, trainingModel, trainingPage, trainingReportSection } from '../../src/site/views/training.ts';
import { badDir, makeRoot, removeRoots } from '../load/fixture-root.ts';

afterAll(removeRoots);

const { repository } = loadRepository(makeRoot(path.join(badDir, 'accepted-health-and-training')));

function modelAt(asOfMs: number, months: string[]) {
  const index = indexAvailability(repository.incidents, maintenanceFromChanges(repository.changes), 'UTC', asOfMs);
  const monthReport = (month: string) => {
    const range = reportInterval(month, 'UTC', asOfMs);
    return { topTalkers: monthlyTopTalkers(repository.applications, index, month), incidents: repository.incidents.filter((i) => i.started >= range.fromMs && i.started < range.toMs) };
  };
  return healthModel({ repository, asOfMs, months: healthMonths(months, monthReport) });
}

describe('health view', () => {
  // Half an hour after the settlement-flow alert of 2026-03-09T10:31Z: a critical alert in the last hour.
  const asOfMs = Date.parse('2026-03-09T11:00:00Z');
  const model = modelAt(asOfMs, ['2026-02', '2026-03']);

  it('shows the board: batch amber for the critical alert, db green', () => {
    expect(model.board.map((e) => [e.component, e.status, boardReasons(e)])).toEqual([
      ['batch', 'amber', ['critical alert settlement-flow-stalled in the last hour']],
      ['db', 'green', []],
    ]);
  });

  it('shows the coverage matrix with the uncovered business layer of db in red', () => {
    const page = healthPage(model, asOfMs);
    expect(page.coverage[0]!.uncoveredBusiness).toEqual(['db']);
    expect(page.coverage[0]!.rows[1]!.cells.map((c) => c.className)).toEqual(['status status-none', 'status status-none', 'status status-red', 'status status-none']);
    // batch: machine and business covered → 2 of 8 cells.
    expect(page.coverage[0]!.coveredText).toBe('25.0 %');
  });

  it('counts the month to date: two alerts over 8 days 11 hours, one false positive, one that led to INC-2026-0001', () => {
    const json = healthJson(model, asOfMs);
    expect(json.month).toBe('2026-03');
    expect(json.alerts).toMatchObject({ alerts: 1, actionable: 1, falsePositive: 0 });
    // The false positive at 14:33Z is after as-of: month to date holds only the 10:31Z alert.
    expect(json.alerts.days).toBeCloseTo(8 + 11 / 24, 12);
    expect(json.alerts.alertsPerDay).toBeCloseTo(1 / (8 + 11 / 24), 12);
    expect(json.alerts.ledToIncident).toEqual([{ at: '2026-03-09T10:31:00.000Z', application: 'settlement', component: 'batch', rule: 'settlement-flow-stalled', incident: 'INC-2026-0001' }]);
    expect(json.trend.map((t) => [t.month, t.alerts])).toEqual([
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
    expect(Object.keys(json)).toEqual(['asOf', 'month', 'board', 'coverage', 'blindSpots', 'alerts', 'missedByMonitoring', 'trend']);
    expect(json.coverage[0]!.components[0]!.layers).toEqual({ machine: ['Batch host CPU'], application: [], business: ['Settlement flow'], middleware: [] });
  });

  it('lists the incident reported by phone as missed by monitoring, with its own lost minutes', () => {
    const later = Date.parse('2026-04-01T08:30:00Z');
    const april = modelAt(later, ['2026-03', '2026-04']);
    expect(april.month).toBe('2026-04');
    const march = modelAt(later, ['2026-03']);
    // 13:00Z–14:15Z on Thursday 12 March is 09:00–10:15 in New York, inside the 07:00–19:00 calendar and after
    // the 12:00–12:30Z maintenance; full impact on the only region: 75 minutes.
    expect(march.missed.incidents.map((i) => [i.id, i.channel, i.lostMinutes])).toEqual([['INC-2026-0002', 'phone', 75]]);
    expect(march.missed.lostMinutes).toBe(75);
    expect(march.missed.detectedByMonitoring).toBe(1);
    // Both incidents failed on the application layer (software; change), which neither batch nor db monitors.
    expect(march.blindSpots).toEqual([
      { incidentId: 'INC-2026-0001', applicationId: 'settlement', component: 'batch', layer: 'application', missedByMonitoring: false },
      { incidentId: 'INC-2026-0002', applicationId: 'settlement', component: 'db', layer: 'application', missedByMonitoring: true },
    ]);
    expect(healthJson(march, later).alerts).toMatchObject({ alerts: 2, falsePositive: 1, falsePositiveShare: 0.5, noiseShare: 0.5 });
  });
});

describe('monthly report monitoring section', () => {
  it('summarises the month: alerts, noise and the incident monitoring missed', () => {
    const later = Date.parse('2026-04-01T08:30:00Z');
    const index = indexAvailability(repository.incidents, maintenanceFromChanges(repository.changes), 'UTC', later);
    const range = reportInterval('2026-03', 'UTC', later);
    const month = { month: '2026-03', topTalkers: monthlyTopTalkers(repository.applications, index, '2026-03'), incidents: repository.incidents.filter((i) => i.started >= range.fromMs && i.started < range.toMs) };
    const section = monthMonitoringSection(repository, month, later);
    // Two alerts over March's 31 days: 0.06 a day.
    expect(section).toMatchObject({ month: '2026-03', hasAlerts: true, alerts: 2, alertsPerDayText: '0.1', actionable: 1, falsePositiveText: '1 (50.0 %)', duplicateText: '0 (0.0 %)' });
    expect(section.rules.map((r) => r.rule)).toEqual(['cpu-high', 'settlement-flow-stalled']);
    expect(section.missed).toMatchObject({ count: 1, lostMinutesText: '1 h 15 min' });
  });
});

describe('application health view', () => {
  it('gives each component its status, badge and uncovered layers', () => {
    const view = applicationHealthView(repository.applications[0]!, repository.incidents.map(healthIncident), repository.alerts, Date.parse('2026-03-09T11:00:00Z'));
    expect(view.components.map((c) => [c.component, c.status, c.uncoveredText, c.isBusinessUncovered, c.badgeSrc])).toEqual([
      ['batch', 'amber', 'not: application, middleware', false, '/badges/settlement/batch.svg'],
      ['db', 'green', 'not: machine, application, business process, middleware', true, '/badges/settlement/db.svg'],
    ]);
    expect(view.components[0]!.badgeAlt).toBe('Settlement batch: amber (critical alert settlement-flow-stalled in the last hour)');
    expect(view.monitorCount).toBe(2);
  });
});

describe('training view', () => {
  const asOfMs = Date.parse('2026-11-25T00:00:00Z');
  const model = trainingModel(repository, asOfMs);

  it('takes each team escalation contacts as its rotation and the applications it supports', () => {
    expect(rotations(repository)).toEqual([{ teamId: 'ops', members: ['Ops Lead'], applications: ['settlement'] }]);
  });

  it('names settlement a single point of knowledge (only Ops Lead at L2)', () => {
    expect(model.singlePoints).toEqual([{ applicationId: 'settlement', people: ['Ops Lead'] }]);
    expect(trainingPage(model).singlePoints[0]!.peopleText).toBe('only Ops Lead');
  });

  it('flags incident hours booked without training in the year to the as-of date', () => {
    // Dana Ops books 1.5 incident hours on settlement (2026-03-09) and is not in skills.yaml; Ops Lead's are trained.
    expect(model.fromDate).toBe('2025-11-26');
    expect(model.toDate).toBe('2026-11-25');
    expect(model.untrainedHours).toEqual([{ person: 'Dana Ops', applicationId: 'settlement', hours: 1.5, entries: 1 }]);
    expect(model.untrainedCover).toEqual([]);
  });

  it('writes the JSON and the report section from the same model', () => {
    const json = trainingJson(model, asOfMs);
    expect(Object.keys(json)).toEqual(['asOf', 'staleAfterDays', 'people', 'singlePointsOfKnowledge', 'untrainedRotationMembers', 'untrainedIncidentHours', 'staleTraining']);
    // 2026-01-15 → 2026-11-25: 314 days.
    expect(json.people.find((p) => p.person === 'Ops Lead')!.applications).toEqual({ settlement: { level: 'L2', trained: '2026-01-15', ageDays: 314, stale: false } });
    expect(trainingReportSection(model)).toMatchObject({ hasSkills: true, people: 2, singlePoints: ['Settlement (Ops Lead)'], untrainedCover: 0, untrainedHours: 1.5, stale: 0 });
  });
});

// The demo shows every health, training and peak-capacity flag at least once, as of the demo build's instant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generate-demo.ts';
import { analyseCapacity } from '../../src/core/capacity.ts';
import { indexAvailability, maintenanceFromChanges, monthlyTopTalkers } from '../../src/core/availability.ts';
import { reportInterval } from '../../src/core/period.ts';
import { loadRepository } from '../../src/load/repository.ts';
import { healthModel } from '../../src/site/views/health.ts';
import { trainingModel } from '../../src/site/views/training.ts';

// Generated here with the seeded generator, so the test holds whatever the repository's own records are.
const demoRoot = mkdtempSync(path.join(tmpdir(), 'opsledger-demo-flags-'));
generateDemo(demoRoot);
afterAll(() => rmSync(demoRoot, { recursive: true, force: true }));
const asOfMs = Date.parse('2026-11-25T00:00:00Z');

describe('demo flags', () => {
  const { repository } = loadRepository(demoRoot);
  const index = indexAvailability(repository.incidents, maintenanceFromChanges(repository.changes), 'UTC', asOfMs);
  const months = ['2026-10', '2026-11'].map((month) => {
    const range = reportInterval(month, 'UTC', asOfMs);
    return { month, topTalkers: monthlyTopTalkers(repository.applications, index, month), incidents: repository.incidents.filter((i) => i.started >= range.fromMs && i.started < range.toMs) };
  });
  const health = healthModel({ repository, asOfMs, months });
  const training = trainingModel(repository, asOfMs);

  it('has an uncovered business layer, a red and an amber component', () => {
    expect(health.coverage.flatMap(({ app, matrix }) => matrix.uncoveredBusiness.map((c) => `${app.id}/${c}`))).toEqual(['settlement/swift-gateway', 'client-portal/reporting']);
    expect(health.board.filter((e) => e.status !== 'green').map((e) => `${e.applicationId}/${e.component} ${e.status}`)).toEqual([
      'market-data/feed-handlers red',
      'market-data/distribution amber',
    ]);
  });

  it('has a noisy rule, mostly false positives, on top of the month', () => {
    const [top] = health.noise.rules;
    expect(top).toMatchObject({ application: 'pricing', rule: 'quote-engine-cpu-high' });
    expect(top!.falsePositiveShare).toBeGreaterThan(0.5);
    expect(health.noise.ledToIncident.length).toBeGreaterThan(0);
  });

  it('has incidents missed by monitoring that cost scheduled time', () => {
    expect(health.missed.incidents.length).toBeGreaterThan(0);
    expect(health.missed.lostMinutes).toBeGreaterThan(0);
  });

  it('has a single point of knowledge, an untrained rotation member who books incident hours, and stale training', () => {
    expect(training.singlePoints).toEqual([{ applicationId: 'risk', people: ['Amara Nwosu'] }]);
    expect(training.untrainedCover).toEqual([{ person: 'Marcus Lindqvist', teamId: 'trading-platform', applicationId: 'order-routing' }]);
    expect(training.untrainedHours[0]).toMatchObject({ person: 'Marcus Lindqvist', applicationId: 'order-routing' });
    expect(training.stale.length).toBeGreaterThan(0);
  });

  it('has a KPI past its SLA at the peak with headroom at the mean, and no breach year from a weak trend', () => {
    const pricing = repository.capacity.find((s) => s.applicationId === 'pricing')!;
    const p95 = analyseCapacity(pricing, asOfMs).kpis.find((k) => k.column === 'p95_ms')!;
    expect(p95.headroom).toBeGreaterThan(0.2);
    expect(p95.peak).toMatchObject({ breachesAtPeak: true, breachOutlook: 'reached' });
    const years = repository.capacity.flatMap((s) => analyseCapacity(s, asOfMs).kpis.map((k) => k.breachMonth)).filter((m) => m !== null);
    expect(years.every((m) => m <= '2029-11')).toBe(true);
  });
});

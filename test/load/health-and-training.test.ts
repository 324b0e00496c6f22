// Monitoring declarations, alert exports and skills: loaded as typed values (the bad cases live in the bad-input corpus).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { badDir, makeRoot, minimalDir, removeRoots } from './fixture-root.ts';

afterAll(removeRoots);

describe('health and training inputs', () => {
  const { repository, diagnostics } = loadRepository(makeRoot(path.join(badDir, 'accepted-health-and-training')));

  it('loads without a diagnostic', () => {
    expect(diagnostics).toEqual([]);
  });

  it('keeps each application monitor as declared', () => {
    expect(repository.applications[0]!.monitoring).toEqual([
      { name: 'Batch host CPU', component: 'batch', layer: 'machine', tool: 'Nagios', owner: 'ops' },
      { name: 'Settlement flow', component: 'batch', layer: 'business', tool: 'Geneos', owner: 'ops' },
    ]);
  });

  it('reads every alert row with its instant in epoch ms, file and line; incident optional', () => {
    expect(repository.alerts).toEqual([
      { at: Date.parse('2026-03-09T10:31:00Z'), application: 'settlement', component: 'batch', layer: 'business', rule: 'settlement-flow-stalled', severity: 'critical', outcome: 'actionable', incident: 'INC-2026-0001', file: 'data/alerts/2026-03.csv', line: 2 },
      { at: Date.parse('2026-03-09T14:33:00Z'), application: 'settlement', component: 'batch', layer: 'machine', rule: 'cpu-high', severity: 'warning', outcome: 'false-positive', incident: null, file: 'data/alerts/2026-03.csv', line: 3 },
      { at: Date.parse('2026-04-01T08:00:00Z'), application: 'settlement', component: 'db', layer: 'machine', rule: 'disk-space', severity: 'warning', outcome: 'duplicate', incident: null, file: 'data/alerts/2026-04.csv', line: 2 },
    ]);
  });

  it('reads skills per person; a person without applications has none', () => {
    expect(repository.skills).toEqual([
      { person: 'Ops Lead', team: 'ops', applications: { settlement: { level: 'L2', trained: '2026-01-15' } } },
      { person: 'Ana Ruiz', team: 'ops', applications: {} },
    ]);
  });

  it('has no alerts, skills or monitors when the files declare none', () => {
    const minimal = loadRepository(minimalDir).repository;
    expect(minimal.alerts).toEqual([]);
    expect(minimal.skills).toEqual([]);
    expect(minimal.applications[0]!.monitoring).toBeUndefined();
  });
});

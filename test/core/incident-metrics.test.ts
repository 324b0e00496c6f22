import { describe, expect, it } from 'vitest';
import { incidentMetrics, percentile } from '../../src/core/incident-metrics.ts';
import { monthInterval } from '../../src/core/period.ts';
import type { IncidentTimes } from '../../src/core/types.ts';

const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;
const MARCH = monthInterval('2026-03', 'UTC');

function incident(id: string, started: string, overrides: Partial<IncidentTimes> = {}): IncidentTimes {
  const startedMs = at(started);
  return {
    id,
    title: id,
    applications: ['web'],
    severity: 'SEV3',
    status: 'resolved',
    started: startedMs,
    detected: startedMs + 2 * MINUTE,
    acknowledged: startedMs + 5 * MINUTE,
    restored: startedMs + 60 * MINUTE,
    cause: 'software',
    channel: 'monitoring',
    resolvedAt: 'L2',
    impact: [],
    ...overrides,
  };
}

describe('percentile', () => {
  it('interpolates linearly between closest ranks', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([40, 10, 30, 20, 50], 0.5)).toBe(30);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2], 0)).toBe(1);
    expect(percentile([1, 2], 1)).toBe(2);
  });

  it('is null for no values and rejects p outside 0–1', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('incidentMetrics', () => {
  const incidents = [
    incident('INC-2026-0001', '2026-03-02T10:00:00Z', { severity: 'SEV1', cause: 'change', change: 'CHG-2026-0001', channel: 'phone', resolvedAt: 'L3' }),
    incident('INC-2026-0002', '2026-03-03T10:00:00Z', { acknowledged: at('2026-03-03T10:12:00Z'), restored: at('2026-03-03T12:00:00Z') }),
    incident('INC-2026-0003', '2026-03-04T10:00:00Z', { cause: 'network', change: 'CHG-2026-0002', channel: 'email', resolvedAt: undefined }),
    incident('INC-2026-0004', '2026-03-31T23:59:00Z', { status: 'open', acknowledged: undefined, restored: undefined, resolvedAt: undefined }),
    incident('INC-2026-0005', '2026-04-01T00:00:00Z', { severity: 'SEV1' }),
    incident('INC-2026-0006', '2026-02-28T23:59:00Z', { severity: 'SEV4' }),
  ];

  it('counts incidents that started in the range by severity, cause, channel and resolution level', () => {
    const metrics = incidentMetrics(incidents, MARCH);
    expect(metrics.count).toBe(4);
    expect(metrics.bySeverity).toEqual({ SEV1: 1, SEV2: 0, SEV3: 3, SEV4: 0 });
    expect(metrics.byCause).toEqual({ change: 1, network: 1, software: 2 });
    expect(metrics.byChannel).toEqual({ email: 1, monitoring: 2, phone: 1 });
    expect(metrics.byResolvedAt).toEqual({ L2: 1, L3: 1 });
  });

  it('sorts the keys of the counts so output is stable', () => {
    const metrics = incidentMetrics([...incidents].reverse(), MARCH);
    expect(Object.keys(metrics.byCause)).toEqual(['change', 'network', 'software']);
    expect(metrics).toEqual(incidentMetrics(incidents, MARCH));
  });

  it('gives MTTA and MTTR over the incidents that have the timestamps', () => {
    const metrics = incidentMetrics(incidents, MARCH);
    // MTTA: 3, 10, 3 minutes; MTTR: 60, 120, 60 minutes.
    expect(metrics.mtta).toEqual({ medianMinutes: 3, p90Minutes: expect.closeTo(8.6, 10), n: 3 });
    expect(metrics.mttr).toEqual({ medianMinutes: 60, p90Minutes: expect.closeTo(108, 10), n: 3 });
  });

  it('counts change-induced incidents by cause or by a causing change', () => {
    const metrics = incidentMetrics(incidents, MARCH);
    expect(metrics.changeInduced).toBe(2);
    expect(metrics.changeInducedShare).toBe(0.5);
  });
});

describe('incidentMetrics: empty input', () => {
  it('gives zero counts and null statistics', () => {
    expect(incidentMetrics([], MARCH)).toEqual({
      count: 0,
      bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 },
      byCause: {},
      byChannel: {},
      byResolvedAt: {},
      mtta: { medianMinutes: null, p90Minutes: null, n: 0 },
      mttr: { medianMinutes: null, p90Minutes: null, n: 0 },
      changeInduced: 0,
      changeInducedShare: null,
    });
  });
});

describe('incidentMetrics: month ends and leap day', () => {
  it('assigns an incident by its start, in a half-open range', () => {
    const leap = incident('INC-2028-0001', '2028-02-29T23:59:59Z');
    const march = incident('INC-2028-0002', '2028-03-01T00:00:00Z');
    expect(incidentMetrics([leap, march], monthInterval('2028-02', 'UTC')).count).toBe(1);
    expect(incidentMetrics([leap, march], monthInterval('2028-03', 'UTC')).count).toBe(1);
  });
});

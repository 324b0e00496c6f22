import { describe, expect, it } from 'vitest';
import {
  alertNoise,
  blindSpots,
  componentBoard,
  coverageMatrix,
  failedLayer,
  missedByMonitoring,
  noisiestRules,
  type AlertInput,
  type HealthIncident,
  type MonitoredApplication,
} from '../../src/core/health.ts';

const pricing: MonitoredApplication = {
  id: 'pricing',
  components: ['quote-engine', 'gateway'],
  monitoring: [
    { name: 'Host CPU', component: 'quote-engine', layer: 'machine', tool: 'Nagios', owner: 'ops' },
    { name: 'Engine up', component: 'quote-engine', layer: 'application', tool: 'Geneos', owner: 'ops' },
    { name: 'Quotes flowing', component: 'quote-engine', layer: 'business', tool: 'Geneos', owner: 'ops' },
    { name: 'Gateway host', component: 'gateway', layer: 'machine', tool: 'Nagios', owner: 'ops' },
    { name: 'Gateway disk', component: 'gateway', layer: 'machine', tool: 'Nagios', owner: 'ops' },
  ],
};

describe('coverageMatrix', () => {
  it('marks each component × layer covered or not, an uncovered business layer apart', () => {
    const matrix = coverageMatrix(pricing);
    expect(matrix.rows.map((row) => [row.component, row.cells.map((c) => c.status)])).toEqual([
      ['quote-engine', ['covered', 'covered', 'covered', 'uncovered']],
      ['gateway', ['covered', 'uncovered', 'uncovered-business', 'uncovered']],
    ]);
    expect(matrix.rows[1]!.cells[0]!.monitors).toEqual(['Gateway host', 'Gateway disk']);
    expect(matrix.uncoveredBusiness).toEqual(['gateway']);
    // 4 covered cells of 2 × 4.
    expect(matrix.coveredShare).toBe(0.5);
  });

  it('has no share without components', () => {
    expect(coverageMatrix({ id: 'x', components: [], monitoring: [] }).coveredShare).toBeNull();
  });
});

const incident = (over: Partial<HealthIncident> & { id: string }): HealthIncident => ({
  title: over.id,
  severity: 'SEV3',
  status: 'resolved',
  applications: ['pricing'],
  cause: 'software',
  channel: 'monitoring',
  startedMs: Date.parse('2026-10-01T10:00:00Z'),
  restoredMs: Date.parse('2026-10-01T11:00:00Z'),
  ...over,
});

describe('blind spots', () => {
  it('reads the failed layer from the cause', () => {
    expect(['hardware', 'capacity', 'network', 'third-party', 'software', 'data', 'unknown'].map(failedLayer)).toEqual([
      'machine',
      'machine',
      'middleware',
      'middleware',
      'application',
      'application',
      'application',
    ]);
  });

  it('lists incidents on a component with no monitor on the failed layer', () => {
    const spots = blindSpots(
      [pricing],
      [
        incident({ id: 'INC-1', component: 'gateway', cause: 'software', channel: 'phone' }),
        incident({ id: 'INC-2', component: 'quote-engine', cause: 'software' }),
        incident({ id: 'INC-3', component: 'gateway', cause: 'hardware' }),
        incident({ id: 'INC-4', component: 'quote-engine', cause: 'network' }),
        incident({ id: 'INC-5', cause: 'network' }),
      ],
    );
    expect(spots).toEqual([
      { incidentId: 'INC-1', applicationId: 'pricing', component: 'gateway', layer: 'application', missedByMonitoring: true },
      { incidentId: 'INC-4', applicationId: 'pricing', component: 'quote-engine', layer: 'middleware', missedByMonitoring: false },
    ]);
  });
});

const at = (iso: string) => Date.parse(iso);
function alert(over: Partial<AlertInput>): AlertInput {
  return { at: at('2026-10-05T10:00:00Z'), application: 'pricing', component: 'quote-engine', layer: 'machine', rule: 'cpu-high', severity: 'warning', outcome: 'false-positive', incident: null, ...over };
}

describe('alertNoise', () => {
  const october = { fromMs: at('2026-10-01T00:00:00Z'), toMs: at('2026-11-01T00:00:00Z') };
  // 10 alerts in October: cpu-high 6 (4 false positives, 1 duplicate, 1 actionable), quotes-stalled 3
  // (2 actionable, one of them led to INC-9, 1 unknown), gateway disk 1 duplicate; plus one in September
  // and one at 2026-11-01T00:00Z, both outside.
  const alerts: AlertInput[] = [
    ...Array.from({ length: 4 }, (_, k) => alert({ at: at(`2026-10-0${k + 1}T09:00:00Z`) })),
    alert({ outcome: 'duplicate' }),
    alert({ outcome: 'actionable' }),
    alert({ rule: 'quotes-stalled', layer: 'business', severity: 'critical', outcome: 'actionable', incident: 'INC-9', at: at('2026-10-20T10:00:00Z') }),
    alert({ rule: 'quotes-stalled', layer: 'business', severity: 'critical', outcome: 'actionable' }),
    alert({ rule: 'quotes-stalled', layer: 'business', outcome: 'unknown' }),
    alert({ application: 'gateway-app', component: 'gw', rule: 'disk', outcome: 'duplicate' }),
    alert({ at: at('2026-09-30T23:59:59Z') }),
    alert({ at: at('2026-11-01T00:00:00Z') }),
  ];
  const noise = alertNoise(alerts, october);

  it('counts the interval only, by outcome, and per day', () => {
    expect(noise.totals).toEqual({
      alerts: 10,
      actionable: 3,
      falsePositive: 4,
      duplicate: 2,
      unknown: 1,
      falsePositiveShare: 0.4,
      duplicateShare: 0.2,
      noiseShare: (4 + 2) / 10,
    });
    expect(noise.days).toBe(31);
    expect(noise.alertsPerDay).toBeCloseTo(10 / 31, 12);
  });

  it('ranks rules by alerts with false-positive and duplicate shares and their share of all alerts', () => {
    expect(noise.rules.map((r) => [r.application, r.rule, r.alerts, r.actionable, r.falsePositiveShare, r.duplicateShare, r.shareOfAll])).toEqual([
      ['pricing', 'cpu-high', 6, 1, 4 / 6, 1 / 6, 0.6],
      ['pricing', 'quotes-stalled', 3, 2, 0, 0, 0.3],
      ['gateway-app', 'disk', 1, 0, 0, 1, 0.1],
    ]);
    expect(noisiestRules(noise, 2).map((r) => r.rule)).toEqual(['cpu-high', 'quotes-stalled']);
  });

  it('sums per application and keeps the alerts that led to an incident', () => {
    expect(noise.applications.map((a) => [a.application, a.alerts, a.noiseShare])).toEqual([
      ['gateway-app', 1, 1],
      ['pricing', 9, 5 / 9],
    ]);
    expect(noise.ledToIncident.map((a) => a.incident)).toEqual(['INC-9']);
  });

  it('is empty, with null shares, when nothing fired', () => {
    const empty = alertNoise([], october);
    expect(empty.totals).toMatchObject({ alerts: 0, noiseShare: null, falsePositiveShare: null });
    expect(empty.alertsPerDay).toBe(0);
    expect(alertNoise([], { fromMs: 5, toMs: 5 }).alertsPerDay).toBeNull();
  });
});

describe('missedByMonitoring', () => {
  it('lists the incidents not detected by monitoring with their own lost minutes, most first', () => {
    const incidents = [
      incident({ id: 'INC-1', channel: 'phone' }),
      incident({ id: 'INC-2', channel: 'monitoring' }),
      incident({ id: 'INC-3', channel: 'email' }),
      incident({ id: 'INC-4', channel: 'unknown' }),
      incident({ id: 'INC-5', channel: 'chat' }),
    ];
    // INC-5 is outside the period (no lost-minutes entry).
    const lost = new Map([
      ['INC-1', 12.5],
      ['INC-2', 60],
      ['INC-3', 30],
      ['INC-4', 0],
    ]);
    const missed = missedByMonitoring(incidents, lost);
    expect(missed.incidents.map((i) => [i.id, i.lostMinutes])).toEqual([
      ['INC-3', 30],
      ['INC-1', 12.5],
      ['INC-4', 0],
    ]);
    expect(missed.lostMinutes).toBe(42.5);
    expect(missed.detectedByMonitoring).toBe(1);
    expect(missed.missedShare).toBe(0.75);
  });
});

describe('componentBoard', () => {
  const asOf = at('2026-11-24T12:00:00Z');
  const apps = [{ id: 'pricing', components: ['quote-engine', 'gateway', 'config'] }, { id: 'portal', components: ['web'] }];

  it('is red for open SEV1/SEV2 impact, amber for SEV3/SEV4 or a critical alert in the last hour, else green', () => {
    const board = componentBoard(
      apps,
      [
        incident({ id: 'INC-1', severity: 'SEV2', status: 'open', component: 'quote-engine', startedMs: asOf - 600_000, restoredMs: null }),
        incident({ id: 'INC-2', severity: 'SEV4', status: 'monitoring', component: 'gateway', startedMs: asOf - 600_000, restoredMs: null }),
        // Restored before as-of, or resolved, or not started yet: no longer open.
        incident({ id: 'INC-3', severity: 'SEV1', status: 'monitoring', component: 'config', startedMs: asOf - 7_200_000, restoredMs: asOf - 60_000 }),
        incident({ id: 'INC-4', severity: 'SEV1', status: 'open', applications: ['portal'], startedMs: asOf + 60_000, restoredMs: null }),
      ],
      [
        alert({ application: 'portal', component: 'web', severity: 'critical', at: asOf - 3_600_000 }), // exactly an hour before: outside
        alert({ application: 'pricing', component: 'config', severity: 'critical', at: asOf - 3_599_000, rule: 'config-drift' }),
        alert({ application: 'pricing', component: 'config', severity: 'warning', at: asOf - 60_000 }),
      ],
      asOf,
    );
    expect(board.map((e) => [e.applicationId, e.component, e.status, e.causes])).toEqual([
      ['pricing', 'quote-engine', 'red', [{ kind: 'incident', id: 'INC-1', severity: 'SEV2', status: 'open' }]],
      ['pricing', 'gateway', 'amber', [{ kind: 'incident', id: 'INC-2', severity: 'SEV4', status: 'monitoring' }]],
      ['pricing', 'config', 'amber', [{ kind: 'critical-alert', rule: 'config-drift' }]],
      ['portal', 'web', 'green', []],
    ]);
  });

  it('counts an incident without a component against every component of its application', () => {
    const board = componentBoard(apps, [incident({ id: 'INC-5', severity: 'SEV1', status: 'open', applications: ['pricing'], startedMs: asOf - 1, restoredMs: null })], [], asOf);
    expect(board.filter((e) => e.status === 'red').map((e) => e.component)).toEqual(['quote-engine', 'gateway', 'config']);
  });
});

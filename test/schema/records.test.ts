// Record and catalogue schemas: the rules that span several fields.
import { describe, expect, it } from 'vitest';
import {
  applicationSchema,
  capacityRowSchema,
  changeSchema,
  csvNumberSchema,
  incidentSchema,
  problemSchema,
  siteSchema,
  timeRowSchema,
  type z,
} from '../../src/schema/index.ts';

function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const incident = {
  id: 'INC-2026-0001',
  title: 'Settlement batch stalled',
  application: 'settlement',
  severity: 'SEV2',
  status: 'resolved',
  started: '2026-03-09T10:30:00Z',
  detected: '2026-03-09T10:32:00Z',
  acknowledged: '2026-03-09T10:35:00Z',
  restored: '2026-03-09T11:30:00Z',
  component: 'batch',
  cause: 'software',
  channel: 'monitoring',
  resolvedAt: 'L2',
};

describe('incidentSchema', () => {
  it('turns application into applications and fills defaults', () => {
    const parsed = incidentSchema.parse(incident);
    expect(parsed.applications).toEqual(['settlement']);
    expect(parsed).not.toHaveProperty('application');
    expect(parsed.updates).toEqual([]);
  });

  it('takes applications as a list', () => {
    const { application, ...rest } = incident;
    expect(incidentSchema.parse({ ...rest, applications: [application, 'pricing'] }).applications).toEqual(['settlement', 'pricing']);
  });

  it('wants exactly one of application and applications', () => {
    const { application, ...rest } = incident;
    expect(problems(incidentSchema, rest)).toEqual(['application: required: the application this record concerns']);
    expect(problems(incidentSchema, { ...incident, applications: ['pricing'] })).toEqual(['applications: give either application or applications, not both']);
  });

  it('orders started, detected, acknowledged and restored', () => {
    expect(problems(incidentSchema, { ...incident, restored: '2026-03-09T10:00:00Z' })).toEqual(['restored: must not be before started']);
    expect(problems(incidentSchema, { ...incident, detected: '2026-03-09T10:00:00Z' })).toEqual(['detected: is before started (impact start)']);
    expect(problems(incidentSchema, { ...incident, acknowledged: '2026-03-09T10:31:00Z' })).toEqual(['acknowledged: is before detected']);
  });

  it('accepts a zero-duration incident (restored equal to started)', () => {
    const zero = { ...incident, detected: incident.started, acknowledged: incident.started, restored: incident.started };
    expect(problems(incidentSchema, zero)).toEqual([]);
  });

  it('takes unknown for channel and resolvedAt', () => {
    const parsed = incidentSchema.parse({ ...incident, channel: 'unknown', resolvedAt: 'unknown' });
    expect([parsed.channel, parsed.resolvedAt]).toEqual(['unknown', 'unknown']);
  });

  it('takes ids with more than four digits and refuses fewer', () => {
    expect(problems(incidentSchema, { ...incident, id: 'INC-2026-10000' })).toEqual([]);
    expect(problems(incidentSchema, { ...incident, id: 'INC-2026-123' })).toEqual(['id: expected an incident id INC-YYYY-NNNN (four or more digits)']);
  });

  it('keeps where an imported record came from, web links only', () => {
    const external = { system: 'statuspage', id: 'qb2vmff9bnf5', url: 'https://stspg.io/abc' };
    expect(incidentSchema.parse({ ...incident, external }).external).toEqual(external);
    expect(incidentSchema.parse({ ...incident, external: { system: 'servicenow', id: 45 } }).external).toEqual({ system: 'servicenow', id: '45' });
    expect(problems(incidentSchema, { ...incident, external: { system: 'x', id: 'y', url: 'javascript:alert(1)' } })).toEqual(['external.url: expected an absolute http(s) URL']);
    expect(problems(incidentSchema, { ...incident, external: { system: 'x', id: 'y', ref: 'z' } })).toEqual(['external: Unrecognized key: "ref"']);
  });

  it('compares instants, not the written clock time', () => {
    expect(problems(incidentSchema, { ...incident, restored: '2026-03-09T06:00:00-06:00' })).toEqual([]);
  });

  it('lets an open incident leave acknowledged, restored and resolvedAt empty', () => {
    const open = { ...incident, status: 'open', acknowledged: null, restored: null, resolvedAt: null };
    const parsed = incidentSchema.parse(open);
    expect([parsed.acknowledged, parsed.restored, parsed.resolvedAt]).toEqual([undefined, undefined, undefined]);
  });

  it('needs acknowledged, restored and resolvedAt once resolved', () => {
    expect(problems(incidentSchema, { ...incident, acknowledged: null, restored: null, resolvedAt: null })).toEqual([
      'restored: required when status is resolved',
      'acknowledged: required when status is resolved',
      'resolvedAt: required when status is resolved (L1, L2, L3 or unknown)',
    ]);
    expect(problems(incidentSchema, { ...incident, status: 'monitoring', restored: null, resolvedAt: null })).toEqual([
      'restored: required when status is monitoring',
    ]);
  });

  describe('impact', () => {
    const withImpact = (impact: unknown[]) => ({ ...incident, impact });

    it('defaults a fraction of 1 and accepts [0, 1]', () => {
      expect(incidentSchema.parse(withImpact([{ regions: ['AMRS'] }])).impact).toEqual([{ regions: ['AMRS'], fraction: 1 }]);
      expect(problems(incidentSchema, withImpact([{ fraction: 1 }, { fraction: 0.001 }, { fraction: 0 }]))).toEqual([]);
    });

    it('takes an empty list as an explicit no impact, and a component per entry', () => {
      expect(incidentSchema.parse(withImpact([])).impact).toEqual([]);
      expect(incidentSchema.parse(withImpact([{ applications: ['settlement'], component: 'batch' }])).impact).toEqual([{ applications: ['settlement'], component: 'batch', fraction: 1 }]);
    });

    it.each([
      [-0.5, 'impact.0.fraction: fraction must be at least 0 (0: no availability lost)'],
      [1.5, 'impact.0.fraction: fraction must be at most 1'],
    ])('rejects a fraction of %d', (fraction, message) => {
      expect(problems(incidentSchema, withImpact([{ fraction }]))).toEqual([message]);
    });

    it('keeps its own from/to inside started → restored', () => {
      expect(problems(incidentSchema, withImpact([{ from: '2026-03-09T10:00:00Z' }]))).toEqual(['impact.0.from: impact starts before the incident started']);
      expect(problems(incidentSchema, withImpact([{ to: '2026-03-09T12:00:00Z' }]))).toEqual(['impact.0.to: impact ends after restored']);
      expect(problems(incidentSchema, withImpact([{ from: '2026-03-09T11:00:00Z', to: '2026-03-09T10:45:00Z' }]))).toEqual(['impact.0.to: impact must not end before it starts']);
      // A span that starts at restored is empty: allowed, it costs nothing.
      expect(problems(incidentSchema, withImpact([{ from: '2026-03-09T11:30:00Z' }]))).toEqual([]);
    });

    it('does not repeat the incident order error on a span without its own times', () => {
      expect(problems(incidentSchema, { ...withImpact([{ regions: ['AMRS'], fraction: 0.5 }]), restored: '2026-03-09T10:00:00Z' })).toEqual([
        'restored: must not be before started',
      ]);
    });
  });
});

const change = {
  id: 'CHG-2026-0001',
  title: 'Patch',
  application: 'settlement',
  type: 'normal',
  risk: 'low',
  submitted: '2026-03-02T09:00:00Z',
  plannedStart: '2026-03-12T12:00:00Z',
  plannedEnd: '2026-03-12T13:00:00Z',
  owner: 'Dana',
  outcome: 'pending',
};

describe('changeSchema', () => {
  it('fills defaults', () => {
    expect(changeSchema.parse(change)).toMatchObject({ approvals: [], cab: false, releasesCode: false, applications: ['settlement'] });
  });

  it('orders planned, actual and downtime windows', () => {
    expect(problems(changeSchema, { ...change, plannedEnd: change.plannedStart })).toEqual(['plannedEnd: must be after plannedStart']);
    expect(problems(changeSchema, { ...change, actualStart: '2026-03-12T12:30:00Z', actualEnd: '2026-03-12T12:00:00Z' })).toEqual([
      'actualEnd: must not be before actualStart',
    ]);
    expect(problems(changeSchema, { ...change, downtime: { from: '2026-03-12T12:30:00Z', to: '2026-03-12T12:30:00Z' } })).toEqual([
      'downtime.to: must be after downtime.from',
    ]);
  });

  it('takes approvals with a timestamp', () => {
    expect(changeSchema.parse({ ...change, approvals: [{ by: 'CAB', at: '2026-03-05T15:00:00+01:00' }] }).approvals).toEqual([
      { by: 'CAB', at: Date.UTC(2026, 2, 5, 14) },
    ]);
    expect(problems(changeSchema, { ...change, approvals: [{ by: 'CAB', at: '2026-03-05' }] })).toEqual([
      'approvals.0.at: "2026-03-05" is not an ISO 8601 timestamp (expected e.g. 2026-10-14T02:10:00Z)',
    ]);
  });
});

describe('problemSchema', () => {
  const problem = { id: 'PRB-2026-0001', title: 'Replication', source: 'incident', priority: 'P2', status: 'open', opened: '2026-03-13', owner: 'ops' };

  it('needs closed exactly when resolved or closed, not before opened', () => {
    expect(problems(problemSchema, problem)).toEqual([]);
    expect(problems(problemSchema, { ...problem, status: 'closed' })).toEqual(['closed: required when status is closed']);
    expect(problems(problemSchema, { ...problem, closed: '2026-03-20' })).toEqual(['closed: must be absent while status is open']);
    expect(problems(problemSchema, { ...problem, status: 'resolved', closed: '2026-03-01' })).toEqual(['closed: is before opened']);
  });

  it('defaults an action to not done', () => {
    expect(problemSchema.parse({ ...problem, actions: [{ title: 'Check lag', owner: 'Dana', due: '2026-04-15' }] }).actions).toEqual([
      { title: 'Check lag', owner: 'Dana', due: '2026-04-15', done: false },
    ]);
  });
});

describe('applicationSchema', () => {
  const app = {
    id: 'settlement',
    name: 'Settlement',
    team: 'ops',
    target: 99.5,
    calendar: '24x7',
    regions: { AMRS: 0.5, EMEA: 0.4, APAC: 0.1 },
    components: ['batch'],
  };

  it('accepts shares that sum to 1 in floating point', () => {
    expect(problems(applicationSchema, app)).toEqual([]);
    expect(problems(applicationSchema, { ...app, regions: { A: 0.7, B: 0.2, C: 0.1 } })).toEqual([]);
    expect(applicationSchema.parse(app).excludeMaintenance).toBe(false);
  });

  it('rejects shares that do not sum to 1, and no regions at all', () => {
    expect(problems(applicationSchema, { ...app, regions: { AMRS: 0.5, EMEA: 0.4 } })).toEqual(['regions: shares sum to 0.9, expected 1']);
    expect(problems(applicationSchema, { ...app, regions: { AMRS: 0.6, EMEA: 0.6 } })).toEqual(['regions: shares sum to 1.2, expected 1']);
    expect(problems(applicationSchema, { ...app, regions: {} })).toEqual(['regions: needs at least one region']);
  });

  it('wants a target percentage below 100', () => {
    expect(problems(applicationSchema, { ...app, target: 100 })).toEqual(['target: expected a percentage below 100, e.g. 99.9']);
  });

  it('declares capacity KPIs with an SLA bound', () => {
    const capacity = { file: 'settlement.csv', volume: 'trades', kpis: [{ column: 'p95_ms', sla: { max: 250 } }] };
    expect(applicationSchema.parse({ ...app, capacity }).capacity).toEqual({ ...capacity, windowDays: 90, kpis: [{ column: 'p95_ms', unit: '', sla: { max: 250 } }] });
    expect(problems(applicationSchema, { ...app, capacity: { ...capacity, file: '../x.csv' } })).toEqual([
      'capacity.file: expected a CSV file name in data/capacity/, e.g. pricing.csv',
    ]);
  });
});

describe('siteSchema', () => {
  it('needs only a title', () => {
    expect(siteSchema.parse({ title: 'Ops' })).toMatchObject({ base: '/', reportingTimezone: 'UTC', changeLeadDays: 5 });
  });

  it('wants base to start and end with a slash', () => {
    expect(problems(siteSchema, { title: 'Ops', base: 'ops' })).toEqual(['base: expected a path that starts and ends with "/", e.g. /ops/']);
  });
});

describe('CSV cells', () => {
  it.each([
    ['1.5', 1.5],
    ['2', 2],
    [' 3 ', 3],
    ['1e2', 100],
    ['-0.25', -0.25],
  ])('%j is the number %d', (text, value) => {
    expect(csvNumberSchema.parse(text)).toBe(value);
  });

  it.each([
    ['two', '"two" is not a number'],
    ['1,5', '"1,5" is not a number'],
    ['Infinity', '"Infinity" is not a number'],
    ['', 'empty cell, expected a number'],
    ['  ', 'empty cell, expected a number'],
  ])('%j is not a number', (text, message) => {
    expect(problems(csvNumberSchema, text)).toEqual([`: ${message}`]);
  });

  const row = { date: '2026-03-09', person: 'Dana', team: 'ops', application: 'settlement', component: 'batch', category: 'incident', ticket: '', hours: '1.5' };

  it('reads a time row, hours in (0, 24]', () => {
    expect(timeRowSchema.parse(row)).toEqual({ ...row, hours: 1.5 });
    expect(problems(timeRowSchema, { ...row, hours: '24' })).toEqual([]);
    expect(problems(timeRowSchema, { ...row, hours: '0' })).toEqual(['hours: expected hours above 0 and at most 24, got 0']);
    expect(problems(timeRowSchema, { ...row, hours: '25' })).toEqual(['hours: expected hours above 0 and at most 24, got 25']);
    expect(problems(timeRowSchema, { ...row, date: '2026-02-30' })).toEqual(['date: "2026-02-30" is not a date (expected YYYY-MM-DD)']);
  });

  it('reads a capacity row with the declared columns', () => {
    const schema = capacityRowSchema(['trades', 'p95_ms']);
    expect(schema.parse({ timestamp: '2026-03-01T00:00:00+01:00', trades: '1000', p95_ms: '120.5' })).toEqual({
      timestamp: Date.UTC(2026, 1, 28, 23),
      trades: 1000,
      p95_ms: 120.5,
    });
    expect(problems(schema, { timestamp: '2026-03-01T00:00:00', trades: 'x', p95_ms: '1' })).toEqual([
      'timestamp: "2026-03-01T00:00:00" has no offset; write Z or ±hh:mm (e.g. 2026-03-01T00:00:00Z) so the time zone is not guessed',
      'trades: "x" is not a number',
    ]);
  });
});

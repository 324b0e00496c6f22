import { describe, expect, it } from 'vitest';
import { cadenceCompliance, hasRestoredNotice, incidentCommunications } from '../../src/core/communications.ts';
import type { IncidentCommunicationsInput, UpdateKind } from '../../src/core/communications.ts';

const at = (hhmm: string) => Date.parse(`2026-03-09T${hhmm}:00Z`);
const update = (hhmm: string, kind: UpdateKind = 'update') => ({ at: at(hhmm), kind });

function incident(overrides: Partial<IncidentCommunicationsInput>): IncidentCommunicationsInput {
  return { id: 'INC-2026-0001', severity: 'SEV1', detected: at('10:00'), acknowledged: at('10:04'), restored: at('11:00'), updates: [], ...overrides };
}

const ASOF = at('23:00');

describe('time to acknowledge', () => {
  it('is detected → acknowledged in minutes, null while not acknowledged', () => {
    expect(incidentCommunications(incident({}), 15, ASOF).acknowledgeMinutes).toBe(4);
    expect(incidentCommunications(incident({ acknowledged: undefined, restored: undefined }), 15, ASOF).acknowledgeMinutes).toBeNull();
  });
});

describe('update cadence', () => {
  it('with no updates, the whole impact after detection is one gap', () => {
    const record = incidentCommunications(incident({ updates: [] }), 15, ASOF);
    expect(record.gaps.map((g) => g.minutes)).toEqual([60]);
    expect(record.longestGapMinutes).toBe(60);
    expect(record.metCadence).toBe(false);
    expect(record.gaps[0]?.isLate).toBe(true);
  });

  it('meets the cadence when every gap is at most 15 minutes, exactly 15 included', () => {
    const updates = ['10:15', '10:30', '10:45', '11:00'].map((t) => update(t));
    const record = incidentCommunications(incident({ updates }), 15, ASOF);
    expect(record.gaps.map((g) => g.minutes)).toEqual([15, 15, 15, 15]);
    expect(record.metCadence).toBe(true);
  });

  it('flags one late update: the gap before it is late, the others are not', () => {
    const updates = [update('10:10'), update('10:40'), update('10:50', 'restored')];
    const record = incidentCommunications(incident({ restored: at('10:50'), updates }), 15, ASOF);
    expect(record.gaps.map((g) => [g.minutes, g.isLate])).toEqual([
      [10, false],
      [30, true],
      [10, false],
    ]);
    expect(record.longestGapMinutes).toBe(30);
    expect(record.metCadence).toBe(false);
  });

  it('starts the clock at detection, not acknowledgement', () => {
    const record = incidentCommunications(incident({ acknowledged: at('10:20'), updates: [update('10:20', 'acknowledge'), update('10:30'), update('10:45'), update('11:00')] }), 15, ASOF);
    expect(record.gaps[0]).toMatchObject({ minutes: 20, isLate: true });
  });

  it('runs to the as-of instant while the incident is open', () => {
    const record = incidentCommunications(incident({ restored: undefined, updates: [update('10:05')] }), 15, at('10:30'));
    expect(record.isOngoing).toBe(true);
    expect(record.endMs).toBe(at('10:30'));
    expect(record.gaps.map((g) => g.minutes)).toEqual([5, 25]);
    expect(record.metCadence).toBe(false);
  });

  it('ignores updates after restore for the gaps', () => {
    const record = incidentCommunications(incident({ updates: [update('10:10'), update('10:25'), update('10:40'), update('10:55'), update('12:00')] }), 15, ASOF);
    expect(record.longestGapMinutes).toBe(15);
    expect(record.metCadence).toBe(true);
  });

  it('has no gap when impact ended before it was detected', () => {
    const record = incidentCommunications(incident({ detected: at('11:30'), acknowledged: at('11:35'), restored: at('11:00') }), 15, ASOF);
    expect(record.gaps).toEqual([]);
    expect(record.longestGapMinutes).toBe(0);
    expect(record.metCadence).toBe(true);
  });

  it('applies no cadence to SEV3 and SEV4', () => {
    for (const severity of ['SEV3', 'SEV4'] as const) {
      const record = incidentCommunications(incident({ severity }), 15, ASOF);
      expect(record.metCadence).toBeNull();
      expect(record.gaps.every((g) => !g.isLate)).toBe(true);
      expect(record.longestGapMinutes).toBe(60);
    }
  });
});

describe('restored notice', () => {
  it('is sent with an update of kind restored', () => {
    expect(hasRestoredNotice({ restored: at('11:00'), updates: [update('10:58', 'restored')] })).toBe(true);
  });

  it('is sent with any update at or after the restore time', () => {
    expect(hasRestoredNotice({ restored: at('11:00'), updates: [update('11:00')] })).toBe(true);
    expect(hasRestoredNotice({ restored: at('11:00'), updates: [update('11:20')] })).toBe(true);
  });

  it('is missing when every update came before the restore and none says restored', () => {
    expect(hasRestoredNotice({ restored: at('11:00'), updates: [update('10:10'), update('10:50')] })).toBe(false);
    expect(hasRestoredNotice({ restored: at('11:00'), updates: [] })).toBe(false);
  });

  it('is not due while the incident is not restored', () => {
    expect(hasRestoredNotice({ restored: undefined, updates: [] })).toBeNull();
  });
});

describe('cadenceCompliance', () => {
  it('shares the SEV1/SEV2 incidents that met the cadence and lists the others, longest gap first', () => {
    const every15 = ['10:15', '10:30', '10:45', '11:00'].map((t) => update(t));
    const list = [
      incident({ id: 'INC-A', updates: every15 }),
      incident({ id: 'INC-B', severity: 'SEV2', updates: [update('10:30'), update('11:00')] }),
      incident({ id: 'INC-C', updates: [] }),
      incident({ id: 'INC-D', severity: 'SEV3', updates: [] }),
    ];
    expect(cadenceCompliance(list, 15, ASOF)).toEqual({
      total: 3,
      met: 1,
      share: 1 / 3,
      missed: [
        { id: 'INC-C', longestGapMinutes: 60 },
        { id: 'INC-B', longestGapMinutes: 30 },
      ],
      withoutRestoredNotice: ['INC-C'],
    });
  });

  it('has no share without SEV1 or SEV2 incidents', () => {
    expect(cadenceCompliance([incident({ severity: 'SEV4' })], 15, ASOF).share).toBeNull();
  });
});

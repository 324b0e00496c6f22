import { describe, expect, it } from 'vitest';
import { customerExposure, customerWindowOverlaps } from '../../src/core/customers.ts';
import type { ImpactedIncident, KeyCustomer } from '../../src/core/customers.ts';
import type { ImpactSpan } from '../../src/core/types.ts';

const at = (iso: string) => Date.parse(iso);
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[];

const acme: KeyCustomer = {
  name: 'Acme Asset Management',
  applications: ['settlement'],
  windows: [{ timezone: 'America/New_York', days: WEEKDAYS, hours: '15:00-16:00' }],
};
const globex: KeyCustomer = {
  name: 'Globex',
  applications: ['fx-pricing'],
  windows: [{ timezone: 'Europe/London', days: WEEKDAYS, hours: '16:00-17:00' }],
};

function span(applications: string[], from: string, to: string | null, fraction = 1): ImpactSpan {
  return { applications, regions: ['AMRS'], fraction, fromMs: at(from), toMs: to === null ? null : at(to) };
}

function incident(id: string, impact: ImpactSpan[]): ImpactedIncident {
  return { id, impact };
}

describe('customerWindowOverlaps', () => {
  it('counts the minutes of impact inside the window on an application the customer uses', () => {
    // 15:00 New York is 20:00 UTC in November (EST).
    const inc = incident('INC-2026-0001', [span(['settlement'], '2026-11-24T19:30:00Z', '2026-11-24T20:12:00Z')]);
    const [overlap] = customerWindowOverlaps(inc, [acme, globex], at('2026-11-25T00:00:00Z'));
    expect(overlap?.customer).toBe('Acme Asset Management');
    expect(overlap?.minutes).toBe(12);
    expect(overlap?.applications).toEqual(['settlement']);
    expect(overlap?.windows.map((w) => w.minutes)).toEqual([12]);
    expect(customerWindowOverlaps(inc, [acme, globex], at('2026-11-25T00:00:00Z'))).toHaveLength(1);
  });

  it('counts overlap whatever the fraction or regions of the impact', () => {
    const inc = incident('INC-2026-0002', [span(['settlement'], '2026-11-24T20:00:00Z', '2026-11-24T20:30:00Z', 0.1)]);
    expect(customerWindowOverlaps(inc, [acme], at('2026-11-25T00:00:00Z'))[0]?.minutes).toBe(30);
  });

  it('ignores impact on applications the customer does not use', () => {
    const inc = incident('INC-2026-0003', [
      span(['payments'], '2026-11-24T19:00:00Z', '2026-11-24T21:00:00Z'),
      span(['settlement'], '2026-11-24T20:50:00Z', '2026-11-24T21:00:00Z'),
    ]);
    expect(customerWindowOverlaps(inc, [acme], at('2026-11-25T00:00:00Z'))[0]?.minutes).toBe(10);
  });

  it('is empty outside the window and on weekends', () => {
    const evening = incident('INC-2026-0004', [span(['settlement'], '2026-11-24T21:00:00Z', '2026-11-24T23:00:00Z')]);
    const saturday = incident('INC-2026-0005', [span(['settlement'], '2026-11-28T19:00:00Z', '2026-11-28T22:00:00Z')]);
    expect(customerWindowOverlaps(evening, [acme], at('2026-11-30T00:00:00Z'))).toEqual([]);
    expect(customerWindowOverlaps(saturday, [acme], at('2026-11-30T00:00:00Z'))).toEqual([]);
  });

  it('runs an open impact to the as-of instant', () => {
    const inc = incident('INC-2026-0006', [span(['settlement'], '2026-11-24T19:00:00Z', null)]);
    expect(customerWindowOverlaps(inc, [acme], at('2026-11-24T20:25:00Z'))[0]?.minutes).toBe(25);
  });

  it('counts windows that overlap each other once per customer', () => {
    const twice: KeyCustomer = { ...acme, windows: [...acme.windows, { timezone: 'America/New_York', days: ['tue'], hours: '15:30-16:30' }] };
    const inc = incident('INC-2026-0007', [span(['settlement'], '2026-11-24T20:00:00Z', '2026-11-24T22:00:00Z')]);
    const [overlap] = customerWindowOverlaps(inc, [twice], at('2026-11-25T00:00:00Z'));
    expect(overlap?.windows.map((w) => w.minutes)).toEqual([60, 60]);
    expect(overlap?.minutes).toBe(90);
  });
});

describe('customer windows on a DST week', () => {
  // New York falls back on Sunday 2026-11-01: 15:00 New York is 19:00 UTC on Friday 30 October and 20:00 UTC on Monday 2 November.
  const inc = incident('INC-2026-0010', [span(['settlement'], '2026-10-30T19:30:00Z', '2026-11-02T20:12:00Z')]);

  it('follows the window across the fall-back weekend', () => {
    const [overlap] = customerWindowOverlaps(inc, [acme], at('2026-11-03T00:00:00Z'));
    expect(overlap?.windows[0]?.intervals).toEqual([
      { fromMs: at('2026-10-30T19:30:00Z'), toMs: at('2026-10-30T20:00:00Z') },
      { fromMs: at('2026-11-02T20:00:00Z'), toMs: at('2026-11-02T20:12:00Z') },
    ]);
    expect(overlap?.minutes).toBe(42);
  });

  it('follows the window across spring-forward', () => {
    // 2026-03-08: 15:00 New York is 20:00 UTC on Friday 6 March and 19:00 UTC on Monday 9 March.
    const spring = incident('INC-2026-0011', [span(['settlement'], '2026-03-06T19:30:00Z', '2026-03-09T19:15:00Z')]);
    const [overlap] = customerWindowOverlaps(spring, [acme], at('2026-03-10T00:00:00Z'));
    expect(overlap?.windows[0]?.intervals).toEqual([
      { fromMs: at('2026-03-06T20:00:00Z'), toMs: at('2026-03-06T21:00:00Z') },
      { fromMs: at('2026-03-09T19:00:00Z'), toMs: at('2026-03-09T19:15:00Z') },
    ]);
    expect(overlap?.minutes).toBe(75);
  });

  it('clips to a period, e.g. a report month', () => {
    const november = { fromMs: at('2026-11-01T00:00:00Z'), toMs: at('2026-12-01T00:00:00Z') };
    expect(customerWindowOverlaps(inc, [acme], at('2026-11-03T00:00:00Z'), november)[0]?.minutes).toBe(12);
  });
});

describe('customerExposure', () => {
  it('lists every customer with the incidents that hit its windows in the period', () => {
    const november = { fromMs: at('2026-11-01T00:00:00Z'), toMs: at('2026-12-01T00:00:00Z') };
    const incidents = [
      incident('INC-2026-0020', [span(['settlement'], '2026-11-24T19:30:00Z', '2026-11-24T20:12:00Z')]),
      incident('INC-2026-0021', [span(['settlement'], '2026-11-24T20:06:00Z', '2026-11-24T20:30:00Z')]),
      incident('INC-2026-0022', [span(['settlement'], '2026-10-24T19:30:00Z', '2026-10-24T20:12:00Z')]),
    ];
    expect(customerExposure(incidents, [globex, acme], november, at('2026-11-30T00:00:00Z'))).toEqual([
      { customer: 'Acme Asset Management', minutes: 30, incidents: [{ id: 'INC-2026-0021', minutes: 24 }, { id: 'INC-2026-0020', minutes: 12 }] },
      { customer: 'Globex', minutes: 0, incidents: [] },
    ]);
  });
});

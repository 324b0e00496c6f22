// The status page's figures: the impact at one instant weighted as the report weighs it, the status it reads as,
// and each day's availability by the report's own S and L.
import { describe, expect, it } from 'vitest';
import { dailyUptime, impactAt, serviceStatusOf, worstServiceStatus } from '../../src/core/service-status.ts';
import type { ApplicationTerms, IncidentTimes } from '../../src/core/types.ts';

const web: ApplicationTerms = { id: 'web', target: 99.9, calendar: '24x7', regions: { AMRS: 0.5, EMEA: 0.4, APAC: 0.1 }, excludeMaintenance: false };
const at = (text: string) => Date.parse(text);

function incident(id: string, spans: { regions: string[]; fraction: number; from: string; to: string | null; applications?: string[] }[]): IncidentTimes {
  return {
    id,
    title: id,
    applications: ['web'],
    severity: 'SEV2',
    status: spans.some((s) => s.to === null) ? 'open' : 'resolved',
    started: at(spans[0]!.from),
    detected: at(spans[0]!.from),
    cause: 'software',
    channel: 'monitoring',
    impact: spans.map((s) => ({ applications: s.applications ?? ['web'], regions: s.regions, fraction: s.fraction, fromMs: at(s.from), toMs: s.to === null ? null : at(s.to) })),
  };
}

describe('impactAt', () => {
  const all = ['AMRS', 'EMEA', 'APAC'];
  it('weights each region by its share at its largest covering fraction, overlapping incidents counted once', () => {
    const a = incident('INC-2026-0001', [{ regions: ['APAC'], fraction: 1, from: '2026-03-02T10:00Z', to: '2026-03-02T11:00Z' }]);
    const b = incident('INC-2026-0002', [{ regions: ['APAC', 'EMEA'], fraction: 0.5, from: '2026-03-02T10:30Z', to: null }]);
    expect(impactAt(web, [a, b], at('2026-03-02T10:45Z'))).toEqual({ weight: 0.3, regionsDown: ['APAC'], incidents: ['INC-2026-0001', 'INC-2026-0002'] });
    expect(impactAt(web, [a, b], at('2026-03-02T12:00Z'))).toEqual({ weight: 0.25, regionsDown: [], incidents: ['INC-2026-0002'] });
  });

  it('treats a span as half-open and ignores other applications and zero fractions', () => {
    const ended = incident('INC-2026-0003', [{ regions: all, fraction: 1, from: '2026-03-02T10:00Z', to: '2026-03-02T11:00Z' }]);
    const elsewhere = incident('INC-2026-0004', [{ regions: all, fraction: 1, from: '2026-03-02T10:00Z', to: null, applications: ['batch'] }]);
    const notice = incident('INC-2026-0005', [{ regions: all, fraction: 0, from: '2026-03-02T10:00Z', to: null }]);
    expect(impactAt(web, [ended, elsewhere, notice], at('2026-03-02T11:00Z'))).toEqual({ weight: 0, regionsDown: [], incidents: [] });
    expect(impactAt(web, [ended], at('2026-03-02T10:59Z')).weight).toBe(1);
  });

  it('sums shares to exactly 1 for a full outage', () => {
    const split = { ...web, regions: { AMRS: 0.7, EMEA: 0.2, APAC: 0.1 } };
    expect(impactAt(split, [incident('INC-2026-0006', [{ regions: all, fraction: 1, from: '2026-03-02T10:00Z', to: null }])], at('2026-03-02T10:30Z')).weight).toBe(1);
  });
});

describe('serviceStatusOf', () => {
  it.each([
    [{ weight: 0, regionsDown: [] }, 'operational'],
    [{ weight: 0.02, regionsDown: [] }, 'degraded'],
    [{ weight: 0.1, regionsDown: ['APAC'] }, 'partial-outage'],
    [{ weight: 1, regionsDown: ['AMRS', 'APAC', 'EMEA'] }, 'major-outage'],
  ] as const)('reads %j as %s', (impact, status) => {
    expect(serviceStatusOf(impact)).toBe(status);
  });

  it('takes the worst of several for the banner, operational for none', () => {
    expect(worstServiceStatus(['operational', 'partial-outage', 'degraded'])).toBe('partial-outage');
    expect(worstServiceStatus([])).toBe('operational');
  });
});

describe('dailyUptime', () => {
  const day = (date: string) => ({ fromMs: at(`${date}T00:00Z`), toMs: at(`${date}T00:00Z`) + 86_400_000 });

  it('gives the seed arithmetic per day: an hour of full outage on a 24x7 day, and the same outage in APAC at 20 %', () => {
    const full = incident('INC-2026-0007', [{ regions: ['AMRS', 'EMEA', 'APAC'], fraction: 1, from: '2026-03-02T10:00Z', to: '2026-03-02T11:00Z' }]);
    const apac = incident('INC-2026-0008', [{ regions: ['APAC'], fraction: 0.2, from: '2026-03-03T10:00Z', to: '2026-03-03T11:00Z' }]);
    const [first, second, third] = dailyUptime(web, [full, apac], [day('2026-03-02'), day('2026-03-03'), day('2026-03-04')], [], at('2026-03-05T00:00Z'));
    expect(first).toMatchObject({ scheduledMinutes: 1440, lostMinutes: 60, availability: 1380 / 1440 });
    expect(second).toMatchObject({ scheduledMinutes: 1440, lostMinutes: 1.2 });
    expect(third).toMatchObject({ lostMinutes: 0, availability: 1 });
  });

  it('has no availability on a day outside the calendar, and counts an open impact to as-of only', () => {
    const weekdays: ApplicationTerms = { ...web, calendar: [{ timezone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: '00:00-24:00' }] };
    const open = incident('INC-2026-0009', [{ regions: ['AMRS', 'EMEA', 'APAC'], fraction: 1, from: '2026-03-09T23:00Z', to: null }]);
    const [sunday, monday] = dailyUptime(weekdays, [open], [day('2026-03-08'), { fromMs: at('2026-03-09T00:00Z'), toMs: at('2026-03-09T23:30Z') }], [], at('2026-03-09T23:30Z'));
    expect(sunday).toMatchObject({ scheduledMinutes: 0, availability: null });
    expect(monday).toMatchObject({ scheduledMinutes: 1410, lostMinutes: 30 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicationAvailability,
  applicationSchedule,
  availabilityByMonth,
  availabilityPercentagePoints,
  incidentImpactInterval,
  incidentLostMinutes,
  incidentOwnLostMinutes,
  indexAvailability,
  lostMinutes,
  monthlyAvailability,
  monthlyTopTalkers,
  portfolioAvailability,
  scheduledMinutes,
  topTalkers,
} from '../../src/core/availability.ts';
import { monthInterval } from '../../src/core/period.ts';
import { truncatePercent } from '../../src/site/words/percent.ts';
import type { ApplicationTerms, ImpactSpan, IncidentTimes, Interval, MaintenanceWindow } from '../../src/core/types.ts';

const at = (iso: string): number => Date.parse(iso);
const span = (from: string, to: string): Interval => ({ fromMs: at(from), toMs: at(to) });
const WEEK = span('2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z');
const LATER = at('2027-01-01T00:00:00Z');
const REGIONS = { AMRS: 0.5, EMEA: 0.4, APAC: 0.1 };

function application(overrides: Partial<ApplicationTerms> = {}): ApplicationTerms {
  return { id: 'web', target: 99.9, calendar: '24x7', regions: REGIONS, excludeMaintenance: false, ...overrides };
}

interface Impact {
  regions?: string[];
  fraction?: number;
  from?: string;
  to?: string | null;
  applications?: string[];
}

/** An incident with the loader's defaults: all the app's regions, fraction 1, started → restored. */
function incident(id: string, started: string, restored: string | null, impacts: Impact[] = [{}], applications = ['web']): IncidentTimes {
  const impact: ImpactSpan[] = impacts.map((entry) => ({
    applications: entry.applications ?? applications,
    regions: entry.regions ?? Object.keys(REGIONS),
    fraction: entry.fraction ?? 1,
    fromMs: at(entry.from ?? started),
    toMs: entry.to === undefined ? (restored === null ? null : at(restored)) : entry.to === null ? null : at(entry.to),
  }));
  return {
    id,
    title: `Incident ${id}`,
    applications,
    severity: 'SEV2',
    status: restored === null ? 'open' : 'resolved',
    started: at(started),
    detected: at(started),
    restored: restored === null ? undefined : at(restored),
    cause: 'software',
    channel: 'monitoring',
    impact,
  };
}

const weekAvailability = (app: ApplicationTerms, incidents: IncidentTimes[]): number => {
  const scheduled = scheduledMinutes(app, WEEK, []);
  return (scheduled - lostMinutes(app, incidents, WEEK, [], LATER)) / scheduled;
};

describe('the seed examples', () => {
  const app = application();
  const outage = (impact: Impact): IncidentTimes => incident('INC-2026-0001', '2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z', [impact]);

  it('a 60-minute full outage in a 24x7 week is 99.40 %', () => {
    expect(scheduledMinutes(app, WEEK, [])).toBe(10_080);
    expect(lostMinutes(app, [outage({})], WEEK, [], LATER)).toBeCloseTo(60, 10);
    expect(truncatePercent(weekAvailability(app, [outage({})]))).toBe('99.40');
  });

  it('the same outage in APAC only (share 0.1) loses 6 minutes, 99.94 %', () => {
    const apac = outage({ regions: ['APAC'] });
    expect(lostMinutes(app, [apac], WEEK, [], LATER)).toBeCloseTo(6, 10);
    expect(truncatePercent(weekAvailability(app, [apac]))).toBe('99.94');
  });

  it('APAC at fraction 0.2 loses 1.2 minutes, 99.988 %', () => {
    const degraded = outage({ regions: ['APAC'], fraction: 0.2 });
    expect(lostMinutes(app, [degraded], WEEK, [], LATER)).toBeCloseTo(1.2, 10);
    // Published JSON carries the plain decimal, without float noise.
    expect(JSON.stringify(lostMinutes(app, [degraded], WEEK, [], LATER))).toBe('1.2');
    expect(truncatePercent(weekAvailability(app, [degraded]), 3)).toBe('99.988');
  });
});

describe('applicationAvailability: error budget and status', () => {
  // April 2026 in UTC: 30 days, S = 43200 minutes, budget at 99.9 % = 43.2 minutes.
  const app = application();
  const outageOfMs = (ms: number): IncidentTimes => ({
    ...incident('INC-2026-0002', '2026-04-10T10:00:00Z', '2026-04-10T10:00:00Z'),
    impact: [{ applications: ['web'], regions: ['AMRS', 'EMEA', 'APAC'], fraction: 1, fromMs: at('2026-04-10T10:00:00Z'), toMs: at('2026-04-10T10:00:00Z') + ms }],
  });
  const april = (ms: number) => applicationAvailability(app, [outageOfMs(ms)], '2026-04', 'UTC', [], LATER);

  it('shows a 99.895 % month as 99.89 and red against 99.9', () => {
    const row = april(45.36 * 60_000);
    expect(row.scheduledMinutes).toBe(43_200);
    expect(row.lostMinutes).toBeCloseTo(45.36, 10);
    expect(row.availability).toBeCloseTo(0.99895, 10);
    expect(truncatePercent(row.availability as number)).toBe('99.89');
    expect(row.errorBudgetMinutes).toBeCloseTo(43.2, 10);
    expect(row.budgetConsumed).toBeCloseTo(1.05, 10);
    expect(row.status).toBe('red');
  });

  it('is amber from 75 % of the budget consumed and green below', () => {
    expect(april(32.4 * 60_000).status).toBe('amber');
    expect(april(32.4 * 60_000).budgetConsumed).toBeCloseTo(0.75, 10);
    expect(april(32.3 * 60_000).status).toBe('green');
  });

  it('is amber, not red, when the budget is used exactly to the target', () => {
    const row = april(43.2 * 60_000);
    expect(truncatePercent(row.availability as number)).toBe('99.90');
    expect(row.status).toBe('amber');
  });

  it('has no budget at a 100 % target: green without loss, red with any', () => {
    const perfect = application({ target: 100 });
    const clean = applicationAvailability(perfect, [], '2026-04', 'UTC', [], LATER);
    expect(clean).toMatchObject({ errorBudgetMinutes: 0, budgetConsumed: null, availability: 1, status: 'green' });
    expect(applicationAvailability(perfect, [outageOfMs(60_000)], '2026-04', 'UTC', [], LATER).status).toBe('red');
  });
});

describe('empty input', () => {
  it('a month without incidents is fully available', () => {
    const row = applicationAvailability(application(), [], '2026-04', 'UTC', [], LATER);
    expect(row).toEqual({
      id: 'web',
      target: 99.9,
      scheduledMinutes: 43_200,
      lostMinutes: 0,
      availability: 1,
      errorBudgetMinutes: 43.2,
      budgetConsumed: 0,
      status: 'green',
    });
  });

  it('has status none and null ratios without scheduled time', () => {
    const weekdays = application({ calendar: [{ timezone: 'UTC', days: ['mon'], hours: '07:00-19:00' }] });
    const weekend = span('2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z');
    expect(scheduledMinutes(weekdays, weekend, [])).toBe(0);
    const future = applicationAvailability(application(), [], '2027-02', 'UTC', [], LATER);
    expect(future).toMatchObject({ scheduledMinutes: 0, lostMinutes: 0, availability: null, budgetConsumed: null, status: 'none' });
  });

  it('gives an empty portfolio a null availability', () => {
    expect(portfolioAvailability([])).toEqual({ scheduledMinutes: 0, lostMinutes: 0, availability: null });
  });
});

describe('month ends', () => {
  const app = application();
  const acrossMonthEnd = incident('INC-2026-0003', '2026-01-31T23:10:00Z', '2026-02-01T01:40:00Z');

  it('splits an incident at midnight UTC: 50 minutes in January, 100 in February', () => {
    expect(applicationAvailability(app, [acrossMonthEnd], '2026-01', 'UTC', [], LATER).lostMinutes).toBeCloseTo(50, 10);
    expect(applicationAvailability(app, [acrossMonthEnd], '2026-02', 'UTC', [], LATER).lostMinutes).toBeCloseTo(100, 10);
  });

  it('gives the same split through the month index', () => {
    const [january, february] = availabilityByMonth([app], [acrossMonthEnd], ['2026-01', '2026-02'], 'UTC', [], LATER);
    expect(january?.applications[0]?.lostMinutes).toBeCloseTo(50, 10);
    expect(february?.applications[0]?.lostMinutes).toBeCloseTo(100, 10);
  });

  it('cuts months in a non-UTC reporting zone', () => {
    // 12:30Z on 31 January is 01:30 on 1 February in Auckland (UTC+13).
    const auckland = incident('INC-2026-0004', '2026-01-31T12:30:00Z', '2026-01-31T13:30:00Z');
    const january = applicationAvailability(app, [auckland], '2026-01', 'Pacific/Auckland', [], LATER);
    const february = applicationAvailability(app, [auckland], '2026-02', 'Pacific/Auckland', [], LATER);
    expect(january.scheduledMinutes).toBe(31 * 1440);
    expect(january.lostMinutes).toBe(0);
    expect(february.lostMinutes).toBeCloseTo(60, 10);
    expect(applicationAvailability(app, [], '2026-04', 'Pacific/Auckland', [], LATER).scheduledMinutes).toBe(30 * 1440 + 60);
  });
});

describe('leap day', () => {
  it('counts 29 February 2028 as scheduled and lost time', () => {
    const leap = incident('INC-2028-0001', '2028-02-29T23:00:00Z', '2028-03-01T01:00:00Z');
    const row = applicationAvailability(application(), [leap], '2028-02', 'UTC', [], LATER + 2 * 365 * 86_400_000);
    expect(row.scheduledMinutes).toBe(29 * 1440);
    expect(row.lostMinutes).toBeCloseTo(60, 10);
  });
});

describe('overlapping and partial impacts', () => {
  const app = application();

  it('takes the largest fraction per region, never the sum', () => {
    const first = incident('INC-2026-0010', '2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z', [{ regions: ['EMEA'], fraction: 0.5 }]);
    const second = incident('INC-2026-0011', '2026-03-04T10:30:00Z', '2026-03-04T11:30:00Z', [{ regions: ['EMEA'], fraction: 0.3 }]);
    // 60 min × 0.4 × 0.5 + 30 min × 0.4 × 0.3
    expect(lostMinutes(app, [first, second], WEEK, [], LATER)).toBeCloseTo(15.6, 10);
    expect(lostMinutes(app, [second, first], WEEK, [], LATER)).toBeCloseTo(15.6, 10);
  });

  it('adds regions: AMRS and EMEA at once', () => {
    const amrs = incident('INC-2026-0012', '2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z', [{ regions: ['AMRS'] }]);
    const emea = incident('INC-2026-0013', '2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z', [{ regions: ['EMEA'], fraction: 0.5 }]);
    expect(lostMinutes(app, [amrs, emea], WEEK, [], LATER)).toBeCloseTo(60 * (0.5 + 0.2), 10);
  });

  it('never counts a fully lost minute twice', () => {
    const full = incident('INC-2026-0014', '2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z');
    const again = incident('INC-2026-0015', '2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z');
    expect(lostMinutes(app, [full, again], WEEK, [], LATER)).toBeCloseTo(60, 10);
  });

  it('ignores regions the application does not serve and spans of other applications', () => {
    const elsewhere = incident('INC-2026-0016', '2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z', [{ regions: ['LATAM'] }]);
    const otherApp = incident('INC-2026-0017', '2026-03-04T10:00:00Z', '2026-03-04T11:00:00Z', [{}], ['billing']);
    expect(lostMinutes(app, [elsewhere, otherApp], WEEK, [], LATER)).toBe(0);
  });
});

describe('business-hours calendars', () => {
  const desk = application({
    calendar: [{ timezone: 'America/New_York', days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: '07:00-19:00' }],
  });

  it('counts only the part of an incident inside the window', () => {
    // Wednesday 18:00-21:00 New York (EST): one hour inside the window.
    const evening = incident('INC-2026-0020', '2026-03-04T23:00:00Z', '2026-03-05T02:00:00Z');
    expect(lostMinutes(desk, [evening], WEEK, [], LATER)).toBeCloseTo(60, 10);
  });

  it('keeps the window at 12 hours across the New York spring-forward week', () => {
    const week = { fromMs: at('2026-03-02T00:00:00-05:00'), toMs: at('2026-03-09T00:00:00-04:00') };
    expect(scheduledMinutes(desk, week, [])).toBe(3600);
    // Monday 2026-03-09 after the change: 07:00 EDT is 11:00Z.
    const mondayMorning = incident('INC-2026-0021', '2026-03-09T10:00:00Z', '2026-03-09T12:00:00Z');
    const nextWeek = { fromMs: at('2026-03-09T00:00:00-04:00'), toMs: at('2026-03-16T00:00:00-04:00') };
    expect(lostMinutes(desk, [mondayMorning], nextWeek, [], LATER)).toBeCloseTo(60, 10);
  });
});

describe('maintenance exclusion', () => {
  const downtime: MaintenanceWindow = { changeId: 'CHG-2026-0001', applications: ['web'], ...span('2026-03-04T02:00:00Z', '2026-03-04T04:00:00Z') };
  const elsewhere: MaintenanceWindow = { changeId: 'CHG-2026-0002', applications: ['billing'], ...span('2026-03-05T02:00:00Z', '2026-03-05T04:00:00Z') };
  const inside = incident('INC-2026-0030', '2026-03-04T02:30:00Z', '2026-03-04T03:30:00Z');
  const straddling = incident('INC-2026-0031', '2026-03-04T03:00:00Z', '2026-03-04T05:00:00Z');

  it('removes downtime from scheduled minutes and an incident inside it costs nothing', () => {
    const app = application({ excludeMaintenance: true });
    expect(scheduledMinutes(app, WEEK, [downtime, elsewhere])).toBe(10_080 - 120);
    expect(lostMinutes(app, [inside], WEEK, [downtime, elsewhere], LATER)).toBe(0);
    expect(lostMinutes(app, [straddling], WEEK, [downtime], LATER)).toBeCloseTo(60, 10);
  });

  it('counts downtime as scheduled when the application does not exclude maintenance', () => {
    const app = application({ excludeMaintenance: false });
    expect(scheduledMinutes(app, WEEK, [downtime])).toBe(10_080);
    expect(lostMinutes(app, [inside], WEEK, [downtime], LATER)).toBeCloseTo(60, 10);
  });

  it('gives the same through the month index', () => {
    const app = application({ excludeMaintenance: true });
    const index = indexAvailability([inside, straddling], [downtime, elsewhere], 'UTC', LATER);
    const direct = applicationAvailability(app, [inside, straddling], '2026-03', 'UTC', [downtime, elsewhere], LATER);
    expect(monthlyAvailability([app], index, '2026-03').applications[0]).toEqual(direct);
    expect(direct.scheduledMinutes).toBe(31 * 1440 - 120);
    expect(direct.lostMinutes).toBeCloseTo(60, 10);
  });
});

describe('open incidents and the current month', () => {
  const asOf = at('2026-03-10T10:45:00Z');
  const open = incident('INC-2026-0040', '2026-03-10T10:00:00Z', null);

  it('counts an open incident to the as-of instant', () => {
    expect(lostMinutes(application(), [open], monthInterval('2026-03', 'UTC'), [], asOf)).toBeCloseTo(45, 10);
  });

  it('reports the current month to date', () => {
    const row = applicationAvailability(application(), [open], '2026-03', 'UTC', [], asOf);
    expect(row.scheduledMinutes).toBe(9 * 1440 + 10 * 60 + 45);
    expect(row.lostMinutes).toBeCloseTo(45, 10);
    const indexed = monthlyAvailability([application()], indexAvailability([open], [], 'UTC', asOf), '2026-03');
    expect(indexed.applications[0]).toEqual(row);
  });

  it('leaves an open incident out of the months before it', () => {
    expect(applicationAvailability(application(), [open], '2026-02', 'UTC', [], asOf).lostMinutes).toBe(0);
  });

  it('counts a long open incident in every month it spans', () => {
    const longOpen = incident('INC-2026-0041', '2026-01-31T23:00:00Z', null, [{ regions: ['APAC'] }]);
    const months = availabilityByMonth([application()], [longOpen], ['2026-01', '2026-02', '2026-03'], 'UTC', [], asOf);
    expect(months.map((month) => month.applications[0]?.lostMinutes)).toEqual([
      expect.closeTo(6, 10),
      expect.closeTo(28 * 1440 * 0.1, 10),
      expect.closeTo((9 * 1440 + 10 * 60 + 45) * 0.1, 10),
    ]);
  });
});

describe('portfolioAvailability', () => {
  it('weighs applications by scheduled minutes', () => {
    const portfolio = portfolioAvailability([
      { scheduledMinutes: 100, lostMinutes: 1 },
      { scheduledMinutes: 300, lostMinutes: 0 },
    ]);
    expect(portfolio).toEqual({ scheduledMinutes: 400, lostMinutes: 1, availability: 0.9975 });
  });

  it('is part of the monthly report', () => {
    const apps = [application(), application({ id: 'batch', calendar: [{ timezone: 'UTC', days: ['mon'], hours: '00:00-24:00' }] })];
    const outage = incident('INC-2026-0050', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', [{}], ['web', 'batch']);
    const report = monthlyAvailability(apps, indexAvailability([outage], [], 'UTC', LATER), '2026-03');
    expect(report.period).toBe('2026-03');
    expect(report.applications.map((row) => row.id)).toEqual(['web', 'batch']);
    expect(report.portfolio.scheduledMinutes).toBe(31 * 1440 + 5 * 1440);
    expect(report.portfolio.lostMinutes).toBeCloseTo(120, 10);
  });
});

describe('topTalkers', () => {
  const web = application();
  const batch = application({ id: 'batch', regions: { EMEA: 1 } });
  const shared = incident('INC-2026-0062', '2026-03-04T10:00:00Z', '2026-03-04T10:30:00Z', [{ applications: ['web'] }, { applications: ['batch'], regions: ['EMEA'] }], ['web', 'batch']);
  const tieA = incident('INC-2026-0061', '2026-03-05T10:00:00Z', '2026-03-05T11:00:00Z');
  const tieB = incident('INC-2026-0060', '2026-03-06T10:00:00Z', '2026-03-06T11:00:00Z');
  const overlapping = incident('INC-2026-0063', '2026-03-05T10:00:00Z', '2026-03-05T10:10:00Z');
  const weekend = incident('INC-2026-0064', '2026-03-07T10:00:00Z', '2026-03-07T11:00:00Z', [{ applications: ['batch'], regions: ['EMEA'] }], ['batch']);
  const nextMonth = incident('INC-2026-0065', '2026-04-02T10:00:00Z', '2026-04-02T11:00:00Z');
  const batchWeekdays = { ...batch, calendar: [{ timezone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: '00:00-24:00' }] } satisfies ApplicationTerms;

  it('ranks by own lost minutes, then by id, and sums over applications', () => {
    const ranked = topTalkers([web, batchWeekdays], [tieA, shared, weekend, overlapping, tieB, nextMonth], '2026-03', 'UTC', [], LATER);
    expect(ranked.map((talker) => talker.id)).toEqual(['INC-2026-0060', 'INC-2026-0061', 'INC-2026-0062', 'INC-2026-0063']);
    const sharedTalker = ranked.find((talker) => talker.id === 'INC-2026-0062');
    expect(sharedTalker?.lostMinutes).toBeCloseTo(60, 10);
    expect(sharedTalker?.byApplication).toEqual({ batch: expect.closeTo(30, 10), web: expect.closeTo(30, 10) });
    expect(sharedTalker).toMatchObject({ title: 'Incident INC-2026-0062', severity: 'SEV2', applications: ['web', 'batch'] });
    // Its own minutes: the overlap with INC-2026-0061 does not reduce them.
    expect(ranked.find((talker) => talker.id === 'INC-2026-0063')?.lostMinutes).toBeCloseTo(10, 10);
  });

  it('leaves out incidents that cost nothing and ones from other months', () => {
    const ranked = topTalkers([web, batchWeekdays], [weekend, nextMonth], '2026-03', 'UTC', [], LATER);
    expect(ranked).toEqual([]);
    expect(topTalkers([web], [], '2026-03', 'UTC', [], LATER)).toEqual([]);
  });

  it('matches incidentLostMinutes and the indexed variant', () => {
    expect(incidentLostMinutes(web, shared, monthInterval('2026-03', 'UTC'), [], LATER)).toBeCloseTo(30, 10);
    const index = indexAvailability([tieA, shared, tieB], [], 'UTC', LATER);
    expect(monthlyTopTalkers([web, batchWeekdays], index, '2026-03')).toEqual(
      topTalkers([web, batchWeekdays], [tieA, shared, tieB], '2026-03', 'UTC', [], LATER),
    );
  });
});

describe('properties', () => {
  const RANGE = span('2026-03-01T00:00:00Z', '2026-03-15T00:00:00Z');
  const START = RANGE.fromMs - 86_400_000;
  const LENGTH = RANGE.toMs - RANGE.fromMs + 2 * 86_400_000;
  const regionNames = Object.keys(REGIONS);

  const calendarArb = fc.constantFrom<ApplicationTerms['calendar']>(
    '24x7',
    [{ timezone: 'America/New_York', days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: '07:00-19:00' }],
    [
      { timezone: 'Europe/London', days: ['mon', 'wed', 'sat'], hours: '00:00-06:00' },
      { timezone: 'Asia/Tokyo', days: ['tue', 'sun'], hours: '09:30-24:00' },
    ],
  );
  const appArb = fc.record({
    id: fc.constant('web'),
    target: fc.constantFrom(99, 99.5, 99.9, 99.95),
    calendar: calendarArb,
    regions: fc.constant(REGIONS),
    excludeMaintenance: fc.boolean(),
  });
  const spanArb = fc.record({
    applications: fc.constantFrom<string[]>(['web'], ['web', 'batch'], ['batch']),
    regions: fc.subarray(regionNames, { minLength: 1 }),
    fraction: fc.oneof(fc.constantFrom(0.1, 0.2, 0.3, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    fromMs: fc.integer({ min: START, max: START + LENGTH }),
    lengthMs: fc.integer({ min: 0, max: 3 * 86_400_000 }),
    open: fc.boolean(),
  });
  const incidentArb = fc.array(spanArb, { minLength: 1, maxLength: 3 }).map((spans): IncidentTimes => ({
    ...incident('INC-2026-0000', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),
    impact: spans.map(({ lengthMs, open, ...rest }) => ({ ...rest, toMs: open ? null : rest.fromMs + lengthMs })),
  }));
  const incidentsArb = fc.array(incidentArb, { maxLength: 8 }).map((list) => list.map((item, i) => ({ ...item, id: `INC-2026-${String(i).padStart(4, '0')}` })));
  const maintenanceArb = fc.array(
    fc.record({ fromMs: fc.integer({ min: START, max: START + LENGTH }), lengthMs: fc.integer({ min: 0, max: 86_400_000 }) }).map(
      ({ fromMs, lengthMs }): MaintenanceWindow => ({ changeId: 'CHG-2026-0001', applications: ['web'], fromMs, toMs: fromMs + lengthMs }),
    ),
    { maxLength: 3 },
  );
  const asOfArb = fc.integer({ min: RANGE.fromMs, max: RANGE.toMs + 86_400_000 });

  it('keeps 0 ≤ L ≤ S', () => {
    fc.assert(
      fc.property(appArb, incidentsArb, maintenanceArb, asOfArb, (app, incidents, maintenance, asOf) => {
        const lost = lostMinutes(app, incidents, RANGE, maintenance, asOf);
        expect(lost).toBeGreaterThanOrEqual(0);
        expect(lost).toBeLessThanOrEqual(scheduledMinutes(app, RANGE, maintenance));
      }),
    );
  });

  it('never raises availability by adding an incident', () => {
    fc.assert(
      fc.property(appArb, incidentsArb, incidentArb, maintenanceArb, asOfArb, (app, incidents, extra, maintenance, asOf) => {
        const before = lostMinutes(app, incidents, RANGE, maintenance, asOf);
        const after = lostMinutes(app, [...incidents, { ...extra, id: 'INC-2026-9999' }], RANGE, maintenance, asOf);
        expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
    );
  });

  it('leaves L unchanged when an incident is split into two adjacent ones', () => {
    fc.assert(
      fc.property(appArb, incidentsArb, incidentArb, fc.double({ min: 0, max: 1, noNaN: true }), maintenanceArb, (app, incidents, whole, cut, maintenance) => {
        const first = whole.impact[0] as ImpactSpan;
        const endMs = first.toMs ?? LATER;
        const cutMs = first.fromMs + Math.floor((endMs - first.fromMs) * cut);
        const head: IncidentTimes = { ...whole, id: 'INC-2026-9998', impact: [{ ...first, toMs: cutMs }] };
        const tail: IncidentTimes = { ...whole, id: 'INC-2026-9999', impact: [{ ...first, fromMs: cutMs }, ...whole.impact.slice(1)] };
        const together = lostMinutes(app, [...incidents, whole], RANGE, maintenance, LATER);
        const split = lostMinutes(app, [...incidents, head, tail], RANGE, maintenance, LATER);
        expect(split).toBe(together);
      }),
    );
  });

  it('does not depend on the order of incidents', () => {
    const permutedArb = incidentsArb.chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
    );
    fc.assert(
      fc.property(appArb, permutedArb, maintenanceArb, asOfArb, (app, [incidents, shuffled], maintenance, asOf) => {
        expect(lostMinutes(app, shuffled, RANGE, maintenance, asOf)).toBe(lostMinutes(app, incidents, RANGE, maintenance, asOf));
        const ranked = topTalkers([app], incidents, '2026-03', 'UTC', maintenance, asOf);
        expect(topTalkers([app], shuffled, '2026-03', 'UTC', maintenance, asOf)).toEqual(ranked);
      }),
    );
  });

  it('gives the same rows through the month index as one application at a time', () => {
    fc.assert(
      fc.property(appArb, incidentsArb, maintenanceArb, asOfArb, fc.constantFrom('UTC', 'America/New_York', 'Pacific/Auckland'), (app, incidents, maintenance, asOf, zone) => {
        const months = ['2026-02', '2026-03', '2026-04'];
        const indexed = availabilityByMonth([app], incidents, months, zone, maintenance, asOf);
        months.forEach((month, i) => {
          expect(indexed[i]?.applications[0]).toEqual(applicationAvailability(app, incidents, month, zone, maintenance, asOf));
        });
      }),
    );
  });

  it('schedules only instants inside the range', () => {
    fc.assert(
      fc.property(appArb, maintenanceArb, (app, maintenance) => {
        for (const interval of applicationSchedule(app, RANGE, maintenance)) {
          expect(interval.fromMs).toBeGreaterThanOrEqual(RANGE.fromMs);
          expect(interval.toMs).toBeLessThanOrEqual(RANGE.toMs);
        }
      }),
    );
  });
});

describe("an incident's own cost", () => {
  it('covers the whole impact, from the first span to the last, an open span running to as-of', () => {
    const twoSpans = incident('INC-1', '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', [
      { from: '2026-03-02T10:00:00Z', to: '2026-03-02T10:30:00Z' },
      { from: '2026-03-02T11:00:00Z', to: '2026-03-02T12:00:00Z' },
    ]);
    expect(incidentImpactInterval(twoSpans, LATER)).toEqual(span('2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z'));
    const open = incident('INC-2', '2026-03-02T10:00:00Z', null);
    expect(incidentImpactInterval(open, at('2026-03-02T13:00:00Z'))).toEqual(span('2026-03-02T10:00:00Z', '2026-03-02T13:00:00Z'));
  });

  it('sums the minutes over its applications, each with its own terms and maintenance, and skips unknown ones', () => {
    // 60 minutes: web (24x7, all regions) loses 60; api is excluded from 10:30 to 11:00 by maintenance, so loses 30.
    const both = incident('INC-3', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', [{ applications: ['web', 'api', 'gone'] }], ['web', 'api', 'gone']);
    const apps = new Map<string, ApplicationTerms>([
      ['web', application()],
      ['api', application({ id: 'api', excludeMaintenance: true })],
    ]);
    const maintenance = new Map<string, MaintenanceWindow[]>([['api', [{ changeId: 'CHG-1', applications: ['api'], ...span('2026-03-02T10:30:00Z', '2026-03-02T11:00:00Z') }]]]);
    expect(incidentOwnLostMinutes(both, apps, maintenance, LATER)).toBe(90);
    expect(incidentOwnLostMinutes(both, apps, new Map(), LATER)).toBe(120);
  });

  it('states lost minutes as percentage points of the scheduled time, 0 when nothing was scheduled', () => {
    expect(availabilityPercentagePoints(75, 15_810)).toBeCloseTo(0.47438, 5);
    expect(availabilityPercentagePoints(30, 43_200)).toBeCloseTo(30 / 432, 12);
    expect(availabilityPercentagePoints(10, 0)).toBe(0);
  });
});

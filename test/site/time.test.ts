import { describe, expect, it } from 'vitest';
import { formatChange, formatFte, formatHours, monthTitle as monthName } from '../../src/site/format.ts';
import { hotspotsJson, hotspotsSection } from '../../src/site/views/hotspots.ts';
import { timeContext, type TimeInputs } from '../../src/site/views/time-context.ts';
import { timePage } from '../../src/site/views/time.ts';
import { trendChartSpec } from '../../src/site/charts/effort.ts';
import { newProblemCommand } from '../../src/site/words/effort.ts';
import { renderChart } from '../../src/site/render.ts';
import type { EffortEntry } from '../../src/core/effort.ts';

const DAY_MS = 86_400_000;

function entry(date: string, hours: number, overrides: Partial<EffortEntry> = {}): EffortEntry {
  return { date, team: 'ops', application: 'settlement', component: 'batch', category: 'incident', ticket: '', hours, ...overrides };
}

/** 140 h in 2025-09, 14 h more each month to 2026-10 (service requests included), and a few November days. */
function inputs(overrides: Partial<TimeInputs> = {}): TimeInputs {
  const months = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
  // The two service requests of September and October 2026 are part of their month's line.
  const timeEntries = months.map((month, i) => entry(`${month}-10`, 140 + 14 * i - (month >= '2026-09' ? 3 : 0)));
  timeEntries.push(entry('2026-11-02', 70, { category: 'change' }), entry('2026-11-30', 500));
  for (const date of ['2026-09-01', '2026-09-20', '2026-10-05', '2026-10-30', '2026-11-20']) {
    timeEntries.push(entry(date, 1.5, { category: 'service-request', component: 'reports', ticket: `REQ-${date}` }));
  }
  const started = Date.UTC(2026, 8, 1, 9);
  return {
    fteHoursPerMonth: 140,
    reportingTimezone: 'UTC',
    timeEntries,
    incidents: [0, 30, 60].map((day, i) => ({
      id: `INC-2026-000${i + 1}`,
      title: `Batch stalled ${i + 1}`,
      applications: ['settlement'],
      component: 'batch',
      started: started + day * DAY_MS,
    })),
    problems: [],
    applications: [{ id: 'settlement', name: 'Settlement' }],
    asOfMs: Date.parse('2026-11-24T12:00:00Z'),
    ...overrides,
  };
}

describe('formatting', () => {
  it('reads hours, FTEs, changes and months the way the page prints them', () => {
    expect(formatHours(1234.56)).toBe('1,234.6 h');
    expect(formatFte(0.345)).toBe('0.34');
    expect(formatFte(5.04)).toBe('5.0');
    expect([formatChange(0.25), formatChange(-0.032), formatChange(0), formatChange(null)]).toEqual(['+25.0 %', '−3.2 %', '±0.0 %', 'new']);
    expect(monthName('2026-11')).toBe('November 2026');
  });

  it('builds a problem command that survives the shell', () => {
    expect(newProblemCommand('Recurring batch incidents on settlement')).toBe('npm run new -- problem "Recurring batch incidents on settlement"');
    expect(newProblemCommand('Say "hi" $HOME `x`')).toBe('npm run new -- problem "Say hi HOME x"');
  });
});

describe('hotspotsSection', () => {
  const context = timeContext(inputs());

  it('counts the as-of month to date and compares it with the whole month before', () => {
    const view = hotspotsSection(context, '2026-11');
    expect(view.isMonthToDate).toBe(true);
    expect(view.title).toBe('Time-tracking hotspots, November 2026 (to 2026-11-24)');
    expect(view.totalHoursText).toBe('71.5 h');
    expect(view.changeSentence).toBe('Down 77.8 % on October 2026 (71.5 h against 322 h): this month to date against the whole of the month before.');
    expect(view.categories[0]).toEqual({ key: 'change', label: 'Changes', hoursText: '70 h', shareText: '97.9 %', previousHoursText: '0 h', changeText: 'new' });
  });

  it('lists recurring incidents with links and the command, and automation candidates', () => {
    const view = hotspotsSection(context, '2026-11');
    expect(view.recurringWindowText).toBe('the 90 days to 2026-11-24');
    expect(view.recurring).toEqual([
      {
        key: 'settlement/batch',
        label: 'Settlement / batch',
        count: 3,
        countText: '3',
        incidents: [1, 2, 3].map((n) => ({ id: `INC-2026-000${n}`, title: `Batch stalled ${n}`, href: `/incidents/INC-2026-000${n}/` })),
        moreText: '',
        moreHref: '/applications/settlement/',
        firstText: '2026-09-01',
        lastText: '2026-10-31',
        suggestedTitle: 'Recurring batch incidents on settlement',
        command: 'npm run new -- problem "Recurring batch incidents on settlement"',
      },
    ]);
    expect(view.automation).toEqual([
      { key: 'settlement/reports', label: 'Settlement / reports', entries: 5, tickets: 5, hoursText: '7.5 h', firstDate: '2026-09-01', lastDate: '2026-11-20' },
    ]);
  });

  it('evaluates a past month up to its own end', () => {
    const view = hotspotsSection(context, '2026-09');
    expect(view.isMonthToDate).toBe(false);
    expect(view.recurring).toEqual([]);
    expect(view.automation).toEqual([]);
    expect(view.automationWindowText).toBe('2026-07-03 to 2026-09-30');
  });

  it('drops incidents a problem ticket covers', () => {
    const covered = timeContext(inputs({ problems: [{ id: 'PRB-2026-0001', incidents: ['INC-2026-0002'] }] }));
    expect(hotspotsSection(covered, '2026-11').recurring).toEqual([]);
  });
});

describe('timePage', () => {
  const page = timePage(timeContext(inputs()));

  it('aggregates the twelve complete months and shows the as-of month to date in the trend', () => {
    expect(page.periodText).toBe('November 2025 to October 2026');
    expect(page.trendRows.map((row) => row.month)).toEqual([
      '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    expect(page.trendRows[12]?.isMonthToDate).toBe(true);
    expect(page.trendRows[0]?.changeText).toBe('+9.1 %');
  });

  it('forecasts the as-of month and the two after it from the complete months', () => {
    expect(page.forecastRows.map((row) => [row.month, row.hoursText])).toEqual([
      ['2026-11', '336 h'],
      ['2026-12', '350 h'],
      ['2027-01', '364 h'],
    ]);
    expect(page.forecastSentence).toBe(
      'Support effort grows by 14 h a month (0.10 FTE), fitted on 12 complete months (R² 1.00). The forecast for January 2027 is 364 h, 2.6 FTE (95 % interval 2.6 – 2.6 FTE).',
    );
  });

  it('leaves out the months before the first booking', () => {
    const young = timePage(timeContext(inputs({ timeEntries: [entry('2026-09-03', 10), entry('2026-10-03', 12)] })));
    expect(young.periodText).toBe('September 2026 to October 2026');
    expect(young.forecastRows).toEqual([]);
    expect(young.forecastSentence).toBe('No forecast yet: it needs at least three complete months of time tracking.');
  });

  it('renders the trend chart to an SVG with its title', async () => {
    const svg = await renderChart(page.charts.trend.spec, page.charts.trend.title);
    expect(svg).toMatch(/^<svg role="img" aria-label="Support hours per month with a three-month forecast"/);
    const empty = trendChartSpec({ actual: [{ month: '2026-11', hours: 3, toDate: true }], fitted: [], forecasts: [] }, 'x') as { layer: unknown[] };
    expect(empty.layer).toHaveLength(1);
  });
});

describe('hotspotsJson', () => {
  it('carries the documented keys and full precision', () => {
    const body = hotspotsJson(timeContext(inputs()), '2026-10');
    expect(Object.keys(body)).toEqual(['period', 'asOf', 'totalHours', 'fte', 'byCategory', 'byApplication', 'byComponent', 'byTeam']);
    expect(body.period).toBe('2026-10');
    expect(body.asOf).toBe(new Date(inputs().asOfMs).toISOString());
    expect(body.totalHours).toBe(322);
    expect(body.fte).toBe(322 / 140);
    expect(body.byComponent[0]).toEqual({ key: 'settlement/batch', hours: 319, share: 319 / 322 });
  });
});

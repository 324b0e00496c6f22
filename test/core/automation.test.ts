import { describe, expect, it } from 'vitest';
import { automationCandidates } from '../../src/core/automation.ts';
import { daysThrough } from '../../src/core/recurrence.ts';
import { entry } from './effort-entries.ts';

describe('automationCandidates', () => {
  const request = (date: string, hours = 0.5, ticket = '') =>
    entry({ date, category: 'service-request', application: 'settlement', component: 'reports', hours, ticket });
  const range = { fromDate: '2026-01-01', toDate: '2026-12-31' };

  it('flags five service requests on one component within 90 days, with their hours', () => {
    const five = ['2026-09-01', '2026-09-15', '2026-10-01', '2026-10-20', '2026-11-29'].map((d, i) => request(d, 0.5 + i, `REQ-${i % 3}`));
    expect(automationCandidates(five, range)).toEqual([
      {
        application: 'settlement',
        component: 'reports',
        key: 'settlement/reports',
        entries: 5,
        hours: 12.5,
        tickets: 3,
        firstDate: '2026-09-01',
        lastDate: '2026-11-29',
      },
    ]);
  });

  it('does not flag four, nor five spread over more than 90 days, nor other categories', () => {
    const four = ['2026-09-01', '2026-09-15', '2026-10-01', '2026-10-20'].map((d) => request(d));
    expect(automationCandidates(four, range)).toEqual([]);
    const spread = ['2026-09-01', '2026-09-15', '2026-10-01', '2026-10-20', '2026-11-30'].map((d) => request(d));
    expect(automationCandidates(spread, range)).toEqual([]);
    expect(automationCandidates([...four, entry({ date: '2026-09-02', component: 'reports', category: 'incident' })], range)).toEqual([]);
  });

  it('counts only entries inside the date range', () => {
    const five = ['2026-09-01', '2026-09-15', '2026-10-01', '2026-10-20', '2026-11-20'].map((d) => request(d));
    expect(automationCandidates(five, daysThrough('2026-11-20', 90))).toHaveLength(1);
    expect(automationCandidates(five, daysThrough('2026-11-30', 90))).toEqual([]);
  });

  it('gives the last 90 calendar days through a date', () => {
    expect(daysThrough('2026-11-24', 90)).toEqual({ fromDate: '2026-08-27', toDate: '2026-11-24' });
    expect(daysThrough('2024-03-01', 2)).toEqual({ fromDate: '2024-02-29', toDate: '2024-03-01' });
  });
});

// A corpus worked out by hand (business hours across DST, a month-end outage, overlapping partial
// impacts, excluded maintenance, an open incident) built end to end; the published JSON must give
// the minutes the hand calculation gives.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site.ts';
import { distFiles } from '../helpers/dist-files.ts';

const root = path.join(projectRoot, 'test/fixtures/availability-corpus');
let outDir = '';

interface Row {
  id: string;
  scheduledMinutes: number;
  lostMinutes: number;
  availability: number | null;
  status: string;
}

function availability(month: string): { applications: Row[]; portfolio: { scheduledMinutes: number; lostMinutes: number } } {
  return JSON.parse(readFileSync(path.join(outDir, `api/v1/availability/${month}.json`), 'utf8'));
}
const row = (month: string, id: string) => availability(month).applications.find((r) => r.id === id)!;

beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-availability-'));
  const result = buildSite({ root, outDir, asOf: '2026-11-24T12:00:00Z' });
  expect(result.status, result.output).toBe(0);
});

describe('hand-calculated availability corpus', () => {
  it('splits a 23:10→01:40 outage over the month end: 50 minutes in January, 100 in February', () => {
    expect(row('2026-01', 'fx')).toMatchObject({ scheduledMinutes: 31 * 1440, lostMinutes: 50 });
    expect(row('2026-02', 'fx')).toMatchObject({ scheduledMinutes: 28 * 1440, lostMinutes: 100 });
  });

  it('takes the largest fraction per region for overlapping partial impacts: 6 + 9 + 6.6 = 21.6 minutes', () => {
    expect(row('2026-03', 'fx').lostMinutes).toBeCloseTo(21.6, 9);
  });

  it('counts New York business hours in EDT the Monday after the spring change, and excludes maintenance', () => {
    // 22 weekdays × 720 min, less the 120 min of the patching window inside business hours.
    const settle = row('2026-03', 'settle');
    expect(settle.scheduledMinutes).toBe(22 * 720 - 120);
    // 10:30Z–12:00Z overlaps 07:00 EDT (11:00Z) for 60 min; the outage inside maintenance costs nothing.
    expect(settle.lostMinutes).toBe(60);
    expect(settle.availability).toBeCloseTo(15660 / 15720, 12);
  });

  it('counts London business hours in BST after the spring change and in GMT after the autumn one', () => {
    expect(row('2026-03', 'risk')).toMatchObject({ scheduledMinutes: 22 * 660, lostMinutes: 60 });
    expect(row('2026-10', 'risk')).toMatchObject({ scheduledMinutes: 22 * 660, lostMinutes: 30 });
  });

  it('reports the current month to the as-of instant, with the open incident counted to it', () => {
    expect(row('2026-11', 'fx')).toMatchObject({ scheduledMinutes: 23.5 * 1440 });
    expect(row('2026-11', 'fx').lostMinutes).toBeCloseTo(24, 9);
  });

  it('ranks March top talkers by their own lost minutes, ties by id, zero-cost incidents left out', () => {
    const talkers = JSON.parse(readFileSync(path.join(outDir, 'api/v1/top-talkers/2026-03.json'), 'utf8'));
    expect(talkers.incidents.map((t: { id: string; lostMinutes: number }) => [t.id, Math.round(t.lostMinutes * 10) / 10])).toEqual([
      ['INC-2026-0004', 60],
      ['INC-2026-0006', 60],
      ['INC-2026-0003', 13.2],
      ['INC-2026-0002', 12],
    ]);
  });

  it('gives every JSON endpoint the as-of instant, as the README promises for all of them', () => {
    const endpoints = distFiles(path.join(outDir, 'api/v1')).filter((file) => file.endsWith('.json'));
    expect(endpoints.some((file) => file.startsWith('hotspots/'))).toBe(true);
    for (const file of endpoints) {
      expect(JSON.parse(readFileSync(path.join(outDir, 'api/v1', file), 'utf8')).asOf, file).toBe('2026-11-24T12:00:00.000Z');
    }
  });

  it('shows people truncated percentages on the report page', () => {
    const html = readFileSync(path.join(outDir, 'reports/2026-03/index.html'), 'utf8');
    expect(html).toContain('99.61 %'); // settlement 99.6183…
    expect(html).toContain('99.58 %'); // risk 99.5867…
  });
});

describe('as of the first instant of a month', () => {
  let firstOfMonthDir = '';

  beforeAll(() => {
    firstOfMonthDir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-first-of-month-'));
    const result = buildSite({ root, outDir: firstOfMonthDir, asOf: '2026-11-01T00:00:00Z' });
    expect(result.status, result.output).toBe(0);
  });

  it('shows the month just ended on the overview, complete, and publishes no empty month to date', () => {
    const index = readFileSync(path.join(firstOfMonthDir, 'index.html'), 'utf8');
    expect(index).toContain('October 2026');
    expect(index).not.toContain('No schedule');
    const report = readFileSync(path.join(firstOfMonthDir, 'reports/2026-10/index.html'), 'utf8');
    expect(report).not.toContain('month to date');
    // The change calendar looks ahead, so only report months count here.
    expect(distFiles(firstOfMonthDir).filter((file) => file.includes('2026-11') && !file.startsWith('changes/calendar/'))).toEqual([]);
  });
});

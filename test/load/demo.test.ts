// The demo data a newcomer's first build shows: valid, and as large as the foundation promises.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('demo data', () => {
  const { repository, diagnostics } = loadRepository(projectRoot);

  it('passes npm run check: not a single diagnostic', () => {
    expect(diagnostics).toEqual([]);
  });

  it('holds 18 months of a realistic estate', () => {
    expect(repository.applications.map((a) => a.id)).toEqual(['pricing', 'order-routing', 'settlement', 'client-portal', 'market-data', 'risk']);
    expect(repository.incidents.length).toBeGreaterThanOrEqual(150);
    expect(repository.changes.length).toBeGreaterThanOrEqual(40);
    expect(repository.problems.length).toBeGreaterThanOrEqual(15);
    expect(repository.problems.every((p) => p.actions.length > 0)).toBe(true);
    expect(repository.postmortems.length).toBeGreaterThanOrEqual(10);
    expect(repository.timeEntries.length).toBeGreaterThanOrEqual(20_000);
    expect(repository.capacity.length).toBeGreaterThanOrEqual(3);
    const months = new Set(repository.incidents.map((i) => new Date(i.started).toISOString().slice(0, 7)));
    expect(months.size).toBe(18);
  });

  it('mixes calendars: round the clock and weekday business hours in New York and London', () => {
    const zones = repository.applications.flatMap((a) => (a.calendar === '24x7' ? ['24x7'] : a.calendar.map((w) => w.timezone)));
    expect(zones).toEqual(expect.arrayContaining(['24x7', 'America/New_York', 'Europe/London']));
  });
});

// The demo data a newcomer's first build shows: valid, and as large as scripts/demo/README.md says. Generated
// here with the seeded generator, so the test holds whatever the repository's own content/ and data/ hold.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generate-demo.ts';
import { changeViolations } from '../../src/core/changes.ts';
import { loadRepository } from '../../src/load/repository.ts';

const root = mkdtempSync(path.join(tmpdir(), 'opsledger-demo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('demo data', () => {
  generateDemo(root);
  const { repository, diagnostics } = loadRepository(root);

  it('passes npm run check: no error, a warning for exactly each broken change rule the pages show, and one for the open SEV2 without public text', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const broken = repository.changes.flatMap((c) => changeViolations(c, repository.site.changeLeadDays).map((rule) => `${c.file} ${rule}`));
    expect(broken.length).toBeGreaterThan(0);
    const unannounced = ['content/incidents/2026/INC-2026-0098.md public-text'];
    expect(diagnostics.map((d) => `${d.severity} ${d.file} ${d.rule}`).sort()).toEqual([...broken, ...unannounced].map((b) => `warning ${b}`).sort());
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

  it('publishes five services, dozens of incidents with public text and updates, and maintenance windows', () => {
    expect(repository.site.public?.applications.map((a) => a.id)).toEqual(['pricing', 'order-routing', 'settlement', 'client-portal', 'market-data']);
    const published = repository.incidents.filter((i) => i.public !== undefined);
    expect(published.length).toBeGreaterThanOrEqual(25);
    expect(published.filter((i) => i.updates.some((u) => u.public)).length).toBeGreaterThanOrEqual(20);
    expect(repository.incidents.filter((i) => i.public === undefined).flatMap((i) => i.updates).some((u) => u.public)).toBe(false);
    expect(repository.changes.filter((c) => c.public !== undefined && c.downtime !== undefined).length).toBeGreaterThanOrEqual(5);
  });
});

// Lists that grow with the records are capped: a page names the first (or latest) few, says how many there are
// and links where the rest are, so no page grows with the history. The corpus is the minimal fixture plus 130
// generated SEV2 incidents on settlement/batch (no machine monitor there, reported by phone, one update 40 min in,
// no restored notice), so each of them is a blind spot, missed by monitoring and a missed update cadence.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBuildContext } from '../../../src/site/context.ts';
import { COMMUNICATIONS_SHOWN, communicationsSectionView } from '../../../src/site/views/communications.ts';
import { healthModelOfBuild, healthMonths, healthPage } from '../../../src/site/views/health.ts';
import { HEALTH_INCIDENTS_SHOWN, REPORT_MISSED_SHOWN } from '../../../src/site/views/health-lists.ts';
import { monthMonitoringSection } from '../../../src/site/views/health-sections.ts';
import { monthReport } from '../../../src/site/views/availability.ts';
import { capRecurringGroups, RECURRING_GROUPS_SHOWN } from '../../../src/site/views/records.ts';
import { minimalRoot } from '../../helpers/minimal-context.ts';

const generated = 130;
const root = mkdtempSync(path.join(tmpdir(), 'opsledger-capped-'));
cpSync(minimalRoot, root, { recursive: true });
for (let n = 0; n < generated; n++) {
  const id = `INC-2026-${String(100 + n).padStart(4, '0')}`;
  // One every four hours from 2 March 2026: all of them start (and end) in March.
  const started = Date.parse('2026-03-02T12:00:00Z') + n * 4 * 3_600_000;
  const at = (minutes: number) => new Date(started + minutes * 60_000).toISOString();
  writeFileSync(
    path.join(root, 'content/incidents', `${id}.md`),
    [
      '---',
      `id: ${id}`,
      `title: Generated outage ${n}`,
      'application: settlement',
      'severity: SEV2',
      'status: resolved',
      `started: ${at(0)}`,
      `detected: ${at(2)}`,
      `acknowledged: ${at(5)}`,
      `restored: ${at(60)}`,
      'component: batch',
      'cause: hardware',
      'channel: phone',
      'resolvedAt: L2',
      `updates: [{at: ${at(40)}, text: Investigating}]`,
      '---',
      'Generated.',
      '',
    ].join('\n'),
  );
}
const ctx = createBuildContext(root, Date.parse('2026-04-10T00:00:00Z'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('capped lists on a corpus larger than the caps', () => {
  it('loads the generated incidents', () => {
    expect(ctx.repository.incidents.filter((i) => i.title.startsWith('Generated outage'))).toHaveLength(generated);
  });

  it('/health/ lists the latest blind spots by name, counts every one per application and layer, and links the JSON', () => {
    const page = healthPage(healthModelOfBuild(ctx), ctx.asOfMs);
    expect(page.blindSpotCount).toBeGreaterThan(HEALTH_INCIDENTS_SHOWN);
    expect(page.blindSpots).toHaveLength(HEALTH_INCIDENTS_SHOWN);
    expect(page.blindSpotsMore).toBe(page.blindSpotCount - HEALTH_INCIDENTS_SHOWN);
    expect(page.blindSpotsMoreText).toBe(`${page.blindSpotCount - HEALTH_INCIDENTS_SHOWN} earlier incidents not listed here`);
    expect(page.jsonHref).toBe('/api/v1/health.json');
    // The latest are the ones named: the last generated incident is, the first is not.
    expect(page.blindSpots.map((s) => s.incidentId)).toContain('INC-2026-0229');
    expect(page.blindSpots.map((s) => s.incidentId)).not.toContain('INC-2026-0100');
    // The counts cover all of them, from the data.
    const batchMachine = page.blindSpotsByApplication.find((row) => row.application === 'Settlement' && row.layerText === 'Machine')!;
    expect(batchMachine).toMatchObject({ href: '#coverage-settlement', incidents: generated, missed: generated });
    expect(page.blindSpotsByApplication.reduce((sum, row) => sum + row.incidents, 0)).toBe(page.blindSpotCount);
  });

  it("the monthly report names the incidents monitoring missed that lost the most, counts the rest and links the month's figures", () => {
    const [month] = healthMonths(['2026-03'], (m) => monthReport(ctx, m));
    const section = monthMonitoringSection(ctx.repository, month!, ctx.asOfMs);
    expect(section.missed.count).toBeGreaterThanOrEqual(generated);
    expect(section.missed.incidents).toHaveLength(REPORT_MISSED_SHOWN);
    expect(section.missed.more).toBe(section.missed.count - REPORT_MISSED_SHOWN);
    expect(section.missed.moreText).toBe(`${section.missed.count - REPORT_MISSED_SHOWN} more incidents not listed here`);
    expect(section.missed.moreHref).toBe('/api/v1/top-talkers/2026-03.json');
  });

  it('the monthly report names the longest silences, counts every SEV1/SEV2 that missed the cadence and links the year', () => {
    const section = communicationsSectionView(ctx, '2026-03');
    expect(section.missedCount).toBe(generated + 1);
    expect(section.missed).toHaveLength(COMMUNICATIONS_SHOWN);
    expect(section.missedMoreText).toBe(`${generated + 1 - COMMUNICATIONS_SHOWN} more incidents not listed here`);
    expect(section.withoutRestoredNoticeCount).toBe(generated + 1);
    expect(section.withoutRestoredNotice).toHaveLength(COMMUNICATIONS_SHOWN);
    expect(section.withoutRestoredNoticeMoreText).toBe(`${generated + 1 - COMMUNICATIONS_SHOWN} more incidents not listed here`);
    expect(section.yearHref).toBe('/incidents/year/2026/');
  });
});

describe('recurring groups', () => {
  const groups = Array.from({ length: RECURRING_GROUPS_SHOWN + 5 }, (_, i) => ({
    key: `app-${i}/batch`,
    label: `App ${i} / batch`,
    count: 3 + i,
    moreHref: `/applications/app-${i}/`,
  }));

  it('describes the largest in full and names the others in one line each, with their counts and links', () => {
    const capped = capRecurringGroups(groups);
    expect(capped.shown).toHaveLength(RECURRING_GROUPS_SHOWN);
    expect(capped.shown[0]!.count).toBe(3 + RECURRING_GROUPS_SHOWN + 4);
    expect(capped.rest).toEqual([4, 3, 2, 1, 0].map((i) => ({ label: `App ${i} / batch`, countText: String(3 + i), href: `/applications/app-${i}/` })));
    expect(capped.moreText).toBe('5 more components with recurring incidents (25 incidents), fewest last');
  });

  it('says nothing more when every group fits', () => {
    expect(capRecurringGroups(groups.slice(0, 3))).toMatchObject({ rest: [], moreText: '' });
  });
});

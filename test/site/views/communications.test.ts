// Communications of the minimal fixture's incidents, cadence 15 min (site.yaml default). INC-2026-0001 (SEV2)
// was detected 10:32, updated 10:40 and restored 11:30 UTC without a restored notice: a 50 min silence.
// INC-2026-0002 (SEV3, no cadence) was detected 13:05, acknowledged by update at 13:10, restored 14:15 with a notice.
import { describe, expect, it } from 'vitest';
import { communicationsOf, communicationsSectionView, incidentCommunicationsView } from '../../../src/site/views/communications.ts';
import { byId, minimalContext } from '../../helpers/minimal-context.ts';

describe('communication views', () => {
  const ctx = minimalContext();
  const incident = (id: string) => byId(ctx.repository.incidents, id);

  it('measures the silences between updates, from detection to restoration', () => {
    const record = communicationsOf(ctx, incident('INC-2026-0002'));
    expect(record.gaps.map((g) => g.minutes)).toEqual([5, 65]);
    expect(record.longestGapMinutes).toBe(65);
    expect(record.hasRestoredNotice).toBe(true);
    expect(communicationsOf(ctx, incident('INC-2026-0002'))).toBe(record);
  });

  it("renders the incident's timeline with each gap in words", () => {
    const view = incidentCommunicationsView(ctx, incident('INC-2026-0002'));
    expect(view.rows.map((r) => [r.atText, r.kind])).toEqual([
      ['2026-03-12 13:05 UTC', 'detected'],
      ['2026-03-12 13:10 UTC', 'acknowledge'],
      ['2026-03-12 14:15 UTC', 'impact ended'],
      ['2026-03-12 14:15 UTC', 'restored'],
    ]);
    expect(view.rows[2]!.gapText).toBe('1 h 5 min since the previous update');
    expect(view.restoredText).toBe('Sent.');
  });

  it("lists the month's incidents that missed the cadence or sent no restored notice", () => {
    const section = communicationsSectionView(ctx, '2026-03');
    expect(section).toMatchObject({ monthText: 'March 2026', cadence: 15, total: 1, met: 0, shareText: '0.0 %' });
    expect(section.missed).toEqual([{ id: 'INC-2026-0001', title: 'Settlement batch stalled', severity: 'SEV2', href: '/incidents/INC-2026-0001/', gapText: '50 min' }]);
    expect(section.withoutRestoredNotice.map((i) => i.id)).toEqual(['INC-2026-0001']);
  });
});

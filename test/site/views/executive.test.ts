// Executive summaries and share cards on the minimal fixture. INC-2026-0002 lasted 13:00–14:15 UTC and cost
// Settlement 75 of March's 15,810 scheduled minutes (0.474 percentage points); PM-2026-0001 reviews it.
import { describe, expect, it } from 'vitest';
import { cardFor, cardKeys, firstParagraph, incidentSummary, incidentSummaryText, postmortemSummary, postmortemSummaryText } from '../../../src/site/views/executive.ts';
import { byId, minimalContext } from '../../helpers/minimal-context.ts';

describe('executive views', () => {
  const ctx = minimalContext();
  const incident = byId(ctx.repository.incidents, 'INC-2026-0002');
  const pm = byId(ctx.repository.postmortems, 'PM-2026-0001');

  it("summarises an incident: duration, this incident's own lost minutes, its effect and follow-ups", () => {
    const summary = incidentSummary(ctx, incident);
    expect(summary.statusText).toBe('Resolved; impact lasted 1 h 15 min');
    expect(summary.lostText).toBe('75.0');
    expect(summary.effects).toEqual(['Settlement, March 2026: 75.0 lost minutes, 0.474 percentage points of availability']);
    expect(summary.rootCauseSource).toBe('post-mortem');
    expect(summary.followUps).toEqual([{ id: 'PRB-2026-0001', title: 'Database patches break replication', href: '/problems/PRB-2026-0001/', status: 'known-error', openActions: 1 }]);
    expect(summary.reviews.map((r) => r.id)).toEqual(['PM-2026-0001']);
    expect(incidentSummary(ctx, incident)).toBe(summary);
  });

  it("writes the incident's plain-text twin from the same summary", () => {
    const text = incidentSummaryText(incident, incidentSummary(ctx, incident));
    expect(text.split('\n')[0]).toBe('INC-2026-0002 SEV3 on Settlement: Settlement database failover after patch');
    expect(text).toContain('Lost minutes (this incident alone): 75.0');
    expect(text).toContain('- PRB-2026-0001 Database patches break replication (known-error, 1 open action)');
  });

  it('summarises a post-mortem over the incidents it reviews', () => {
    const summary = postmortemSummary(ctx, pm);
    expect(summary.summary).toBe('Settlement was down for 75 minutes after a database patch.');
    expect(summary.lostText).toBe('75.0');
    expect(summary.incidentLines.map((l) => l.text)).toEqual(['SEV3, Settlement, 1 h 15 min, 75.0 lost minutes']);
    expect(postmortemSummaryText(pm, summary)).toContain('Review: 2026-03-16, final, by Dana Ops, Ops Lead');
  });

  it('makes one share card per kind of record, keyed by severity and status', () => {
    expect(cardKeys(ctx)).toEqual(['incident-sev2-resolved', 'incident-sev3-resolved', 'postmortem-final']);
    expect(cardFor(ctx, 'incident-sev2-resolved')).toMatchObject({ eyebrow: 'Incident · Reference Corp', title: 'SEV2 incident, resolved', figure: 'SEV2', footer: 'example.org' });
  });

  it('takes the first paragraph of Markdown as plain text', () => {
    expect(firstParagraph('## Summary\n\nFirst *line*\ncontinues.\n\nSecond.')).toContain('First');
  });
});

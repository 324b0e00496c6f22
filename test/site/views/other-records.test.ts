// Facts and links of changes, problems and post-mortems on the minimal fixture.
import { describe, expect, it } from 'vitest';
import { changeFacts, incidentLinks, incidentsCausedBy, postmortemFacts, problemFacts, problemLinks } from '../../../src/site/views/other-records.ts';
import { byId, minimalContext } from '../../helpers/minimal-context.ts';

describe('other record views', () => {
  const ctx = minimalContext();

  it('links incidents and problems by id with their titles, keeping an unknown id visible', () => {
    expect(incidentLinks(ctx, ['INC-2026-0001', 'INC-2099-0001'])).toEqual([
      { id: 'INC-2026-0001', title: 'Settlement batch stalled', href: '/incidents/INC-2026-0001/' },
      { id: 'INC-2099-0001', title: '', href: '/incidents/INC-2099-0001/' },
    ]);
    expect(problemLinks(ctx, ['PRB-2026-0001'])).toEqual([{ id: 'PRB-2026-0001', title: 'Database patches break replication', href: '/problems/PRB-2026-0001/' }]);
  });

  it('finds the incidents a change caused', () => {
    expect(incidentsCausedBy(ctx, 'CHG-2026-0001').map((l) => l.id)).toEqual(['INC-2026-0002']);
    expect(incidentsCausedBy(ctx, 'CHG-2026-0002')).toEqual([]);
  });

  it("states a change's windows in the reporting zone and its approvals with their time", () => {
    const facts = new Map(changeFacts(ctx, byId(ctx.repository.changes, 'CHG-2026-0001')).map((f) => [f.label, f.text]));
    expect(facts.get('Maintenance downtime')).toBe('2026-03-12 12:00 UTC → 2026-03-12 12:30 UTC');
    expect(facts.get('Approvals')).toBe('CAB chair (2026-03-05 15:00 UTC)');
    expect(facts.get('Outcome')).toBe('failed');
  });

  it("names a problem's owning team, and a post-mortem's review date and authors", () => {
    const facts = new Map(problemFacts(ctx, byId(ctx.repository.problems, 'PRB-2026-0001')).map((f) => [f.label, f.text]));
    expect(facts.get('Owner')).toBe('Operations (ops)');
    expect(facts.get('Closed')).toBe('—');
    expect(postmortemFacts(byId(ctx.repository.postmortems, 'PM-2026-0001'))).toEqual([
      { label: 'Review date', text: '2026-03-16' },
      { label: 'Status', text: 'final' },
      { label: 'Authors', text: 'Dana Ops, Ops Lead' },
    ]);
  });
});

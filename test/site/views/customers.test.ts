// Key-customer views on the minimal fixture: Acme's window is Mon–Fri 15:00–16:00 New York (19:00–20:00 UTC in
// summer time). Neither fixture incident overlaps it; a copy of INC-2026-0002 moved to 19:30–20:30 UTC does.
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/load/repository.ts';
import { contextOf } from '../../../src/site/context.ts';
import { customerOverlapsOf, customersPage, customerWindowFlags, customerWindowMarker, customerWindowsSectionView } from '../../../src/site/views/customers.ts';
import { byId, minimalContext } from '../../helpers/minimal-context.ts';

const at = (iso: string) => Date.parse(iso);

function withOverlappingIncident() {
  const base = minimalContext();
  const original = byId(base.repository.incidents, 'INC-2026-0002');
  const moved: Incident = {
    ...original,
    id: 'INC-2026-0003',
    started: at('2026-03-16T19:30:00Z'),
    detected: at('2026-03-16T19:30:00Z'),
    acknowledged: at('2026-03-16T19:35:00Z'),
    restored: at('2026-03-16T20:30:00Z'),
    updates: [],
    impact: original.impact.map((span) => ({ ...span, fromMs: at('2026-03-16T19:30:00Z'), toMs: at('2026-03-16T20:30:00Z') })),
  };
  return { ctx: contextOf({ ...base.repository, incidents: [...base.repository.incidents, moved] }, base.asOfMs), moved };
}

describe('customer views', () => {
  it('finds no overlap when no incident touches a customer window', () => {
    const ctx = minimalContext();
    for (const incident of ctx.repository.incidents) {
      expect(customerOverlapsOf(ctx, incident)).toEqual([]);
      expect(customerWindowFlags(ctx, incident)).toEqual([]);
      expect(customerWindowMarker(ctx, incident)).toBe('');
    }
    expect(customerWindowsSectionView(ctx, '2026-03')).toMatchObject({ hasCustomers: true, hitCount: 0, rows: [], untouched: ['Acme Asset Management'] });
  });

  it("flags an incident that overlaps a customer's window, for the minutes inside it", () => {
    const { ctx, moved } = withOverlappingIncident();
    const [overlap] = customerOverlapsOf(ctx, moved);
    expect(overlap?.customer).toBe('Acme Asset Management');
    expect(customerWindowFlags(ctx, moved)).toHaveLength(1);
    expect(customerWindowFlags(ctx, moved)[0]).toContain('Acme Asset Management');
    expect(customerWindowMarker(ctx, moved)).not.toBe('');
    const section = customerWindowsSectionView(ctx, '2026-03');
    expect(section.hitCount).toBe(1);
    expect(section.untouched).toEqual([]);
  });

  it("shows each customer's window in its own zone and in the reporting zone", () => {
    const page = customersPage(minimalContext());
    expect(page.weekText).toBe('2026-04-06 to 2026-04-12');
    expect(page.recentText).toBe('the 90 days to 2026-04-10 00:00 UTC');
    const [acme] = page.customers;
    expect(acme!.windows[0]!.ownText).toBe('Mon–Fri 15:00–16:00 America/New_York');
    expect(acme!.windows[0]!.reportingLines.map((l) => [l.days, l.hours])).toEqual([['Mon–Fri', '19:00–20:00']]);
    expect(acme!.recentMinutesText).toBe('0 min');
  });
});

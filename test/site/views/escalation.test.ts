// The escalation views on the minimal fixture: one team, ops, reviewed 2026-09-01, stale after 92 days.
import { describe, expect, it } from 'vitest';
import { escalationJson, escalationPage, staleEscalationView } from '../../../src/site/views/escalation.ts';
import { minimalContext } from '../../helpers/minimal-context.ts';

describe('escalation views', () => {
  it('lists each team with its contacts and the applications it supports', () => {
    const page = escalationPage(minimalContext('2026-10-01T00:00:00Z'));
    const [ops] = page.teams;
    expect(ops).toMatchObject({ id: 'ops', name: 'Operations', isStale: false, phone: { text: '+1 555 0100', href: 'tel:+15550100' } });
    expect(ops!.applications.map((a) => a.id)).toEqual(['settlement']);
    // No team names itself for a level: every level falls back to the application's own team.
    expect(page.support[0]).toMatchObject({ id: 'settlement', L1: { name: 'Operations', isFallback: true } });
  });

  it('counts a review as stale once it is older than the site allows', () => {
    // 1 September to 15 December: 29 + 31 + 30 + 15 = 105 days, more than 92.
    const ctx = minimalContext('2026-12-15T00:00:00Z');
    expect(escalationJson(ctx).teams).toEqual([{ id: 'ops', reviewed: '2026-09-01', reviewAgeDays: 105, stale: true }]);
    expect(staleEscalationView(ctx)).toMatchObject({ count: 1, staleDays: 92 });
    expect(staleEscalationView(minimalContext('2026-10-01T00:00:00Z')).count).toBe(0);
  });
});

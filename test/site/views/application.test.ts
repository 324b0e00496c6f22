// The application page and badges on the minimal fixture's one application, Settlement (target 99.5 %).
import { describe, expect, it } from 'vitest';
import { applicationPage, calendarText } from '../../../src/site/views/application.ts';
import { applicationBadges, applicationBadgeSvg, badgesPage } from '../../../src/site/views/badges.ts';
import { byId, minimalContext } from '../../helpers/minimal-context.ts';

describe('applicationPage', () => {
  const ctx = minimalContext();
  const settlement = byId(ctx.repository.applications, 'settlement');

  it('shows a month of history per report month, March below target and April clean so far', () => {
    const page = applicationPage(ctx, settlement);
    expect(page.history.map((h) => [h.month, h.availabilityText, h.lostText, h.consumedText, h.status])).toEqual([
      ['2026-03', '99.43 %', '90.0', '113.9 %', 'red'],
      ['2026-04', '100.00 %', '0.0', '0.0 %', 'green'],
    ]);
  });

  it("lists the application's facts, incidents and changes in its months, newest first", () => {
    const page = applicationPage(ctx, settlement);
    const facts = new Map(page.facts.map((f) => [f.label, f.text]));
    expect(facts.get('Team')).toBe('Operations');
    expect(facts.get('Service hours')).toBe(calendarText(settlement.calendar));
    expect(facts.get('Users by region')).toBe('AMRS 100 %');
    expect(page.incidents.map((i) => i.id)).toEqual(['INC-2026-0002', 'INC-2026-0001']);
    expect(page.incidentsCaption).toBe('2 incidents on Settlement, newest first');
    expect(page.changes.map((c) => c.id)).toEqual(['CHG-2026-0002', 'CHG-2026-0001']);
    expect(page.hasCapacity).toBe(true);
  });
});

describe('badges', () => {
  it("show the current month's availability and status: April to date, then March at April's first instant", () => {
    const [april] = applicationBadges(minimalContext());
    expect(april!.badge).toEqual({ label: 'Settlement', value: '100.00 %', status: 'green', title: 'Settlement availability month to date: 100.00 % (target 99.5 %), green' });
    const [march] = applicationBadges(minimalContext('2026-04-01T00:00:00Z'));
    expect(march!.badge).toMatchObject({ value: '99.43 %', status: 'red' });
  });

  it('render as SVG, and refuse an unknown application', () => {
    const ctx = minimalContext();
    const svg = applicationBadgeSvg(ctx, 'settlement');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('100.00 %');
    expect(() => applicationBadgeSvg(ctx, 'nope')).toThrow('no application "nope"');
  });

  it('give embed snippets with absolute links', () => {
    const [entry] = badgesPage(minimalContext());
    expect(entry).toMatchObject({ src: '/badges/settlement.svg', badgeUrl: 'https://example.org/badges/settlement.svg' });
    expect(entry!.markdown).toBe('[![Settlement availability](https://example.org/badges/settlement.svg)](https://example.org/applications/settlement/)');
  });
});

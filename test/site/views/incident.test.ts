// Incident pages, list rows and JSON on the minimal fixture.
import { describe, expect, it } from 'vitest';
import { incidentListRows, incidentPage, incidentsJson } from '../../../src/site/views/incident.ts';
import { byId, minimalContext, reopened } from '../../helpers/minimal-context.ts';

describe('incident views', () => {
  const ctx = minimalContext();

  it("shows an incident's facts, linking the change that caused it and its problem ticket", () => {
    const page = incidentPage(ctx, byId(ctx.repository.incidents, 'INC-2026-0002'));
    const fact = (label: string) => page.facts.find((f) => f.label === label);
    expect(fact('Duration')?.text).toBe('1 h 15 min');
    expect(fact('Caused by change')).toEqual({ label: 'Caused by change', text: 'CHG-2026-0001 Patch the settlement database', href: '/changes/CHG-2026-0001/' });
    expect(fact('Problem ticket')?.href).toBe('/problems/PRB-2026-0001/');
    expect(page.impact).toEqual([{ applications: 'settlement', regions: 'AMRS', fractionText: '100 %', fromText: '2026-03-12 13:00 UTC', toText: '2026-03-12 14:15 UTC' }]);
  });

  it('says an open incident has lasted so far, up to the as-of instant', () => {
    const open = { ...reopened(byId(ctx.repository.incidents, 'INC-2026-0001')), impact: [] };
    const page = incidentPage(minimalContext('2026-03-09T12:30:00Z'), open);
    expect(page.facts.find((f) => f.label === 'Duration')?.text).toBe('2 h 0 min so far');
  });

  it('lists incidents with their links and durations', () => {
    expect(incidentListRows(ctx, ctx.repository.incidents).map((r) => [r.id, r.href, r.durationText, r.customerText])).toEqual([
      ['INC-2026-0001', '/incidents/INC-2026-0001/', '1 h 0 min', ''],
      ['INC-2026-0002', '/incidents/INC-2026-0002/', '1 h 15 min', ''],
    ]);
  });

  it('publishes every incident with its own lost minutes and communications in the JSON', () => {
    const json = incidentsJson(ctx);
    expect(json.asOf).toBe('2026-04-10T00:00:00.000Z');
    expect(json.incidents.map((i) => [i.id, i.durationMinutes, i.lostMinutes, i.communications.metCadence])).toEqual([
      ['INC-2026-0001', 60, 15, false],
      ['INC-2026-0002', 75, 75, null],
    ]);
  });
});

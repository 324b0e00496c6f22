import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ChangeRequest } from '../../src/core/changes.ts';
import { changePageUrl, changesCalendar, escapeText, foldLine, icsInstant } from '../../src/site/ics.ts';

const at = (iso: string) => Date.parse(iso);
const ASOF = at('2026-11-24T12:00:00Z');

function change(overrides: Partial<ChangeRequest> & { id: string }): ChangeRequest {
  return {
    title: `Change ${overrides.id}`,
    applications: ['settlement'],
    type: 'normal',
    risk: 'low',
    owner: 'Ops',
    submitted: at('2026-11-01T09:00:00Z'),
    plannedStart: at('2026-11-20T20:00:00Z'),
    plannedEnd: at('2026-11-20T22:00:00Z'),
    approvals: [],
    cab: false,
    releasesCode: false,
    outcome: 'successful',
    ...overrides,
  };
}

const changes: ChangeRequest[] = [
  change({
    id: 'CHG-2026-0003',
    title: 'Patch order-db; rebuild indexes, then re\\start — überprüfen 日本語 ' + 'long title '.repeat(8),
    applications: ['fx-trading', 'settlement'],
    type: 'emergency',
    risk: 'high',
    owner: 'DBA, night shift',
    plannedStart: at('2026-11-28T01:00:00+01:00'),
    plannedEnd: at('2026-11-28T03:30:00+01:00'),
    outcome: 'pending',
  }),
  change({ id: 'CHG-2026-0001', outcome: 'cancelled' }),
  change({ id: 'CHG-2026-0002', plannedStart: at('2026-11-21T20:00:00Z'), plannedEnd: at('2026-11-21T21:00:00Z'), outcome: 'backed-out', type: 'bau' }),
  change({ id: 'CHG-2026-0004', plannedStart: at('2026-11-21T20:00:00Z'), plannedEnd: at('2026-11-21T20:30:00Z'), outcome: 'failed', type: 'standard' }),
];

const options = { baseUrl: 'https://ops.example.org/', base: '/ops/', asOfMs: ASOF, name: 'Reference Corp changes' };
const text = changesCalendar(changes, options);

describe('changesCalendar as text', () => {
  it('ends every line with CRLF and has no bare LF or CR', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds lines at 75 octets with a leading space on continuations', () => {
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('is deterministic: DTSTAMP from the as-of instant and events in planned-start order', () => {
    expect(changesCalendar([...changes].reverse(), options)).toBe(text);
    expect(text.match(/^DTSTAMP:.*$/gm)).toEqual(['DTSTAMP:20261124T120000Z', 'DTSTAMP:20261124T120000Z', 'DTSTAMP:20261124T120000Z', 'DTSTAMP:20261124T120000Z']);
  });
});

describe('changesCalendar parsed back with ical.js', () => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');

  it('is a VCALENDAR 2.0 with one VEVENT per change', () => {
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(events).toHaveLength(changes.length);
  });

  it('carries every change faithfully', () => {
    const expectedOrder = ['CHG-2026-0001', 'CHG-2026-0002', 'CHG-2026-0004', 'CHG-2026-0003'];
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(expectedOrder.map((id) => `${id}@ops.example.org`));
    for (const event of events) {
      const uid = String(event.getFirstPropertyValue('uid'));
      const id = uid.slice(0, uid.indexOf('@'));
      const source = changes.find((c) => c.id === id);
      if (!source) throw new Error(`no change for ${uid}`);
      const vevent = new ICAL.Event(event);
      expect(vevent.summary).toBe(`${source.id} ${source.title}`);
      expect(vevent.startDate.toJSDate().getTime()).toBe(source.plannedStart);
      expect(vevent.endDate.toJSDate().getTime()).toBe(source.plannedEnd);
      expect(vevent.startDate.zone.tzid).toBe('UTC');
      expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime()).toBe(ASOF);
      const status = event.getFirstPropertyValue('status');
      expect(status).toBe(source.outcome === 'cancelled' ? 'CANCELLED' : source.outcome === 'pending' ? 'TENTATIVE' : 'CONFIRMED');
      expect(event.getFirstPropertyValue('url')).toBe(`https://ops.example.org/ops/changes/${source.id}/`);
      expect(vevent.description).toBe(
        [`Type: ${source.type}`, `Risk: ${source.risk}`, `Outcome: ${source.outcome}`, `Applications: ${source.applications.join(', ')}`, `Owner: ${source.owner}`].join('\n'),
      );
    }
  });
});

describe('pieces', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('never splits a UTF-8 character when folding', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(90)}`);
    const parts = folded.split('\r\n').slice(0, -1);
    expect(parts.map((p) => new TextEncoder().encode(p).length)).toEqual([74, 75, 41]);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(`SUMMARY:${'é'.repeat(90)}`);
  });

  it('writes instants in UTC and builds absolute change URLs under the base', () => {
    expect(icsInstant(at('2026-11-28T01:00:00+01:00'))).toBe('20261128T000000Z');
    expect(changePageUrl('CHG-2026-0001', 'https://ops.example.org/', '/')).toBe('https://ops.example.org/changes/CHG-2026-0001/');
    expect(changePageUrl('CHG-2026-0001', 'https://ops.example.org/', '/ops/')).toBe('https://ops.example.org/ops/changes/CHG-2026-0001/');
  });
});

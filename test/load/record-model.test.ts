// What real histories need of the record model: long ids in numeric order, the id-year check as a
// warning, zero impact and zero duration, unknowns, where a record came from, a component per application.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { compareRecordIds } from '../../src/core/ids.ts';
import { recurringIncidentsWithoutProblem } from '../../src/core/recurring-incidents.ts';
import { makeRoot, removeRoots, writeFile } from './fixture-root.ts';

afterAll(removeRoots);

const incident = (id: string, fields: Record<string, string> = {}) => {
  const base: Record<string, string> = {
    id,
    title: 'Imported notice',
    application: 'settlement',
    severity: 'SEV4',
    status: 'resolved',
    started: '2026-03-09T10:30:00Z',
    detected: '2026-03-09T10:30:00Z',
    acknowledged: '2026-03-09T10:30:00Z',
    restored: '2026-03-09T10:30:00Z',
    component: 'batch',
    cause: 'unknown',
    channel: 'unknown',
    resolvedAt: 'unknown',
    ...fields,
  };
  const lines = Object.entries(base).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\nImported.\n`;
};

const pricing = `- id: pricing
  name: Pricing
  team: ops
  target: 99.9
  calendar: 24x7
  regions: {GLOBAL: 1}
  components: [api, feed]
  external: {system: statuspage, id: brv1bkgrwx7q, url: "https://www.githubstatus.com/"}
`;

describe('record model for imported history', () => {
  it('accepts ids past 9999, a zero-duration incident, unknowns and explicit zero impact', () => {
    const root = makeRoot();
    writeFile(root, 'content/incidents/INC-2026-10000.md', incident('INC-2026-10000', { impact: '[]' }));
    writeFile(root, 'content/incidents/INC-2026-9999.md', incident('INC-2026-9999', { impact: '[{fraction: 0}]', external: '{system: statuspage, id: qb2vmff9bnf5, url: "https://stspg.io/x"}' }));
    const { repository, diagnostics } = loadRepository(root);
    expect(diagnostics).toEqual([]);
    const ten = repository.incidents.find((i) => i.id === 'INC-2026-10000')!;
    expect(ten.impact).toEqual([]);
    expect([ten.channel, ten.resolvedAt]).toEqual(['unknown', 'unknown']);
    const nine = repository.incidents.find((i) => i.id === 'INC-2026-9999')!;
    expect(nine.impact.map((s) => s.fraction)).toEqual([0]);
    expect(nine.external).toEqual({ system: 'statuspage', id: 'qb2vmff9bnf5', url: 'https://stspg.io/x' });
  });

  it('orders ids by their number, not their text', () => {
    expect(['INC-2016-10000', 'INC-2016-9999', 'INC-2015-20000', 'INC-2016-0001'].sort(compareRecordIds)).toEqual([
      'INC-2015-20000',
      'INC-2016-0001',
      'INC-2016-9999',
      'INC-2016-10000',
    ]);
  });

  it('warns, without failing, when the id year differs from the year started in the reporting zone', () => {
    const root = makeRoot();
    writeFile(root, 'content/incidents/INC-2025-0001.md', incident('INC-2025-0001'));
    // 2026-01-01T02:00Z is still 2025 in New York: the reporting zone decides.
    writeFile(root, 'data/site.yaml', 'title: Reference Corp\nreportingTimezone: America/New_York\n');
    writeFile(root, 'content/incidents/INC-2025-0002.md', incident('INC-2025-0002', { started: '2026-01-01T02:00:00Z', detected: '2026-01-01T02:00:00Z', acknowledged: '2026-01-01T02:00:00Z', restored: '2026-01-01T02:00:00Z' }));
    const { repository, diagnostics } = loadRepository(root);
    expect(diagnostics).toEqual([
      {
        file: 'content/incidents/INC-2025-0001.md',
        line: 2,
        column: 1,
        severity: 'warning',
        rule: 'id-year',
        field: 'id',
        message: 'id year 2025 differs from the year the incident started (2026 in America/New_York)',
      },
    ]);
    expect(repository.incidents.map((i) => i.id)).toContain('INC-2025-0001');
  });

  it('keeps a component per application and checks it belongs to that application', () => {
    const root = makeRoot();
    writeFile(root, 'data/applications.yaml', readFileSync(`${root}/data/applications.yaml`, 'utf8') + pricing);
    const spans = '[{applications: [settlement], component: db}, {applications: [pricing], component: feed}]';
    for (const n of [1, 2, 3]) {
      const id = `INC-2026-010${n}`;
      writeFile(root, `content/incidents/${id}.md`, incident(id, { application: '', applications: '[settlement, pricing]', component: 'batch', impact: spans, started: `2026-03-1${n}T10:30:00Z`, detected: `2026-03-1${n}T10:30:00Z`, acknowledged: `2026-03-1${n}T10:30:00Z`, restored: `2026-03-1${n}T10:40:00Z` }));
    }
    writeFile(root, 'content/incidents/INC-2026-0104.md', incident('INC-2026-0104', { application: '', applications: '[settlement, pricing]', impact: '[{applications: [pricing], component: db}]' }));
    const { repository, diagnostics } = loadRepository(root);
    expect(diagnostics.map((d) => `${d.file} ${d.field} ${d.message}`)).toEqual([
      'content/incidents/INC-2026-0104.md impact[0].component unknown component "db" of pricing (components: api, feed)',
    ]);
    expect(repository.applications.find((a) => a.id === 'pricing')!.external).toEqual({ system: 'statuspage', id: 'brv1bkgrwx7q', url: 'https://www.githubstatus.com/' });
    const imported = repository.incidents.filter((i) => /INC-2026-010[123]/.test(i.id));
    expect(imported[0]!.componentByApplication).toEqual({ settlement: 'db', pricing: 'feed' });
    const groups = recurringIncidentsWithoutProblem(imported, [], { fromMs: 0, toMs: Date.parse('2027-01-01T00:00:00Z') });
    expect(groups.map((g) => g.key).sort()).toEqual(['pricing/feed', 'settlement/db']);
  });
});

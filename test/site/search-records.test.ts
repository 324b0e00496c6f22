// What the search index is fed: one record per incident, post-mortem, change and problem, with the words a reader
// searches for and the filters of the search page, read from the validated records.
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { markdownText } from '../../src/site/markdown-html.ts';
import { escapeHtmlText } from '../../src/site/xml.ts';
import { searchRecordCount, searchRecordMakers } from '../../src/site/search-records.ts';
import { minimalDir } from '../load/fixture-root.ts';

const { repository, diagnostics } = loadRepository(minimalDir);
/** Every record made, in the order the indexer is sent them. */
const searchRecords = () => searchRecordMakers(repository).map((make) => make());

describe('searchRecordMakers', () => {
  it('has every record of every kind once, sorted by page URL', () => {
    expect(diagnostics).toEqual([]);
    const records = searchRecords();
    expect(records.map((r) => r.url)).toEqual([
      '/changes/CHG-2026-0001/',
      '/changes/CHG-2026-0002/',
      '/incidents/INC-2026-0001/',
      '/incidents/INC-2026-0002/',
      '/postmortems/PM-2026-0001/',
      '/problems/PRB-2026-0001/',
    ]);
  });

  it('counts, without building them, as many records as it indexes: the search page sizes its parts by this', () => {
    expect(searchRecordCount(repository)).toBe(6);
    expect(searchRecordCount(repository)).toBe(searchRecords().length);
  });

  it("indexes a problem's title, root cause and actions, and filters it by its incidents' applications", () => {
    const problem = searchRecords().find((r) => r.url === '/problems/PRB-2026-0001/')!;
    expect(problem.title).toBe('PRB-2026-0001 Database patches break replication');
    expect(problem.content).toContain('The patch procedure does not wait for the replica to catch up.');
    const prb = repository.problems[0]!;
    for (const action of prb.actions) expect(problem.content).toContain(action.title);
    const apps = new Set(prb.incidents.flatMap((id) => repository.incidents.find((i) => i.id === id)!.applications));
    const names = repository.applications.filter((a) => apps.has(a.id)).map((a) => a.name).sort();
    expect(problem.filters).toEqual({ kind: ['Problem'], application: names, priority: [prb.priority], year: ['2026'] });
  });

  it("indexes a post-mortem's sections as text, without Markdown, under its incidents' applications and severities", () => {
    const pm = searchRecords().find((r) => r.url === '/postmortems/PM-2026-0001/')!;
    expect(pm.content).toContain('The replica was behind when the primary was patched.');
    expect(pm.content).not.toContain('## ');
    const incidents = repository.postmortems[0]!.incidents.map((id) => repository.incidents.find((i) => i.id === id)!);
    expect(pm.filters.severity).toEqual([...new Set(incidents.map((i) => i.severity))].sort());
    expect(pm.filters.kind).toEqual(['Post-mortem']);
  });

  it("indexes an incident's title, updates and narrative with its severity, application name and year", () => {
    const incident = repository.incidents.find((i) => i.id === 'INC-2026-0001')!;
    const record = searchRecords().find((r) => r.url === '/incidents/INC-2026-0001/')!;
    expect(record.title).toBe('INC-2026-0001 Settlement batch stalled');
    for (const update of incident.updates) expect(record.content).toContain(update.text);
    expect(record.content).toContain(markdownText(incident.body));
    expect(record.filters).toEqual({ kind: ['Incident'], application: ['Settlement'], severity: [incident.severity], year: ['2026'] });
  });
});

describe('markdownText', () => {
  it('keeps the words and inline code, drops the markup, and keeps raw HTML as text', () => {
    expect(markdownText('## Root cause\n\nThe **replica** was [behind](https://x.example/) on `db-2`.\n\n- one\n- two\n\n<script>alert(1)</script>')).toBe(
      'Root cause The replica was behind on db-2. one two <script>alert(1)</script>',
    );
  });
});

describe('escapeHtmlText', () => {
  it('escapes the three characters that would make record text markup in the search page', () => {
    expect(escapeHtmlText('<svg onload="x"> & "co"')).toBe('&lt;svg onload="x"&gt; &amp; "co"');
  });
});

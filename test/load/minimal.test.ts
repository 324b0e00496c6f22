// Nothing dropped: the valid minimal corpus loads every file into a record, and every field written in a file
// comes through to the typed record with its value (timestamps as epoch milliseconds).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { minimalDir } from './fixture-root.ts';

const { repository, diagnostics, fileCount } = loadRepository(minimalDir);

/** Files below a folder of the minimal corpus, relative to it. */
function filesUnder(dir: string): string[] {
  return (readdirSync(path.join(minimalDir, dir), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(minimalDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const readText = (rel: string) => readFileSync(path.join(minimalDir, rel), 'utf8');
const frontmatterOf = (rel: string) => matter(readText(rel), { engines: { yaml: (s: string) => yaml.load(s, { schema: yaml.CORE_SCHEMA }) as object } }).data as Record<string, unknown>;
const yamlOf = (rel: string) => yaml.load(readText(rel), { schema: yaml.CORE_SCHEMA });

/** What a written value becomes in a typed record: timestamps turn into epoch ms, everything else stays. */
function typed(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return Date.parse(value);
  if (Array.isArray(value)) return value.map(typed);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typed(v)]));
  return value;
}

/** The written frontmatter as the typed record must (at least) contain it. */
function expectedRecord(rel: string): Record<string, unknown> {
  const { application, impact, ...rest } = frontmatterOf(rel);
  const out: Record<string, unknown> = { ...(typed(rest) as object), file: rel };
  if (application !== undefined) out.applications = [application];
  if (impact !== undefined) {
    out.impact = (impact as Record<string, unknown>[]).map(({ from, to, ...span }) => ({
      ...span,
      ...(from === undefined ? {} : { fromMs: typed(from) }),
      ...(to === undefined ? {} : { toMs: typed(to) }),
    }));
  }
  return out;
}

/** Rows of a CSV fixture (plain cells, no quoting) as header → cell maps. */
function csvRows(rel: string): { line: number; cells: Record<string, string> }[] {
  const [header, ...lines] = readText(rel).trimEnd().split('\n');
  const names = header!.split(',');
  return lines.map((text, i) => ({ line: i + 2, cells: Object.fromEntries(text.split(',').map((cell, j) => [names[j]!, cell])) }));
}

describe('minimal corpus', () => {
  it('validates without a diagnostic', () => {
    expect(diagnostics).toEqual([]);
  });

  it('loads one record per file, for every kind', () => {
    expect(repository.incidents.map((r) => r.file)).toEqual(filesUnder('content/incidents'));
    expect(repository.postmortems.map((r) => r.file)).toEqual(filesUnder('content/postmortems'));
    expect(repository.changes.map((r) => r.file)).toEqual(filesUnder('content/changes'));
    expect(repository.problems.map((r) => r.file)).toEqual(filesUnder('content/problems'));
    expect(repository.capacity.map((s) => s.file)).toEqual(filesUnder('data/capacity'));
    expect(new Set(repository.timeEntries.map((r) => r.file))).toEqual(new Set(filesUnder('data/time')));
    const recordFiles = ['content/incidents', 'content/postmortems', 'content/changes', 'content/problems', 'data/time', 'data/capacity'].flatMap(filesUnder);
    expect(fileCount).toBe(4 + recordFiles.length);
  });

  it('covers every kind of record', () => {
    for (const list of [repository.incidents, repository.postmortems, repository.changes, repository.problems, repository.timeEntries, repository.capacity]) {
      expect(list.length).toBeGreaterThan(0);
    }
  });

  describe('every written field comes through', () => {
    it.each(filesUnder('content'))('%s', (rel) => {
      const all = [...repository.incidents, ...repository.postmortems, ...repository.changes, ...repository.problems];
      const record = all.find((r) => r.file === rel);
      expect(record).toMatchObject(expectedRecord(rel));
    });

    it('data/site.yaml', () => {
      expect(repository.site).toMatchObject(yamlOf('data/site.yaml') as object);
    });

    it.each(['teams', 'applications', 'customers'] as const)('data/%s.yaml', (name) => {
      expect(repository[name]).toMatchObject(yamlOf(`data/${name}.yaml`) as object[]);
    });

    it('time-tracking rows, with their line numbers', () => {
      const expected = filesUnder('data/time').flatMap((file) =>
        csvRows(file).map(({ line, cells }) => ({ ...cells, hours: Number(cells.hours), file, line })),
      );
      expect(repository.timeEntries).toEqual(expected);
    });

    it('capacity series, every cell', () => {
      const series = repository.capacity[0]!;
      const rows = csvRows(series.file);
      expect([...series.timestampMs]).toEqual(rows.map((r) => Date.parse(r.cells.timestamp!)));
      for (const column of Object.keys(series.columns)) {
        expect([...series.columns[column]!], column).toEqual(rows.map((r) => Number(r.cells[column])));
      }
      expect(Object.keys(series.columns).sort()).toEqual(Object.keys(rows[0]!.cells).filter((c) => c !== 'timestamp').sort());
    });
  });

  describe('typed values, spelled out', () => {
    it('an incident: offsets applied, defaults filled, impact spans resolved', () => {
      const incident = repository.incidents.find((r) => r.id === 'INC-2026-0002');
      expect(incident).toEqual({
        id: 'INC-2026-0002',
        title: 'Settlement database failover after patch',
        applications: ['settlement'],
        severity: 'SEV3',
        status: 'resolved',
        started: Date.UTC(2026, 2, 12, 13, 0),
        detected: Date.UTC(2026, 2, 12, 13, 5),
        acknowledged: Date.UTC(2026, 2, 12, 13, 7, 30, 250),
        restored: Date.UTC(2026, 2, 12, 14, 15),
        impact: [
          { applications: ['settlement'], regions: ['AMRS'], fraction: 1, fromMs: Date.UTC(2026, 2, 12, 13, 0), toMs: Date.UTC(2026, 2, 12, 14, 15) },
        ],
        component: 'db',
        cause: 'change',
        change: 'CHG-2026-0001',
        problem: 'PRB-2026-0001',
        channel: 'phone',
        resolvedAt: 'L3',
        updates: [
          { at: Date.UTC(2026, 2, 12, 13, 10), text: 'Failover in progress', kind: 'acknowledge', public: false },
          { at: Date.UTC(2026, 2, 12, 14, 15), text: 'Service restored', kind: 'restored', public: false },
        ],
        file: 'content/incidents/INC-2026-0002.md',
        body: 'The database patch left the replica behind; the failover restored service.\n',
      });
    });

    it('a partial impact keeps its fraction and takes started/restored as its span', () => {
      const incident = repository.incidents.find((r) => r.id === 'INC-2026-0001');
      expect(incident?.impact).toEqual([
        { applications: ['settlement'], regions: ['AMRS'], fraction: 0.5, fromMs: Date.UTC(2026, 2, 9, 10, 30), toMs: Date.UTC(2026, 2, 9, 11, 30) },
      ]);
    });

    it('a normal change carries its four plan sections with their file lines', () => {
      const change = repository.changes.find((r) => r.id === 'CHG-2026-0001');
      expect(change?.sections.map((s) => [s.heading, s.line])).toEqual([
        ['Implementation plan', 19],
        ['Backout plan', 23],
        ['Validation plan', 27],
        ['Risk assessment', 31],
      ]);
      expect(change?.downtime).toEqual({ from: Date.UTC(2026, 2, 12, 12, 0), to: Date.UTC(2026, 2, 12, 12, 30) });
    });

    it('a bau change needs no sections', () => {
      const change = repository.changes.find((r) => r.id === 'CHG-2026-0002');
      expect(change).toMatchObject({ type: 'bau', sections: [], approvals: [], cab: false, releasesCode: false });
    });

    it('a post-mortem section keeps its text', () => {
      const pm = repository.postmortems[0]!;
      expect(pm.sections.find((s) => s.heading === 'Root cause')).toEqual({
        heading: 'Root cause',
        line: 22,
        markdown: 'The replica was behind when the primary was patched.',
      });
    });

    it('site defaults fill what site.yaml leaves out', () => {
      expect(repository.site).toEqual({
        title: 'Reference Corp',
        baseUrl: 'https://example.org/',
        base: '/',
        reportingTimezone: 'UTC',
        fteHoursPerMonth: 140,
        changeLeadDays: 5,
        updateCadenceMinutes: 15,
        staleReviewDays: 92,
        planningHorizonMonths: 36,
      });
    });

    it('the capacity series is declared by the application, with its window default', () => {
      expect(repository.capacity[0]).toMatchObject({
        applicationId: 'settlement',
        volumeColumn: 'trades',
        windowDays: 90,
        kpis: [{ column: 'p95_ms', unit: 'ms', sla: { max: 250 } }],
      });
      expect([...repository.capacity[0]!.timestampMs]).toEqual([
        Date.UTC(2026, 2, 1),
        Date.UTC(2026, 2, 2),
        Date.UTC(2026, 2, 2, 23),
      ]);
    });
  });
});

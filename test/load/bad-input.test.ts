// The bad-input corpus: each folder under test/fixtures/bad holds the files that differ from the minimal
// corpus and expected.json, the exact diagnostics the loader must report (all of them, nothing else).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { badCases, badDir, makeRoot, minimalDir, removeRoots } from './fixture-root.ts';

afterAll(removeRoots);

interface ExpectedDiagnostic {
  /** "error" when left out. */
  severity?: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  field: string;
  rule: string;
  message: string;
}

/** Relative paths of the content files of a case folder (expected.json and dotfiles left out). */
function caseFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((rel) => rel !== 'expected.json' && !rel.split('/').some((part) => part.startsWith('.')))
    .sort();
}

const minimal = loadRepository(minimalDir).repository;
const recordCount = (repository: typeof minimal) => ({
  incidents: repository.incidents.length,
  postmortems: repository.postmortems.length,
  changes: repository.changes.length,
  problems: repository.problems.length,
  applications: repository.applications.length,
  teams: repository.teams.length,
  customers: repository.customers.length,
  timeEntries: repository.timeEntries.length,
  capacity: repository.capacity.length,
});

const cases = badCases();

describe('bad-input corpus', () => {
  it('has a case for every rule', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(cases)('%s', (name) => {
    const dir = path.join(badDir, name);
    const expected = (JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as ExpectedDiagnostic[]).map((d) => ({ severity: 'error', ...d }));

    it('holds only files that differ from the minimal corpus', () => {
      const files = caseFiles(dir);
      expect(files.length).toBeGreaterThan(0);
      for (const rel of files) {
        const base = path.join(minimalDir, rel);
        if (existsSync(base)) expect(readFileSync(path.join(dir, rel)), rel).not.toEqual(readFileSync(base));
      }
    });

    it('reports exactly the expected diagnostics', () => {
      const { diagnostics } = loadRepository(makeRoot(dir));
      const actual = diagnostics.map(({ severity, file, line, column, field, rule, message }) => ({ severity, file, line, column, field, rule, message }));
      expect(actual).toEqual(expected);
    });

    if (expected.length > 0 && expected.every((d) => d.severity === 'warning')) {
      it('keeps every record it warns about: a warning loses nothing', () => {
        const { repository } = loadRepository(makeRoot(dir));
        const loaded = new Set([...repository.incidents, ...repository.postmortems, ...repository.changes, ...repository.problems].map((r) => r.file));
        for (const file of caseFiles(dir).filter((rel) => rel.startsWith('content/'))) expect(loaded.has(file), file).toBe(true);
      });
    }

    if (expected.length === 0) {
      it('loads every record the minimal corpus has', () => {
        const { repository } = loadRepository(makeRoot(dir));
        expect(recordCount(repository)).toEqual(recordCount(minimal));
      });
    }
  });
});

describe('accepted encodings', () => {
  it('reads a BOM-prefixed record with the same values as without the BOM', () => {
    const { repository } = loadRepository(makeRoot(path.join(badDir, 'accepted-bom')));
    expect(repository.incidents).toEqual(minimal.incidents);
    expect(repository.postmortems).toEqual(minimal.postmortems);
    expect(repository.applications).toEqual(minimal.applications);
    expect(repository.timeEntries).toEqual(minimal.timeEntries);
    expect(repository.capacity).toEqual(minimal.capacity);
  });

  it('reads CRLF files with the same values and section lines as LF files', () => {
    const { repository } = loadRepository(makeRoot(path.join(badDir, 'accepted-crlf')));
    const withoutBodies = <T extends { body: string }>(list: T[]) => list.map(({ body, ...rest }) => ({ ...rest, body: body.replace(/\r\n/g, '\n') }));
    const sectionsWithoutCr = repository.postmortems.map((pm) => pm.sections.map((s) => ({ ...s, markdown: s.markdown.replace(/\r/g, '') })));
    expect(sectionsWithoutCr).toEqual(minimal.postmortems.map((pm) => pm.sections));
    expect(withoutBodies(repository.incidents)).toEqual(minimal.incidents);
    expect(repository.applications).toEqual(minimal.applications);
    expect(repository.teams).toEqual(minimal.teams);
    expect(repository.timeEntries).toEqual(minimal.timeEntries);
    expect(repository.capacity).toEqual(minimal.capacity);
  });
});

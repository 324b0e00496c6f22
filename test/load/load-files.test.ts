// Checking given files only: the same diagnostics for those files as the full load, without reading other records.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/load-files.ts';
import { loadRepository } from '../../src/load/repository.ts';
import { badCases, badDir, makeRoot, removeRoots, writeFile } from './fixture-root.ts';

afterAll(removeRoots);

/** The content and data files a bad case lays over the minimal corpus. */
function caseFiles(name: string): string[] {
  const dir = path.join(badDir, name);
  return (readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((rel) => rel.startsWith('content/') || rel.startsWith('data/'))
    .sort();
}

describe('loadFiles', () => {
  it.each(badCases())('%s: the given files get exactly the diagnostics the full check gives them', (name) => {
    const root = makeRoot(path.join(badDir, name));
    const files = caseFiles(name);
    const full = loadRepository(root).diagnostics.filter((d) => files.includes(d.file));
    const given = loadFiles(root, files);
    expect(given.files).toEqual(files);
    expect(given.diagnostics).toEqual(full);
  });

  it('resolves references by file name alone: an unparseable record still counts as present, a missing one does not', () => {
    const root = makeRoot();
    // Another record that would not even parse: the given incident's reference to it still resolves.
    writeFile(root, 'content/changes/2026/CHG-2026-0042.md', 'not a record at all');
    const incident = 'content/incidents/INC-2026-0001.md';
    expect(loadRepository(root).diagnostics.some((d) => d.file === 'content/changes/2026/CHG-2026-0042.md')).toBe(true);
    for (const [change, expected] of [['CHG-2026-0042', []], ['CHG-2026-0043', ['unknown change CHG-2026-0043 (no such record under content/)']]] as const) {
      writeFile(root, incident, withChange(root, incident, change));
      expect(loadFiles(root, [incident]).diagnostics.map((d) => d.message)).toEqual(expected);
    }
  });

  it('reports a missing file, a file outside the root and a file the check does not know, each as an error', () => {
    const root = makeRoot();
    const { diagnostics, files } = loadFiles(root, ['content/incidents/INC-2026-0999.md', '/etc/hostname', 'README.md'], root);
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      '/etc/hostname: outside the content root ' + root,
      'README.md: no such file',
      'content/incidents/INC-2026-0999.md: no such file',
    ]);
    writeFile(root, 'README.md', '# notes\n');
    expect(loadFiles(root, ['README.md']).diagnostics[0]?.message).toMatch(/^not a record/);
    rmSync(path.join(root, 'README.md'));
  });
});

/** The incident's text with its `change:` set to `id`. */
function withChange(root: string, rel: string, id: string): string {
  const text = readFileSync(path.join(root, rel), 'utf8').replace(/^change: .*\n/m, '');
  return text.replace(/^---\n/, `---\nchange: ${id}\n`);
}

// npm run generate writes the demo into an empty root or one it wrote itself, and refuses, deleting nothing,
// wherever content/ or data/ hold a file it did not write: a team's records are never overwritten.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/cli/written-files.ts';
import { makeRoot, removeRoots } from '../load/fixture-root.ts';
import { runNpm } from './run.ts';

const temporary: string[] = [];
afterAll(() => {
  removeRoots();
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function emptyRoot(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'opsledger-generate-'));
  temporary.push(dir);
  return dir;
}

const refusal = (root: string, why: string) => [
  `refusing to write the demo into ${root}: its content/ and data/ hold ${why}; they may be a team's records, so nothing was deleted.`,
  'Generate into an empty folder instead: OPSLEDGER_ROOT=/tmp/opsledger-demo npm run generate, or npm run generate -- --out /tmp/opsledger-demo',
];

describe('generate', () => {
  it('writes the demo and its manifest into an empty root, then rewrites its own demo byte for byte', () => {
    const root = emptyRoot();
    const first = runNpm('generate', ['--out', root]);
    expect(first.status, first.stderr).toBe(0);
    const files = filesUnder(root);
    expect(files.length).toBeGreaterThan(280);
    const manifest = readFileSync(path.join(root, '.opsledger-demo'), 'utf8');
    expect(manifest.split('\n').filter((line) => /^[0-9a-f]{64} {2}/.test(line)).map((line) => line.slice(66))).toEqual(files);

    const again = runNpm('generate', [], { OPSLEDGER_ROOT: root });
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(path.join(root, '.opsledger-demo'), 'utf8')).toBe(manifest);
  });

  it("refuses a root holding a team's records and no manifest, and leaves every file in place", () => {
    const root = makeRoot();
    const before = filesUnder(root);
    const run = runNpm('generate', [], { OPSLEDGER_ROOT: root });
    expect(run.stderr.trim().split('\n')).toEqual(
      refusal(root, `files it did not write (${before.slice(0, 3).join(', ')} and ${before.length - 3} more) and no .opsledger-demo of its own`),
    );
    expect(run.status).toBe(1);
    expect(filesUnder(root)).toEqual(before);
  });

  it('refuses its own demo once a record was added or edited there', () => {
    const root = emptyRoot();
    expect(runNpm('generate', ['--out', root]).status).toBe(0);
    const added = 'content/incidents/2026/INC-2026-0999.md';
    writeFileSync(path.join(root, added), '---\nid: INC-2026-0999\n---\n');
    const edited = 'content/incidents/2026/INC-2026-0001.md';
    writeFileSync(path.join(root, edited), `${readFileSync(path.join(root, edited), 'utf8')}\nA note of our own.\n`);
    const run = runNpm('generate', ['--out', root]);
    expect(run.stderr.trim().split('\n')).toEqual(refusal(root, `files it did not write, or changed since it wrote them (${edited}, ${added})`));
    expect(run.status).toBe(1);
    expect(existsSync(path.join(root, added))).toBe(true);
    expect(readFileSync(path.join(root, edited), 'utf8')).toContain('A note of our own.');
  });
});

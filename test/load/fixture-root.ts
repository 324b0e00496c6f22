// Builds throw-away content roots: the valid minimal corpus, optionally overlaid with a case's files.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const minimalDir = path.join(fixturesDir, 'minimal');
export const badDir = path.join(fixturesDir, 'bad');

/** Files of a case folder that are not content: the expectation and git's own settings. */
const isCaseMetadata = (name: string) => name === 'expected.json' || name.startsWith('.');

const created: string[] = [];

/** A fresh temp root holding a copy of the minimal corpus, with `overlay`'s files copied over it. */
export function makeRoot(overlay?: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'opsledger-'));
  created.push(root);
  cpSync(minimalDir, root, { recursive: true });
  if (overlay !== undefined) {
    for (const entry of readdirSync(overlay)) {
      if (!isCaseMetadata(entry)) cpSync(path.join(overlay, entry), path.join(root, entry), { recursive: true });
    }
  }
  return root;
}

/** Write `text` to `rel` under `root`, creating folders. */
export function writeFile(root: string, rel: string, text: string): void {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

/** Remove every root made so far (call from afterAll). */
export function removeRoots(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Names of the case folders under test/fixtures/bad, sorted. */
export function badCases(): string[] {
  return readdirSync(badDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

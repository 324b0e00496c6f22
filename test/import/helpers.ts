// Throw-away content roots holding only data/site.yaml, and a fingerprint of every file under a root.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const importFixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const created: string[] = [];

/** A fresh root with only data/site.yaml, as a team adopting opsledger starts. */
export function emptyRoot(site = 'title: Imported history\n'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'opsledger-import-'));
  created.push(root);
  mkdirSync(path.join(root, 'data'));
  writeFileSync(path.join(root, 'data/site.yaml'), site);
  return root;
}

export function removeRoots(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Relative path → sha256 of every file under `root`. */
export function fingerprint(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    out[path.relative(root, abs)] = createHash('sha256').update(readFileSync(abs)).digest('hex');
  }
  return out;
}

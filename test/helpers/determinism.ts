// Comparing two builds of the same inputs and as-of: every emitted file must be byte-identical.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Emitted files allowed to differ between two builds of the same inputs. Empty: the Pagefind bundle
 * (pagefind/, content-hashed file names) was checked to come out byte-identical build after build,
 * so nothing is excepted. Add a pattern here, with the reason, only for output proven not reproducible.
 */
export const nondeterministicOutputPaths: readonly RegExp[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Relative paths that exist in only one of the two folders or differ in content, allowed exceptions left out. */
export function differingFiles(a: string, b: string, allowed: readonly RegExp[] = nondeterministicOutputPaths): string[] {
  const left = filesUnder(a);
  const right = new Set(filesUnder(b));
  const differing = new Set<string>();
  for (const file of left) {
    if (!right.has(file) || !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))) differing.add(file);
    right.delete(file);
  }
  for (const file of right) differing.add(file);
  return [...differing].filter((file) => !allowed.some((pattern) => pattern.test(file))).sort();
}

// The site's view models are functions of the build context they are given: no module-level variable
// or memo may hold a build's data, or two builds (or two tests) in one process would share it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';

/**
 * Files allowed to keep module-level state, each with the reason. Per-build values are memoised on the build
 * context (`memoise` in src/site/context.ts); these hold no build's data.
 */
const allowed: Record<string, string> = {
  'src/site/render-pool.ts': 'the one render worker thread of the process and its pending jobs: a process resource, not data',
  'src/site/render-worker.ts': 'the worker thread\'s count of cards drawn, to collect its garbage every few: a thread\'s resource, not data',
  'src/site/render.ts': 'SVG by chart spec and title: the same spec always draws the same SVG, so no build can see another build\'s data',
};

/** Module-level declarations that can hold state between calls: `let`/`var`, and Map/Set/WeakMap/WeakSet instances. */
export function moduleStateLines(source: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  const statePattern = /^(?:export\s+)?(?:(?:let|var)\s|const\s+\w+(?:\s*:[^=]+)?\s*=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\b)/;
  source.split('\n').forEach((text, i) => {
    if (statePattern.test(text)) found.push({ line: i + 1, text: text.trim() });
  });
  return found;
}

function siteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return siteFiles(full);
    return /\.(ts|astro)$/.test(entry.name) ? [full] : [];
  });
}

describe('module-level state in src/site', () => {
  it('finds the kinds of declaration it is meant to catch, and not constants', () => {
    const source = [
      'let memo: number | undefined;',
      'export let shared = 1;',
      'const months = new Map<string, string>();',
      'const seen: Set<string> = new Set();',
      'const byKey = new WeakMap();',
      "const LABEL = 'x';",
      'const table = { a: 1 };',
      '  let local = 1;',
      '  const inner = new Map();',
    ].join('\n');
    expect(moduleStateLines(source).map((f) => f.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('no file in src/site declares a module-level variable or memo', () => {
    const root = path.join(projectRoot, 'src/site');
    const offenders = siteFiles(root).flatMap((file) => {
      const relative = path.relative(projectRoot, file).split(path.sep).join('/');
      if (relative in allowed) return [];
      return moduleStateLines(readFileSync(file, 'utf8')).map((f) => `${relative}:${f.line} ${f.text}`);
    });
    expect(offenders).toEqual([]);
  });

  it("no view module reads the build's repository or as-of instant behind its caller's back", () => {
    const root = path.join(projectRoot, 'src/site/views');
    const readers = siteFiles(root).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const relative = path.relative(projectRoot, file).split(path.sep).join('/');
      const hits = [/\brepository\(\)/, /\basOf\(\)/, /\bbuildContext\(\)/, /repository-cache\.ts'/, /as-of\.ts'/].filter((pattern) => pattern.test(source));
      return hits.map((pattern) => `${relative} ${pattern.source}`);
    });
    expect(readers).toEqual([]);
  });
});

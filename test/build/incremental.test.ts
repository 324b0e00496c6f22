// Incremental builds are never wrong: after one record, one catalogue entry or the as-of changes, a build that
// reuses the caches of the build before (Astro's pages, opsledger's drawings, files and search parts) writes the
// same dist/, byte for byte, as a cold build of the same records and as-of. And a build with nothing changed
// reuses every record page.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site.ts';
import { differingFiles } from '../helpers/determinism.ts';

const work = path.join(projectRoot, 'test-output/incremental');
const root = path.join(work, 'root');
const cacheDir = path.join(work, 'cache');
const asOf = '2026-11-25T00:00:00Z';
/** The record pages and text twins of the minimal fixture: 2 incidents, 1 post-mortem, 2 changes, 1 problem (+ 3 twins). */
const recordPages = 6;

/** Pages Astro took from its cache instead of rendering, from the build's log. */
function reusedPages(output: string): string[] {
  return [...output.matchAll(/├─ (\S+) \((?:cached|restored)\)/g)].map((match) => match[1]!);
}

/** A warm build (the shared cache) and a cold one (a fresh cache) of the root as it is now: both must succeed. */
function warmAndCold(name: string, asOfNow = asOf) {
  const warm = buildSite({ root, outDir: path.join(work, `${name}-warm`), asOf: asOfNow, cacheDir });
  expect(warm.status, warm.output.slice(-3000)).toBe(0);
  const cold = buildSite({ root, outDir: path.join(work, `${name}-cold`), asOf: asOfNow });
  expect(cold.status, cold.output.slice(-3000)).toBe(0);
  expect(reusedPages(cold.output)).toEqual([]);
  return { warm, cold, differing: differingFiles(warm.outDir, cold.outDir, []) };
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(path.join(root, file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(path.join(root, file), text.replace(from, to));
}

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'test/fixtures/minimal'), root, { recursive: true });
  const first = buildSite({ root, outDir: path.join(work, 'first'), asOf, cacheDir });
  expect(first.status, first.output.slice(-3000)).toBe(0);
  expect(reusedPages(first.output)).toEqual([]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incremental builds', () => {
  it('reuses every record page, drawing, text twin and search part when nothing changed, and writes the same site', () => {
    const { warm, differing } = warmAndCold('unchanged');
    expect(differing).toEqual([]);
    expect(reusedPages(warm.output)).toHaveLength(recordPages);
    expect(warm.output).toMatch(/reused (\d+) of \1 drawings?, 3 of 3 files written after the pages, 1 of 1 search index part/);
  });

  it("renders a resolved incident again when its text changes, and only the pages that show it", () => {
    edit('content/incidents/INC-2026-0001.md', 'Free Markdown.', 'The batch queue was drained by hand at 11:20.');
    const { warm, differing } = warmAndCold('record');
    expect(differing).toEqual([]);
    expect(readFileSync(path.join(warm.outDir, 'incidents/INC-2026-0001/index.html'), 'utf8')).toContain('drained by hand');
    const reused = reusedPages(warm.output);
    expect(reused).not.toContain('/incidents/INC-2026-0001/index.html');
    expect(reused).toContain('/incidents/INC-2026-0002/index.html');
    expect(reused.length).toBeGreaterThan(0);
  });

  it('renders again the pages that show a catalogue entry when it changes', () => {
    edit('data/applications.yaml', 'name: Settlement', 'name: Trade Settlement');
    const { warm, differing } = warmAndCold('catalogue');
    expect(differing).toEqual([]);
    expect(readFileSync(path.join(warm.outDir, 'incidents/INC-2026-0001/index.html'), 'utf8')).toContain('Trade Settlement');
  });

  it('keeps pages that do not depend on the as-of instant, and renders the rest again, when the as-of moves', () => {
    const { warm, differing } = warmAndCold('as-of', '2026-12-02T09:00:00Z');
    expect(differing).toEqual([]);
    // The resolved incidents' pages say nothing of the as-of instant, so they are the same page.
    expect(reusedPages(warm.output)).toContain('/incidents/INC-2026-0002/index.html');
    expect(readFileSync(path.join(warm.outDir, 'incidents/INC-2026-0002/index.html'), 'utf8')).not.toContain('Figures as of');
    expect(readFileSync(path.join(warm.outDir, 'index.html'), 'utf8')).toContain('Figures as of');
  });

  it('build --force uses no cache and fills it again', () => {
    const forced = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/opsledger.ts'), 'build', '--force', '--out', path.join(work, 'forced')], {
      cwd: projectRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OPSLEDGER_ROOT: root, OPSLEDGER_AS_OF: asOf, OPSLEDGER_CACHE_DIR: cacheDir, OPSLEDGER_REPORT_PDF: '' },
      encoding: 'utf8',
    });
    const output = `${forced.stdout}\n${forced.stderr}`;
    expect(forced.status, output.slice(-3000)).toBe(0);
    expect(reusedPages(output)).toEqual([]);
    expect(output).toMatch(/reused 0 of \d+ drawings?, 0 of 3 files written after the pages, 0 of 1 search index part/);
    // … and the next build finds the cache the forced one filled.
    const after = buildSite({ root, outDir: path.join(work, 'after-force'), asOf, cacheDir });
    expect(reusedPages(after.output)).toHaveLength(recordPages);
    expect(differingFiles(path.join(work, 'forced'), after.outDir, [])).toEqual([]);
  });
});

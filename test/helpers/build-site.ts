// Runs the real `astro build` for a content root into its own output folder, as `npm run build` would.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Just after the demo data ends (2026-11-24), so the demo's November is a full month to date.
export const defaultAsOf = '2026-11-25T00:00:00Z';

let builds = 0;

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/**
 * Builds a content root. Each build has a cache of its own, made empty (a cold build), unless `cacheDir` names one
 * to keep between builds (an incremental build): builds of one root running side by side must not share a cache.
 */
export function buildSite(options: { root?: string; outDir: string; asOf?: string; env?: Record<string, string>; cacheDir?: string }): BuildResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    OPSLEDGER_AS_OF: options.asOf ?? defaultAsOf,
    // A published PDF is linked only when a test says so, whatever the shell exported.
    OPSLEDGER_REPORT_PDF: '',
    ...options.env,
  };
  env.OPSLEDGER_ROOT = options.root ?? projectRoot;
  const cacheDir = options.cacheDir ?? path.join(projectRoot, 'test-output/caches', `build-${process.pid}-${builds + 1}`);
  if (options.cacheDir === undefined) rmSync(cacheDir, { recursive: true, force: true });
  env.OPSLEDGER_CACHE_DIR = cacheDir;
  // Astro writes its intermediate render bundle inside the output folder only when that folder lies
  // within the project (elsewhere it shares <cwd>/.astro, and parallel builds delete each other's
  // bundles; the bundle also needs the project's node_modules). So every build gets its own folder
  // under test-output/builds/ and is moved to the requested place afterwards.
  const outDir = path.resolve(options.outDir);
  const buildDir = outDir.startsWith(projectRoot + path.sep) ? outDir : path.join(projectRoot, 'test-output/builds', `${path.basename(outDir)}-${process.pid}-${++builds}`);
  rmSync(buildDir, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', buildDir], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (buildDir !== outDir) {
    rmSync(outDir, { recursive: true, force: true });
    if (existsSync(buildDir)) {
      mkdirSync(path.dirname(outDir), { recursive: true });
      cpSync(buildDir, outDir, { recursive: true });
      rmSync(buildDir, { recursive: true, force: true });
    }
  }
  if (options.cacheDir === undefined) rmSync(cacheDir, { recursive: true, force: true });
  // Plain text whatever the environment: with CI or FORCE_COLOR set, Astro colours its log ("(cached)") even into a pipe.
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`), outDir };
}

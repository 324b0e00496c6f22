// Runs the real `astro build` for a content root into its own output folder, as `npm run build` would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Just after the demo data ends (2026-11-24), so the demo's November is a full month to date.
export const defaultAsOf = '2026-11-25T00:00:00Z';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

export function buildSite(options: { root?: string; outDir: string; asOf?: string; env?: Record<string, string> }): BuildResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    OPSLEDGER_AS_OF: options.asOf ?? defaultAsOf,
    ...options.env,
  };
  if (options.root) env.OPSLEDGER_ROOT = options.root;
  else delete env.OPSLEDGER_ROOT;
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', options.outDir], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir: options.outDir };
}

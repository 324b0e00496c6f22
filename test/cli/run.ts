// Runs the project's CLI scripts as a user would, in a child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectDir = fileURLToPath(new URL('../../', import.meta.url));

/** The Node that runs the tests (24 from node_modules/.bin when started through npm or npx), which strips TypeScript types. */
const nodeBinary = process.execPath;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout split into lines, without the trailing empty one. */
  lines: string[];
}

function finish(result: ReturnType<typeof spawnSync>): Run {
  const stdout = String(result.stdout);
  return { status: result.status, stdout, stderr: String(result.stderr), lines: stdout.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1) };
}

const baseEnv = (env: Record<string, string>) => {
  const { OPSLEDGER_ROOT, OPSLEDGER_ANNOTATION_PREFIX, ...rest } = process.env;
  return { ...rest, NO_COLOR: '1', ...env };
};

/** `node src/cli/<script>.ts args…` from the project directory. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Run {
  return finish(spawnSync(nodeBinary, [path.join('src/cli', script), ...args], { cwd: projectDir, env: baseEnv(env), encoding: 'utf8' }));
}

/** `npm run -s <script> -- args…`, with the project's own Node first on PATH as npm puts it. */
export function runNpm(script: string, args: string[], env: Record<string, string> = {}): Run {
  const bin = path.join(projectDir, 'node_modules/.bin');
  const pathEnv = `${bin}${path.delimiter}${path.dirname(nodeBinary)}${path.delimiter}${process.env.PATH ?? ''}`;
  const argv = ['run', '-s', script, ...(args.length > 0 ? ['--', ...args] : [])];
  return finish(spawnSync('npm', argv, { cwd: projectDir, env: baseEnv({ PATH: pathEnv, ...env }), encoding: 'utf8' }));
}

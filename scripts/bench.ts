// npm run bench [-- --size small|large]: generates a seeded corpus (sizes in scripts/demo/README.md) and measures,
// in one run and on the same machine, a lower bound (read + frontmatter/CSV parse), load+validate+compute,
// `npm run check` and the full build; prints a table with ratios to the lower bound and writes JSON.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const asOf = process.env.OPSLEDGER_AS_OF ?? '2026-11-25T00:00:00Z';
const args = process.argv.slice(2);
const sizeArg = args.includes('--size') ? args[args.indexOf('--size') + 1] : args.find((a) => a.startsWith('--size='))?.split('=')[1];
const sizes = sizeArg ? [sizeArg] : ['small', 'large'];
const repeats = Number(args.find((a) => a.startsWith('--repeat='))?.split('=')[1] ?? 3);
const skipBuild = args.includes('--no-build');
for (const size of sizes) {
  if (size !== 'small' && size !== 'large') {
    console.error(`--size must be small or large, got "${size}"`);
    process.exit(2);
  }
}

interface Run {
  seconds: number;
  peakRssMiB: number;
  /** The process and its children at once (the search indexer runs as a child of the build). */
  peakTreeRssMiB: number;
  /** One-minute load average when the run started and ended: figures taken on a busy machine read high. */
  load: [number, number];
}
interface Step {
  name: string;
  runs: Run[];
  seconds: number;
  peakRssMiB: number;
  peakTreeRssMiB: number;
  ratioToLowerBound: number | null;
}

function measure(label: string, command: string[], env: Record<string, string>): Run {
  const rssFile = path.join(os.tmpdir(), `opsledger-bench-rss-${process.pid}-${label}`);
  const loadBefore = os.loadavg()[0] ?? 0;
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', path.join(projectRoot, 'scripts/bench/rss-reporter.ts'), ...command], {
    cwd: projectRoot,
    env: { ...process.env, ...env, OPSLEDGER_BENCH_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1', OPSLEDGER_AS_OF: asOf },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    console.error(`${label} failed (exit ${result.status}):\n${(result.stdout + result.stderr).slice(-3000)}`);
    process.exit(1);
  }
  const [ownKiB = 0, treeKiB = ownKiB] = readFileSync(rssFile, 'utf8').trim().split(' ').map(Number);
  rmSync(rssFile, { force: true });
  return { seconds, peakRssMiB: ownKiB / 1024, peakTreeRssMiB: treeKiB / 1024, load: [loadBefore, os.loadavg()[0] ?? 0] };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function directoryStats(dir: string): { pages: number; bytes: number; files: number } {
  let pages = 0;
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { pages, bytes, files };
}

function benchSize(size: string) {
  const root = mkdtempSync(path.join(os.tmpdir(), `opsledger-bench-${size}-`));
  // Inside the project: Astro's render bundle lands beside the output and must resolve node_modules.
  const outDir = path.join(projectRoot, 'bench-output', `dist-${size}`);
  rmSync(outDir, { recursive: true, force: true });
  console.error(`[${size}] generating corpus into ${root}`);
  const generated = measure(`generate-${size}`, [path.join(projectRoot, 'scripts/generate-demo.ts'), '--root', root, '--size', size], {});
  const corpus = directoryStats(root);
  const env = { OPSLEDGER_ROOT: root };
  const steps: Step[] = [];
  const repeated = (name: string, command: string[]) => {
    const runs: Run[] = [];
    for (let i = 0; i < repeats; i++) {
      console.error(`[${size}] ${name} run ${i + 1}/${repeats}`);
      runs.push(measure(`${size}-${name}-${i}`, command, env));
    }
    steps.push({
      name,
      runs,
      seconds: median(runs.map((r) => r.seconds)),
      peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
      peakTreeRssMiB: Math.max(...runs.map((r) => r.peakTreeRssMiB)),
      ratioToLowerBound: null,
    });
  };
  repeated('lower bound (read + parse)', [path.join(projectRoot, 'scripts/bench/lower-bound.ts')]);
  repeated('load + validate + compute', [path.join(projectRoot, 'scripts/bench/compute.ts')]);
  repeated('npm run check', [path.join(projectRoot, 'src/cli/check.ts')]);
  let site = { pages: 0, bytes: 0, files: 0 };
  if (!skipBuild) {
    console.error(`[${size}] full build`);
    const run = measure(`${size}-build`, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], env);
    steps.push({ name: 'full build', runs: [run], seconds: run.seconds, peakRssMiB: run.peakRssMiB, peakTreeRssMiB: run.peakTreeRssMiB, ratioToLowerBound: null });
    site = directoryStats(outDir);
  }
  const floor = steps[0]!.seconds;
  for (const step of steps) step.ratioToLowerBound = step.seconds / floor;
  rmSync(root, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  return { size, generateSeconds: generated.seconds, corpusFiles: corpus.files, steps, pagesEmitted: site.pages, distBytes: site.bytes, distFiles: site.files };
}

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
const results = sizes.map(benchSize);

console.log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; as of ${asOf}`);
const pad = (s: string, n: number) => s.padEnd(n);
const num = (n: number, d = 2) => n.toFixed(d).padStart(8);
for (const r of results) {
  console.log(`\n## ${r.size} corpus (${r.corpusFiles} files, generated in ${r.generateSeconds.toFixed(1)} s)\n`);
  console.log(`| step | wall s (median of ${repeats}) | peak RSS MiB | with child processes MiB | × lower bound | load average |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const s of r.steps) {
    const loads = s.runs.flatMap((run) => run.load);
    const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
    console.log(`| ${pad(s.name, 28)} | ${num(s.seconds)} | ${num(s.peakRssMiB, 0)} | ${num(s.peakTreeRssMiB, 0)} | ${num(s.ratioToLowerBound ?? 0)} | ${load} |`);
  }
  if (!skipBuild) console.log(`\npages emitted: ${r.pagesEmitted}; dist: ${(r.distBytes / 2 ** 20).toFixed(1)} MiB in ${r.distFiles} files`);
}
const small = results.find((r) => r.size === 'small');
const large = results.find((r) => r.size === 'large');
let scaling: { step: string; ratio: number }[] = [];
if (small && large) {
  scaling = large.steps.map((s, i) => ({ step: s.name, ratio: s.seconds / small.steps[i]!.seconds }));
  console.log('\n## large / small (10× the data; should stay near 10)\n');
  console.log('| step | large ÷ small |');
  console.log('| --- | ---: |');
  for (const s of scaling) console.log(`| ${pad(s.step, 28)} | ${num(s.ratio)} |`);
}
const outDir = path.join(projectRoot, 'bench-output');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'bench.json');
writeFileSync(file, `${JSON.stringify({ asOf, machine, repeats, results, scaling }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);

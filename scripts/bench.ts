// npm run bench [-- --size 500|small|large|4000|20000[,…]] [-- --root DIR]: generates seeded corpora (or takes the
// content root DIR as it is, an imported estate, say) and measures, in one run and on
// the same machine, a lower bound (read + frontmatter/CSV parse), load+validate+compute, `npm run check`, the full
// build and, as the framework's floor, a bare Astro build of as many trivial 8 KB pages as the full build emitted;
// prints tables with ratios, CPU utilisation and the budgets with pass/fail, and writes JSON.
// small and large are DESIGN.md's corpora (every record kind and export); 500, 4000 and 20000 are incidents only
// (5 years, 50 applications), the corpora other status-page tools are compared on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeFloorProject } from './bench/floor.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The extension of the steps' scripts: `.ts` in this repository, `.js` in the installed package, which runs compiled. */
const ext = path.extname(fileURLToPath(import.meta.url));
/** Astro's own command line, wherever npm put the package (beside this one when installed). */
const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const asOf = process.env.OPSLEDGER_AS_OF ?? '2026-11-25T00:00:00Z';
const args = process.argv.slice(2);
const sizeArg = args.includes('--size') ? args[args.indexOf('--size') + 1] : args.find((a) => a.startsWith('--size='))?.split('=')[1];
/** Bench size → generator size. */
const corpora: Record<string, string> = { small: 'small', large: 'large', '500': 'incidents-500', '4000': 'incidents-4000', '20000': 'incidents-20000' };
/** `--root DIR`: time this content root (an imported estate, say) as it is, instead of generated corpora. */
const rootArg = args.includes('--root') ? args[args.indexOf('--root') + 1] : args.find((a) => a.startsWith('--root='))?.split('=')[1];
if (args.includes('--root') && (rootArg === undefined || rootArg.startsWith('--'))) {
  console.error('--root needs a folder: the content root to time (holding content/ and data/)');
  process.exit(2);
}
const givenRoot = rootArg === undefined ? undefined : path.resolve(rootArg);
if (givenRoot !== undefined && !existsSync(path.join(givenRoot, 'data'))) {
  console.error(`--root ${rootArg}: no data/ folder there, so it is not a content root`);
  process.exit(2);
}
if (givenRoot !== undefined && sizeArg !== undefined) {
  console.error('--root and --size exclude each other: a run times either the given root or generated corpora');
  process.exit(2);
}
const sizes = givenRoot !== undefined ? [path.basename(givenRoot)] : sizeArg ? sizeArg.split(',') : ['500', 'small', 'large'];
const repeats = Number(args.find((a) => a.startsWith('--repeat='))?.split('=')[1] ?? 3);
const skipBuild = args.includes('--no-build');
for (const size of givenRoot === undefined ? sizes : []) {
  if (!Object.hasOwn(corpora, size)) {
    console.error(`--size must be one or more of ${Object.keys(corpora).join(', ')} (comma-separated), got "${size}"`);
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
  /** User + system CPU seconds of the process and every child it waited for (the search indexer included); null off Linux. */
  cpuSeconds: number | null;
  /** Seconds the main thread ran on a core, and waited runnable for one; null where Linux keeps no such figures. */
  mainThread: { onCpuSeconds: number; waitingSeconds: number } | null;
}
interface Step {
  name: string;
  runs: Run[];
  seconds: number;
  peakRssMiB: number;
  peakTreeRssMiB: number;
  ratioToLowerBound: number | null;
}

/** CPU seconds (user + system) of this process's waited-for children so far, from /proc; null where there is no /proc. */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), cutime and cstime, in clock ticks (100 a second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function measure(label: string, command: string[], env: Record<string, string>): Run {
  const rssFile = path.join(os.tmpdir(), `opsledger-bench-rss-${process.pid}-${label}`);
  const loadBefore = os.loadavg()[0] ?? 0;
  const cpuBefore = childrenCpuSeconds();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', path.join(projectRoot, `scripts/bench/rss-reporter${ext}`), ...command], {
    cwd: projectRoot,
    env: { ...process.env, ...env, OPSLEDGER_BENCH_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1', OPSLEDGER_AS_OF: asOf },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = childrenCpuSeconds();
  if (result.status !== 0) {
    console.error(`${label} failed (exit ${result.status}):\n${(result.stdout + result.stderr).slice(-3000)}`);
    process.exit(1);
  }
  const [ownKiB = 0, treeKiB = ownKiB, onCpuSeconds, waitingSeconds] = readFileSync(rssFile, 'utf8').trim().split(' ').map(Number);
  rmSync(rssFile, { force: true });
  const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  const mainThread = onCpuSeconds === undefined || waitingSeconds === undefined ? null : { onCpuSeconds, waitingSeconds };
  return { seconds, peakRssMiB: ownKiB / 1024, peakTreeRssMiB: treeKiB / 1024, load: [loadBefore, os.loadavg()[0] ?? 0], cpuSeconds, mainThread };
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
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { pages, bytes, files };
}

/** The first incident file of a corpus, relative to its root. */
function firstIncident(root: string): string | undefined {
  const dir = path.join(root, 'content/incidents');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
  return files[0] === undefined ? undefined : `content/incidents/${files[0].split(path.sep).join('/')}`;
}

function benchSize(size: string) {
  const root = givenRoot ?? mkdtempSync(path.join(os.tmpdir(), `opsledger-bench-${size}-`));
  // Inside the project: Astro's render bundle lands beside the output and must resolve node_modules.
  const outDir = path.join(projectRoot, 'bench-output', `dist-${size}`);
  rmSync(outDir, { recursive: true, force: true });
  let generated: Run | null = null;
  if (givenRoot === undefined) {
    console.error(`[${size}] generating corpus into ${root}`);
    generated = measure(`generate-${size}`, [path.join(projectRoot, `scripts/generate-demo${ext}`), '--root', root, '--size', corpora[size]!], {});
  } else {
    console.error(`[${size}] timing the content root ${root} (as of ${asOf})`);
  }
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
  repeated('lower bound (read + parse)', [path.join(projectRoot, `scripts/bench/lower-bound${ext}`)]);
  repeated('load + validate + compute', [path.join(projectRoot, `scripts/bench/compute${ext}`)]);
  repeated('npm run check', [path.join(projectRoot, `src/cli/check${ext}`)]);
  // The author's loop: one record given, as an editor or a pre-commit hook asks (budget: 1 s on the large corpus).
  const oneRecord = firstIncident(root);
  if (oneRecord) repeated('npm run check -- one record', [path.join(projectRoot, `src/cli/check${ext}`), oneRecord]);
  let site = { pages: 0, bytes: 0, files: 0 };
  let build: Run | null = null;
  let floor: (Run & { pages: number }) | null = null;
  if (!skipBuild) {
    console.error(`[${size}] full build`);
    build = measure(`${size}-build`, [astroBin, 'build', '--outDir', outDir], env);
    steps.push({ name: 'full build', runs: [build], seconds: build.seconds, peakRssMiB: build.peakRssMiB, peakTreeRssMiB: build.peakTreeRssMiB, ratioToLowerBound: null });
    site = directoryStats(outDir);
    // The floor, right after: a bare Astro build of as many trivial pages as the full build emitted. The full
    // build's output is deleted only after it: on a file system that skips recently freed inodes when it creates
    // files (ext4 without a journal, for up to six minutes), deleting 76,000 files first made the floor slower.
    console.error(`[${size}] bare Astro floor, ${site.pages} pages`);
    const floorRoot = writeFloorProject(path.join(projectRoot, 'bench-output', `floor-${size}`), site.pages);
    const floorOut = path.join(floorRoot, 'dist');
    floor = { ...measure(`${size}-floor`, [astroBin, 'build', '--root', floorRoot, '--outDir', floorOut], {}), pages: directoryStats(floorOut).pages };
    rmSync(floorRoot, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
  const lowerBound = steps[0]!.seconds;
  for (const step of steps) step.ratioToLowerBound = step.seconds / lowerBound;
  // A given root is the user's own: only a generated one is removed.
  if (givenRoot === undefined) rmSync(root, { recursive: true, force: true });
  return { size, generateSeconds: generated?.seconds ?? null, corpusFiles: corpus.files, steps, pagesEmitted: site.pages, distBytes: site.bytes, distFiles: site.files, build, floor };
}

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
const results = sizes.map(benchSize);

console.log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; as of ${asOf}`);
const pad = (s: string, n: number) => s.padEnd(n);
const num = (n: number, d = 2) => n.toFixed(d).padStart(8);
for (const r of results) {
  const origin = r.generateSeconds === null ? `the content root ${givenRoot}` : `generated in ${r.generateSeconds.toFixed(1)} s`;
  console.log(`\n## ${r.size} corpus (${r.corpusFiles} files, ${origin})\n`);
  console.log(`| step | wall s (median of ${repeats}) | peak RSS MiB | with child processes MiB | × lower bound | load average |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const s of r.steps) {
    const loads = s.runs.flatMap((run) => run.load);
    const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
    console.log(`| ${pad(s.name, 28)} | ${num(s.seconds)} | ${num(s.peakRssMiB, 0)} | ${num(s.peakTreeRssMiB, 0)} | ${num(s.ratioToLowerBound ?? 0)} | ${load} |`);
  }
  if (r.build && r.floor) {
    console.log(`\npages emitted: ${r.pagesEmitted}; dist: ${(r.distBytes / 2 ** 20).toFixed(1)} MiB in ${r.distFiles} files`);
    console.log('\n| build | wall s | peak RSS with children MiB | CPU s (user+sys, children included) | CPU utilisation (of 2 cores: 2.00) | load average |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, run] of [['opsledger', r.build], [`bare Astro floor, ${r.floor.pages} pages`, r.floor]] as const) {
      const cpu = run.cpuSeconds === null ? 'n/a' : num(run.cpuSeconds);
      const utilisation = run.cpuSeconds === null ? 'n/a' : num(run.cpuSeconds / run.seconds);
      console.log(`| ${pad(name, 28)} | ${num(run.seconds)} | ${num(run.peakTreeRssMiB, 0)} | ${cpu} | ${utilisation} | ${run.load.map((l) => l.toFixed(1)).join('–')} |`);
    }
    console.log(`\nfull build ÷ floor: ${(r.build.seconds / r.floor.seconds).toFixed(2)} (time), ${(r.build.peakTreeRssMiB / r.floor.peakTreeRssMiB).toFixed(2)} (memory)`);
    // Astro renders every page on the main thread: its time on a core alone bounds the build from below.
    const main = r.build.mainThread;
    if (main) console.log(`main thread of the build: ${main.onCpuSeconds.toFixed(2)} s on a core (${(main.onCpuSeconds / r.floor.seconds).toFixed(2)} × the floor's wall time), ${main.waitingSeconds.toFixed(2)} s waiting for one`);
  }
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
// The budgets: every figure against a limit, measured in this run (the floor and the lower bound included).
interface Budget {
  name: string;
  measured: number;
  limit: number;
  unit: string;
}
const budgets: Budget[] = [];
for (const r of results) {
  const compute = r.steps.find((s) => s.name === 'load + validate + compute');
  if (compute && (r.size === 'small' || r.size === 'large')) budgets.push({ name: `${r.size}: load + validate + compute ÷ parse lower bound`, measured: compute.ratioToLowerBound ?? 0, limit: 1.5, unit: '×' });
  const oneRecordStep = r.steps.find((s) => s.name === 'npm run check -- one record');
  if (oneRecordStep && r.size === 'large') budgets.push({ name: 'large: npm run check -- one record', measured: oneRecordStep.seconds, limit: 1, unit: 's' });
  if (!r.build || !r.floor) continue;
  if (r.size === 'large') {
    budgets.push({ name: 'large: full build ÷ bare-Astro floor', measured: r.build.seconds / r.floor.seconds, limit: 2, unit: '×' });
    budgets.push({ name: 'large: peak memory of the build process tree', measured: r.build.peakTreeRssMiB / 1024, limit: 1.5, unit: 'GiB' });
  }
  if (r.size === '500') budgets.push({ name: '500 incidents: full build ÷ bare-Astro floor', measured: r.build.seconds / r.floor.seconds, limit: 1.5, unit: '×' });
}
for (const s of scaling) budgets.push({ name: `large ÷ small: ${s.step}`, measured: s.ratio, limit: 11, unit: '×' });
if (budgets.length > 0) {
  console.log('\n## budgets (measured in this run)\n');
  console.log('| budget | measured | limit | result |');
  console.log('| --- | ---: | ---: | --- |');
  for (const b of budgets) console.log(`| ${pad(b.name, 52)} | ${num(b.measured)} ${b.unit} | ≤ ${b.limit} ${b.unit} | ${b.measured <= b.limit ? 'pass' : 'FAIL'} |`);
}
const outDir = path.join(projectRoot, 'bench-output');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'bench.json');
writeFileSync(file, `${JSON.stringify({ asOf, machine, repeats, results, scaling, budgets: budgets.map((b) => ({ ...b, pass: b.measured <= b.limit })) }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);

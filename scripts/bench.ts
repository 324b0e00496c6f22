// npm run bench [-- --size 500|small|large|4000|20000[,…]] [-- --root DIR]: generates seeded corpora (or copies the
// content root DIR, an imported estate, say, so that its files are never touched) and measures, in one run and on
// the same machine, a lower bound (read + frontmatter/CSV parse), load+validate+compute, `npm run check`, and in
// interleaved rounds: the cold build, as the framework's floor a bare Astro build of as many trivial 8 KB pages,
// the warm build with nothing changed and the warm build after one resolved incident's text changed. Builds and
// floor write to the same file system, tmpfs where the machine has one (/dev/shm), so the disk's drift cancels.
// Prints tables with ratios, CPU (user + system) and the budgets with their verdicts, and writes JSON.
// small and large are DESIGN.md's corpora (every record kind and export); 500, 4000 and 20000 are incidents only
// (5 years, 50 applications), the corpora other status-page tools are compared on.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
  /** The same, split: user and system seconds. */
  cpu: { user: number; system: number } | null;
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

/** User and system CPU seconds of this process's waited-for children so far, from /proc; null where there is no /proc. */
function childrenCpu(): { user: number; system: number } | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), cutime and cstime, in clock ticks (100 a second on Linux).
    return { user: Number(fields[13]) / 100, system: Number(fields[14]) / 100 };
  } catch {
    return null;
  }
}

function measure(label: string, command: string[], env: Record<string, string>, cwd = projectRoot): Run {
  const rssFile = path.join(os.tmpdir(), `opsledger-bench-rss-${process.pid}-${label}`);
  const loadBefore = os.loadavg()[0] ?? 0;
  const cpuBefore = childrenCpu();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', path.join(projectRoot, `scripts/bench/rss-reporter${ext}`), ...command], {
    cwd,
    env: { ...process.env, ...env, OPSLEDGER_BENCH_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1', OPSLEDGER_AS_OF: asOf },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = childrenCpu();
  if (result.status !== 0) {
    console.error(`${label} failed (exit ${result.status}):\n${(result.stdout + result.stderr).slice(-3000)}`);
    process.exit(1);
  }
  const [ownKiB = 0, treeKiB = ownKiB, onCpuSeconds, waitingSeconds] = readFileSync(rssFile, 'utf8').trim().split(' ').map(Number);
  rmSync(rssFile, { force: true });
  const cpu = cpuBefore === null || cpuAfter === null ? null : { user: cpuAfter.user - cpuBefore.user, system: cpuAfter.system - cpuBefore.system };
  const cpuSeconds = cpu === null ? null : cpu.user + cpu.system;
  const mainThread = onCpuSeconds === undefined || waitingSeconds === undefined ? null : { onCpuSeconds, waitingSeconds };
  return { seconds, peakRssMiB: ownKiB / 1024, peakTreeRssMiB: treeKiB / 1024, load: [loadBefore, os.loadavg()[0] ?? 0], cpuSeconds, cpu, mainThread };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function directoryStats(dir: string): { pages: number; bytes: number; files: number; largestPage: { path: string; bytes: number } } {
  let pages = 0;
  let bytes = 0;
  let files = 0;
  let largestPage = { path: '', bytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    const file = path.join(entry.parentPath, entry.name);
    const size = statSync(file).size;
    bytes += size;
    if (entry.name.endsWith('.html')) {
      pages++;
      if (size > largestPage.bytes) largestPage = { path: path.relative(dir, file), bytes: size };
    }
  }
  return { pages, bytes, files, largestPage };
}

/** The incident files of a corpus, relative to its root, in order. */
function incidentFiles(root: string): string[] {
  const dir = path.join(root, 'content/incidents');
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `content/incidents/${f.split(path.sep).join('/')}`);
}

/** The first resolved incident of a corpus (its page does not depend on the as-of instant): the record a warm build's edit changes. */
function resolvedIncident(root: string, files: readonly string[]): string | undefined {
  return files.find((file) => /^restored: /m.test(readFileSync(path.join(root, file), 'utf8')));
}

/**
 * Where builds and the floor write: one folder on tmpfs when the machine has one, so that neither pays for this
 * disk's file creation, whose speed drifts by 2× within the hour. The build runs in it (Astro stages its bundle in
 * the working folder's .astro/), and a node_modules link lets the bundle and the floor find their packages.
 */
function benchFolder(): { dir: string; onTmpfs: boolean } {
  const onTmpfs = existsSync('/dev/shm') && statSync('/dev/shm').isDirectory();
  const dir = onTmpfs ? mkdtempSync('/dev/shm/opsledger-bench-') : mkdtempSync(path.join(projectRoot, 'bench-output', 'run-'));
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { dir, onTmpfs };
}

interface BuildRound {
  cold: Run;
  floor: Run;
  warmUnchanged: Run;
  warmOneChange: Run;
}

const stepOf = (name: string, runs: Run[]): Step => ({
  name,
  runs,
  seconds: median(runs.map((r) => r.seconds)),
  peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
  peakTreeRssMiB: Math.max(...runs.map((r) => r.peakTreeRssMiB)),
  ratioToLowerBound: null,
});

function benchSize(size: string) {
  mkdirSync(path.join(projectRoot, 'bench-output'), { recursive: true });
  const work = benchFolder();
  // A given root is copied (the builds' edit must never touch the user's files); a generated one is made in place.
  const root = path.join(work.dir, 'root');
  let generated: Run | null = null;
  if (givenRoot === undefined) {
    console.error(`[${size}] generating corpus into ${root}`);
    generated = measure(`generate-${size}`, [path.join(projectRoot, `scripts/generate-demo${ext}`), '--root', root, '--size', corpora[size]!], {});
  } else {
    console.error(`[${size}] timing a copy of the content root ${givenRoot} (as of ${asOf}) in ${root}`);
    cpSync(givenRoot, root, { recursive: true, filter: (source) => !/[\\/](node_modules|dist|\.git)$/.test(source) });
  }
  const corpus = directoryStats(root);
  const outDir = path.join(work.dir, 'dist');
  const cacheDir = path.join(work.dir, 'cache');
  const env = { OPSLEDGER_ROOT: root, OPSLEDGER_CACHE_DIR: cacheDir, OPSLEDGER_REPORT_PDF: '' };
  const steps: Step[] = [];
  const repeated = (name: string, command: string[]) => {
    const runs: Run[] = [];
    for (let i = 0; i < repeats; i++) {
      console.error(`[${size}] ${name} run ${i + 1}/${repeats}`);
      runs.push(measure(`${size}-${name}-${i}`, command, env));
    }
    steps.push(stepOf(name, runs));
  };
  repeated('lower bound (read + parse)', [path.join(projectRoot, `scripts/bench/lower-bound${ext}`)]);
  repeated('load + validate + compute', [path.join(projectRoot, `scripts/bench/compute${ext}`)]);
  repeated('npm run check', [path.join(projectRoot, `src/cli/check${ext}`)]);
  // The author's loop: one record given, as an editor or a pre-commit hook asks (budget: 1 s on the large corpus).
  const incidents = existsSync(path.join(root, 'content/incidents')) ? incidentFiles(root) : [];
  if (incidents[0]) repeated('npm run check -- one record', [path.join(projectRoot, `src/cli/check${ext}`), incidents[0]]);
  let site = { pages: 0, bytes: 0, files: 0, largestPage: { path: '', bytes: 0 } };
  const rounds: BuildRound[] = [];
  let floorPages = 0;
  if (!skipBuild) {
    const build = [path.join(projectRoot, `src/cli/opsledger${ext}`), 'build', '--out', outDir];
    const edited = resolvedIncident(root, incidents);
    const floorRoot = path.join(work.dir, 'floor');
    for (let i = 0; i < repeats; i++) {
      // One round: the cold build (no cache), the floor right after it, then the warm builds on the cache it left.
      rmSync(cacheDir, { recursive: true, force: true });
      console.error(`[${size}] round ${i + 1}/${repeats}: cold build`);
      const cold = measure(`${size}-cold-${i}`, build, env, work.dir);
      if (i === 0) {
        site = directoryStats(outDir);
        writeFloorProject(floorRoot, site.pages);
      }
      console.error(`[${size}] round ${i + 1}/${repeats}: bare Astro floor, ${site.pages} pages`);
      const floorOut = path.join(work.dir, 'floor-dist');
      const floor = measure(`${size}-floor-${i}`, [astroBin, 'build', '--root', floorRoot, '--outDir', floorOut], {}, work.dir);
      floorPages = directoryStats(floorOut).pages;
      rmSync(floorOut, { recursive: true, force: true });
      console.error(`[${size}] round ${i + 1}/${repeats}: warm build, nothing changed`);
      const warmUnchanged = measure(`${size}-warm-${i}`, build, env, work.dir);
      let warmOneChange = warmUnchanged;
      if (edited !== undefined) {
        const file = path.join(root, edited);
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, `${text.trimEnd()}\n\nRound ${i + 1}: the runbook step was corrected after the review.\n`);
        console.error(`[${size}] round ${i + 1}/${repeats}: warm build, ${edited} changed`);
        warmOneChange = measure(`${size}-warm-edit-${i}`, build, env, work.dir);
        writeFileSync(file, text);
      }
      rounds.push({ cold, floor, warmUnchanged, warmOneChange });
    }
    steps.push(stepOf('cold build', rounds.map((r) => r.cold)));
    steps.push(stepOf('warm build, nothing changed', rounds.map((r) => r.warmUnchanged)));
    steps.push(stepOf('warm build, one incident changed', rounds.map((r) => r.warmOneChange)));
  }
  const lowerBound = steps[0]!.seconds;
  for (const step of steps) step.ratioToLowerBound = step.seconds / lowerBound;
  rmSync(work.dir, { recursive: true, force: true });
  return { size, onTmpfs: work.onTmpfs, generateSeconds: generated?.seconds ?? null, corpusFiles: corpus.files, steps, pagesEmitted: site.pages, distBytes: site.bytes, distFiles: site.files, largestPage: site.largestPage, rounds, floorPages };
}

/** Each round's ratios (its builds ran side by side, so the machine's drift cancels), and their medians. */
function buildRatios(rounds: readonly BuildRound[]) {
  const of = (f: (round: BuildRound) => number) => median(rounds.map(f));
  return {
    coldToFloor: of((r) => r.cold.seconds / r.floor.seconds),
    warmUnchangedToCold: of((r) => r.warmUnchanged.seconds / r.cold.seconds),
    warmOneChangeToCold: of((r) => r.warmOneChange.seconds / r.cold.seconds),
    warmOneChangeToFloor: of((r) => r.warmOneChange.seconds / r.floor.seconds),
  };
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
  if (r.rounds.length > 0) {
    console.log(`\npages emitted: ${r.pagesEmitted}; dist: ${(r.distBytes / 2 ** 20).toFixed(1)} MiB in ${r.distFiles} files; written to ${r.onTmpfs ? 'tmpfs (/dev/shm)' : 'disk'}; largest page ${r.largestPage.path} (${(r.largestPage.bytes / 1024).toFixed(0)} KiB)`);
    console.log(`\n| round | build | wall s | CPU s user | CPU s sys | peak RSS with children MiB | load average |`);
    console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [i, round] of r.rounds.entries()) {
      for (const [name, run] of [['cold', round.cold], [`bare Astro floor, ${r.floorPages} pages`, round.floor], ['warm, nothing changed', round.warmUnchanged], ['warm, one incident changed', round.warmOneChange]] as const) {
        const cpu = run.cpu === null ? ['n/a', 'n/a'] : [num(run.cpu.user), num(run.cpu.system)];
        console.log(`| ${i + 1} | ${pad(name, 28)} | ${num(run.seconds)} | ${cpu[0]} | ${cpu[1]} | ${num(run.peakTreeRssMiB, 0)} | ${run.load.map((l) => l.toFixed(1)).join('–')} |`);
      }
    }
    const ratios = buildRatios(r.rounds);
    console.log(`\nmedians of the rounds' ratios: cold ÷ floor ${ratios.coldToFloor.toFixed(2)}, warm (nothing changed) ÷ cold ${ratios.warmUnchangedToCold.toFixed(2)}, warm (one incident changed) ÷ cold ${ratios.warmOneChangeToCold.toFixed(2)}, warm (one change) ÷ floor ${ratios.warmOneChangeToFloor.toFixed(2)}`);
    // Astro renders every page on the main thread: its time on a core alone bounds the build from below.
    const main = r.rounds[0]!.cold.mainThread;
    if (main) console.log(`main thread of the first cold build: ${main.onCpuSeconds.toFixed(2)} s on a core (${(main.onCpuSeconds / r.rounds[0]!.floor.seconds).toFixed(2)} × the floor's wall time), ${main.waitingSeconds.toFixed(2)} s waiting for one`);
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
  if (r.rounds.length === 0) continue;
  const ratios = buildRatios(r.rounds);
  const treeGiB = Math.max(...r.rounds.map((round) => round.cold.peakTreeRssMiB)) / 1024;
  if (r.size === '20000') {
    budgets.push({ name: '20,000 incidents: cold build ÷ bare-Astro floor', measured: ratios.coldToFloor, limit: 3, unit: '×' });
    budgets.push({ name: '20,000 incidents: peak memory of the build process tree', measured: treeGiB, limit: 1.5, unit: 'GiB' });
    budgets.push({ name: '20,000 incidents: warm, one resolved incident changed ÷ cold', measured: ratios.warmOneChangeToCold, limit: 0.3, unit: '×' });
    budgets.push({ name: '20,000 incidents: warm, nothing changed ÷ cold', measured: ratios.warmUnchangedToCold, limit: 0.2, unit: '×' });
  }
  if (r.size === '500') budgets.push({ name: '500 incidents: warm, one change ÷ floor (cold, same pages)', measured: ratios.warmOneChangeToFloor, limit: 1.5, unit: '×' });
  if (r.size === 'large') budgets.push({ name: 'large: peak memory of the build process tree', measured: treeGiB, limit: 2, unit: 'GiB' });
  // Every page a phone can load: under 1 MB on every corpus and every given root.
  budgets.push({ name: `${r.size}: largest page`, measured: r.largestPage.bytes / 1e6, limit: 1, unit: 'MB' });
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

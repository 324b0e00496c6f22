// Preloaded into each measured process (`node --import`): on exit writes two figures in KiB, the
// process's own peak resident set size and the peak of the process together with its children
// (the build's search indexer is a child process), sampled every 500 ms while the event loop is free;
// then, where Linux keeps scheduler statistics, the seconds the main thread ran on a core and waited,
// runnable, for one: Astro renders every page on that thread, so it is the build's critical path.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const target = process.env.OPSLEDGER_BENCH_RSS_FILE;

/** Resident KiB of `pid`, 0 when it is gone. */
function residentKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident KiB of every descendant of `root`, from the parent ids in /proc. */
function descendantsKiB(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may hold spaces and parentheses: the parent id follows the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended while it was being read.
    }
  }
  let total = 0;
  const pending = [...(children.get(root) ?? [])];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    total += residentKiB(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Seconds the main thread has run on a core and waited, runnable, for one (schedstat: nanoseconds); none off Linux. */
function mainThreadSeconds(): number[] {
  try {
    const [onCpuNs, waitingNs] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return [onCpuNs! / 1e9, waitingNs! / 1e9];
  } catch {
    return [];
  }
}

if (target) {
  let treePeakKiB = 0;
  const canSample = process.platform === 'linux';
  const sample = () => {
    const children = descendantsKiB(process.pid);
    if (children > 0) treePeakKiB = Math.max(treePeakKiB, residentKiB(process.pid) + children);
  };
  if (canSample) setInterval(sample, 500).unref();
  process.on('exit', () => {
    const ownPeakKiB = process.resourceUsage().maxRSS;
    writeFileSync(target, [ownPeakKiB, Math.max(ownPeakKiB, treePeakKiB), ...mainThreadSeconds()].join(' '));
  });
}

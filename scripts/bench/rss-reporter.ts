// Preloaded into each measured process (`node --import`): writes its peak resident set size (KiB) on exit.
import { writeFileSync } from 'node:fs';

const target = process.env.OPSLEDGER_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}

// The framework's floor for the bench: a bare Astro project that builds `pages` trivial pages of about 8 KB each
// (one dynamic route, no data, no integrations), written where the bench asks, built by the same Astro.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** About 8 KB of plain prose per page, the same on every page but the heading. */
const paragraph =
  'The overnight settlement batch finished late after the market data feed stalled; support restarted the consumer, ' +
  'replayed the missed messages and confirmed every trade had settled before the morning cut-off. ';

/** Writes the floor project into `dir` (emptied first) and returns it; build it with `astro build --root dir`. */
export function writeFloorProject(dir: string, pages: number): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/pages/p'), { recursive: true });
  writeFileSync(path.join(dir, 'astro.config.mjs'), "export default { output: 'static', trailingSlash: 'always', build: { format: 'directory' } };\n");
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "opsledger-bench-floor", "private": true, "type": "module" }\n');
  const body = paragraph.repeat(Math.ceil(8000 / paragraph.length));
  writeFileSync(
    path.join(dir, 'src/pages/p/[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i + 1) } }));
}
const { n } = Astro.params;
const body = ${JSON.stringify(body)};
---
<html lang="en"><head><meta charset="utf-8"><title>Page {n}</title></head><body><h1>Page {n}</h1><p>{body}</p></body></html>
`,
  );
  return dir;
}

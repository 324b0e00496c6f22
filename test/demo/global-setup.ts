// Builds the demo site once for every build and browser test (test-output/demo/), as a newcomer's `npm run build` would.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, projectRoot } from '../helpers/build-site.ts';

export const demoOutDir = path.join(projectRoot, 'test-output/demo');

export default function setup() {
  rmSync(demoOutDir, { recursive: true, force: true });
  const result = buildSite({ outDir: demoOutDir });
  if (result.status !== 0) throw new Error(`demo build failed:\n${result.output.slice(-4000)}`);
}

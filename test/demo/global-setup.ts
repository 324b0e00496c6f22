// Generates the demo with the seeded generator into test-output/demo-root/ and builds it once for every
// build and browser test (test-output/demo/), as a newcomer's `npm run build` would. The repository's own
// content/ and data/ are never read: a team that replaced them with its records keeps a passing suite.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { generateDemo } from '../../scripts/generate-demo.ts';
import { buildSite, projectRoot } from '../helpers/build-site.ts';

export const demoRoot = path.join(projectRoot, 'test-output/demo-root');
export const demoOutDir = path.join(projectRoot, 'test-output/demo');

export default function setup() {
  rmSync(demoRoot, { recursive: true, force: true });
  generateDemo(demoRoot);
  rmSync(demoOutDir, { recursive: true, force: true });
  const result = buildSite({ root: demoRoot, outDir: demoOutDir });
  if (result.status !== 0) throw new Error(`demo build failed:\n${result.output.slice(-4000)}`);
}

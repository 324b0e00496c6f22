// The same inputs and the same as-of give a byte-identical dist/: the demo built a second
// time, on a machine set to another zone and locale, must match the build the global setup made, file for file.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site.ts';
import { differingFiles } from '../helpers/determinism.ts';
import { distFiles } from '../helpers/dist-files.ts';
import { demoOutDir, demoRoot } from './global-setup.ts';

const againDir = path.join(projectRoot, 'test-output/demo-again');

describe('determinism', () => {
  it("builds the demo byte for byte the same a second time, whatever the machine's time zone and locale", () => {
    // Months are cut in site.yaml's zone and text is formatted explicitly, so neither may leak into the output.
    const result = buildSite({ root: demoRoot, outDir: againDir, env: { TZ: 'Pacific/Auckland', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } });
    expect(result.status, result.output.slice(-4000)).toBe(0);
    expect(distFiles(againDir).length).toBeGreaterThan(100);
    const differing = differingFiles(demoOutDir, againDir, []); // every file, no exceptions
    expect(differing, `files that differ between ${demoOutDir} and ${againDir}:\n${differing.join('\n')}`).toEqual([]);
    rmSync(againDir, { recursive: true, force: true });
  });
});

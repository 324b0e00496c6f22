// node scripts/compiled-js.ts clean: deletes the JavaScript that packing compiles beside each TypeScript file of
// src/ and scripts/ (`npm pack` runs tsc -p tsconfig.build.json first, and this after), so a checkout keeps
// running its sources. A .js file without a .ts of the same name is left alone.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function compiledFiles(root: string): string[] {
  return ['src', 'scripts'].flatMap((dir) =>
    (readdirSync(path.join(root, dir), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.js') && existsSync(path.join(root, dir, `${file.slice(0, -'.js'.length)}.ts`)))
      .map((file) => path.join(dir, file)),
  );
}

if (process.argv[2] === 'clean') {
  const files = compiledFiles(projectRoot);
  for (const file of files) rmSync(path.join(projectRoot, file));
  console.log(`removed ${files.length} compiled files`);
} else {
  console.error('usage: node scripts/compiled-js.ts clean');
  process.exitCode = 2;
}

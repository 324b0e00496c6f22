// npm run schema [-- --out DIR]: writes the JSON Schema of every record kind's frontmatter and every catalogue
// (src/schema/json-schema.ts) to schemas/ under the content root, for editors. Rewrites only files it wrote.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveRoot } from '../load/repository.ts';
import { jsonSchemaFiles, jsonSchemaOf, writtenBy } from '../schema/json-schema.ts';

const args = process.argv.slice(2);
const outArg = args.includes('--out') ? args[args.indexOf('--out') + 1] : args.find((a) => a.startsWith('--out='))?.slice('--out='.length);
const root = resolveRoot();
const outDir = path.resolve(root, outArg ?? 'schemas');

/** Whether a file at `file` was written by this command (or is absent), so it may be replaced. */
function isOurs(file: string): boolean {
  if (!existsSync(file)) return true;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { $comment?: unknown }).$comment === writtenBy;
  } catch {
    return false;
  }
}

const foreign = jsonSchemaFiles.map(({ file }) => path.join(outDir, file)).filter((file) => !isOurs(file));
if (foreign.length > 0) {
  for (const file of foreign) console.error(`${path.relative(process.cwd(), file)}: not written by npm run schema; left alone (move it away or choose --out)`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
for (const { file, title, schema } of jsonSchemaFiles) {
  writeFileSync(path.join(outDir, file), `${JSON.stringify(jsonSchemaOf(schema, title), null, 2)}\n`);
}
console.log(`wrote ${jsonSchemaFiles.length} JSON Schemas to ${path.relative(process.cwd(), outDir) || '.'}/`);

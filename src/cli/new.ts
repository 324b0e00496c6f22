// npm run new -- incident|change|problem|postmortem "Title": scaffold a record with the next free id.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveRoot } from '../load/repository.ts';
import { asOfFromEnvironment } from '../site/as-of.ts';
import { formatRecordId, parseRecordId } from '../core/ids.ts';
import { recordKinds } from '../schema/record-kinds.ts';
import { scaffoldRecord } from './scaffold.ts';

const [kind, ...titleWords] = process.argv.slice(2);
const title = titleWords.join(' ').trim();
const spec = recordKinds.find((k) => k.kind === kind);
if (!spec || title === '') {
  console.error('usage: opsledger new incident|change|problem|postmortem "Title"');
  process.exit(2);
}
const root = resolveRoot();
// The year of the id comes from the one clock every command reads (OPSLEDGER_AS_OF, else now).
let nowMs: number;
try {
  nowMs = asOfFromEnvironment();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const year = new Date(nowMs).getUTCFullYear();
const dir = path.join(root, spec.dir);
const taken = existsSync(dir)
  ? (readdirSync(dir, { recursive: true }) as string[]).map((f) => path.basename(f, '.md')).filter((name) => name.startsWith(`${spec.prefix}-${year}-`))
  : [];
// Ids run past 9999 with more digits (INC-2026-10000); the next one follows the highest number taken.
const next = taken.reduce((max, id) => Math.max(max, parseRecordId(id)?.sequence ?? 0), 0) + 1;
const id = formatRecordId(spec.prefix, year, next);
const file = path.join(dir, String(year), `${id}.md`);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, scaffoldRecord(spec.kind, id, title), { flag: 'wx' });
console.log(`created ${path.relative(process.cwd(), file)}`);
console.log('fill in the fields marked REQUIRED; `opsledger check` lists the ones still empty');

// npm run import -- <statuspage|servicenow> <file> [--map <yaml>] [--timezone <IANA zone>] [--allow-skips]
// Brings another tool's incident history into the content root (OPSLEDGER_ROOT), and says what it did.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolveRoot } from '../load/repository.ts';
import { isTimeZone } from '../schema/zod.ts';
import { readImportMap } from '../import/map.ts';
import { parseStatuspageExport, statuspageBatch } from '../import/statuspage.ts';
import { servicenowBatch } from '../import/servicenow.ts';
import { recordsByExternal, writeBatch } from '../import/write.ts';
import type { ImportBatch } from '../import/model.ts';
import { formatCount } from '../site/format.ts';

const usage = 'usage: npm run import -- statuspage|servicenow <file> [--map <yaml>] [--timezone <IANA zone>] [--allow-skips]';
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const mapFile = option('--map');
const timezone = option('--timezone') ?? 'UTC';
const allowSkips = args.includes('--allow-skips');
const [system, file, ...rest] = args.filter((a) => a !== '--allow-skips');
if ((system !== 'statuspage' && system !== 'servicenow') || file === undefined || rest.length > 0) {
  console.error(usage);
  process.exit(2);
}
if (!isTimeZone(timezone)) {
  console.error(`--timezone "${timezone}" is not an IANA time zone (e.g. America/Sao_Paulo)`);
  process.exit(2);
}

const root = resolveRoot();
let batch: ImportBatch;
try {
  const map = readImportMap(mapFile);
  const bytes = readFileSync(file);
  const data = file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  if (system === 'statuspage') {
    const { incidents, notes } = parseStatuspageExport(data.toString('utf8'), file);
    batch = statuspageBatch(incidents, map, notes);
  } else {
    const existing = { problems: recordsByExternal(root, 'content/problems', 'servicenow'), changes: recordsByExternal(root, 'content/changes', 'servicenow') };
    batch = await servicenowBatch(data, file, map, timezone, existing);
  }
} catch (error) {
  // Unreadable input or map: nothing was written; say why without a stack trace.
  console.error(`import stopped, nothing written: ${(error as Error).message}`);
  process.exit(2);
}
const summary = writeBatch(root, batch);
for (const note of summary.notes) console.log(`${note.where}  ${note.kind}  ${note.message}`);
console.log(
  `${system}: ${formatCount(batch.sourceCount)} source incidents read; ${formatCount(summary.created)} created, ${formatCount(summary.updated)} updated, ` +
    `${formatCount(summary.unchanged)} unchanged, ${formatCount(summary.skipped)} skipped; ` +
    `${formatCount(summary.notes.filter((n) => n.kind === 'repaired').length)} repaired, ${formatCount(summary.notes.filter((n) => n.kind === 'kept').length)} edited fields kept; ` +
    `applications created: ${summary.applicationsCreated.length}, teams created: ${summary.teamsCreated.length} (into ${root})`,
);
if (summary.skipped > 0 && !allowSkips) {
  console.log('some source records were skipped (listed above): exit status 1; pass --allow-skips to accept them');
  process.exitCode = 1;
}

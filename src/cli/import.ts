// npm run import -- <statuspage|servicenow> <file> [--map <yaml>] [--timezone <IANA zone>] [--encoding latin1|windows-1252] [--allow-skips]
// npm run import -- csv <file> --kind incident|change|problem --map <yaml> [--encoding …] [--allow-skips]
// Brings another tool's history into the content root (OPSLEDGER_ROOT), and says what it did.
// Exit status: 0 imported; 1 imported, but source records were skipped; 2 nothing written (bad arguments, map or
// file); 3 another import into the same root is running.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveRoot } from '../load/repository.ts';
import { isTimeZone } from '../schema/zod.ts';
import { readImportMap } from '../import/map.ts';
import { parseStatuspageExport, statuspageBatch } from '../import/statuspage.ts';
import { servicenowBatch } from '../import/servicenow.ts';
import { csvBatch, csvKinds, readCsvMap, type CsvKind } from '../import/csv.ts';
import { recordsByExternal, writeBatch } from '../import/write.ts';
import { encodings, ImportStop, sourceText, type SourceEncoding } from '../import/source-file.ts';
import { ImportBusy, removeLeftovers, takeImportLock } from '../import/files.ts';
import type { ImportBatch } from '../import/model.ts';
import { formatCount } from '../site/format.ts';

const usage =
  'usage: npm run import -- statuspage|servicenow <file> [--map <yaml>] [--timezone <IANA zone>] [--encoding latin1|windows-1252] [--allow-skips]\n' +
  '       npm run import -- csv <file> --kind incident|change|problem --map <yaml> [--encoding latin1|windows-1252] [--allow-skips]';

/** The exit statuses of an import. */
export const importExit = { done: 0, skipped: 1, stopped: 2, busy: 3 } as const;

/**
 * Runs one import with `argv` (the arguments after the command name) and returns its exit status; what it did is
 * printed on stdout, why it stopped on stderr.
 *
 * @example await runImport(['statuspage', 'incidents.jsonl.gz', '--allow-skips']) // 0
 */
export async function runImport(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = [...argv];
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i < 0) {
      const j = args.findIndex((a) => a.startsWith(`${name}=`));
      if (j < 0) return undefined;
      return args.splice(j, 1)[0]!.slice(name.length + 1);
    }
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const mapFile = option('--map');
  const timezone = option('--timezone') ?? 'UTC';
  const encoding = (option('--encoding') ?? 'utf-8').toLowerCase().replace(/^utf8$/, 'utf-8');
  const kind = option('--kind');
  const allowSkips = args.includes('--allow-skips');
  const [system, file, ...rest] = args.filter((a) => a !== '--allow-skips');
  if ((system !== 'statuspage' && system !== 'servicenow' && system !== 'csv') || file === undefined || rest.length > 0) {
    console.error(usage);
    return importExit.stopped;
  }
  if (!isTimeZone(timezone)) {
    console.error(`--timezone "${timezone}" is not an IANA time zone (e.g. America/Sao_Paulo)`);
    return importExit.stopped;
  }
  if (!(encodings as readonly string[]).includes(encoding)) {
    console.error(`--encoding "${encoding}" is not one the import reads (${encodings.join(', ')})`);
    return importExit.stopped;
  }
  if (system === 'csv' && (kind === undefined || !(csvKinds as readonly string[]).includes(kind) || mapFile === undefined)) {
    console.error(`csv needs --kind ${csvKinds.join('|')} and --map <yaml>\n${usage}`);
    return importExit.stopped;
  }

  const root = resolveRoot(env);
  let lock: ReturnType<typeof takeImportLock>;
  try {
    lock = takeImportLock(root, system);
  } catch (error) {
    if (error instanceof ImportBusy) {
      console.error(`import not started, nothing written: ${error.message}`);
      return importExit.busy;
    }
    throw error;
  }
  try {
    if (lock.note) console.log(`note  ${lock.note}`);
    const leftovers = removeLeftovers(path.join(root, 'content')) + removeLeftovers(path.join(root, 'data')) + removeLeftovers(path.join(root, '.opsledger'));
    if (leftovers > 0) console.log(`note  ${leftovers} temporary file${leftovers > 1 ? 's' : ''} of an interrupted import removed`);
    let batch: ImportBatch;
    try {
      const text = sourceText(file, readFile(file), encoding as SourceEncoding);
      if (system === 'statuspage') {
        const map = readImportMap(mapFile);
        const { incidents, notes } = parseStatuspageExport(text, file);
        batch = statuspageBatch(incidents, map, notes);
      } else if (system === 'servicenow') {
        const map = readImportMap(mapFile);
        const existing = { problems: recordsByExternal(root, 'content/problems', 'servicenow'), changes: recordsByExternal(root, 'content/changes', 'servicenow') };
        batch = await servicenowBatch(text, file, map, timezone, existing);
      } else {
        batch = await csvBatch(text, file, kind as CsvKind, readCsvMap(mapFile!));
      }
    } catch (error) {
      // Unreadable input or map: nothing was written; say why in one line, without a stack trace.
      if (error instanceof ImportStop || (error as NodeJS.ErrnoException).code === 'ENOENT' || /^invalid --map/.test((error as Error).message)) {
        console.error(`import stopped, nothing written: ${(error as Error).message}`);
        return importExit.stopped;
      }
      throw error;
    }
    const summary = writeBatch(root, batch);
    for (const note of summary.notes) console.log(`${note.where}  ${note.kind}  ${note.message}`);
    const noun = batch.kind === 'change' ? 'changes' : batch.kind === 'problem' ? 'problems' : 'incidents';
    console.log(
      `${system}: ${formatCount(batch.sourceCount)} source ${noun} read; ${formatCount(summary.created)} created, ${formatCount(summary.updated)} updated, ` +
        `${formatCount(summary.unchanged)} unchanged, ${formatCount(summary.skipped)} skipped; ` +
        `${formatCount(summary.notes.filter((n) => n.kind === 'repaired').length)} repaired, ${formatCount(summary.notes.filter((n) => n.kind === 'kept').length)} edited fields kept; ` +
        `applications created: ${summary.applicationsCreated.length}, teams created: ${summary.teamsCreated.length} (into ${root})`,
    );
    if (summary.skipped > 0 && !allowSkips) {
      console.log('some source records were skipped (listed above): exit status 1; pass --allow-skips to accept them');
      return importExit.skipped;
    }
    return importExit.done;
  } finally {
    lock.release();
  }
}

function readFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportStop(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (error as Error).message}`);
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runImport(process.argv.slice(2));
}

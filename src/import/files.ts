// How an import touches the content root: every file replaced whole through a temporary name in its own folder
// (a kill leaves the old file or the new one, never half of one), and one import at a time per root (a lock file).
import { appendFileSync, closeSync, linkSync, existsSync, writeFileSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

let sequence = 0;

/** The temporary names of this module: a dot (the loader skips dotfiles), the file's name, the pid. */
const TEMP = /^\..+\.import-\d+-\d+\.tmp$/;

/**
 * Writes `text` to `file` so that a reader (or a killed process) sees either the previous content or all of the
 * new one: written to a temporary file in the same folder, then renamed over `file`. Not flushed to the disk
 * (24,918 flushes tripled a ServiceNow import): a power cut may lose the last records, never make half of one.
 */
export function writeFileAtomic(file: string, text: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.import-${process.pid}-${++sequence}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** Removes temporary files a killed import left in `dir` and below; returns how many. */
export function removeLeftovers(dir: string): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && TEMP.test(entry.name)) {
      rmSync(path.join(entry.parentPath, entry.name), { force: true });
      removed++;
    }
  }
  return removed;
}

/** Appends one line to a journal; O_APPEND, so lines from one writer never interleave, and a kill can only cut the last one. */
export function appendLine(file: string, line: string): void {
  appendFileSync(file, `${line}\n`);
}

/** Another import holds the root's lock. */
export class ImportBusy extends Error {}

interface LockInfo {
  pid: number;
  since: string;
  system: string;
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readLock(file: string): LockInfo | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof value.pid === 'number' && typeof value.since === 'string' ? { pid: value.pid, since: value.since, system: value.system ?? '' } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the import lock of `root` (`.opsledger/import/lock`), or throws {@link ImportBusy} when a running process
 * holds it. A lock whose process is gone (killed, crashed) is taken over and said so in the returned note.
 *
 * @example const lock = takeImportLock('/srv/ops', 'servicenow'); try { … } finally { lock.release(); }
 */
export function takeImportLock(root: string, system: string, now: Date = new Date()): { release: () => void; note: string | null } {
  const dir = path.join(root, '.opsledger/import');
  // The folders made for the lock alone are removed with it, so an import that wrote nothing leaves nothing.
  const made = mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'lock');
  const info: LockInfo = { pid: process.pid, since: now.toISOString(), system };
  let note: string | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${JSON.stringify(info)}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readLock(file)?.pid === process.pid) unlinkSync(file);
        if (made !== undefined) {
          for (let folder = dir; folder.length >= made.length; folder = path.dirname(folder)) {
            if (readdirSync(folder).length > 0) break;
            rmdirSync(folder);
          }
        }
      };
      process.once('exit', release);
      return { release, note };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(file);
    if (holder === null) {
      // Being written this instant by the process that created it, or garbage: look again before judging.
      if (attempt < 2) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      note = `the import lock ${path.relative(root, file)} was unreadable and was taken over`;
    } else if (isRunning(holder.pid) && holder.pid !== process.pid) {
      throw new ImportBusy(`another import is running (pid ${holder.pid}, since ${holder.since}${holder.system ? `, ${holder.system}` : ''}); try again when it has finished`);
    } else {
      note = `a lock left by pid ${holder.pid} (since ${holder.since}), which is no longer running, was taken over; files it left half-written are removed`;
    }
    // Taken over by renaming it away: of two processes doing this at once, one rename fails and that one retries.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
      const moved = readLock(aside);
      // Another process took the stale lock over first and holds a fresh one: give it back.
      if (moved !== null && moved.pid !== holder?.pid && isRunning(moved.pid)) {
        try {
          linkSync(aside, file);
        } catch {
          /* a third process holds it now */
        }
        note = null;
      }
      rmSync(aside, { force: true });
    } catch {
      /* another process took it over first; try to create it again */
    }
  }
  throw new ImportBusy(`could not take the import lock ${file}`);
}

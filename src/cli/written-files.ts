// A command that writes into a content root may only replace files it wrote itself. It records what it
// wrote in a manifest (path and SHA-256 of every file) beside content/ and data/; before writing again it
// checks that every file there is still one of its own, unchanged. A team's record is never among them.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The folders of a content root that hold records and catalogues. */
export const contentFolders = ['content', 'data'] as const;

/** Paths (relative, forward slashes, sorted) of every file under `folders` of `root`, dotfiles included. */
export function filesUnder(root: string, folders: readonly string[] = contentFolders): string[] {
  const files: string[] = [];
  for (const folder of folders) {
    const abs = path.join(root, folder);
    if (!existsSync(abs)) continue;
    for (const entry of readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (!entry.isDirectory()) files.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    }
  }
  return files.sort();
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** `<sha256>  <path>` per line, as `sha256sum` prints it, after a comment saying what the file is for. */
export function writeManifest(root: string, manifestName: string, header: string, folders: readonly string[] = contentFolders): number {
  const files = filesUnder(root, folders);
  const lines = header
    .trim()
    .split('\n')
    .map((line) => `# ${line}`);
  for (const file of files) lines.push(`${sha256(path.join(root, file))}  ${file}`);
  writeFileSync(path.join(root, manifestName), `${lines.join('\n')}\n`);
  return files.length;
}

export type RootOwnership =
  /** content/ and data/ hold no file: anything may be written. */
  | { state: 'empty' }
  /** Every file there is listed in the manifest, unchanged: the command may replace them. */
  | { state: 'own'; files: number }
  /** Files there that the command did not write (or that changed since); `manifest` says whether there is one. */
  | { state: 'foreign'; manifest: boolean; foreign: string[] };

/**
 * Whether `root` is safe to (re)write: empty, or holding only files the manifest lists with their hash.
 *
 * @example rootOwnership('/srv/ops-records', '.opsledger-demo') // { state: 'foreign', manifest: false, foreign: ['content/incidents/2026/INC-2026-0001.md', …] }
 */
export function rootOwnership(root: string, manifestName: string, folders: readonly string[] = contentFolders): RootOwnership {
  const files = filesUnder(root, folders);
  if (files.length === 0) return { state: 'empty' };
  const manifestFile = path.join(root, manifestName);
  if (!existsSync(manifestFile)) return { state: 'foreign', manifest: false, foreign: files };
  const written = new Map<string, string>();
  for (const line of readFileSync(manifestFile, 'utf8').split('\n')) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (match) written.set(match[2]!, match[1]!);
  }
  const foreign = files.filter((file) => {
    const hash = written.get(file);
    return hash === undefined || hash !== sha256(path.join(root, file));
  });
  return foreign.length === 0 ? { state: 'own', files: files.length } : { state: 'foreign', manifest: true, foreign };
}

// The author's loop: validate only the files given (an editor's save, a pre-commit hook's staged files),
// with the references they make resolved against the catalogues and the ids other records have in their file
// names, without parsing those other records.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { loadRepository } from './repository.ts';

/** Where a file must live for the check to know what it is. */
const checkedPlaces = [
  /^content\/(incidents|postmortems|changes|problems)\/.+$/,
  /^data\/(site|teams|applications|customers|skills)\.yaml$/,
  /^data\/(time|capacity|alerts)\/.+$/,
];

function fileError(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', rule: 'file', field: '', message };
}

export interface LoadFilesResult {
  diagnostics: Diagnostic[];
  /** The files checked, relative to the root. */
  files: string[];
}

/**
 * Validates `files` (paths as typed: from `cwd` when they name a file there, else from `root`) inside the content root `root`: each record's schema, its
 * id against its file name, its sections and its references; a catalogue or export in full. A path that is missing,
 * outside the root or not a record, catalogue or export is an error of its own, not skipped.
 *
 * @example
 * const { diagnostics } = loadFiles('/srv/ops-records', ['content/incidents/2026/INC-2026-0001.md']);
 */
export function loadFiles(root: string, files: readonly string[], cwd = root): LoadFilesResult {
  const diagnostics: Diagnostic[] = [];
  const only: string[] = [];
  for (const given of files) {
    // A relative path is read from where the command was started when it names a file there, else from the root.
    const fromCwd = path.resolve(cwd, given);
    const absolute = path.isAbsolute(given) || existsSync(fromCwd) ? fromCwd : path.resolve(root, given);
    const rel = path.relative(root, absolute).split(path.sep).join('/');
    if (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) {
      diagnostics.push(fileError(given, `outside the content root ${root}`));
    } else if (!existsSync(absolute) || !statSync(absolute).isFile()) {
      diagnostics.push(fileError(rel, 'no such file'));
    } else if (!checkedPlaces.some((place) => place.test(rel))) {
      diagnostics.push(fileError(rel, 'not a record (content/incidents|postmortems|changes|problems/), catalogue (data/*.yaml) or export (data/time|capacity|alerts/)'));
    } else if (!only.includes(rel)) {
      only.push(rel);
    }
  }
  const loaded = loadRepository(root, { only });
  return { diagnostics: sortDiagnostics([...diagnostics, ...loaded.diagnostics]), files: only };
}

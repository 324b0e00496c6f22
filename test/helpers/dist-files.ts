// The files of a built site, as paths relative to its output folder with forward slashes, sorted.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function distFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The URL path below the site root that serves a file: `incidents/INC-1/index.html` → `incidents/INC-1/`. */
export function pagePathOf(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

// Listing the files of a content folder.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Relative paths of the files below `dir`, sorted, dotfiles and dot-folders left out. */
export function listFiles(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  // Relative paths by string slicing: path.relative on each of tens of thousands of records costs more than reading them.
  const prefix = `${dir}/`;
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => {
      const below = entry.parentPath.length > abs.length ? `${entry.parentPath.slice(abs.length + 1)}${path.sep}` : '';
      return prefix + (path.sep === '/' ? below : below.split(path.sep).join('/')) + entry.name;
    })
    .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')))
    .sort();
}

// The site search index: Pagefind is fed the records themselves (src/site/search-records.ts) while Astro renders
// the pages; its indexer writes the bundle to a staging folder, moved beside the pages once they are emitted.
import { cpSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { recordsPerSearchIndex, searchIndexDirs, type SearchRecord } from './search-records.ts';
import { escapeHtmlText } from './xml.ts';
import { cachedFolder, storeFolder } from './build-cache.ts';
import { keyJson } from './digest.ts';

/** Where the search bundle lives under the site root; the search page loads it from there. */
export const searchBundleDir = 'pagefind';


function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`search index (${step}): ${errors.join('; ')}`);
}

/** One index: its records sent at once (the indexer takes them in the order sent, so the same records give the same bytes). */
async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    const added = await Promise.all(
      records.map((record) => {
        // Pagefind's search page puts titles, excerpts and filter values into the page as HTML and does not escape
        // a custom record's fields, so text that quotes markup must arrive escaped.
        const filters: Record<string, string[]> = {};
        for (const [name, values] of Object.entries(record.filters)) if (values.length > 0) filters[name] = values.map(escapeHtmlText);
        const meta = { title: escapeHtmlText(record.title) };
        return index.addCustomRecord({ url: record.url, content: escapeHtmlText(record.content), language: 'en', meta, filters });
      }),
    );
    added.forEach((result, i) => failOn(records[i]!.url, result.errors));
    const written = await index.writeFiles({ outputPath });
    failOn('write', written.errors);
  } finally {
    // The indexer is a child process holding the whole index: stop it, so its memory goes before the next part
    // and the build can exit.
    await pagefind.close();
  }
}

/**
 * Indexes the records in Pagefind's indexer (a child process, so it works on another core while pages render) and
 * has it write the bundle into `stagingDir`: `perIndex` records per index, each part's records made only when it is
 * indexed, written one after the other into the folders `searchIndexDirs` names (the first at the staging folder's
 * root). Returns how many were indexed.
 */
export async function buildSearchBundle(makers: readonly (() => SearchRecord)[], stagingDir: string, perIndex = recordsPerSearchIndex): Promise<number> {
  rmSync(stagingDir, { recursive: true, force: true });
  const dirs = searchIndexDirs(makers.length, perIndex);
  for (const [i, dir] of dirs.entries()) {
    const records = makers.slice(i * perIndex, (i + 1) * perIndex).map((make) => make());
    const outputPath = path.join(stagingDir, path.relative(searchBundleDir, dir));
    // A part whose records are the same as in an earlier build of the same code is copied from the build cache.
    const key = keyJson([dir, records]);
    const stored = cachedFolder('search', key);
    if (stored !== undefined) {
      cpSync(stored, outputPath, { recursive: true });
      continue;
    }
    await writeSearchIndex(records, outputPath);
    // Parts are written in order, the first at the staging root: when a part is stored, no later part is in its folder yet.
    storeFolder('search', key, (folder) => cpSync(outputPath, folder, { recursive: true }));
  }
  return makers.length;
}

/** Moves the bundle from `stagingDir` to `siteDir/pagefind/` (copied when the two are on different file systems). */
export function placeSearchBundle(stagingDir: string, siteDir: string): void {
  const target = path.join(siteDir, searchBundleDir);
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(stagingDir, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(stagingDir, target, { recursive: true });
    rmSync(stagingDir, { recursive: true, force: true });
  }
}

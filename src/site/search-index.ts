// The site search index: Pagefind is fed the records themselves (src/site/search-records.ts) while Astro renders
// the pages; its indexer writes the bundle to a staging folder, moved beside the pages once they are emitted.
import { cpSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-records.ts';
import { escapeHtmlText } from './xml.ts';

/** Where the search bundle lives under the site root; the search page loads it from there. */
export const searchBundleDir = 'pagefind';


function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`search index (${step}): ${errors.join('; ')}`);
}

/**
 * Indexes `records` in Pagefind's indexer (a child process, so it works on another core while pages render) and
 * has it write the bundle into `stagingDir`. Every record is sent at once rather than one reply at a time: the
 * indexer takes them in the order sent, so the same records give the same bytes. Returns how many were indexed.
 */
export async function buildSearchBundle(records: readonly SearchRecord[], stagingDir: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    const added = await Promise.all(
      records.map((record) => {
        // Pagefind's search page puts titles, excerpts and filter values into the page as HTML and does not escape
        // a custom record's fields, so text that quotes markup must arrive escaped.
        const filters: Record<string, string[]> = {};
        for (const [name, values] of Object.entries(record.filters)) if (values && values.length > 0) filters[name] = values.map(escapeHtmlText);
        const meta = { title: escapeHtmlText(record.title) };
        return index.addCustomRecord({ url: record.url, content: escapeHtmlText(record.content), language: 'en', meta, filters });
      }),
    );
    added.forEach((result, i) => failOn(records[i]!.url, result.errors));
    rmSync(stagingDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: stagingDir });
    failOn('write', written.errors);
    return records.length;
  } finally {
    // The indexer runs as a child process: stop it so the build can exit.
    await pagefind.close();
  }
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

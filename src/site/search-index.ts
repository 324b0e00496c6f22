// The site search index: Pagefind is fed the records themselves (src/site/search-records.ts) while Astro
// renders the pages, and its bundle is written beside the pages once they are emitted.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-records.ts';

/** Where the search bundle lives under the site root; the search page loads it from there. */
export const searchBundleDir = 'pagefind';

/** A built search bundle held in memory until the site folder is complete. */
export interface SearchBundle {
  files: { path: string; content: Uint8Array }[];
  /** How many records the index covers. */
  recordCount: number;
}

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`search index (${step}): ${errors.join('; ')}`);
}

/**
 * Indexes `records` in Pagefind's indexer (a child process, so it runs on another core while pages render)
 * and returns the bundle's files. Records are added one after another in the given order, so the same
 * records give the same bytes.
 */
export async function buildSearchBundle(records: readonly SearchRecord[]): Promise<SearchBundle> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    for (const record of records) {
      const filters: Record<string, string[]> = {};
      for (const [name, values] of Object.entries(record.filters)) if (values && values.length > 0) filters[name] = values;
      const added = await index.addCustomRecord({ url: record.url, content: record.content, language: 'en', meta: { title: record.title }, filters });
      failOn(record.url, added.errors);
    }
    const { files, errors: fileErrors } = await index.getFiles();
    failOn('files', fileErrors);
    return { files, recordCount: records.length };
  } finally {
    // The indexer runs as a child process: stop it so the build can exit.
    await pagefind.close();
  }
}

/** Writes the bundle to `siteDir/pagefind/`. */
export function writeSearchBundle(siteDir: string, bundle: SearchBundle): void {
  const outDir = path.join(siteDir, searchBundleDir);
  for (const file of bundle.files) {
    const target = path.join(outDir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}

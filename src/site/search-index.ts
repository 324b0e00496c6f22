// The site search index: Pagefind reads the emitted pages and writes its bundle beside them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Where the search bundle lives under the site root; the search page loads it from there. */
export const searchBundleDir = 'pagefind';

/**
 * Indexes the HTML pages under `siteDir` (only the parts marked `data-pagefind-body`: the record pages)
 * and writes the bundle to `siteDir/pagefind/`. Returns how many pages were indexed.
 */
export async function writeSearchIndex(siteDir: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, searchBundleDir) });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
    const entry = JSON.parse(readFileSync(path.join(siteDir, searchBundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  } finally {
    // The indexer runs as a child process: stop it so the build can exit.
    await pagefind.close();
  }
}

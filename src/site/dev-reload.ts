// The dev server follows the author: an edit to a record, catalogue or export under the content root forgets the
// loaded repository, validates it again (errors printed in the terminal as `opsledger check` prints them) and
// reloads the open pages. A page rendered while the records have errors throws the same ValidationError, whose
// message lists them, so the browser shows them too; the edit that fixes them reloads the page again.
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { formatDiagnostic, ValidationError } from '../load/diagnostics.ts';
import { resolveRoot } from '../load/repository.ts';
import { forgetRepository, validatedRepository } from './repository-cache.ts';

/** What the loader reads: the records and every catalogue and export. */
const watchedFolders = ['content', 'data'];
/** Editors write a file in several steps (truncate, write, rename): one validation after the last of them. */
const settleMs = 40;

/** Validates the content root, printing the outcome; true when it has no errors. */
function validate(logger: AstroIntegrationLogger): boolean {
  try {
    const { repository, warnings } = validatedRepository();
    logger.info(
      `validated ${repository.incidents.length} incidents, ${repository.changes.length} changes, ${repository.problems.length} problems, ` +
        `${repository.postmortems.length} post-mortems${warnings.length > 0 ? `; ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}`,
    );
    return true;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const d of error.diagnostics) console.error(formatDiagnostic(d));
    logger.error(`${error.diagnostics.length} validation error${error.diagnostics.length === 1 ? '' : 's'}: the pages show them until they are fixed`);
    return false;
  }
}

export function followEdits(server: ViteDevServer, logger: AstroIntegrationLogger): void {
  const root = resolveRoot();
  const folders = watchedFolders.map((folder) => path.join(root, folder));
  server.watcher.add(folders);
  let timer: NodeJS.Timeout | undefined;
  const changed = (file: string) => {
    const absolute = path.resolve(file);
    if (!folders.some((folder) => absolute.startsWith(folder + path.sep))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      logger.info(`${path.relative(root, absolute)} changed`);
      forgetRepository();
      validate(logger);
      // Astro keeps each route's getStaticPaths() (the records as props) until told the content changed.
      for (const [name, environment] of Object.entries(server.environments)) {
        if (name !== 'client') environment.hot.send('astro:content-changed', {});
      }
      server.environments.client.hot.send({ type: 'full-reload', path: '*' });
    }, settleMs);
  };
  server.watcher.on('add', changed).on('change', changed).on('unlink', changed);
  validate(logger);
}

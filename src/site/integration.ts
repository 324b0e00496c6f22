// Validates the content root before Astro renders anything, printing errors as `npm run check` does, and sets
// the build's memory policy.
import v8 from 'node:v8';
import type { AstroIntegration } from 'astro';
import { formatDiagnostic, ValidationError } from '../load/diagnostics.ts';
import { asOfFromEnvironment } from './as-of.ts';
import { buildContext } from './repository-cache.ts';
import { countText, validationErrorsText } from '../load/words.ts';
import type { Audience } from './audience.ts';
import { followEdits } from './dev-reload.ts';

export function opsledgerValidation(audience: Audience): AstroIntegration {
  return {
    name: 'opsledger-validation',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'build') logger.info(audience === 'public' ? 'audience: public (the status page: only what the records mark public)' : 'audience: internal (the whole report, for the team behind sign-in; every page noindex)');
        // The build's heap policy, measured back to back on the large corpus (the Node process's peak):
        // - a young generation of at most 2 × 8 MiB per thread instead of V8's default: 1.65 → 1.44 GiB, no slower;
        // - the old generation allowed to grow 30 % past what the last full collection kept, instead of V8's own
        //   factor (up to 2 or more): 1.49 → 1.22 GiB, for 55 → 62 s (the collector's helper threads take the
        //   second core from Pagefind and the render workers). At 500 incidents: 0.79 → 0.74 GiB, +0.3 s.
        // This keeps the large build's whole process tree, Pagefind's indexer included, under 1.5 GiB.
        // V8 reads both as the heap grows, and the render workers started later take them too.
        if (command === 'build') v8.setFlagsFromString('--max-semi-space-size=8 --heap-growing-percent=30');
      },
      // opsledger dev: every edit under content/ and data/ re-validates and reloads the open pages.
      'astro:server:setup': ({ server, logger }) => followEdits(server, logger),
      'astro:build:start': ({ logger }) => {
        try {
          asOfFromEnvironment();
        } catch (error) {
          console.error(`✖ ${(error as Error).message}: the site was not built`);
          process.exit(1);
        }
        try {
          const { repository, warnings } = buildContext();
          logger.info(`validated ${repository.incidents.length} incidents, ${repository.changes.length} changes, ${repository.problems.length} problems, ${repository.postmortems.length} post-mortems`);
          if (warnings.length > 0) logger.warn(`${countText(warnings.length, 'warning')} (npm run check lists them); they do not stop the build`);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          for (const d of error.diagnostics) console.error(formatDiagnostic(d));
          console.error(`✖ ${validationErrorsText(error.diagnostics.length)}: the site was not built`);
          process.exit(1);
        }
      },
    },
  };
}

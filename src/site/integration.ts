// Validates the content root before Astro renders anything, printing errors as `npm run check` does.
import type { AstroIntegration } from 'astro';
import { formatDiagnostic, ValidationError } from '../load/diagnostics.ts';
import { asOfFromEnvironment } from './as-of.ts';
import { buildContext } from './repository-cache.ts';

export function opsledgerValidation(): AstroIntegration {
  return {
    name: 'opsledger-validation',
    hooks: {
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
          if (warnings.length > 0) logger.warn(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} (npm run check lists them); they do not stop the build`);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          for (const d of error.diagnostics) console.error(formatDiagnostic(d));
          console.error(`✖ ${error.diagnostics.length} validation error${error.diagnostics.length === 1 ? '' : 's'}: the site was not built`);
          process.exit(1);
        }
      },
    },
  };
}

// Validates the content root before Astro renders anything, printing errors as `npm run check` does.
import type { AstroIntegration } from 'astro';
import { formatDiagnostic, ValidationError } from '../load/diagnostics.ts';
import { buildRepository } from './repository-cache.ts';

export function opsledgerValidation(): AstroIntegration {
  return {
    name: 'opsledger-validation',
    hooks: {
      'astro:build:start': ({ logger }) => {
        try {
          const repository = buildRepository();
          logger.info(`validated ${repository.incidents.length} incidents, ${repository.changes.length} changes, ${repository.problems.length} problems, ${repository.postmortems.length} post-mortems`);
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

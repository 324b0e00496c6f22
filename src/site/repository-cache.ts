// One load per build: the integration loads and validates before Astro renders, and pages reuse
// that result instead of reading the content root again.
import { diagnosticsOf, ValidationError, type Diagnostic } from '../load/diagnostics.ts';
import { loadRepository, resolveRoot, type Repository } from '../load/repository.ts';

const KEY = Symbol.for('opsledger.repository');
type Holder = { [KEY]?: { repository: Repository; warnings: Diagnostic[] } };

/**
 * The validated repository of this build and its warnings; throws with every located error when the content
 * has any. Warnings (broken change rules, …) never stop the build: the pages show them.
 */
export function buildRepositoryWithWarnings(): { repository: Repository; warnings: Diagnostic[] } {
  const holder = globalThis as Holder;
  const cached = holder[KEY];
  if (cached) return cached;
  const { repository, diagnostics } = loadRepository(resolveRoot());
  const errors = diagnosticsOf(diagnostics, 'error');
  if (errors.length > 0) throw new ValidationError(errors);
  holder[KEY] = { repository, warnings: diagnosticsOf(diagnostics, 'warning') };
  return holder[KEY];
}

/** The validated repository of this build; throws with every located error when the content is invalid. */
export function buildRepository(): Repository {
  return buildRepositoryWithWarnings().repository;
}

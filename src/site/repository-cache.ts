// One load per build: the integration loads and validates before Astro renders, and pages reuse
// that result instead of reading the content root again.
import { ValidationError } from '../load/diagnostics.ts';
import { loadRepository, resolveRoot, type Repository } from '../load/repository.ts';

const KEY = Symbol.for('opsledger.repository');
type Holder = { [KEY]?: Repository };

/** The validated repository of this build; throws with every located error when the content is invalid. */
export function buildRepository(): Repository {
  const holder = globalThis as Holder;
  const cached = holder[KEY];
  if (cached) return cached;
  const { repository, diagnostics } = loadRepository(resolveRoot());
  // Warnings (e.g. an id whose year differs from started) are for npm run check; only errors stop a build.
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new ValidationError(errors);
  holder[KEY] = repository;
  return repository;
}

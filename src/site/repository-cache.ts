// One load per build: the integration loads and validates before Astro renders, and pages reuse
// that result instead of reading the content root again. The build context (repository, as-of,
// settings, per-build memos) is made here once and is where every page gets it from.
import { diagnosticsOf, ValidationError, type Diagnostic } from '../load/diagnostics.ts';
import { loadRepository, resolveRoot, type Repository } from '../load/repository.ts';
import { asOfFromEnvironment } from './as-of.ts';
import { contextOf, type BuildContext } from './context.ts';

const KEY = Symbol.for('opsledger.repository');
type Holder = { [KEY]?: { repository: Repository; warnings: Diagnostic[]; context?: BuildContext } | undefined };

/**
 * The validated repository of this build and its warnings; throws with every located error when the content
 * has any. Warnings (broken change rules, …) never stop the build: the pages show them.
 */
function loadedRepository(): { repository: Repository; warnings: Diagnostic[] } {
  const holder = globalThis as Holder;
  const cached = holder[KEY];
  if (cached) return cached;
  const { repository, diagnostics } = loadRepository(resolveRoot());
  const errors = diagnosticsOf(diagnostics, 'error');
  if (errors.length > 0) throw new ValidationError(errors);
  holder[KEY] = { repository, warnings: diagnosticsOf(diagnostics, 'warning') };
  return holder[KEY];
}

/**
 * This build's context: the repository loaded once, as of OPSLEDGER_AS_OF (else the build's start), with its
 * memos. Every page and endpoint takes it from here and passes it to the view functions.
 */
export function buildContext(): BuildContext {
  const cached = loadedRepository() as NonNullable<Holder[typeof KEY]>;
  cached.context ??= contextOf(cached.repository, asOfFromEnvironment(), cached.warnings);
  return cached.context;
}

/** Drops the loaded repository, so the next page (or `validatedRepository()`) reads the content root again: the dev server calls it on every edit. */
export function forgetRepository(): void {
  (globalThis as Holder)[KEY] = undefined;
}

/** Loads and validates the content root now (kept for the pages that follow); throws the ValidationError the pages would. */
export function validatedRepository(): { repository: Repository; warnings: Diagnostic[] } {
  return loadedRepository();
}

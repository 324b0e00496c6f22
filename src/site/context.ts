// The build context: the validated repository, the as-of instant and the site settings, made once per
// build and passed to every view function. Values a view computes once per build (indexes, month
// reports, analyses) are memoised on the context itself, so two contexts (two builds, two tests) never
// share or leak state.
import { diagnosticsOf, ValidationError, type Diagnostic } from '../load/diagnostics.ts';
import { loadRepository, type Repository } from '../load/repository.ts';

export interface BuildContext {
  /** The validated repository of this build. */
  readonly repository: Repository;
  /** The report's "as of" instant, in epoch milliseconds. */
  readonly asOfMs: number;
  /** The site settings (`data/site.yaml`), the same object as `repository.site`. */
  readonly site: Repository['site'];
  /** The validation warnings of the content (errors stop the build before a context exists). */
  readonly warnings: readonly Diagnostic[];
  /** Per-build memo of derived values, by key; use `memoise`, never read it directly. */
  readonly memos: Map<string, unknown>;
}

/**
 * A context over an already-loaded, validated repository.
 *
 * @example contextOf(loadRepository(root).repository, Date.parse('2026-11-25T00:00:00Z')).site.title
 */
export function contextOf(repository: Repository, asOfMs: number, warnings: readonly Diagnostic[] = []): BuildContext {
  return { repository, asOfMs, site: repository.site, warnings, memos: new Map() };
}

/**
 * Loads and validates the content root and makes its context as of `asOfMs`; throws a ValidationError with
 * every located error when the content has any (warnings are kept on the context).
 *
 * @example createBuildContext('test/fixtures/minimal', Date.parse('2026-11-25T00:00:00Z')).repository.incidents.length
 */
export function createBuildContext(root: string, asOfMs: number): BuildContext {
  const { repository, diagnostics } = loadRepository(root);
  const errors = diagnosticsOf(diagnostics, 'error');
  if (errors.length > 0) throw new ValidationError(errors);
  return contextOf(repository, asOfMs, diagnosticsOf(diagnostics, 'warning'));
}

/**
 * The value stored on the context under `key`, computed by `compute` on first use. Keys name the module
 * and the value (`availability.index`), so two views never collide.
 *
 * @example memoise(context, 'model.reportMonths', () => figureMonths(context.repository, context.asOfMs))
 */
export function memoise<T>(context: BuildContext, key: string, compute: () => T): T {
  if (context.memos.has(key)) return context.memos.get(key) as T;
  const value = compute();
  context.memos.set(key, value);
  return value;
}

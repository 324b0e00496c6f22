// A build context over test/fixtures/minimal, loaded through the real loader: what the view tests run on.
import path from 'node:path';
import { createBuildContext, type BuildContext } from '../../src/site/context.ts';
import { projectRoot } from './build-site.ts';

export const minimalRoot = path.join(projectRoot, 'test/fixtures/minimal');

/** After the fixture's March 2026: March is a complete month, April runs to date. */
export const minimalAsOf = '2026-04-10T00:00:00Z';

/** A fresh context (its own memos) over the minimal fixture, as of `asOf`. */
export function minimalContext(asOf: string = minimalAsOf): BuildContext {
  return createBuildContext(minimalRoot, Date.parse(asOf));
}

/** The fixture's record with this id; fails the test loudly when the fixture lacks it. */
export function byId<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((r) => r.id === id);
  if (!found) throw new Error(`the minimal fixture has no ${id}`);
  return found;
}

/** The incident as if it were still open: no restoration time, the given status. */
export function reopened<T extends { restored?: number | undefined; status: string }>(incident: T, status: 'open' | 'monitoring' = 'open'): T {
  const { restored: _restored, ...open } = incident;
  return { ...open, status } as T;
}

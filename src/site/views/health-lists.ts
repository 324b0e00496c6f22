// The health page's long lists, capped so the page stays small at any scale: which applications and incidents it
// shows in full, and the counts and links that stand for the rest.
import { monitoringLayerOrder, type BlindSpot, type CoverageMatrix, type MonitoredApplication, type MonitoringLayer } from '../../core/health.ts';
import { formatCount, rateText } from '../format.ts';
import { url } from '../urls.ts';
import { layerLabels } from '../words/health.ts';

/**
 * How many incidents the health page lists by name in each of its incident lists (on a layer no monitor watches;
 * missed by monitoring): the others are counted, summed up per application and layer, and all of them are in
 * `api/v1/health.json`, so the page stays small whatever the history holds.
 */
export const HEALTH_INCIDENTS_SHOWN = 100;
/**
 * How many applications the health page shows in full on the component board and in the coverage matrices: those
 * with the most red and amber components, and those whose monitors leave the most uncovered. Every other one has a
 * line with its counts and a link to its own page, which shows its components' status and uncovered layers.
 */
export const HEALTH_APPLICATIONS_SHOWN = 25;
/** How many incidents monitoring missed the monthly report names, most lost minutes first. */
export const REPORT_MISSED_SHOWN = 10;

/** Blind spots counted per application and layer, most first: what the page says of the ones it does not list. */
export function blindSpotCounts(spots: readonly BlindSpot[], appName: (id: string) => string) {
  const counts = new Map<string, { applicationId: string; layer: MonitoringLayer; incidents: number; missed: number }>();
  for (const spot of spots) {
    const key = `${spot.applicationId}\u0000${spot.layer}`;
    const entry = counts.get(key) ?? { applicationId: spot.applicationId, layer: spot.layer, incidents: 0, missed: 0 };
    entry.incidents++;
    if (spot.missedByMonitoring) entry.missed++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.incidents - a.incidents || (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : monitoringLayerOrder.indexOf(a.layer) - monitoringLayerOrder.indexOf(b.layer)))
    .map((entry) => ({
      application: appName(entry.applicationId),
      href: `#coverage-${entry.applicationId}`,
      layerText: layerLabels[entry.layer],
      incidents: entry.incidents,
      missed: entry.missed,
    }));
}

/** The ids of the `limit` applications that rank first by `rank` (smaller first); the caller keeps catalogue order. */
export function firstApplications<T extends { id: string }>(list: readonly T[], limit: number, rank: (a: T, b: T) => number): Set<string> {
  return new Set([...list].sort(rank).slice(0, limit).map((entry) => entry.id));
}

/** The coverage matrices the page shows in full, and a line with the counts for each other application. */
export function coverageView(coverage: readonly { app: MonitoredApplication & { name: string }; matrix: CoverageMatrix }[]) {
  const all = coverage.map(({ app, matrix }) => ({
      id: app.id,
      name: app.name,
      anchor: `coverage-${app.id}`,
      monitorCount: app.monitoring.length,
      coveredText: rateText(matrix.coveredShare),
      uncoveredBusiness: matrix.uncoveredBusiness,
      rows: matrix.rows.map((row) => ({
        component: row.component,
        cells: row.cells.map((cell) => ({
          layer: cell.layer,
          status: cell.status,
          text: cell.status === 'covered' ? cell.monitors.join(', ') : cell.status === 'uncovered-business' ? 'not covered: no business-process monitor' : 'not covered',
          className: cell.status === 'covered' ? 'status status-green' : cell.status === 'uncovered-business' ? 'status status-red' : 'status status-none',
        })),
      })),
    }));
  const uncoveredCells = (entry: (typeof all)[number]) => entry.rows.reduce((sum, row) => sum + row.cells.filter((cell) => cell.status !== 'covered').length, 0);
  const shown = firstApplications(all, HEALTH_APPLICATIONS_SHOWN, (a, b) => b.uncoveredBusiness.length - a.uncoveredBusiness.length || uncoveredCells(b) - uncoveredCells(a));
  const rest = all
    .filter((entry) => !shown.has(entry.id))
    .map((entry) => ({
      name: entry.name,
      anchor: entry.anchor,
      href: url(`applications/${entry.id}/`),
      monitorCount: entry.monitorCount,
      coveredText: entry.coveredText,
      uncoveredBusiness: entry.uncoveredBusiness.length,
    }));
  return {
    coverage: all.filter((entry) => shown.has(entry.id)),
    coverageRest: rest,
    coverageMoreText: rest.length === 0 ? '' : `${formatCount(rest.length)} more applications, fewer cells uncovered; each shows its components' uncovered layers on its own page`,
  };
}

// The health sections other pages show: an application's components and coverage on its own page, and
// the monthly report's monitoring section.
import { componentBoard, coverageMatrix, type HealthIncident } from '../../core/health.ts';
import type { Repository } from '../../load/repository.ts';
import { statusWords } from '../format.ts';
import { url } from '../urls.ts';
import { boardReasons, componentBadgeText, layerLabels } from '../words/health.ts';
import { missedView, monthNoiseAndMisses, noiseView, type HealthMonth } from './health.ts';
import { REPORT_MISSED_SHOWN } from './health-lists.ts';

/**
 * One application's health for its own page: each component's status as of `asOfMs` with its badge,
 * and the layers its monitors leave uncovered.
 */
export function applicationHealthView(
  app: Pick<Repository['applications'][number], 'id' | 'name' | 'components' | 'monitoring'>,
  incidents: readonly HealthIncident[],
  alerts: Repository['alerts'],
  asOfMs: number,
) {
  const board = componentBoard([app], incidents, alerts, asOfMs);
  const matrix = coverageMatrix({ id: app.id, components: app.components, monitoring: app.monitoring ?? [] });
  return {
    components: board.map((entry) => {
      const row = matrix.rows.find((r) => r.component === entry.component);
      const uncovered = (row?.cells ?? []).filter((cell) => cell.status !== 'covered').map((cell) => layerLabels[cell.layer].toLowerCase());
      return {
        component: entry.component,
        status: entry.status,
        statusText: statusWords[entry.status],
        reasonsText: boardReasons(entry).join('; '),
        uncoveredText: uncovered.length === 0 ? 'all four layers' : `not: ${uncovered.join(', ')}`,
        isBusinessUncovered: matrix.uncoveredBusiness.includes(entry.component),
        badgeSrc: url(`badges/${app.id}/${entry.component}.svg`),
        badgeAlt: componentBadgeText(entry, app.name).title,
      };
    }),
    monitorCount: (app.monitoring ?? []).length,
    healthHref: url(`health/#coverage-${app.id}`),
  };
}

/**
 * The monthly report's monitoring section for `month`: the month's alert noise (its five noisiest
 * rules) and the incidents monitoring missed with their lost minutes, month to date for the as-of month.
 */
export function monthMonitoringSection(
  repository: Pick<Repository, 'applications' | 'incidents' | 'alerts' | 'site'>,
  month: HealthMonth,
  asOfMs: number,
) {
  const { noise: monthNoise, missed } = monthNoiseAndMisses(repository, month, asOfMs);
  const names = new Map(repository.applications.map((app) => [app.id, app.name]));
  const noise = noiseView(monthNoise, (id) => names.get(id) ?? id, repository.site.reportingTimezone);
  return {
    month: month.month,
    hasAlerts: noise.hasAlerts,
    alerts: noise.totals.alerts,
    alertsPerDayText: noise.alertsPerDayText,
    actionable: noise.totals.actionable,
    falsePositiveText: noise.totals.falsePositiveText,
    duplicateText: noise.totals.duplicateText,
    rules: noise.rules.slice(0, 5),
    missed: missedView(missed, REPORT_MISSED_SHOWN, url(`api/v1/top-talkers/${month.month}.json`)),
    href: url('health/'),
  };
}

// Time tracking in words: work types, the hotspot and month-over-month sentences, the staffing forecast's
// sentence and the command that opens a problem ticket for a recurring incident.
import { bandwidthHotspots, type HoursShare, type MonthOverMonth } from '../../core/effort.ts';
import type { RecurringIssue } from '../../core/recurring-incidents.ts';
import { WEAK_TREND_R2, type StaffingForecast } from '../../core/staffing.ts';
import { countText, formatFte, formatHours, formatShare, monthTitle } from '../format.ts';

const categoryLabels: Record<string, string> = {
  incident: 'Incidents',
  'service-request': 'Service requests',
  change: 'Changes',
  problem: 'Problem tickets',
  project: 'Projects',
  admin: 'Admin',
};

/** The support team's word for a work category. */
export function categoryLabel(category: string): string {
  return categoryLabels[category] ?? category;
}

/**
 * "2 applications take half of the support hours: Settlement (31.0 %), Payments (22.4 %)."
 */
export function hotspotSentence(list: readonly HoursShare[], noun: { one: string; many: string }, label: (key: string) => string): string {
  const hotspots = bandwidthHotspots(list);
  if (hotspots.length === 0) return `No hours were booked against any ${noun.one}.`;
  const covered = hotspots.reduce((sum, entry) => sum + entry.share, 0);
  const names = hotspots.map((entry) => `${label(entry.key)} (${formatShare(entry.share)})`).join(', ');
  if (hotspots.length === 1) return `One ${noun.one} takes ${formatShare(covered)} of the support hours: ${names}.`;
  return `${hotspots.length} ${noun.many} take ${formatShare(covered)} of the support hours: ${names}.`;
}

/** The title a recurring group's problem ticket is opened with: ids only, so it is safe inside double quotes. */
export function recurringProblemTitle(issue: Pick<RecurringIssue, 'application' | 'component'>): string {
  return `Recurring ${issue.component} incidents on ${issue.application}`;
}

/** The command that scaffolds a problem ticket; a title with quotes or `$` would break it, so those are dropped. */
export function newProblemCommand(title: string): string {
  return `npm run new -- problem "${title.replace(/["$`\\]/g, '')}"`;
}

/** "and 3 more application components (12.5 h)." after the automation table; empty when all are shown. */
export function automationMoreText(others: readonly { hours: number }[]): string {
  if (others.length === 0) return '';
  return `and ${countText(others.length, 'more application component')} (${formatHours(others.reduce((sum, c) => sum + c.hours, 0))}).`;
}

/** How a month's hours compare with the month before's; `isMonthToDate` adds that the two are not alike yet. */
export function monthChangeSentence(total: MonthOverMonth['total'], previousMonth: string, isMonthToDate: boolean): string {
  const previousName = monthTitle(previousMonth);
  if (total.previousHours === 0) return `No hours were booked in ${previousName}.`;
  if (total.changeHours === 0) return `Level with ${previousName} (${formatHours(total.previousHours)}).`;
  const direction = total.changeHours > 0 ? 'Up' : 'Down';
  const percent = formatShare(Math.abs(total.changeHours) / total.previousHours);
  const caveat = isMonthToDate ? ': this month to date against the whole of the month before' : '';
  return `${direction} ${percent} on ${previousName} (${formatHours(total.hours)} against ${formatHours(total.previousHours)})${caveat}.`;
}

/** The staffing forecast in a sentence: the pace, the fit it rests on and the last month forecast. */
export function forecastSentence(
  trend: StaffingForecast['trend'],
  last: { label: string; hoursText: string; fteText: string; fteIntervalText: string } | undefined,
): string {
  if (trend === null) return 'No forecast yet: it needs at least three complete months of time tracking.';
  const { hoursPerMonth, ftePerMonth, r2, n } = trend;
  const pace = `Support effort ${hoursPerMonth >= 0 ? 'grows' : 'falls'} by ${formatHours(Math.abs(hoursPerMonth))} a month (${formatFte(Math.abs(ftePerMonth))} FTE)`;
  const fit = r2 < WEAK_TREND_R2 ? `R² ${r2.toFixed(2)}: no clear trend, so read the forecast as the recent average` : `R² ${r2.toFixed(2)}`;
  const outlook = last ? ` The forecast for ${last.label} is ${last.hoursText}, ${last.fteText} FTE (95 % interval ${last.fteIntervalText} FTE).` : '';
  return `${pace}, fitted on ${n} complete months (${fit}).${outlook}`;
}

/** "March 2026 to February 2027", one month's name, or that there is none yet. */
export function periodText(months: readonly string[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return 'no complete month yet';
  return months.length === 1 ? monthTitle(first) : `${monthTitle(first)} to ${monthTitle(last)}`;
}

/** The /time/ page's opening sentence: the period's hours, FTEs and the three largest kinds of work. */
export function effortSummary(
  period: string,
  totalHours: number,
  fte: number,
  fteHoursPerMonth: number,
  shareOf: (category: string) => number,
): string {
  return (
    `${period}: ${formatHours(totalHours)} booked, ${formatFte(fte)} FTE on average at ${fteHoursPerMonth} h per FTE-month. ` +
    `Incidents took ${formatShare(shareOf('incident'))}, service requests ${formatShare(shareOf('service-request'))}, changes ${formatShare(shareOf('change'))}.`
  );
}

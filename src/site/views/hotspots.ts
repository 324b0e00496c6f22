// One month's time-tracking hotspots, for the monthly report and the /time/ page, and its JSON: numbers
// from the core's effort, recurrence and automation modules, arranged as rows with the words of words/effort.ts.
import { daysThrough, daysBefore } from '../../core/recurrence.ts';
import { effortBreakdown, monthOverMonth, type EffortBreakdown, type HoursShare } from '../../core/effort.ts';
import { automationCandidates, type AutomationCandidate } from '../../core/automation.ts';
import { recurringIncidentsWithoutProblem, type RecurringIssue } from '../../core/recurring-incidents.ts';
import { lastDateOfMonth, previousMonth, reportInterval } from '../../core/period.ts';
import { lowerBound } from '../../core/sorted.ts';
import { renderChart } from '../render.ts';
import { formatChange, formatCount, formatDay, formatFte, formatHours, formatShare, isoInstant, monthTitle } from '../format.ts';
import { url } from '../urls.ts';
import { categoryChartSpec } from '../charts/effort.ts';
import { automationMoreText, categoryLabel, hotspotSentence, monthChangeSentence, newProblemCommand, recurringProblemTitle } from '../words/effort.ts';
import { capLatest, RECURRING_LINKS_SHOWN } from './records.ts';
import { applicationLabel, componentLabel, timeContextOfBuild, type TimeContext } from './time-context.ts';
import { memoise, type BuildContext } from '../context.ts';

export interface ShareRow {
  key: string;
  label: string;
  href?: string | undefined;
  hoursText: string;
  shareText: string;
}

export const TOP_ROWS = 10;

interface TopList {
  rows: ShareRow[];
  /** Keys with hours beyond the rows shown. */
  more: number;
}

function topList(list: readonly HoursShare[], label: (key: string) => string, href?: (key: string) => string): TopList {
  const withHours = list.filter((entry) => entry.hours > 0);
  return {
    rows: withHours.slice(0, TOP_ROWS).map((entry) => ({
      key: entry.key,
      label: label(entry.key),
      href: href?.(entry.key),
      hoursText: formatHours(entry.hours),
      shareText: formatShare(entry.share),
    })),
    more: Math.max(0, withHours.length - TOP_ROWS),
  };
}

/** The top applications, components and teams of a period, with the sentences that name the hotspots. */
export type BreakdownTops = ReturnType<typeof breakdownTops>;

export function breakdownTops(context: TimeContext, breakdown: EffortBreakdown) {
  const appLabel = (id: string) => applicationLabel(context, id);
  const compLabel = (key: string) => componentLabel(context, key);
  return {
    applications: topList(breakdown.byApplication, appLabel, (id) => url(`applications/${id}/`)),
    components: topList(breakdown.byComponent, compLabel),
    teams: topList(breakdown.byTeam, (id) => id),
    applicationSentence: hotspotSentence(breakdown.byApplication, { one: 'application', many: 'applications' }, appLabel),
    componentSentence: hotspotSentence(breakdown.byComponent, { one: 'component', many: 'components' }, compLabel),
  };
}

export interface RecurringIssueView {
  key: string;
  label: string;
  count: number;
  countText: string;
  /** The latest few incidents of the group; the rest are counted in `moreText`, listed on `moreHref`. */
  incidents: { id: string; title: string; href: string }[];
  moreText: string;
  moreHref: string;
  firstText: string;
  lastText: string;
  suggestedTitle: string;
  /** The exact command that opens the problem ticket. */
  command: string;
}

export interface AutomationRow {
  key: string;
  label: string;
  entries: number;
  tickets: number;
  hoursText: string;
  firstDate: string;
  lastDate: string;
}

/** A recurring group's latest incidents by name, the others counted, with a link to its application's page. */
export function recurringLinks(issue: RecurringIssue, titleOf: (id: string) => string) {
  const { shown, moreText } = capLatest(issue.incidents, RECURRING_LINKS_SHOWN, 'incident');
  return {
    incidents: shown.map((id) => ({ id, title: titleOf(id), href: url(`incidents/${id}/`) })),
    moreText,
    moreHref: url(`applications/${issue.application}/`),
  };
}

function recurringView(context: TimeContext, issue: RecurringIssue): RecurringIssueView {
  const zone = context.reportingTimezone;
  return {
    key: issue.key,
    label: componentLabel(context, issue.key),
    count: issue.incidents.length,
    countText: formatCount(issue.incidents.length),
    ...recurringLinks(issue, (id) => context.incidentTitles.get(id) ?? ''),
    firstText: formatDay(issue.firstStartedMs, zone),
    lastText: formatDay(issue.lastStartedMs, zone),
    suggestedTitle: recurringProblemTitle(issue),
    command: newProblemCommand(recurringProblemTitle(issue)),
  };
}

function automationRow(context: TimeContext, candidate: AutomationCandidate): AutomationRow {
  return {
    key: candidate.key,
    label: componentLabel(context, candidate.key),
    entries: candidate.entries,
    tickets: candidate.tickets,
    hoursText: formatHours(candidate.hours),
    firstDate: candidate.firstDate,
    lastDate: candidate.lastDate,
  };
}

/** Recurring incidents without a problem ticket in the 90 days up to `endMs`. */
function recurringUpTo(context: TimeContext, endMs: number): RecurringIssue[] {
  const range = daysBefore(endMs, 90);
  const list = context.incidentsByStart;
  const from = lowerBound(list, range.fromMs, (incident) => incident.started);
  const to = lowerBound(list, range.toMs, (incident) => incident.started);
  return recurringIncidentsWithoutProblem(list.slice(from, to), context.problems, range);
}

/** Service requests worth automating in the 90 days through `lastDate`. */
function automationThrough(context: TimeContext, lastDate: string): AutomationCandidate[] {
  const range = daysThrough(lastDate, 90);
  const list = context.serviceRequests;
  const from = lowerBound(list, range.fromDate, (entry) => entry.date);
  const to = lowerBound(list, `${range.toDate}~`, (entry) => entry.date);
  return automationCandidates(list.slice(from, to), range);
}

export interface CategoryRow {
  key: string;
  label: string;
  hoursText: string;
  shareText: string;
  previousHoursText: string;
  changeText: string;
}

/**
 * One month's hotspots, for the monthly report and the /time/ page: effort by category with
 * the month before, top applications, components and teams, recurring incidents without a
 * problem ticket (90 days up to the month's end or the as-of instant) and automation candidates.
 */
export function hotspotsSection(context: TimeContext, month: string) {
  const fteHours = context.fteHoursPerMonth;
  const isMonthToDate = month === context.asOfMonth;
  const breakdown = effortBreakdown(context.ledger, [month], fteHours);
  const before = previousMonth(month);
  const change = monthOverMonth(context.ledger, month, before);
  const previousByKey = new Map(change.byCategory.map((row) => [row.key, row]));
  const categories: CategoryRow[] = breakdown.byCategory.map((entry) => {
    const row = previousByKey.get(entry.key);
    return {
      key: entry.key,
      label: categoryLabel(entry.key),
      hoursText: formatHours(entry.hours),
      shareText: formatShare(entry.share),
      previousHoursText: formatHours(row?.previousHours ?? 0),
      changeText: formatChange(row?.change ?? null),
    };
  });

  const endMs = reportInterval(month, context.reportingTimezone, context.asOfMs).toMs;
  const lastDate = isMonthToDate || lastDateOfMonth(month) > context.asOfDate ? context.asOfDate : lastDateOfMonth(month);
  const recurring = recurringUpTo(context, endMs).map((issue) => recurringView(context, issue));
  const candidates = automationThrough(context, lastDate);
  const automation = candidates.slice(0, TOP_ROWS).map((candidate) => automationRow(context, candidate));
  const automationMore = automationMoreText(candidates.slice(TOP_ROWS));

  return {
    month,
    title: `Time-tracking hotspots, ${monthTitle(month)}${isMonthToDate ? ` (to ${context.asOfDate})` : ''}`,
    isMonthToDate,
    totalHoursText: formatHours(breakdown.totalHours),
    fteText: formatFte(breakdown.fte),
    fteHoursPerMonth: fteHours,
    hasHours: breakdown.totalHours > 0,
    changeSentence: monthChangeSentence(change.total, before, isMonthToDate),
    categories,
    categoryChartTitle: `Hours by work type, ${monthTitle(month)}`,
    byCategory: breakdown.byCategory,
    ...breakdownTops(context, breakdown),
    recurring,
    recurringWindowText: `the 90 days to ${formatDay(endMs - 1, context.reportingTimezone)}`,
    automation,
    automationMoreText: automationMore,
    automationWindowText: `${daysThrough(lastDate, 90).fromDate} to ${lastDate}`,
  };
}

export type HotspotsSectionView = ReturnType<typeof hotspotsSection>;

/** The section with its chart rendered (SVG markup for the page). */
export async function hotspotsSectionWithChart(context: TimeContext, month: string) {
  const view = hotspotsSection(context, month);
  const categoryChartSvg = view.hasHours ? await renderChart(categoryChartSpec(view.byCategory, view.categoryChartTitle), view.categoryChartTitle) : '';
  return { ...view, categoryChartSvg };
}

// ---- JSON ------------------------------------------------------------------------------

/** `/api/v1/hotspots/YYYY-MM.json`: the month's hours (to date for the as-of month), FTEs and shares. */
export function hotspotsJson(context: TimeContext, month: string) {
  const { period, totalHours, fte, byCategory, byApplication, byComponent, byTeam } = effortBreakdown(context.ledger, [month], context.fteHoursPerMonth);
  return { period, asOf: isoInstant(context.asOfMs), totalHours, fte, byCategory, byApplication, byComponent, byTeam };
}

/** The month's time-tracking hotspots with their category chart (the monthly report, and /time/ for the as-of month); drawn once per build. */
export function hotspotsWithChart(ctx: BuildContext, month: string): ReturnType<typeof hotspotsSectionWithChart> {
  return memoise(ctx, `drawings.hotspots.${month}`, () => hotspotsSectionWithChart(timeContextOfBuild(ctx), month));
}

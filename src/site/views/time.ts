// The /time/ page, the monthly report's hotspots section and the hotspots JSON: numbers from
// core/hotspots.ts, computed once per build and turned into rows and sentences here.
import { memoise, type BuildContext } from '../context.ts';
import type { TopLevelSpec } from 'vega-lite';
import {
  automationCandidates,
  bandwidthHotspots,
  bucketEffortByMonth,
  daysBefore,
  daysThrough,
  effortBreakdown,
  effortCategories,
  monthlyEffort,
  monthOverMonth,
  recurringIncidentsWithoutProblem,
  staffingForecast,
  type AutomationCandidate,
  type EffortBreakdown,
  type EffortEntry,
  type EffortLedger,
  type HoursShare,
  type IncidentOccurrence,
  type ProblemCoverage,
  type RecurringIssue,
} from '../../core/hotspots.ts';
import { lastDateOfMonth, monthOf, monthsBetween, previousMonth, reportInterval } from '../../core/period.ts';
import { renderChart } from '../render.ts';
import { countText, formatChange, formatCount, formatDay, formatFte, formatHours, formatShare, isoInstant, monthTitle, shortMonthTitle } from '../format.ts';
import { url } from '../urls.ts';
import { compareRecordIds } from '../../core/ids.ts';
import { capLatest, RECURRING_LINKS_SHOWN } from './records.ts';
import { compareText } from '../../core/compare.ts';
import { lowerBound } from '../../core/sorted.ts';

/** What the hotspots views read from the repository; plain arrays, so tests build it by hand. */
export interface TimeInputs {
  fteHoursPerMonth: number;
  reportingTimezone: string;
  timeEntries: readonly EffortEntry[];
  incidents: readonly (IncidentOccurrence & { title: string })[];
  problems: readonly ProblemCoverage[];
  applications: readonly { id: string; name: string }[];
  asOfMs: number;
}

/** The inputs with the one-pass month ledger and the sorted lists every month's section slices from. */
export interface TimeContext extends TimeInputs {
  ledger: EffortLedger;
  asOfMonth: string;
  /** The as-of instant's date in the reporting zone: entries after it are not counted yet. */
  asOfDate: string;
  /** Service-request entries up to the as-of date, oldest first. */
  serviceRequests: EffortEntry[];
  /** Incidents by start, oldest first. */
  incidentsByStart: (IncidentOccurrence & { title: string })[];
  incidentTitles: Map<string, string>;
  applicationNames: Map<string, string>;
}

/** Builds the ledger and the sorted lists once; everything else reads from them. */
export function timeContext(inputs: TimeInputs): TimeContext {
  const asOfDate = formatDay(inputs.asOfMs, inputs.reportingTimezone);
  const serviceRequests = inputs.timeEntries
    .filter((entry) => entry.category === 'service-request' && entry.date <= asOfDate)
    .sort((a, b) => compareText(a.date, b.date));
  const incidentsByStart = [...inputs.incidents].sort((a, b) => a.started - b.started || compareRecordIds(a.id, b.id));
  return {
    ...inputs,
    ledger: bucketEffortByMonth(inputs.timeEntries, { throughDate: asOfDate }),
    asOfMonth: monthOf(inputs.asOfMs, inputs.reportingTimezone),
    asOfDate,
    serviceRequests,
    incidentsByStart,
    incidentTitles: new Map(inputs.incidents.map((incident) => [incident.id, incident.title])),
    applicationNames: new Map(inputs.applications.map((app) => [app.id, app.name])),
  };
}

/** This build's hotspots context: the time entries are bucketed once, not once per page. */
export function timeContextOfBuild(ctx: BuildContext): TimeContext {
  const repo = ctx.repository;
  return memoise(ctx, 'time.context', () =>
    timeContext({
      fteHoursPerMonth: repo.site.fteHoursPerMonth,
      reportingTimezone: repo.site.reportingTimezone,
      timeEntries: repo.timeEntries,
      incidents: repo.incidents,
      problems: repo.problems,
      applications: repo.applications,
      asOfMs: ctx.asOfMs,
    }),
  );
}

// ---- formatting ------------------------------------------------------------------------

// The display formats live in site/format.ts; they stay importable from here for existing callers.
export { formatChange, formatFte, formatHours, formatShare } from '../format.ts';
/** The month in words, "November 2026": `monthTitle` of site/format.ts under its former name. */
export { monthTitle as monthName } from '../format.ts';

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

// ---- shared pieces ---------------------------------------------------------------------

export interface ShareRow {
  key: string;
  label: string;
  href?: string | undefined;
  hoursText: string;
  shareText: string;
}

const TOP_ROWS = 10;

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

/** "settlement/batch" → "Settlement / batch". */
function componentLabel(context: TimeContext, key: string): string {
  const slash = key.indexOf('/');
  const application = key.slice(0, slash);
  return `${context.applicationNames.get(application) ?? application} / ${key.slice(slash + 1)}`;
}

function applicationLabel(context: TimeContext, id: string): string {
  return context.applicationNames.get(id) ?? id;
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

/** The top applications, components and teams of a period, with the sentences that name the hotspots. */
export type BreakdownTops = ReturnType<typeof breakdownTops>;

function breakdownTops(context: TimeContext, breakdown: EffortBreakdown) {
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

/** The command that scaffolds a problem ticket; a title with quotes or `$` would break it, so those are dropped. */
export function newProblemCommand(title: string): string {
  return `npm run new -- problem "${title.replace(/["$`\\]/g, '')}"`;
}

/** A recurring group's latest incidents by name, the others counted, with a link to its application's page. */
export function recurringLinks(issue: RecurringIssue, titleOf: (id: string) => string) {
  const { shown, moreText } = capLatest(issue.incidents, RECURRING_LINKS_SHOWN, 'incidents');
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
    suggestedTitle: issue.suggestedTitle,
    command: newProblemCommand(issue.suggestedTitle),
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

// ---- charts ---------------------------------------------------------------------------

const categoryColours = ['#b42318', '#0b57b0', '#8a5300', '#6f42c1', '#1a7f37', '#57606a'];

/** Horizontal bars: hours per work category, most first. */
export function categoryChartSpec(byCategory: readonly HoursShare[], title: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 360,
    height: { step: 22 },
    title,
    data: { values: byCategory.map((entry) => ({ category: categoryLabel(entry.key), hours: entry.hours })) },
    mark: { type: 'bar', color: '#0b57b0' },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: null, title: null },
      x: { field: 'hours', type: 'quantitative', title: 'Hours' },
    },
  };
}

/** Stacked bars: each month's hours split by work category. */
export function monthlyCategoryChartSpec(months: readonly { month: string; byCategory: Record<string, number> }[], title: string): TopLevelSpec {
  const values = months.flatMap((point) =>
    effortCategories.map((category, order) => ({
      month: shortMonthTitle(point.month),
      category: categoryLabel(category),
      order,
      hours: point.byCategory[category] ?? 0,
    })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 240,
    title,
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: months.map((point) => shortMonthTitle(point.month)), title: null, axis: { labelAngle: -45 } },
      y: { field: 'hours', type: 'quantitative', title: 'Hours', stack: 'zero' },
      color: {
        field: 'category',
        type: 'nominal',
        title: 'Work type',
        scale: { domain: effortCategories.map(categoryLabel), range: categoryColours },
        legend: { orient: 'bottom', columns: 3 },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}

interface TrendChartInput {
  actual: { month: string; hours: number; toDate: boolean }[];
  fitted: { month: string; hours: number }[];
  forecasts: { month: string; hours: number; low: number; high: number }[];
}

/** Monthly hours as bars (the month to date lighter), the fitted line dashed, the forecast as points with 95 % interval whiskers. */
export function trendChartSpec(input: TrendChartInput, title: string): TopLevelSpec {
  const domain = [...new Set([...input.actual.map((p) => p.month), ...input.forecasts.map((p) => p.month)])].sort().map(shortMonthTitle);
  const x = { field: 'month', type: 'ordinal' as const, scale: { domain }, sort: domain, title: null, axis: { labelAngle: -45 } };
  const layers: object[] = [
    {
      data: { values: input.actual.map((p) => ({ month: shortMonthTitle(p.month), hours: p.hours, kind: p.toDate ? 'Month to date' : 'Booked' })) },
      mark: 'bar',
      encoding: {
        x,
        y: { field: 'hours', type: 'quantitative', title: 'Hours' },
        color: { field: 'kind', type: 'nominal', title: null, scale: { domain: ['Booked', 'Month to date'], range: ['#0b57b0', '#9ec5f5'] }, legend: { orient: 'bottom' } },
      },
    },
  ];
  if (input.fitted.length > 0) {
    layers.push({
      data: { values: input.fitted.map((p) => ({ month: shortMonthTitle(p.month), hours: p.hours })) },
      mark: { type: 'line', color: '#1b1f24', strokeDash: [4, 3] },
      encoding: { x, y: { field: 'hours', type: 'quantitative' } },
    });
  }
  if (input.forecasts.length > 0) {
    const forecastValues = input.forecasts.map((p) => ({ month: shortMonthTitle(p.month), hours: p.hours, low: p.low, high: p.high }));
    layers.push(
      {
        data: { values: forecastValues },
        mark: { type: 'rule', color: '#8a5300' },
        encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
      },
      {
        data: { values: forecastValues },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 70, color: '#8a5300' },
        encoding: { x, y: { field: 'hours', type: 'quantitative' } },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 240,
    title,
    layer: layers,
  } as TopLevelSpec;
}

// ---- the monthly section -------------------------------------------------------------------

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
  const otherCandidates = candidates.slice(TOP_ROWS);
  const automationMoreText =
    otherCandidates.length === 0
      ? ''
      : `and ${countText(otherCandidates.length, 'more application component')} (${formatHours(otherCandidates.reduce((sum, c) => sum + c.hours, 0))}).`;

  const total = change.total;
  const previousName = monthTitle(before);
  let changeSentence: string;
  if (total.previousHours === 0) changeSentence = `No hours were booked in ${previousName}.`;
  else if (total.changeHours === 0) changeSentence = `Level with ${previousName} (${formatHours(total.previousHours)}).`;
  else {
    const direction = total.changeHours > 0 ? 'Up' : 'Down';
    const percent = formatShare(Math.abs(total.changeHours) / total.previousHours);
    const caveat = isMonthToDate ? ': this month to date against the whole of the month before' : '';
    changeSentence = `${direction} ${percent} on ${previousName} (${formatHours(total.hours)} against ${formatHours(total.previousHours)})${caveat}.`;
  }

  return {
    month,
    title: `Time-tracking hotspots, ${monthTitle(month)}${isMonthToDate ? ` (to ${context.asOfDate})` : ''}`,
    isMonthToDate,
    totalHoursText: formatHours(breakdown.totalHours),
    fteText: formatFte(breakdown.fte),
    fteHoursPerMonth: fteHours,
    hasHours: breakdown.totalHours > 0,
    changeSentence,
    categories,
    categoryChartTitle: `Hours by work type, ${monthTitle(month)}`,
    byCategory: breakdown.byCategory,
    ...breakdownTops(context, breakdown),
    recurring,
    recurringWindowText: `the 90 days to ${formatDay(endMs - 1, context.reportingTimezone)}`,
    automation,
    automationMoreText,
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

// ---- the /time/ page -----------------------------------------------------------------------

export interface TrendRow {
  month: string;
  label: string;
  hoursText: string;
  fteText: string;
  changeText: string;
  isMonthToDate: boolean;
  categoryHoursText: string[];
}

export interface ForecastRow {
  month: string;
  label: string;
  hoursText: string;
  intervalText: string;
  fteText: string;
  fteIntervalText: string;
}

/**
 * The twelve complete months before the as-of month (months before the first booking left
 * out): effort by category, top applications, components and teams, FTEs; the monthly trend
 * with the as-of month to date; and a staffing forecast fitted on the complete months, for
 * the as-of month as a whole and the two after it.
 */
export function timePage(context: TimeContext) {
  const fteHours = context.fteHoursPerMonth;
  const bookedMonths = [...context.ledger.byMonth.keys()].filter((month) => month < context.asOfMonth).sort();
  const firstBooked = bookedMonths[0];
  const lastComplete = previousMonth(context.asOfMonth);
  let from = lastComplete;
  for (let i = 0; i < 11 && firstBooked !== undefined && from > firstBooked; i++) from = previousMonth(from);
  const months = firstBooked === undefined ? [] : monthsBetween(from, lastComplete);
  const trend = monthlyEffort(context.ledger, [...months, context.asOfMonth], fteHours);
  const breakdown = effortBreakdown(context.ledger, months.length > 0 ? months : [context.asOfMonth], fteHours);

  const complete = trend.filter((point) => point.month !== context.asOfMonth);
  const forecast = staffingForecast(complete.map(({ month, hours }) => ({ month, hours })), fteHours, 3);

  const trendRows: TrendRow[] = trend.map((point) => {
    const { total } = monthOverMonth(context.ledger, point.month, previousMonth(point.month));
    return {
      month: point.month,
      label: monthTitle(point.month),
      hoursText: formatHours(point.hours),
      fteText: formatFte(point.fte),
      changeText: total.change !== null ? formatChange(total.change) : total.hours > 0 ? 'new' : '—',
      isMonthToDate: point.month === context.asOfMonth,
      categoryHoursText: effortCategories.map((category) => formatHours(point.byCategory[category] ?? 0)),
    };
  });
  const forecastRows: ForecastRow[] = forecast.forecasts.map((point) => ({
    month: point.month,
    label: monthTitle(point.month),
    hoursText: formatHours(point.hours),
    intervalText: `${formatHours(point.low)} – ${formatHours(point.high)}`,
    fteText: formatFte(point.fte),
    fteIntervalText: `${formatFte(point.fteLow)} – ${formatFte(point.fteHigh)}`,
  }));

  let forecastSentence: string;
  if (forecast.trend === null) forecastSentence = 'No forecast yet: it needs at least three complete months of time tracking.';
  else {
    const { hoursPerMonth, ftePerMonth, r2, n } = forecast.trend;
    const pace = `Support effort ${hoursPerMonth >= 0 ? 'grows' : 'falls'} by ${formatHours(Math.abs(hoursPerMonth))} a month (${formatFte(Math.abs(ftePerMonth))} FTE)`;
    const fit = r2 < 0.3 ? `R² ${r2.toFixed(2)}: no clear trend, so read the forecast as the recent average` : `R² ${r2.toFixed(2)}`;
    const last = forecastRows[forecastRows.length - 1];
    const outlook = last ? ` The forecast for ${last.label} is ${last.hoursText}, ${last.fteText} FTE (95 % interval ${last.fteIntervalText} FTE).` : '';
    forecastSentence = `${pace}, fitted on ${n} complete months (${fit}).${outlook}`;
  }

  const periodText =
    months.length === 0 ? 'no complete month yet' : months.length === 1 ? monthTitle(from) : `${monthTitle(from)} to ${monthTitle(lastComplete)}`;
  const shareOf = (category: string) => breakdown.byCategory.find((entry) => entry.key === category)?.share ?? 0;
  const summary =
    months.length > 0 && breakdown.totalHours > 0
      ? `${periodText}: ${formatHours(breakdown.totalHours)} booked, ${formatFte(breakdown.fte)} FTE on average at ${fteHours} h per FTE-month. ` +
        `Incidents took ${formatShare(shareOf('incident'))}, service requests ${formatShare(shareOf('service-request'))}, changes ${formatShare(shareOf('change'))}.`
      : 'No complete month of time tracking yet.';

  const categoryRows = breakdown.byCategory.map((entry) => ({
    key: entry.key,
    label: categoryLabel(entry.key),
    hoursText: formatHours(entry.hours),
    shareText: formatShare(entry.share),
  }));

  return {
    asOfMonth: context.asOfMonth,
    periodText,
    summary,
    hasHours: months.length > 0 && breakdown.totalHours > 0,
    totalHoursText: formatHours(breakdown.totalHours),
    fteText: formatFte(breakdown.fte),
    fteHoursPerMonth: fteHours,
    categoryHeaders: effortCategories.map(categoryLabel),
    categoryRows,
    trendRows,
    forecastRows,
    forecastSentence,
    ...breakdownTops(context, breakdown),
    charts: {
      categories: { spec: monthlyCategoryChartSpec(complete, `Hours by work type per month, ${periodText}`), title: `Hours by work type per month, ${periodText}` },
      trend: {
        spec: trendChartSpec(
          {
            actual: trend.map((point) => ({ month: point.month, hours: point.hours, toDate: point.month === context.asOfMonth })),
            fitted: [...forecast.fitted, ...forecast.forecasts.map(({ month, hours }) => ({ month, hours }))],
            forecasts: forecast.forecasts,
          },
          `Support hours per month with a three-month forecast`,
        ),
        title: 'Support hours per month with a three-month forecast',
      },
    },
  };
}

/** The page with its charts rendered to SVG markup. */
export async function timePageWithCharts(context: TimeContext) {
  const view = timePage(context);
  const [categoriesSvg, trendSvg] = view.hasHours
    ? await Promise.all([
        renderChart(view.charts.categories.spec, view.charts.categories.title),
        renderChart(view.charts.trend.spec, view.charts.trend.title),
      ])
    : ['', ''];
  return { ...view, categoriesSvg, trendSvg };
}

// ---- JSON ------------------------------------------------------------------------------

/** `/api/v1/hotspots/YYYY-MM.json`: the month's hours (to date for the as-of month), FTEs and shares. */
export function hotspotsJson(context: TimeContext, month: string) {
  const { period, totalHours, fte, byCategory, byApplication, byComponent, byTeam } = effortBreakdown(context.ledger, [month], context.fteHoursPerMonth);
  return { period, asOf: isoInstant(context.asOfMs), totalHours, fte, byCategory, byApplication, byComponent, byTeam };
}

// The /time/ page: the last twelve complete months of time tracking, the monthly trend and the staffing
// forecast, arranged from the core's effort and staffing modules with the words of words/effort.ts.
import { effortBreakdown, effortCategories, monthlyEffort, monthOverMonth } from '../../core/effort.ts';
import { staffingForecast } from '../../core/staffing.ts';
import { monthsBetween, previousMonth } from '../../core/period.ts';
import { renderChart } from '../render.ts';
import { formatChange, formatFte, formatHours, formatShare, monthTitle } from '../format.ts';
import { monthlyCategoryChartSpec, trendChartSpec } from '../charts/effort.ts';
import { categoryLabel, effortSummary, forecastSentence, periodText } from '../words/effort.ts';
import { breakdownTops } from './hotspots.ts';
import { timeContextOfBuild, type TimeContext } from './time-context.ts';
import { memoise, type BuildContext } from '../context.ts';

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

  const period = periodText(months);
  const hasHours = months.length > 0 && breakdown.totalHours > 0;
  const shareOf = (category: string) => breakdown.byCategory.find((entry) => entry.key === category)?.share ?? 0;
  const summary = hasHours ? effortSummary(period, breakdown.totalHours, breakdown.fte, fteHours, shareOf) : 'No complete month of time tracking yet.';

  const categoryRows = breakdown.byCategory.map((entry) => ({
    key: entry.key,
    label: categoryLabel(entry.key),
    hoursText: formatHours(entry.hours),
    shareText: formatShare(entry.share),
  }));

  return {
    asOfMonth: context.asOfMonth,
    periodText: period,
    summary,
    hasHours,
    totalHoursText: formatHours(breakdown.totalHours),
    fteText: formatFte(breakdown.fte),
    fteHoursPerMonth: fteHours,
    categoryHeaders: effortCategories.map(categoryLabel),
    categoryRows,
    trendRows,
    forecastRows,
    forecastSentence: forecastSentence(forecast.trend, forecastRows[forecastRows.length - 1]),
    ...breakdownTops(context, breakdown),
    charts: {
      categories: { spec: monthlyCategoryChartSpec(complete, `Hours by work type per month, ${period}`), title: `Hours by work type per month, ${period}` },
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

/** The /time/ page with its charts; drawn once per build. */
export function timePageWithChartsOfBuild(ctx: BuildContext): ReturnType<typeof timePageWithCharts> {
  return memoise(ctx, 'drawings.timePage', () => timePageWithCharts(timeContextOfBuild(ctx)));
}

// Every chart and status card of the build, for the pages that show them. In a build with render workers all of
// them are queued as soon as Astro lists the application and report pages (their getStaticPaths runs before any
// page renders): the workers draw while the main thread renders the pages, finish early and stop, instead of the
// main thread waiting for each drawing when it reaches its page. Each value is kept on the build context, so a page and the queue share it.
import type { Application } from '../load/repository.ts';
import { memoise, type BuildContext } from './context.ts';
import { reportMonths } from './model.ts';
import type { DrawingPriority } from './drawing-jobs.ts';
import { renderWorkersAvailable } from './render-pool.ts';
import { renderChart, renderStatusCard } from './render.ts';
import { applicationChart } from './views/application.ts';
import { capacityOfBuild, capacitySectionOfBuild } from './views/capacity.ts';
import { cardFor, cardKeys } from './views/executive.ts';
import { healthModelOfBuild, healthPage } from './views/health.ts';
import { backlogChart, problemIndexPage } from './views/problems.ts';
import { reportChart } from './views/report.ts';
import { monthSummary } from './views/summary.ts';
import { hotspotsSectionWithChart } from './views/hotspots.ts';
import { timeContextOfBuild } from './views/time-context.ts';
import { timePageWithCharts } from './views/time.ts';

function chartSvg(chart: { spec: Parameters<typeof renderChart>[0]; title: string } | null, priority: DrawingPriority): Promise<string> {
  return chart === null ? Promise.resolve('') : renderChart(chart.spec, chart.title, priority);
}

const applicationDrawing = (ctx: BuildContext, app: Pick<Application, 'id' | 'name' | 'target'>, priority: DrawingPriority) =>
  memoise(ctx, `drawings.application.${app.id}`, () => chartSvg(applicationChart(ctx, app), priority));
const reportDrawing = (ctx: BuildContext, month: string, priority: DrawingPriority) =>
  memoise(ctx, `drawings.report.${month}`, () => chartSvg(reportChart(ctx, month), priority));
const summaryDrawing = (ctx: BuildContext, month: string, priority: DrawingPriority) =>
  memoise(ctx, `drawings.summary.${month}`, () => renderStatusCard(monthSummary(ctx, month).card, priority));
const cardDrawing = (ctx: BuildContext, key: string, priority: DrawingPriority) =>
  memoise(ctx, `drawings.card.${key}`, () => renderStatusCard(cardFor(ctx, key), priority));
// The views below draw through renderChart, which draws a spec once per process; only the first asker's
// priority counts, and when they are queued nothing waits yet.
const hotspotsDrawing = (ctx: BuildContext, month: string) =>
  memoise(ctx, `drawings.hotspots.${month}`, () => hotspotsSectionWithChart(timeContextOfBuild(ctx), month));
const timePageDrawing = (ctx: BuildContext) => memoise(ctx, 'drawings.timePage', () => timePageWithCharts(timeContextOfBuild(ctx)));
const healthDrawing = (ctx: BuildContext) =>
  memoise(ctx, 'drawings.health', async () => {
    const page = healthPage(healthModelOfBuild(ctx), ctx.asOfMs);
    return { page, trendSvg: await renderChart(page.trendChartSpec, page.trendChartTitle) };
  });
const problemsDrawing = (ctx: BuildContext) =>
  memoise(ctx, 'drawings.problems', async () => {
    const page = problemIndexPage(ctx);
    return { page, chartSvg: await chartSvg(backlogChart(page.backlog), 'now') };
  });

/** Queues every drawing of the build, once, in the order the build renders their pages; nothing without render workers. */
export function queueDrawings(ctx: BuildContext): void {
  if (!renderWorkersAvailable()) return;
  memoise(ctx, 'drawings.started', () => {
    const months = reportMonths(ctx);
    const started: Promise<unknown>[] = [
      ...ctx.repository.applications.map((app) => applicationDrawing(ctx, app, 'ahead')),
      ...capacityOfBuild(ctx).map((result) => capacitySectionOfBuild(ctx, result.applicationId)!),
      ...cardKeys(ctx).map((key) => cardDrawing(ctx, key, 'ahead')),
      healthDrawing(ctx),
      problemsDrawing(ctx),
      ...months.flatMap((month) => [reportDrawing(ctx, month, 'ahead'), hotspotsDrawing(ctx, month), summaryDrawing(ctx, month, 'ahead')]),
      timePageDrawing(ctx),
    ];
    // A drawing that fails fails the page that shows it; here it must not also surface as an unhandled rejection.
    for (const drawing of started) drawing.catch(() => undefined);
    return true;
  });
}

/** The SVG of the application page's availability chart, '' when the page has none. */
export function applicationChartSvg(ctx: BuildContext, app: Pick<Application, 'id' | 'name' | 'target'>): Promise<string> {
  queueDrawings(ctx);
  return applicationDrawing(ctx, app, 'now');
}

/** The SVG of the monthly report's availability chart, '' when no application has a figure. */
export function reportChartSvg(ctx: BuildContext, month: string): Promise<string> {
  queueDrawings(ctx);
  return reportDrawing(ctx, month, 'now');
}

/** The PNG of the month's summary card (its Open Graph image). */
export function monthSummaryPng(ctx: BuildContext, month: string): Promise<Uint8Array<ArrayBuffer>> {
  queueDrawings(ctx);
  return summaryDrawing(ctx, month, 'now');
}

/** The PNG of an incident or post-mortem status card (`cardKeys`: one per severity or kind and status). */
export function statusCardPng(ctx: BuildContext, key: string): Promise<Uint8Array<ArrayBuffer>> {
  queueDrawings(ctx);
  return cardDrawing(ctx, key, 'now');
}

/** The month's time-tracking hotspots with their category chart (the monthly report, and /time/ for the as-of month). */
export function hotspotsWithChart(ctx: BuildContext, month: string): ReturnType<typeof hotspotsSectionWithChart> {
  queueDrawings(ctx);
  return hotspotsDrawing(ctx, month);
}

/** The /time/ page with its charts. */
export function timePageWithChartsOfBuild(ctx: BuildContext): ReturnType<typeof timePageWithCharts> {
  queueDrawings(ctx);
  return timePageDrawing(ctx);
}

/** The /health/ page with its noise-trend chart. */
export function healthPageWithChart(ctx: BuildContext): ReturnType<typeof healthDrawing> {
  queueDrawings(ctx);
  return healthDrawing(ctx);
}

/** The /problems/ page with its backlog chart ('' without a backlog). */
export function problemIndexWithChart(ctx: BuildContext): ReturnType<typeof problemsDrawing> {
  queueDrawings(ctx);
  return problemsDrawing(ctx);
}

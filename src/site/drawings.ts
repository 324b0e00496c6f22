// The build's charts and status cards that pages ask for one by one. In a build with render workers they are all
// queued to be drawn ahead as soon as Astro lists the application and report pages (their getStaticPaths runs
// before any page renders), and the build's prerenderer renders those pages last (src/site/prerenderer.ts): the
// workers draw while the main thread renders the thousands of pages in between, instead of the main thread
// waiting for each drawing when it reaches its page. What a page wants now goes first.
import type { Application } from '../load/repository.ts';
import { renderChart } from './charts.ts';
import { memoise, type BuildContext } from './context.ts';
import { reportMonths } from './model.ts';
import { renderWorkersAvailable, type DrawingPriority } from './render-pool.ts';
import { renderStatusCard } from './status-card.ts';
import { applicationChart } from './views/application.ts';
import { reportChart } from './views/report.ts';
import { monthSummary } from './views/summary.ts';

function chartSvg(chart: { spec: Parameters<typeof renderChart>[0]; title: string } | null, priority: DrawingPriority): Promise<string> {
  return chart === null ? Promise.resolve('') : renderChart(chart.spec, chart.title, priority);
}

const applicationDrawing = (ctx: BuildContext, app: Pick<Application, 'id' | 'name' | 'target'>, priority: DrawingPriority) =>
  memoise(ctx, `drawings.application.${app.id}`, () => chartSvg(applicationChart(ctx, app), priority));
const reportDrawing = (ctx: BuildContext, month: string, priority: DrawingPriority) =>
  memoise(ctx, `drawings.report.${month}`, () => chartSvg(reportChart(ctx, month), priority));
const summaryDrawing = (ctx: BuildContext, month: string, priority: DrawingPriority) =>
  memoise(ctx, `drawings.summary.${month}`, () => renderStatusCard(monthSummary(ctx, month).card, priority));

/** Queues every application and report drawing of the build ahead, once; nothing without render workers. */
export function queueDrawings(ctx: BuildContext): void {
  if (!renderWorkersAvailable()) return;
  memoise(ctx, 'drawings.started', () => {
    const started: Promise<unknown>[] = [
      ...ctx.repository.applications.map((app) => applicationDrawing(ctx, app, 'ahead')),
      ...reportMonths(ctx).flatMap((month) => [reportDrawing(ctx, month, 'ahead'), summaryDrawing(ctx, month, 'ahead')]),
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

// The charts and cards pages ask for through their views: drawn from the build's figures, once per build context
// (outside a build with render workers, on the calling thread when asked for).
import { describe, expect, it } from 'vitest';
import { renderChartOrNone, renderStatusCard } from '../../src/site/render.ts';
import { applicationChart } from '../../src/site/views/application.ts';
import { reportChart } from '../../src/site/views/report.ts';
import { monthSummary } from '../../src/site/views/summary.ts';
import { byId, minimalContext } from '../helpers/minimal-context.ts';

describe('drawings through the one front (render.ts)', () => {
  const ctx = minimalContext();
  const settlement = byId(ctx.repository.applications, 'settlement');

  it("charts an application's report months against its target, titled for a screen reader", async () => {
    const chart = applicationChart(ctx, settlement)!;
    expect(chart.title).toBe('Settlement: availability by month against the 99.5 % target');
    const values = (chart.spec as { data: { values: { month: string; target: number }[] } }).data.values;
    expect(values.map((v) => [v.month, v.target])).toEqual([['2026-03', 99.5], ['2026-04', 99.5]]);
    const svg = await renderChartOrNone(applicationChart(ctx, settlement));
    expect(svg.startsWith(`<svg role="img" aria-label="${chart.title}"`)).toBe(true);
    expect(svg).toContain(`<title>${chart.title}</title>`);
  });

  it('has no application chart with fewer than two months of figures, and draws nothing for it', async () => {
    expect(applicationChart(ctx, { id: 'no-such-app', name: 'None', target: 99 })).toBeNull();
    expect(await renderChartOrNone(null)).toBe('');
  });

  it("charts the month's applications in the monthly report", async () => {
    const chart = reportChart(ctx, '2026-03')!;
    expect(chart.title).toBe('Availability by application, March 2026, against target');
    expect(await renderChartOrNone(reportChart(ctx, '2026-03'))).toContain('aria-label="Availability by application, March 2026, against target"');
  });

  it("draws the month's summary card as a 1200 × 630 PNG, once for every page that shows it", async () => {
    const card = monthSummary(ctx, '2026-03').card;
    const png = await renderStatusCard(card);
    expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
    // A second asker gets the same bytes in a copy of its own (a Response may detach what it is given).
    const again = await renderStatusCard({ ...card });
    expect(again).toEqual(png);
    expect(again).not.toBe(png);
  });
});

import { describe, expect, it } from 'vitest';
import type { CapacitySeries } from '../../src/core/capacity.ts';
import { analyseAllCapacity, capacityApplicationView, capacitySummary } from '../../src/site/views/capacity.ts';
import { capacityJson } from '../../src/site/views/capacity-json.ts';
import { chartSample, onePointPerCell } from '../../src/site/charts/capacity.ts';
import {
  breachText,
  describeKpiForecast,
  formatValue,
  growthSentence,
  meanHeadroomText,
  peakHeadroomText,
  peakWarning,
} from '../../src/site/words/capacity.ts';

const HOUR_MS = 3_600_000;
const START = Date.UTC(2026, 7, 1);

/** Hourly rows: volume cycles 1,000–1,999 trades, latency = 50 + 0.1 × trades + a small wobble. */
function series(rows: number): CapacitySeries {
  const timestampMs = Float64Array.from({ length: rows }, (_, k) => START + k * HOUR_MS);
  const trades = Float64Array.from({ length: rows }, (_, k) => 1000 + ((k * 37) % 1000));
  const latency = Float64Array.from(trades, (v, k) => 50 + 0.1 * v + (k % 2 === 0 ? 1 : -1));
  return {
    applicationId: 'settlement',
    volumeColumn: 'trades',
    timestampMs,
    columns: { trades, p95_ms: latency },
    kpis: [{ column: 'p95_ms', unit: 'ms', sla: { max: 250 } }],
    windowDays: 90,
  };
}

describe('sampling', () => {
  it('takes every n-th usable row so at most the limit is drawn, skipping missing values', () => {
    const volume = Float64Array.from([1, 2, Number.NaN, 4, 5, 6, 7]);
    const kpi = Float64Array.from([10, 20, 30, 40, Number.NaN, 60, 70]);
    expect(chartSample(volume, kpi, 10)).toEqual({
      points: [1, 2, 4, 6, 7].map((v) => ({ volume: v, value: v * 10 })),
      step: 1,
    });
    expect(chartSample(volume, kpi, 2)).toEqual({ points: [{ volume: 1, value: 10 }, { volume: 6, value: 60 }], step: 3 });
  });
});

describe('onePointPerCell', () => {
  it('keeps the first point of each 2-pixel cell, in input order', () => {
    const points = [
      { volume: 0, value: 0 },
      { volume: 0.1, value: 0.1 },
      { volume: 5, value: 5 },
      { volume: 0.3, value: 0.05 },
      { volume: 10, value: 10 },
    ];
    // 100 px for 10 units: 0.1 units is 1 px, the same 2-px cell as the origin; 0.3 units is 3 px, the next cell.
    expect(onePointPerCell(points, [0, 10], [0, 10], 100, 100, 2)).toEqual([points[0], points[2], points[3], points[4]]);
  });
});

describe('formatting', () => {
  it('shows four significant digits, powers of ten for tiny slopes', () => {
    expect(formatValue(12345.6)).toBe('12,350');
    expect(formatValue(0.012345)).toBe('0.01235');
    expect(formatValue(6.7874e-8)).toBe('6.787 × 10⁻⁸');
    expect(formatValue(0)).toBe('0');
  });
});

describe('capacity views', () => {
  const asOfMs = START + 3000 * HOUR_MS;
  const results = analyseAllCapacity([series(3000)], [{ id: 'settlement', name: 'Settlement' }], asOfMs);
  const kpi = results[0]!.analysis.kpis[0]!;

  it('fits on every window row but draws at most the chart limit', () => {
    const view = capacityApplicationView(results[0]!, 'UTC');
    expect(kpi.n).toBe(2160);
    const spec = view.kpis[0]!.chartSpec as { layer: { data?: { values: unknown[] } }[] };
    const drawn = spec.layer[0]!.data!.values.length;
    expect(drawn).toBeGreaterThan(100);
    expect(drawn).toBeLessThanOrEqual(1080);
    expect(view.kpis[0]!.chartCaption).toMatch(/^Grey dots: one row in 2 of the window's 2,160, dots on the same spot drawn once;/);
  });

  it('quotes the core sentence at +50 % and lists the statistics', () => {
    const view = capacityApplicationView(results[0]!, 'UTC').kpis[0]!;
    expect(view.sentence).toBe(describeKpiForecast(kpi, 0.5));
    expect(view.stats.map((row) => row.label)).toEqual([
      'Rows fitted (n)',
      'Fitted line',
      'Intercept (a)',
      'Slope (b)',
      'R²',
      'Pearson r',
      'Elasticity at the means',
      'Residual standard error',
      'SLA',
      'Headroom',
      'Projected breach month',
      'At the peak volume',
      'Headroom from the peak',
      'Projected breach month at the peak',
      'Confidence',
    ]);
    expect(view.stats[1]!.value).toBe('p95_ms = 50.01 + 0.09999 × trades');
    expect(view.forecasts.map((row) => row.growthText)).toEqual(['+10 %', '+25 %', '+50 %', '+100 %']);
    expect(view.forecasts[3]!.status).toBe('breach');
  });

  it('puts every KPI in the overview with its status at +50 % (here past the SLA)', () => {
    expect(capacitySummary(results)).toEqual([
      expect.objectContaining({ anchor: 'capacity-settlement-p95_ms', column: 'p95_ms', slaText: '≤ 250 ms', statusClass: 'status status-red', headroomText: '+33.4 %', confidence: 'adequate' }),
    ]);
  });

  it('words headroom and breach for the cases the core returns', () => {
    expect(meanHeadroomText({ ...kpi, headroom: 0 }, 1500, 'trades')).toBe('none: the fitted KPI is already at or past its SLA');
    expect(meanHeadroomText({ ...kpi, headroom: null }, 1500, 'trades')).toBe('not reached: the KPI does not move towards its SLA as volume grows');
    expect(meanHeadroomText({ ...kpi, headroom: 0.25 }, 1500, 'trades')).toBe('+25 % volume (to 1,875 trades)');
    expect(meanHeadroomText({ ...kpi, headroom: 0.25 }, null, 'trades')).toBe('+25 % volume');
    expect(peakHeadroomText({ ...kpi, peak: { ...kpi.peak!, volume: 2000, headroom: 0.1 } }, 'trades')).toBe('+10 % over the peak (to 2,200 trades)');
    expect(peakHeadroomText({ ...kpi, peak: null }, 'trades')).toBe('unknown: no fit or no peak');
    expect(breachText({ breachOutlook: 'not-growing', breachMonth: null })).toBe('not projected: the volume is not growing');
    expect(breachText({ breachOutlook: 'reached', breachMonth: '2026-11' })).toBe('2026-11 (already reached)');
    expect(breachText({ breachOutlook: 'projected', breachMonth: '2027-05' })).toBe('2027-05');
    expect(breachText({ breachOutlook: 'beyond-horizon', breachMonth: null })).toBe('not within 36 months');
    expect(breachText({ breachOutlook: 'beyond-horizon', breachMonth: null }, 24)).toBe('not within 24 months');
    expect(breachText({ breachOutlook: 'trend-too-weak', breachMonth: null })).toBe('trend too weak to project');
  });

  it('words the volume trend, flat below the tenth of a percent a month that the text can show', () => {
    const analysis = results[0]!.analysis;
    const withGrowth = (growthPerMonth: number) => growthSentence({ ...analysis, volume: { ...analysis.volume, trend: { ...analysis.volume.trend, growthPerMonth } } });
    expect(withGrowth(0.0009)).toMatch(/^trades is flat \(/);
    expect(withGrowth(0.00199)).toMatch(/^trades grows by 0\.1 % a month/);
    expect(withGrowth(-0.0219)).toMatch(/^trades shrinks by 2\.1 % a month/);
  });

  it('writes the JSON with the documented keys', () => {
    const body = capacityJson(results, asOfMs);
    expect(body.asOf).toBe('2026-12-04T00:00:00.000Z');
    const app = body.applications[0]!;
    expect(Object.keys(app)).toEqual(['id', 'volume', 'kpis']);
    expect(Object.keys(app.volume)).toEqual(['column', 'mean', 'growthPerMonth', 'peak', 'peakPercentile', 'peakHours', 'trendR2', 'trendLowConfidence', 'planningHorizonMonths']);
    expect(app.volume.planningHorizonMonths).toBe(36);
    expect(Object.keys(app.kpis[0]!.peak!)).toEqual(['volume', 'value', 'low', 'high', 'status', 'breachesAtPeak', 'headroom', 'breachMonth', 'breachOutlook', 'forecasts']);
    expect(app.kpis[0]).toMatchObject({ column: 'p95_ms', unit: 'ms', sla: { max: 250 }, n: 2160, lowConfidence: false });
    expect(app.kpis[0]!.slope).toBeCloseTo(0.1, 4);
    expect(Object.keys(app.kpis[0]!.forecasts[0]!)).toEqual(['growth', 'volume', 'value', 'low', 'high', 'status']);
  });

  it('leads with the peak when the fitted line already crosses the SLA there, and lists such KPIs first', () => {
    // Trades 1,000–1,999 (each value 2 or 3 times in 2,160 hours): mean ≈ 1,500, p95 ≈ 1,950; latency ≈ 50 + 0.1 × trades.
    // SLA 230 ms: ≈ 200 ms at the mean (headroom to 1,800 trades, +20 %), ≈ 245 ms at the peak: past it.
    const tight = { ...series(3000), applicationId: 'pricing', kpis: [{ column: 'p95_ms', unit: 'ms', sla: { max: 230 } }] };
    const both = analyseAllCapacity([series(3000), tight], [{ id: 'pricing', name: 'Pricing' }, { id: 'settlement', name: 'Settlement' }], asOfMs);
    const tightKpi = both[0]!.analysis.kpis[0]!;
    expect(tightKpi.peak!.volume).toBeGreaterThan(1940);
    expect(tightKpi.peak!.volume).toBeLessThan(1960);
    expect(tightKpi.headroom).toBeCloseTo(0.2, 2);
    expect(peakWarning(tightKpi, 'trades')).toMatch(
      /^Already past its SLA at the peak: at 1,9\d\d trades \(95th percentile of hourly volume\) the fitted p95_ms is 24\d(\.\d)? ms against ≤ 230 ms, while the mean volume leaves \+20(\.\d)? % headroom\.$/,
    );
    expect(peakWarning(kpi, 'trades')).toBeNull();
    const summary = capacitySummary([...both].reverse());
    expect(summary.map((row) => [row.applicationId, row.breachesAtPeak, row.atPeakClass])).toEqual([
      ['pricing', true, 'status status-red'],
      ['settlement', false, 'status status-green'],
    ]);
    expect(summary[0]!.peakHeadroomText).toBe('none');
  });
});

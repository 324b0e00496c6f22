import { describe, expect, it } from 'vitest';
import { analyseCapacity, forecastGrowths, windowRows } from '../../src/core/capacity.ts';
import { describeKpiForecast } from '../../src/site/words/capacity.ts';
import type { CapacityKpiAnalysis, CapacityKpiSpec, CapacitySeries } from '../../src/core/capacity.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const JAN_1_2026 = Date.UTC(2026, 0, 1);

/** A series from per-row values; KPI columns are computed from the row index and its volume. */
function makeSeries(options: {
  timestampMs: number[];
  volume: (k: number) => number;
  kpis: Array<CapacityKpiSpec & { value: (k: number, volume: number) => number }>;
  windowDays?: number;
}): CapacitySeries {
  const volume = options.timestampMs.map((_, k) => options.volume(k));
  const columns: Record<string, Float64Array> = { volume: Float64Array.from(volume) };
  for (const kpi of options.kpis) {
    columns[kpi.column] = Float64Array.from(volume.map((v, k) => kpi.value(k, v)));
  }
  return {
    applicationId: 'settlement',
    volumeColumn: 'volume',
    timestampMs: Float64Array.from(options.timestampMs),
    columns,
    kpis: options.kpis.map(({ column, unit, sla }) => ({ column, unit, sla })),
    windowDays: options.windowDays ?? 90,
  };
}

function hourly(count: number, startMs = JAN_1_2026): number[] {
  return Array.from({ length: count }, (_, k) => startMs + k * HOUR_MS);
}

/** Reorders every column of a series by the same permutation. */
function permuted(series: CapacitySeries, order: number[]): CapacitySeries {
  const pick = (column: Float64Array) => Float64Array.from(order, (i) => column[i]!);
  return {
    ...series,
    timestampMs: pick(series.timestampMs),
    columns: Object.fromEntries(Object.entries(series.columns).map(([name, column]) => [name, pick(column)])),
  };
}

function onlyKpi(series: CapacitySeries, asOfMs: number): CapacityKpiAnalysis {
  const [kpi] = analyseCapacity(series, asOfMs).kpis;
  if (kpi === undefined) throw new Error('no KPI analysed');
  return kpi;
}

// 240 hourly rows; volume cycles 800, 900, 1000, 1100, 1200, so the window mean is exactly 1000.
const cyclingVolume = (k: number) => 1000 + 100 * ((k % 5) - 2);
const tenDays = hourly(240);
const endOfTenDays = tenDays[239]!;

function headroomFor(kpi: CapacityKpiSpec & { value: (k: number, volume: number) => number }): number | null {
  return onlyKpi(makeSeries({ timestampMs: tenDays, volume: cyclingVolume, kpis: [kpi] }), endOfTenDays).headroom;
}

describe('headroom against a max SLA', () => {
  it('is the growth at which a rising line reaches the SLA', () => {
    // p95 = 2 + 0.003·volume: 5 ms at 1000, 8 ms at 2000 → +100 %.
    const headroom = headroomFor({ column: 'p95_ms', unit: 'ms', sla: { max: 8 }, value: (_, v) => 2 + 0.003 * v });
    expect(headroom).toBeCloseTo(1, 10);
  });

  it('is null for a flat line', () => {
    expect(headroomFor({ column: 'p95_ms', unit: 'ms', sla: { max: 8 }, value: () => 5 })).toBeNull();
  });

  it('is null for a falling line', () => {
    expect(headroomFor({ column: 'p95_ms', unit: 'ms', sla: { max: 8 }, value: (_, v) => 10 - 0.003 * v })).toBeNull();
  });

  it('is 0 when the line is at or over the SLA at the mean volume', () => {
    const rising = (_: number, v: number) => 2 + 0.003 * v;
    expect(headroomFor({ column: 'p95_ms', unit: 'ms', sla: { max: 4 }, value: rising })).toBe(0);
    expect(headroomFor({ column: 'p95_ms', unit: 'ms', sla: { max: 4 }, value: (_, v) => 10 - 0.003 * v })).toBe(0);
    expect(headroomFor({ column: 'p95_ms', unit: 'ms', sla: { max: 5 }, value: () => 5 })).toBe(0);
  });
});

describe('headroom against a min SLA', () => {
  it('is the growth at which a falling line reaches the SLA', () => {
    // throughput = 500 − 0.1·volume: 400 at 1000, 300 at 2000 → +100 %.
    const headroom = headroomFor({ column: 'tps', unit: 'tps', sla: { min: 300 }, value: (_, v) => 500 - 0.1 * v });
    expect(headroom).toBeCloseTo(1, 10);
  });

  it('is null for a flat or rising line', () => {
    expect(headroomFor({ column: 'tps', unit: 'tps', sla: { min: 300 }, value: () => 400 })).toBeNull();
    expect(headroomFor({ column: 'tps', unit: 'tps', sla: { min: 300 }, value: (_, v) => 300 + 0.1 * v })).toBeNull();
  });

  it('is 0 when the line is already at or under the SLA', () => {
    expect(headroomFor({ column: 'tps', unit: 'tps', sla: { min: 450 }, value: (_, v) => 500 - 0.1 * v })).toBe(0);
    expect(headroomFor({ column: 'tps', unit: 'tps', sla: { min: 400 }, value: () => 400 })).toBe(0);
  });
});

describe('forecasts and prediction intervals', () => {
  // 30 rows, volume 80…120 six times each: x̄ = 100, Sxx = 6·(400 + 100 + 0 + 100 + 400) = 6000.
  // KPI = 1 + 0.02·volume ± 0.1, the sign alternating within each volume level, so the noise
  // is orthogonal to volume: the line is exact, SSE = 30·0.01 = 0.3, Syy = 0.02²·6000 + 0.3 = 2.7.
  const series = makeSeries({
    timestampMs: hourly(30),
    volume: (k) => 100 + 10 * ((k % 5) - 2),
    kpis: [
      {
        column: 'p95_ms',
        unit: 'ms',
        sla: { max: 3.9 },
        value: (k, v) => 1 + 0.02 * v + (Math.floor(k / 5) % 2 === 0 ? 0.1 : -0.1),
      },
    ],
  });
  const analysis = analyseCapacity(series, JAN_1_2026 + 29 * HOUR_MS);
  const kpi = analysis.kpis[0]!;
  const s = Math.sqrt(0.3 / 28);
  const t975With28Df = 2.048407141795244;

  it('reports the regression statistics', () => {
    expect(analysis.volume.mean).toBeCloseTo(100, 12);
    expect(kpi.n).toBe(30);
    expect(kpi.slope).toBeCloseTo(0.02, 14);
    expect(kpi.intercept).toBeCloseTo(1, 12);
    expect(kpi.r2).toBeCloseTo(2.4 / 2.7, 12);
    expect(kpi.r).toBeCloseTo(Math.sqrt(2.4 / 2.7), 12);
    expect(kpi.standardError).toBeCloseTo(s, 12);
    expect(kpi.elasticity).toBeCloseTo((0.02 * 100) / 3, 12);
    expect(kpi.headroom).toBeCloseTo(2.9 / 2 - 1, 12); // 3.9 ms at volume (3.9 − 1)/0.02 = 145
    expect(kpi.lowConfidence).toBe(false);
  });

  it('forecasts at +10/25/50/100 % of the mean volume with the 95 % interval', () => {
    expect(kpi.forecasts.map((f) => f.growth)).toEqual([...forecastGrowths]);
    for (const forecast of kpi.forecasts) {
      const volume = 100 * (1 + forecast.growth);
      const value = 1 + 0.02 * volume;
      const halfWidth = t975With28Df * s * Math.sqrt(1 + 1 / 30 + (volume - 100) ** 2 / 6000);
      expect(forecast.volume).toBeCloseTo(volume, 10);
      expect(forecast.value).toBeCloseTo(value, 10);
      expect(forecast.low).toBeCloseTo(value - halfWidth, 10);
      expect(forecast.high).toBeCloseTo(value + halfWidth, 10);
    }
  });

  it('marks each forecast inside or in breach of the SLA', () => {
    expect(kpi.forecasts.map((f) => [f.growth, f.status])).toEqual([
      [0.1, 'inside'],
      [0.25, 'inside'],
      [0.5, 'breach'],
      [1, 'breach'],
    ]);
  });

  it('describes a forecast in one sentence', () => {
    expect(describeKpiForecast(kpi, 0.25)).toBe('volume +25 % → p95_ms 3.5 ms (3.27–3.73), SLA 3.9 ms: inside');
    expect(describeKpiForecast(kpi, 1)).toBe('volume +100 % → p95_ms 5 ms (4.65–5.35), SLA 3.9 ms: breach');
  });
});

describe('window', () => {
  // Daily rows for 200 days. Days 110…199 (the last 90 before as-of) follow kpi = 1 + 0.01·volume;
  // older days follow another line, and rows after as-of carry absurd values.
  const days = Array.from({ length: 200 }, (_, d) => JAN_1_2026 + d * DAY_MS);
  const asOfMs = days[199]! + 12 * HOUR_MS;
  const late = [asOfMs + HOUR_MS, asOfMs + DAY_MS];
  const series = makeSeries({
    timestampMs: [...days, ...late],
    volume: (k) => (k >= 200 ? 1e9 : 500 + 7 * (k % 11)),
    kpis: [{ column: 'p95_ms', unit: 'ms', sla: { max: 20 }, value: (k, v) => (k >= 200 ? 1e9 : k < 110 ? 50 - 0.03 * v : 1 + 0.01 * v) }],
  });

  it('counts only the last windowDays of rows at or before as-of', () => {
    const analysis = analyseCapacity(series, asOfMs);
    expect(analysis.window).toEqual({ fromMs: days[199]! - 90 * DAY_MS, toMs: days[199]! });
    const kpi = analysis.kpis[0]!;
    expect(kpi.n).toBe(90);
    expect(kpi.slope).toBeCloseTo(0.01, 12);
    expect(kpi.intercept).toBeCloseTo(1, 10);
    expect(analysis.volume.n).toBe(90);
    expect(analysis.volume.trend.n).toBe(90);
  });

  it('honours a shorter window', () => {
    const analysis = analyseCapacity({ ...series, windowDays: 30 }, asOfMs);
    expect(analysis.window.fromMs).toBe(days[199]! - 30 * DAY_MS);
    expect(analysis.kpis[0]!.n).toBe(30);
  });

  it('gives the same answer whatever the row order', () => {
    const sorted = analyseCapacity(series, asOfMs);
    const count = series.timestampMs.length;
    const descending = Array.from({ length: count }, (_, i) => count - 1 - i);
    const shuffled = Array.from({ length: count }, (_, i) => (i * 37) % count); // 37 is coprime with 202
    expect(new Set(shuffled).size).toBe(count);
    const fromDescending = analyseCapacity(permuted(series, descending), asOfMs);
    const fromShuffled = analyseCapacity(permuted(series, shuffled), asOfMs);
    for (const other of [fromDescending, fromShuffled]) {
      expect(other.window).toEqual(sorted.window);
      expect(other.volume.mean).toBeCloseTo(sorted.volume.mean!, 10);
      expect(other.volume.trend.slopePerDay).toBeCloseTo(sorted.volume.trend.slopePerDay!, 10);
      expect(other.kpis[0]!.slope).toBeCloseTo(sorted.kpis[0]!.slope!, 12);
      expect(other.kpis[0]!.n).toBe(sorted.kpis[0]!.n);
    }
  });

  it('ends at as-of with nothing to fit when every row is later', () => {
    const early = days[0]! - DAY_MS;
    const analysis = analyseCapacity(series, early);
    expect(analysis.window).toEqual({ fromMs: early - 90 * DAY_MS, toMs: early });
    expect(analysis.volume).toEqual({ mean: null, n: 0, peak: null, peakHours: 0, trend: { growthPerMonth: null, slopePerDay: null, r2: null, n: 0, lowConfidence: true } });
    const kpi = analysis.kpis[0]!;
    expect(kpi).toMatchObject({ n: 0, slope: null, r2: null, headroom: null, lowConfidence: true, forecasts: [], breachMonth: null });
    expect(describeKpiForecast(kpi, 0.5)).toBe(
      'volume +50 % → p95_ms: no forecast, too few rows with varying volume in the window (n = 0)',
    );
  });

  it('skips rows whose KPI cell is not a number', () => {
    const withGaps = structuredClone(series);
    const kpiColumn = withGaps.columns['p95_ms']!;
    kpiColumn[150] = NaN;
    kpiColumn[151] = NaN;
    const kpi = onlyKpi(withGaps, asOfMs);
    expect(kpi.n).toBe(88);
    expect(kpi.slope).toBeCloseTo(0.01, 12);
  });
});

describe('volume trend and breach month (epoch-ms timestamps)', () => {
  // 90 days of hourly rows from 2026-01-01; volume = 1000 + 2/day. p95 = 2 + 0.003·volume
  // reaches its 8 ms SLA at volume 2000, which the trend reaches on day 500: 2027-05-16.
  const rows = hourly(90 * 24);
  const growingVolume = (perDay: number) => (k: number) => 1000 + (perDay * k) / 24;
  const p95 = (max: number) => ({ column: 'p95_ms', unit: 'ms', sla: { max }, value: (_: number, v: number) => 2 + 0.003 * v });
  const asOfMs = rows[rows.length - 1]!;

  it('regresses daily mean volume on time', () => {
    const analysis = analyseCapacity(makeSeries({ timestampMs: rows, volume: growingVolume(2), kpis: [p95(8)] }), asOfMs);
    const mean = 1000 + (2 * ((90 * 24 - 1) / 2)) / 24;
    expect(analysis.volume.mean).toBeCloseTo(mean, 9);
    expect(analysis.volume.trend.n).toBe(90);
    expect(analysis.volume.trend.slopePerDay).toBeCloseTo(2, 9);
    expect(analysis.volume.trend.r2).toBeCloseTo(1, 12);
    expect(analysis.volume.trend.growthPerMonth).toBeCloseTo((2 * 30.4375) / mean, 12);
  });

  it('projects the month the SLA is crossed, in UTC', () => {
    const kpi = onlyKpi(makeSeries({ timestampMs: rows, volume: growingVolume(2), kpis: [p95(8)] }), asOfMs);
    expect(kpi.headroom).toBeGreaterThan(0);
    expect(kpi.breachMonth).toBe('2027-05');
  });

  it('is null when volume does not grow', () => {
    // 850, 950, 1050, 1150 through every day: each day's mean is exactly 1000.
    const flatVolume = (k: number) => 1000 + 100 * ((k % 4) - 1.5);
    const flat = onlyKpi(makeSeries({ timestampMs: rows, volume: flatVolume, kpis: [p95(8)] }), asOfMs);
    expect(analyseCapacity(makeSeries({ timestampMs: rows, volume: flatVolume, kpis: [] }), asOfMs).volume.trend).toMatchObject({
      slopePerDay: 0,
      growthPerMonth: 0,
    });
    expect(flat.headroom).toBeCloseTo(1, 10);
    expect(flat.breachMonth).toBeNull();
    const shrinking = onlyKpi(makeSeries({ timestampMs: rows, volume: growingVolume(-2), kpis: [p95(8)] }), asOfMs);
    expect(shrinking.headroom).toBeGreaterThan(0);
    expect(shrinking.breachMonth).toBeNull();
  });

  it('is null when the KPI never reaches the SLA', () => {
    const kpi = onlyKpi(
      makeSeries({
        timestampMs: rows,
        volume: growingVolume(2),
        kpis: [{ column: 'p95_ms', unit: 'ms', sla: { max: 8 }, value: (_, v) => 10 - 0.003 * v }],
      }),
      asOfMs,
    );
    expect(kpi.breachMonth).toBeNull();
  });

  it('is the last month of data when the SLA is already reached, or crossed earlier in the window', () => {
    const over = onlyKpi(makeSeries({ timestampMs: rows, volume: growingVolume(2), kpis: [p95(4)] }), asOfMs);
    expect(over.headroom).toBe(0);
    expect(over.breachMonth).toBe('2026-03');
    // Volume 1000 → 2800 over the window, mean ≈ 1900: the 2000 crossing (day 50) already happened.
    const crossed = onlyKpi(makeSeries({ timestampMs: rows, volume: growingVolume(20), kpis: [p95(8)] }), asOfMs);
    expect(crossed.headroom).toBeGreaterThan(0);
    expect(crossed.breachMonth).toBe('2026-03');
  });
});

describe('peak volume (95th percentile of hourly volume)', () => {
  it('takes the 95th percentile over clock hours, each hour the mean of its rows', () => {
    // 20 hours, two rows per hour (10h, 10h + 10): hour means 5, 15, …, 195.
    // p95 at position 19 × 0.95 = 18.05: 185 + 0.05 × (195 − 185) = 185.5.
    const times = Array.from({ length: 40 }, (_, k) => JAN_1_2026 + k * 30 * 60_000);
    const series = makeSeries({ timestampMs: times, volume: (k) => Math.floor(k / 2) * 10 + (k % 2) * 10, kpis: [] });
    const { volume } = analyseCapacity(series, times[39]!);
    expect(volume.peakHours).toBe(20);
    expect(volume.peak).toBeCloseTo(185.5, 12);
  });

  it('says a KPI already crosses its SLA at the peak while the mean still has headroom', () => {
    // Volume 800…1200 cycling: mean 1000, peak 1200 (48 of 240 hours are at 1200, p95 index 227.05).
    // p95 = 2 + 0.003·volume: 5.0 at the mean, 5.6 at the peak; SLA 5.3 → mean headroom +10 %, none at the peak.
    const kpi = headroomKpi(5.3);
    expect(kpi.headroom).toBeCloseTo(0.1, 10);
    expect(kpi.peak).toMatchObject({ volume: 1200, status: 'breach', breachesAtPeak: true, headroom: 0, breachMonth: '2026-01', breachOutlook: 'reached' });
    expect(kpi.peak!.value).toBeCloseTo(5.6, 10);
    // Ten days of data: the volume trend is too short to project the mean's breach month.
    expect(kpi.breachMonth).toBeNull();
    expect(kpi.breachOutlook).toBe('trend-too-weak');
  });

  it('forecasts from the peak and measures headroom over it', () => {
    // SLA 8 is reached at volume 2000: +100 % over the mean, +66.7 % over the 1200 peak.
    const kpi = headroomKpi(8);
    expect(kpi.headroom).toBeCloseTo(1, 10);
    expect(kpi.peak!.headroom).toBeCloseTo(2000 / 1200 - 1, 10);
    expect(kpi.peak!.breachesAtPeak).toBe(false);
    const atHalf = kpi.peak!.forecasts.find((f) => f.growth === 0.5)!;
    expect(atHalf.volume).toBeCloseTo(1800, 9);
    expect(atHalf.value).toBeCloseTo(7.4, 9);
    expect(atHalf.status).toBe('inside');
    expect(kpi.peak!.forecasts.find((f) => f.growth === 1)!.status).toBe('breach');
  });

  function headroomKpi(max: number): CapacityKpiAnalysis {
    return onlyKpi(
      makeSeries({ timestampMs: tenDays, volume: cyclingVolume, kpis: [{ column: 'p95_ms', unit: 'ms', sla: { max }, value: (_, v) => 2 + 0.003 * v }] }),
      endOfTenDays,
    );
  }
});

describe('planning horizon and trend confidence', () => {
  // As in the breach-month block: 90 days from 2026-01-01, volume = 1000 + 2/day, SLA volume 2000
  // reached by the mean on 2027-05-16, 14 calendar months after the window's last month (2026-03).
  const rows = hourly(90 * 24);
  const asOfMs = rows[rows.length - 1]!;
  const p95 = { column: 'p95_ms', unit: 'ms', sla: { max: 8 }, value: (_: number, v: number) => 2 + 0.003 * v };
  const growing = (perDay: number) => makeSeries({ timestampMs: rows, volume: (k) => 1000 + (perDay * k) / 24, kpis: [p95] });

  it('projects a breach month within the horizon and none beyond it', () => {
    expect(analyseCapacity(growing(2), asOfMs, { planningHorizonMonths: 14 }).kpis[0]).toMatchObject({ breachMonth: '2027-05', breachOutlook: 'projected' });
    expect(analyseCapacity(growing(2), asOfMs, { planningHorizonMonths: 13 }).kpis[0]).toMatchObject({ breachMonth: null, breachOutlook: 'beyond-horizon' });
  });

  it('defaults to 36 months, so a slow trend gives no far-future year', () => {
    // +0.05/day: volume 2000 is reached after 20,000 days, around 2080.
    const kpi = analyseCapacity(growing(0.05), asOfMs).kpis[0]!;
    expect(kpi.headroom).toBeGreaterThan(0);
    expect(kpi).toMatchObject({ breachMonth: null, breachOutlook: 'beyond-horizon' });
  });

  it('projects the peak growing in proportion to the mean', () => {
    // Peak = p95 of 2160 hourly volumes 1000 + k/12: position 2159 × 0.95 = 2051.05 → 1000 + 2051.05/12.
    // Mean = 1000 + 1079.5/12. The peak reaches 2000 when the mean reaches mean × 2000 / peak ≈ 1861.7,
    // which the trend (1000 + 2/day from 2026-01-01) reaches on day ≈ 430.9: 2027-03-07.
    const analysis = analyseCapacity(growing(2), asOfMs);
    const peak = 1000 + 2051.05 / 12;
    expect(analysis.volume.peak).toBeCloseTo(peak, 9);
    expect(analysis.kpis[0]!.peak).toMatchObject({ breachMonth: '2027-03', breachOutlook: 'projected' });
  });

  it('projects nothing from a low-confidence volume trend', () => {
    // A slight rise under ±300 day-to-day swings: R² of the daily means far below 0.3.
    const noisy = makeSeries({ timestampMs: rows, volume: (k) => 1000 + (0.5 * k) / 24 + (Math.floor(k / 24) % 2 === 0 ? 300 : -300), kpis: [p95] });
    const analysis = analyseCapacity(noisy, asOfMs);
    expect(analysis.volume.trend.r2).toBeLessThan(0.3);
    expect(analysis.volume.trend.lowConfidence).toBe(true);
    expect(analysis.kpis[0]).toMatchObject({ breachMonth: null, breachOutlook: 'trend-too-weak' });
  });

  it('rejects a negative horizon', () => {
    expect(() => analyseCapacity(growing(2), asOfMs, { planningHorizonMonths: -1 })).toThrow(/planningHorizonMonths/);
  });
});

describe('low confidence', () => {
  it('is flagged below 30 rows even for a perfect fit', () => {
    const kpi = onlyKpi(
      makeSeries({ timestampMs: hourly(25), volume: cyclingVolume, kpis: [{ column: 'p95_ms', unit: 'ms', sla: { max: 8 }, value: (_, v) => 2 + 0.003 * v }] }),
      JAN_1_2026 + 24 * HOUR_MS,
    );
    expect(kpi.r2).toBeCloseTo(1, 12);
    expect(kpi.lowConfidence).toBe(true);
  });

  it('is flagged when R² < 0.3', () => {
    // Noise ±1 alternating within each volume level swamps a 0.001 ms per unit slope.
    const kpi = onlyKpi(
      makeSeries({
        timestampMs: tenDays,
        volume: cyclingVolume,
        kpis: [{ column: 'p95_ms', unit: 'ms', sla: { max: 8 }, value: (k, v) => 4 + 0.001 * (v - 1000) + (Math.floor(k / 5) % 2 === 0 ? 1 : -1) }],
      }),
      endOfTenDays,
    );
    expect(kpi.n).toBe(240);
    expect(kpi.r2).toBeLessThan(0.3);
    expect(kpi.lowConfidence).toBe(true);
    expect(describeKpiForecast(kpi, 0.1)).toMatch(/: inside \(low confidence: R² 0\.\d\d, n = 240\)$/);
  });

  it('is flagged when volume does not vary', () => {
    const kpi = onlyKpi(
      makeSeries({ timestampMs: tenDays, volume: () => 1000, kpis: [{ column: 'p95_ms', unit: 'ms', sla: { max: 8 }, value: (k) => 3 + (k % 3) }] }),
      endOfTenDays,
    );
    expect(kpi).toMatchObject({ n: 240, slope: null, lowConfidence: true, forecasts: [] });
  });
});

describe('input errors', () => {
  const series = makeSeries({ timestampMs: hourly(5), volume: cyclingVolume, kpis: [] });

  it('names a missing column', () => {
    expect(() => analyseCapacity({ ...series, volumeColumn: 'trades' }, JAN_1_2026)).toThrow(
      'capacity series settlement has no column trades',
    );
  });

  it('names a column of the wrong length', () => {
    const short = { ...series, kpis: [{ column: 'p95_ms', unit: 'ms', sla: { max: 5 } }], columns: { ...series.columns, p95_ms: new Float64Array(3) } };
    expect(() => analyseCapacity(short, JAN_1_2026)).toThrow('capacity series settlement: column p95_ms has 3 values for 5 timestamps');
  });

  it('rejects a window that is not positive', () => {
    expect(() => analyseCapacity({ ...series, windowDays: 0 }, JAN_1_2026)).toThrow(RangeError);
  });
});

describe('windowRows', () => {
  const values = Float64Array.of(10, 20, 30, 40, 50);

  it('keeps the window rows, fromMs excluded and toMs included', () => {
    const rows = windowRows(Float64Array.of(1, 2, 3, 4, 5), { fromMs: 2, toMs: 4 });
    expect(rows.count).toBe(2);
    expect([...rows.take(values)]).toEqual([30, 40]);
  });

  it('keeps row order when the timestamps are not sorted', () => {
    const rows = windowRows(Float64Array.of(3, 9, 1, 4, 2), { fromMs: 1, toMs: 4 });
    expect(rows.count).toBe(3);
    expect([...rows.take(values)]).toEqual([10, 40, 50]);
  });

  it('takes nothing from an empty window', () => {
    const rows = windowRows(Float64Array.of(1, 2), { fromMs: 5, toMs: 9 });
    expect(rows.count).toBe(0);
    expect(rows.take(values).length).toBe(0);
  });
});

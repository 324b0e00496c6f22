import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Application, CapacityModel, KpiModel, VolumeProfile } from './catalogue.ts';
import type { GenerationContext } from './context.ts';
import type { Random } from './random.ts';
import { DAY_MS, MINUTE_MS, isoInstant } from './instants.ts';

const MONTH_MS = 30.4375 * DAY_MS;
const MONTHLY_GROWTH = 1.02;
const WINDOW_MS = 90 * DAY_MS;

function bump(hour: number, centre: number, width: number): number {
  const distance = hour - centre;
  return Math.exp(-(distance * distance) / (2 * width * width));
}

/** Share of the daily peak at an instant: trading sessions for FX, office hours for web and batch users. */
function seasonality(profile: VolumeProfile, ms: number): number {
  const date = new Date(ms);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
  const weekday = (date.getUTCDay() + 6) % 7;
  if (profile === 'fx') {
    // FX trades from Sunday 21:00 to Friday 21:00 UTC; streaming carries on at a trickle.
    const closed = weekday === 5 || (weekday === 4 && hour >= 21) || (weekday === 6 && hour < 21);
    if (closed) return 0.25;
    return Math.min(1, 0.45 + 0.2 * bump(hour, 2, 2.5) + 0.35 * bump(hour, 8.5, 2) + 0.55 * bump(hour, 14, 2.2) + 0.15 * bump(hour, 18.5, 1.5));
  }
  if (profile === 'web') {
    const daily = 0.25 + 0.75 * bump(hour, 13.5, 4);
    return weekday >= 5 ? daily * 0.45 : daily;
  }
  const daily = 0.12 + 0.88 * bump(hour, 13, 3.5);
  return weekday >= 5 ? 0.08 : daily;
}

interface Series {
  timestamps: Float64Array;
  volumes: Float64Array;
}

function volumeSeries(model: CapacityModel, startMs: number, stepMs: number, rows: number, historyStartMs: number, random: Random): Series {
  const timestamps = new Float64Array(rows);
  const volumes = new Float64Array(rows);
  let dayKey = -1;
  let dayFactor = 1;
  for (let row = 0; row < rows; row++) {
    const ms = startMs + row * stepMs;
    const day = Math.floor(ms / DAY_MS);
    if (day !== dayKey) {
      dayKey = day;
      // Some days are busy (central bank days, month end), most are ordinary.
      dayFactor = Math.max(0.6, random.normal(1, 0.07)) * (random.chance(0.04) ? random.between(1.25, 1.5) : 1);
    }
    const growth = MONTHLY_GROWTH ** ((ms - historyStartMs) / MONTH_MS);
    const noise = Math.max(0.5, random.normal(1, 0.05));
    timestamps[row] = ms;
    volumes[row] = Math.max(0, Math.round(model.peakVolume * growth * seasonality(model.profile, ms) * dayFactor * noise));
  }
  return { timestamps, volumes };
}

function slaValue(kpi: KpiModel): number {
  return 'max' in kpi.sla ? kpi.sla.max : kpi.sla.min;
}

/** KPI = intercept + slope × volume + noise, with the slope set so the SLA is met at `headroom` growth. */
function kpiFunction(kpi: KpiModel, meanVolume: number, random: Random): (volume: number) => number {
  const ceiling = kpi.unit === '%' ? 100 : Number.POSITIVE_INFINITY;
  if (kpi.flat === true) {
    const floor = kpi.intercept * 0.2;
    return (volume) => Math.min(ceiling, Math.max(floor, kpi.intercept * (1 + 0.04 * (volume / meanVolume)) + random.normal(0, kpi.noiseSd)));
  }
  const slope = (slaValue(kpi) - kpi.intercept) / (meanVolume * (1 + (kpi.headroom ?? 1)));
  return (volume) => Math.min(ceiling, Math.max(0, kpi.intercept + slope * volume + random.normal(0, kpi.noiseSd)));
}

function largestStepMinutes(rows: number, spanMs: number): number {
  for (const minutes of [60, 30, 20, 15, 10, 5, 1]) if (rows * minutes * MINUTE_MS <= spanMs) return minutes;
  return 1;
}

/**
 * Writes one capacity CSV per application with a capacity block. Demo size: hourly rows
 * over the whole history. Benchmark sizes: `totalRows` split evenly across the
 * applications, at the coarsest regular step that fits the history.
 */
export function writeCapacity(context: GenerationContext, directory: string, totalRows: number | undefined): { rows: number; files: number } {
  const apps = context.catalogue.applications.filter((app): app is Application & { capacity: CapacityModel } => app.capacity !== undefined);
  const spanMs = context.endMs - context.startMs;
  let rowsWritten = 0;
  apps.forEach((app, index) => {
    const random = context.stream(`capacity:${app.id}`);
    let rows: number;
    let stepMinutes: number;
    if (totalRows === undefined) {
      stepMinutes = 60;
      rows = Math.floor(spanMs / (60 * MINUTE_MS)) + 1;
    } else {
      rows = Math.floor(totalRows / apps.length) + (index < totalRows % apps.length ? 1 : 0);
      stepMinutes = largestStepMinutes(rows, spanMs);
    }
    const stepMs = stepMinutes * MINUTE_MS;
    const lastMs = Math.floor(context.endMs / stepMs) * stepMs;
    const series = volumeSeries(app.capacity, lastMs - (rows - 1) * stepMs, stepMs, rows, context.startMs, random);

    let windowSum = 0;
    let windowCount = 0;
    for (let row = 0; row < rows; row++) {
      if ((series.timestamps[row] ?? 0) > lastMs - WINDOW_MS) {
        windowSum += series.volumes[row] ?? 0;
        windowCount++;
      }
    }
    const meanVolume = windowCount > 0 ? windowSum / windowCount : 1;
    const kpis = app.capacity.kpis.map((kpi) => ({ kpi, value: kpiFunction(kpi, meanVolume, random) }));

    const header = ['timestamp', app.capacity.volume, ...app.capacity.kpis.map((kpi) => kpi.column)].join(',');
    const lines: string[] = [header];
    let dayKey = -1;
    let dayText = '';
    for (let row = 0; row < rows; row++) {
      const volume = series.volumes[row] ?? 0;
      const ms = series.timestamps[row] ?? 0;
      // Formatting a date per row is the slow part of a 2-million-row export; do it once a day.
      const day = Math.floor(ms / DAY_MS);
      if (day !== dayKey) {
        dayKey = day;
        dayText = isoInstant(day * DAY_MS).slice(0, 11);
      }
      const minuteOfDay = Math.round((ms - day * DAY_MS) / MINUTE_MS);
      const clock = `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}:00Z`;
      let line = `${dayText}${clock},${volume}`;
      for (const { kpi, value } of kpis) line += `,${value(volume).toFixed(kpi.decimals)}`;
      lines.push(line);
    }
    writeFileSync(join(directory, app.capacity.file), `${lines.join('\n')}\n`);
    rowsWritten += rows;
  });
  return { rows: rowsWritten, files: apps.length };
}

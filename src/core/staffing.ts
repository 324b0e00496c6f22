// The staffing forecast: a straight line through the monthly support hours, three months ahead, in hours and FTEs.
import { monthIndex, nextMonth } from './period.ts';
import { ordinaryLeastSquares, predictionInterval } from './regression.ts';
import { compareText } from './compare.ts';

/** A staffing trend with R² below this is no clear trend: its forecast is the recent average more than a direction. */
export const WEAK_TREND_R2 = 0.3;

/** Hours of one month of history. */
export interface MonthHours {
  month: string;
  hours: number;
}

/** Forecast hours of a month with the bounds of a 95 % prediction interval, and the FTEs they need. */
export interface StaffingForecastMonth {
  month: string;
  /** Hours are never negative: a falling trend is cut at zero. */
  hours: number;
  low: number;
  high: number;
  fte: number;
  fteLow: number;
  fteHigh: number;
}

export interface StaffingForecast {
  /** The straight line through the monthly hours; null with fewer than three months. */
  trend: {
    /** Months fitted. */
    n: number;
    /** Hours added (or, negative, removed) each month. */
    hoursPerMonth: number;
    r2: number;
    /** FTEs added each month at that pace. */
    ftePerMonth: number;
  } | null;
  /** The fitted line at each history month, for drawing it. */
  fitted: MonthHours[];
  forecasts: StaffingForecastMonth[];
}

/**
 * A linear forecast of the support hours for the `horizon` months (default 3) after the
 * last month of `history`: ordinary least squares of hours on the month, with a 95 %
 * prediction interval, each also as FTEs (hours ÷ `fteHoursPerMonth`). Pass complete
 * months only: a month-to-date would pull the line down. No forecast with fewer than
 * three months of history or a single distinct month.
 *
 * @example
 * staffingForecast([{ month: '2026-08', hours: 600 }, { month: '2026-09', hours: 650 }, { month: '2026-10', hours: 700 }], 140);
 * // → { trend: { n: 3, hoursPerMonth: 50, r2: 1, ftePerMonth: 0.357 },
 * //     forecasts: [{ month: '2026-11', hours: 750, low: 750, high: 750, fte: 5.36, … }, …], … }
 */
export function staffingForecast(history: readonly MonthHours[], fteHoursPerMonth: number, horizon = 3): StaffingForecast {
  if (!(fteHoursPerMonth > 0)) throw new RangeError(`fteHoursPerMonth must be positive, got ${fteHoursPerMonth}`);
  const ordered = [...history].sort((a, b) => compareText(a.month, b.month));
  const first = ordered[0];
  const lastMonth = ordered[ordered.length - 1]?.month;
  if (first === undefined || lastMonth === undefined) return { trend: null, fitted: [], forecasts: [] };
  const origin = monthIndex(first.month);
  const fit = ordinaryLeastSquares(
    ordered.map((point) => monthIndex(point.month) - origin),
    ordered.map((point) => point.hours),
  );
  if (fit === null) return { trend: null, fitted: [], forecasts: [] };

  const atLeastZero = (hours: number) => Math.max(0, hours);
  const forecasts: StaffingForecastMonth[] = [];
  let month = lastMonth;
  for (let step = 0; step < horizon; step++) {
    month = nextMonth(month);
    const { value, low, high } = predictionInterval(fit, monthIndex(month) - origin, 0.95);
    const hours = atLeastZero(value);
    forecasts.push({
      month,
      hours,
      low: atLeastZero(low),
      high: atLeastZero(high),
      fte: hours / fteHoursPerMonth,
      fteLow: atLeastZero(low) / fteHoursPerMonth,
      fteHigh: atLeastZero(high) / fteHoursPerMonth,
    });
  }
  return {
    trend: { n: fit.n, hoursPerMonth: fit.slope, r2: fit.r2, ftePerMonth: fit.slope / fteHoursPerMonth },
    fitted: ordered.map((point) => ({ month: point.month, hours: fit.intercept + fit.slope * (monthIndex(point.month) - origin) })),
    forecasts,
  };
}

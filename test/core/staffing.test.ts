import { describe, expect, it } from 'vitest';
import { staffingForecast } from '../../src/core/staffing.ts';

describe('staffingForecast', () => {
  it('extends a known linear series by three months, with FTEs', () => {
    const history = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'].map((month, i) => ({
      month,
      hours: 280 + 14 * i,
    }));
    const forecast = staffingForecast(history, 140);
    expect(forecast.trend?.n).toBe(9);
    expect(forecast.trend?.hoursPerMonth).toBeCloseTo(14, 9);
    expect(forecast.trend?.ftePerMonth).toBeCloseTo(0.1, 9);
    expect(forecast.trend?.r2).toBeCloseTo(1, 9);
    expect(forecast.forecasts.map((f) => f.month)).toEqual(['2027-01', '2027-02', '2027-03']);
    const [january, , march] = forecast.forecasts;
    expect(january?.hours).toBeCloseTo(406, 6);
    expect(january?.fte).toBeCloseTo(2.9, 9);
    expect(march?.hours).toBeCloseTo(434, 6);
    expect(march?.low).toBeCloseTo(434, 6);
    expect(march?.high).toBeCloseTo(434, 6);
    expect(forecast.fitted[8]?.hours).toBeCloseTo(392, 6);
  });

  it('widens the interval with scatter and keeps the estimate on the line', () => {
    const hours = [100, 130, 110, 150, 130, 170];
    const forecast = staffingForecast(hours.map((h, i) => ({ month: `2026-0${i + 1}`, hours: h })), 100);
    const next = forecast.forecasts[0]!;
    expect(next.month).toBe('2026-07');
    expect(next.low).toBeLessThan(next.hours);
    expect(next.high).toBeGreaterThan(next.hours);
    expect(next.fteHigh).toBeCloseTo(next.high / 100, 12);
  });

  it('never forecasts negative hours', () => {
    const falling = staffingForecast([{ month: '2026-01', hours: 300 }, { month: '2026-02', hours: 200 }, { month: '2026-03', hours: 100 }], 140, 3);
    expect(falling.forecasts.map((f) => f.hours)).toEqual([0, 0, 0]);
  });

  it('gives no forecast with fewer than three months', () => {
    expect(staffingForecast([{ month: '2026-01', hours: 10 }, { month: '2026-02', hours: 20 }], 140)).toEqual({ trend: null, fitted: [], forecasts: [] });
    expect(staffingForecast([], 140).forecasts).toEqual([]);
  });
});

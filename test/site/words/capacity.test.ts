// The capacity analysis in words: the forecast sentence a manager quotes and the headroom texts.
import { describe, expect, it } from 'vitest';
import type { CapacityKpiAnalysis } from '../../../src/core/capacity.ts';
import { describeKpiForecast, headroomText } from '../../../src/site/words/capacity.ts';

describe('describeKpiForecast', () => {
  const base: CapacityKpiAnalysis = {
    column: 'p95_ms',
    unit: 'ms',
    sla: { kind: 'max', value: 5 },
    n: 2160,
    intercept: 1,
    slope: 0.002,
    r2: 0.81,
    r: 0.9,
    elasticity: 0.6,
    standardError: 0.2,
    headroom: 0.9,
    lowConfidence: false,
    forecasts: [{ growth: 0.5, volume: 1500, value: 4.1, low: 3.6, high: 4.6, status: 'inside' }],
    breachMonth: null,
    breachOutlook: 'not-growing',
    peak: null,
  };

  it('quotes value, interval, SLA and status', () => {
    expect(describeKpiForecast(base, 0.5)).toBe('volume +50 % → p95_ms 4.1 ms (3.6–4.6), SLA 5 ms: inside');
  });

  it('says ≥ for a min SLA', () => {
    const throughput: CapacityKpiAnalysis = {
      ...base,
      column: 'throughput',
      unit: 'tps',
      sla: { kind: 'min', value: 200 },
      forecasts: [{ growth: 0.5, volume: 1500, value: 181.234, low: 152.9, high: 209.61, status: 'breach' }],
    };
    expect(describeKpiForecast(throughput, 0.5)).toBe('volume +50 % → throughput 181 tps (153–210), SLA ≥ 200 tps: breach');
  });

  it('shows enough digits to tell the value from the SLA', () => {
    const close: CapacityKpiAnalysis = {
      ...base,
      sla: { kind: 'max', value: 250 },
      forecasts: [{ growth: 0.5, volume: 1500, value: 249.7, low: 240.12, high: 259.3, status: 'inside' }],
    };
    expect(describeKpiForecast(close, 0.5)).toBe('volume +50 % → p95_ms 249.7 ms (240.1–259.3), SLA 250 ms: inside');
  });

  it('handles large and small magnitudes, negative bounds and a missing unit', () => {
    const large: CapacityKpiAnalysis = {
      ...base,
      unit: '',
      sla: { kind: 'max', value: 20000 },
      forecasts: [{ growth: 0.5, volume: 1500, value: 12345.6, low: -310.2, high: 25001, status: 'inside' }],
    };
    expect(describeKpiForecast(large, 0.5)).toBe('volume +50 % → p95_ms 12346 (-310 to 25001), SLA 20000: inside');
    const small: CapacityKpiAnalysis = {
      ...base,
      unit: 's',
      sla: { kind: 'max', value: 0.005 },
      forecasts: [{ growth: 0.5, volume: 1500, value: 0.0041234, low: 0.0036, high: 0.0046, status: 'inside' }],
    };
    expect(describeKpiForecast(small, 0.5)).toBe('volume +50 % → p95_ms 0.00412 s (0.0036–0.0046), SLA 0.005 s: inside');
  });

  it('rejects a growth that was not forecast', () => {
    expect(() => describeKpiForecast(base, 0.3)).toThrow(new RangeError('no forecast for volume +30 %; forecasts exist for +50 %'));
    // The page's growth format: one decimal at most.
    expect(() => describeKpiForecast(base, 0.1234)).toThrow(new RangeError('no forecast for volume +12.3 %; forecasts exist for +50 %'));
  });
});

describe('headroomText', () => {
  it('is short for tables and npm run diff', () => {
    expect(headroomText(0.372, true)).toBe('+37.2 %');
    expect(headroomText(0, true)).toBe('none');
    expect(headroomText(null, true)).toBe('not reached');
    expect(headroomText(null, false)).toBe('unknown');
  });

  it('says why there is no number, and over which volume, when asked for the long text', () => {
    const mean = { over: 'mean', slaVolumeText: '1,875 trades' } as const;
    const peak = { over: 'peak', slaVolumeText: '2,200 trades' } as const;
    expect(headroomText(0.25, true, mean)).toBe('+25 % volume (to 1,875 trades)');
    expect(headroomText(0.1, true, peak)).toBe('+10 % over the peak (to 2,200 trades)');
    expect(headroomText(0.25, true, { over: 'mean', slaVolumeText: null })).toBe('+25 % volume');
    expect(headroomText(0, true, mean)).toBe('none: the fitted KPI is already at or past its SLA');
    expect(headroomText(0, true, peak)).toBe('none: the fitted KPI is already at or past its SLA at the peak');
    expect(headroomText(null, true, mean)).toBe('not reached: the KPI does not move towards its SLA as volume grows');
    expect(headroomText(null, false, mean)).toBe('unknown: no fit');
    expect(headroomText(null, false, peak)).toBe('unknown: no fit or no peak');
  });
});

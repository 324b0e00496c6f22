import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityText, formatGrowth, formatTenths, truncatePercent } from '../../src/site/words/percent.ts';

describe('truncatePercent', () => {
  it('truncates, never rounds up', () => {
    expect(truncatePercent(0.99895)).toBe('99.89');
    expect(truncatePercent(0.99999999)).toBe('99.99');
    expect(truncatePercent(0.9940476190476191)).toBe('99.40');
    expect(truncatePercent(0.99988095, 3)).toBe('99.988');
  });

  it('is not fooled by float error just below an exact value', () => {
    expect(truncatePercent(0.9994)).toBe('99.94');
    expect(truncatePercent(0.999)).toBe('99.90');
    expect(truncatePercent(0.29)).toBe('29.00');
    expect(truncatePercent((10_080 - 6.000000000000001) / 10_080)).toBe('99.94');
  });

  it('pads and honours the number of decimals', () => {
    expect(truncatePercent(1)).toBe('100.00');
    expect(truncatePercent(0.5, 0)).toBe('50');
    expect(truncatePercent(0.123456789, 4)).toBe('12.3456');
    expect(truncatePercent(0.0001, 3)).toBe('0.010');
  });

  it('truncates negative values toward zero', () => {
    expect(truncatePercent(-0.00001)).toBe('0.00');
    expect(truncatePercent(-0.12345)).toBe('-12.34');
  });

  it('rejects values it cannot show', () => {
    expect(() => truncatePercent(Number.NaN)).toThrow(RangeError);
    expect(() => truncatePercent(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => truncatePercent(0.5, 10)).toThrow(RangeError);
    expect(() => truncatePercent(0.5, 1.5)).toThrow(RangeError);
  });

  it('never shows more than the value nor drops a whole last digit', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 6 }), (fraction, decimals) => {
        const shown = Number(truncatePercent(fraction, decimals));
        expect(shown).toBeLessThanOrEqual(fraction * 100 + 1e-9);
        expect(shown).toBeGreaterThan(fraction * 100 - 10 ** -decimals - 1e-9);
      }),
    );
  });
});

describe('formatTenths', () => {
  it('rounds to one decimal and groups thousands, as the report and npm run diff print minutes', () => {
    expect(formatTenths(1234.54)).toBe('1,234.5');
    expect(formatTenths(1234.55)).toBe('1,234.6');
    expect(formatTenths(90)).toBe('90.0');
    expect(formatTenths(15810)).toBe('15,810.0');
    expect(formatTenths(1_000_000)).toBe('1,000,000.0');
  });
});

describe('formatGrowth', () => {
  it('signs the growth and keeps at most one decimal', () => {
    expect([formatGrowth(0.5), formatGrowth(0.0361), formatGrowth(-0.1), formatGrowth(1)]).toEqual(['+50 %', '+3.6 %', '−10 %', '+100 %']);
    expect(formatGrowth(0.37249)).toBe('+37.2 %');
  });

  it('groups thousands for growth far past the forecasts', () => {
    expect(formatGrowth(15.5)).toBe('+1,550 %');
  });

  it('truncates, so a headroom is never overstated, and float noise does not cost a tenth', () => {
    expect([formatGrowth(0.0996), formatGrowth(0.0369), formatGrowth(-0.0999), formatGrowth(0.29), formatGrowth(0.07)]).toEqual(['+9.9 %', '+3.6 %', '−9.9 %', '+29 %', '+7 %']);
    expect(formatGrowth(0.00049)).toBe('+0 %');
  });

  it('keeps the whole percent of a growth too large for tenths', () => {
    expect(formatGrowth(1e6)).toBe('+100,000,000 %');
    expect(formatGrowth(123456789.987)).toBe('+12,345,678,998 %');
  });
});

describe('availabilityText', () => {
  it('truncates to two decimals and shows a dash when there is nothing to measure', () => {
    expect(availabilityText(0.99949)).toBe('99.94 %');
    expect(availabilityText(null)).toBe('—');
  });
});

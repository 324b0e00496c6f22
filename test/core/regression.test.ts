import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ordinaryLeastSquares, predictionInterval } from '../../src/core/regression.ts';

interface NistDataset {
  x: number[];
  y: number[];
  certified: {
    intercept: number;
    interceptSd: number;
    slope: number;
    slopeSd: number;
    residualSd: number;
    r2: number;
  };
}

/** Reads a NIST StRD two-parameter .dat file: data by the header's line range, certified values by label. */
function readNistDataset(name: string): NistDataset {
  const text = readFileSync(new URL(`../fixtures/nist/${name}`, import.meta.url), 'latin1');
  const lines = text.split(/\r?\n/);
  const range = /Data\s+\(lines (\d+) to (\d+)\)/.exec(text);
  if (range === null) throw new Error(`${name}: no data line range in header`);
  const first = Number(range[1]);
  const last = Number(range[2]);
  const x: number[] = [];
  const y: number[] = [];
  for (let line = first; line <= last; line++) {
    const [yText, xText] = (lines[line - 1] ?? '').trim().split(/\s+/);
    y.push(Number(yText));
    x.push(Number(xText));
  }
  const certified = (pattern: RegExp): [number, number] => {
    const match = pattern.exec(text);
    if (match === null) throw new Error(`${name}: no certified value for ${pattern}`);
    return [Number(match[1]), Number(match[2])];
  };
  const [intercept, interceptSd] = certified(/^\s*B0\s+(\S+)\s+(\S+)/m);
  const [slope, slopeSd] = certified(/^\s*B1\s+(\S+)\s+(\S+)/m);
  const [residualSd] = certified(/Standard Deviation\s+(\S+)()\s*$/m);
  const [r2] = certified(/R-Squared\s+(\S+)()/);
  return { x, y, certified: { intercept, interceptSd, slope, slopeSd, residualSd, r2 } };
}

function expectRelative(actual: number, expected: number, tolerance: number): void {
  const error = Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

const norris = readNistDataset('Norris.dat');

describe('ordinaryLeastSquares against NIST StRD Norris', () => {
  it('reads all 36 observations and the certified values', () => {
    expect(norris.x).toHaveLength(36);
    expect(norris.x.every(Number.isFinite) && norris.y.every(Number.isFinite)).toBe(true);
    expect(norris.certified.slope).toBe(1.00211681802045);
    expect(norris.certified.slopeSd).toBe(0.429796848199937e-3);
  });

  it('matches every certified statistic to 1e-10 relative', () => {
    const fit = ordinaryLeastSquares(norris.x, norris.y);
    expect(fit).not.toBeNull();
    const { certified } = norris;
    expect(fit!.n).toBe(36);
    expectRelative(fit!.slope, certified.slope, 1e-10);
    expectRelative(fit!.intercept, certified.intercept, 1e-10);
    expectRelative(fit!.slopeStandardError, certified.slopeSd, 1e-10);
    expectRelative(fit!.interceptStandardError, certified.interceptSd, 1e-10);
    expectRelative(fit!.residualStandardError, certified.residualSd, 1e-10);
    expectRelative(fit!.r2, certified.r2, 1e-10);
    expectRelative(fit!.r, Math.sqrt(certified.r2), 1e-10);
  });

  it('keeps slope, R² and residual SD when 1e9 is added to x, and moves the intercept by −slope·1e9', () => {
    const shiftedX = norris.x.map((x) => x + 1e9);
    const shifted = ordinaryLeastSquares(shiftedX, norris.y)!;
    const { certified } = norris;
    expectRelative(shifted.slope, certified.slope, 1e-10);
    expectRelative(shifted.r2, certified.r2, 1e-10);
    expectRelative(shifted.intercept, certified.intercept - certified.slope * 1e9, 1e-6);
    // x + 1e9 rounds each x to the 1.2e-7 spacing of doubles near 1e9: the data move by ~1e-8 relative.
    expectRelative(shifted.residualStandardError, certified.residualSd, 1e-7);
    expectRelative(shifted.slopeStandardError, certified.slopeSd, 1e-7);
    // The same rounded x brought back near zero (the subtraction is exact) must give the same fit.
    const rounded = ordinaryLeastSquares(
      shiftedX.map((x) => x - 1e9),
      norris.y,
    )!;
    expectRelative(shifted.slope, rounded.slope, 1e-12);
    expectRelative(shifted.residualStandardError, rounded.residualStandardError, 1e-12);
    expectRelative(shifted.slopeStandardError, rounded.slopeStandardError, 1e-12);
    expectRelative(shifted.r2, rounded.r2, 1e-14);
    expectRelative(shifted.intercept, rounded.intercept - rounded.slope * 1e9, 1e-12);
  });
});

describe('ordinaryLeastSquares with epoch milliseconds', () => {
  // Hourly points from 2023-11-14; y = 12.5 + 0.75 per hour, plus a ±0.2 pattern (+ − − +)
  // that sums to zero and is orthogonal to x over every block of four, so the line is exact.
  const start = 1.7e12;
  const hourMs = 3.6e6;
  const n = 48;
  const noise = 0.2;
  const x = Array.from({ length: n }, (_, k) => start + k * hourMs);
  const y = Array.from({ length: n }, (_, k) => 12.5 + 0.75 * k + (k % 4 === 0 || k % 4 === 3 ? noise : -noise));
  const slope = 0.75 / hourMs;

  it('recovers the known line', () => {
    const fit = ordinaryLeastSquares(x, y)!;
    expectRelative(fit.slope, slope, 1e-10);
    expectRelative(fit.intercept, 12.5 - slope * start, 1e-9);
    expectRelative(fit.meanX, start + ((n - 1) / 2) * hourMs, 1e-15);
  });

  it('gives the hand-computed residual SD, R² and slope SE', () => {
    const fit = ordinaryLeastSquares(x, y)!;
    const sse = n * noise * noise;
    const sumSquaresK = (n * (n * n - 1)) / 12;
    const syy = 0.75 * 0.75 * sumSquaresK + sse;
    expectRelative(fit.residualStandardError, Math.sqrt(sse / (n - 2)), 1e-10);
    expectRelative(fit.r2, 1 - sse / syy, 1e-12);
    expectRelative(fit.sxx, sumSquaresK * hourMs * hourMs, 1e-12);
    expectRelative(fit.slopeStandardError, Math.sqrt(sse / (n - 2)) / (Math.sqrt(sumSquaresK) * hourMs), 1e-10);
  });

  it('accepts typed arrays', () => {
    expect(ordinaryLeastSquares(Float64Array.from(x), Float64Array.from(y))).toEqual(ordinaryLeastSquares(x, y));
  });
});

describe('ordinaryLeastSquares edge cases', () => {
  it('returns null for empty input, one or two points', () => {
    expect(ordinaryLeastSquares([], [])).toBeNull();
    expect(ordinaryLeastSquares([1], [2])).toBeNull();
    expect(ordinaryLeastSquares([1, 2], [2, 4])).toBeNull();
  });

  it('returns null when x does not vary', () => {
    expect(ordinaryLeastSquares([0.1, 0.1, 0.1, 0.1], [1, 2, 3, 4])).toBeNull();
    expect(ordinaryLeastSquares([1.7e12, 1.7e12, 1.7e12], [1, 2, 3])).toBeNull();
  });

  it('skips pairs where x or y is not finite', () => {
    const fit = ordinaryLeastSquares([1, 2, NaN, 3, 4, 5], [3, 5, 100, 7, Infinity, 11])!;
    expect(fit.n).toBe(4);
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(1, 12);
    expect(ordinaryLeastSquares([1, 2, NaN], [1, 2, 3])).toBeNull();
  });

  it('defines r2 and r as 0 when y does not vary', () => {
    const fit = ordinaryLeastSquares([1, 2, 3, 4], [7, 7, 7, 7])!;
    expect(fit).toMatchObject({ slope: 0, intercept: 7, r2: 0, r: 0, residualStandardError: 0 });
  });

  it('gives r2 = 1 and a negative r for an exact falling line', () => {
    const fit = ordinaryLeastSquares([1, 2, 3, 4], [8, 6, 4, 2])!;
    expect(fit.r).toBeCloseTo(-1, 15);
    expect(fit.r2).toBeCloseTo(1, 15);
    expect(fit.residualStandardError).toBe(0);
  });

  it('throws when x and y differ in length', () => {
    expect(() => ordinaryLeastSquares([1, 2, 3], [1, 2])).toThrow(new RangeError('x has 3 values but y has 2'));
  });
});

describe('predictionInterval', () => {
  // x̄ = 3, Sxx = 10, Sxy = 19.9 → b = 1.99, a = 0.05; residuals 0.06, −0.13, 0.18, −0.21, 0.10 → SSE = 0.107.
  const fit = ordinaryLeastSquares([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1])!;
  const s = Math.sqrt(0.107 / 3);

  it('matches the hand computation at 95 % (t(0.975, 3) = 3.182446305284263)', () => {
    const { value, low, high } = predictionInterval(fit, 6);
    const halfWidth = 3.182446305284263 * s * Math.sqrt(1 + 1 / 5 + 9 / 10);
    expectRelative(value, 11.99, 1e-14);
    expectRelative(low, 11.99 - halfWidth, 1e-12);
    expectRelative(high, 11.99 + halfWidth, 1e-12);
  });

  it('matches the hand computation at 90 % and at the mean (t(0.95, 3) = 2.353363434801823)', () => {
    const { value, low, high } = predictionInterval(fit, 3, 0.9);
    const halfWidth = 2.353363434801823 * s * Math.sqrt(1 + 1 / 5);
    expectRelative(value, 6.02, 1e-14);
    expectRelative(high - value, halfWidth, 1e-12);
    expectRelative(value - low, halfWidth, 1e-12);
  });

  it('has zero width for an exact fit', () => {
    const exact = ordinaryLeastSquares([1, 2, 3], [2, 4, 6])!;
    expect(predictionInterval(exact, 10)).toEqual({ value: 20, low: 20, high: 20 });
  });

  it('rejects a confidence outside (0, 1)', () => {
    expect(() => predictionInterval(fit, 1, 1)).toThrow(RangeError);
    expect(() => predictionInterval(fit, 1, 0)).toThrow(RangeError);
    expect(() => predictionInterval(fit, 1, 95)).toThrow(RangeError);
  });
});

describe('ordinaryLeastSquares properties', () => {
  const distinctIntegers = fc.uniqueArray(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 3, maxLength: 60 });

  it('recovers a and b from points exactly on y = a + b·x, even far from zero', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.integer({ min: -1e9, max: 1e9 }),
        distinctIntegers,
        (a, b, offset, ks) => {
          const x = ks.map((k) => offset + k);
          const y = x.map((xi) => a + b * xi);
          const fit = ordinaryLeastSquares(x, y)!;
          const scale = Math.abs(a) + Math.abs(b) * Math.max(...x.map(Math.abs));
          expect(Math.abs(fit.slope - b)).toBeLessThanOrEqual(1e-9 * (Math.abs(b) + scale / 1e4));
          // The intercept is extrapolated from x ≈ offset back to 0: one rounding of y (ε·|y|) moves the slope by
          // up to ε·|y| per unit of x, and that comes back |x| times larger at x = 0.
          const extrapolated = 16 * Number.EPSILON * Math.max(...y.map(Math.abs)) * Math.max(...x.map(Math.abs));
          expect(Math.abs(fit.intercept - a)).toBeLessThanOrEqual(1e-9 * scale + 1e-12 + extrapolated);
          expect(fit.residualStandardError).toBeLessThanOrEqual(1e-9 * scale + 1e-12);
        },
      ),
    );
  });

  it('keeps r2 within [0, 1] and r within [−1, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
          maxLength: 50,
        }),
        (pairs) => {
          const fit = ordinaryLeastSquares(
            pairs.map(([x]) => x),
            pairs.map(([, y]) => y),
          );
          if (fit === null) return;
          expect(fit.r2).toBeGreaterThanOrEqual(0);
          expect(fit.r2).toBeLessThanOrEqual(1);
          expect(Math.abs(fit.r)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('keeps the slope, R² and residual SD when x is shifted', () => {
    fc.assert(
      fc.property(
        distinctIntegers,
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: -2e12, max: 2e12 }),
        (x, ys, shift) => {
          const y = ys.slice(0, x.length);
          const fit = ordinaryLeastSquares(x, y)!;
          const shifted = ordinaryLeastSquares(
            x.map((xi) => xi + shift),
            y,
          )!;
          const slopeScale = Math.abs(fit.slope) + fit.slopeStandardError + 1e-12;
          // x + shift is stored to the spacing of doubles near it (ε·|x + shift|): relative to the spread of x, that
          // is how well the shifted data still say where each point lies, and no fit can do better than it.
          const spreadX = Math.max(...x) - Math.min(...x);
          const conditioning = (Number.EPSILON * Math.max(...x.map((xi) => Math.abs(xi + shift)))) / spreadX;
          const relative = 1e-9 + 16 * conditioning;
          expect(Math.abs(shifted.slope - fit.slope)).toBeLessThanOrEqual(relative * slopeScale);
          expect(Math.abs(shifted.r2 - fit.r2)).toBeLessThanOrEqual(relative);
          expect(Math.abs(shifted.residualStandardError - fit.residualStandardError)).toBeLessThanOrEqual(
            relative * (fit.residualStandardError + 1e-12),
          );
        },
      ),
    );
  });
});

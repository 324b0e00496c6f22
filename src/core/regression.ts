import quantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * A straight line y = intercept + slope·x fitted by ordinary least squares, with the
 * statistics a capacity planner quotes. Units follow the inputs: `slope` is y-units per
 * x-unit, `intercept` and `residualStandardError` are y-units.
 */
export interface LinearFit {
  /** Pairs used: both x and y finite. */
  n: number;
  intercept: number;
  slope: number;
  /** Coefficient of determination, 0–1; 0 when y does not vary (nothing to explain). */
  r2: number;
  /** Pearson correlation, −1–1; 0 when y does not vary. */
  r: number;
  /** s = √(SSE / (n − 2)), in y-units. */
  residualStandardError: number;
  slopeStandardError: number;
  interceptStandardError: number;
  meanX: number;
  meanY: number;
  /** Σ(x − x̄)², in x-units². */
  sxx: number;
}

/** A forecast with the bounds of its prediction interval, in y-units. */
export interface PredictionInterval {
  value: number;
  low: number;
  high: number;
}

/**
 * Fits y = a + b·x by ordinary least squares.
 *
 * Centred sums (the corrected two-pass method of Chan, Golub and LeVeque) keep the result
 * exact when x sits far from zero, e.g. epoch milliseconds; the residual sum of squares is
 * summed from the residuals themselves rather than by subtraction, so near-perfect fits
 * keep their digits.
 *
 * Pairs where x or y is not finite (NaN, ±Infinity) are skipped and not counted in `n`.
 * Returns `null` for a degenerate fit: fewer than 3 usable pairs (no residual degrees of
 * freedom) or x without variance (every usable x equal). When y does not vary the fit is
 * the flat line y = ȳ with `r2` and `r` defined as 0: x explains none of the variation.
 *
 * @throws RangeError when x and y differ in length.
 * @example
 * ordinaryLeastSquares([1, 2, 3, 4], [3, 5, 7, 9]);
 * // → { n: 4, intercept: 1, slope: 2, r2: 1, r: 1, residualStandardError: 0, … }
 */
export function ordinaryLeastSquares(x: ArrayLike<number>, y: ArrayLike<number>): LinearFit | null {
  const length = x.length;
  if (y.length !== length) {
    throw new RangeError(`x has ${length} values but y has ${y.length}`);
  }

  let n = 0;
  let sumX = 0;
  let sumY = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let i = 0; i < length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    n++;
    sumX += xi;
    sumY += yi;
    if (xi < minX) minX = xi;
    if (xi > maxX) maxX = xi;
  }
  if (n < 3 || minX === maxX) return null;

  const roughMeanX = sumX / n;
  const roughMeanY = sumY / n;
  let sumDx = 0;
  let sumDy = 0;
  let sumDxDx = 0;
  let sumDxDy = 0;
  let sumDyDy = 0;
  for (let i = 0; i < length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    const dx = xi - roughMeanX;
    const dy = yi - roughMeanY;
    sumDx += dx;
    sumDy += dy;
    sumDxDx += dx * dx;
    sumDxDy += dx * dy;
    sumDyDy += dy * dy;
  }
  // The deviation sums would be 0 with exact means; they correct the rounding in the means.
  const meanX = roughMeanX + sumDx / n;
  const meanY = roughMeanY + sumDy / n;
  const sxx = sumDxDx - (sumDx * sumDx) / n;
  const sxy = sumDxDy - (sumDx * sumDy) / n;
  const syy = Math.max(0, sumDyDy - (sumDy * sumDy) / n);

  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;

  let sse = 0;
  for (let i = 0; i < length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    const residual = yi - meanY - slope * (xi - meanX);
    sse += residual * residual;
  }

  // Square roots taken apart: sxx·syy can underflow to 0 when y varies by tiny amounts.
  const rawR = syy > 0 ? sxy / (Math.sqrt(sxx) * Math.sqrt(syy)) : 0;
  const r = Number.isFinite(rawR) ? Math.max(-1, Math.min(1, rawR)) : 0;
  const residualStandardError = Math.sqrt(sse / (n - 2));
  return {
    n,
    intercept,
    slope,
    r2: r * r,
    r,
    residualStandardError,
    slopeStandardError: residualStandardError / Math.sqrt(sxx),
    interceptStandardError: residualStandardError * Math.sqrt(1 / n + (meanX * meanX) / sxx),
    meanX,
    meanY,
    sxx,
  };
}

/**
 * The fitted value at `x0` with its prediction interval for one new observation:
 * ŷ ± t(1 − α/2, n − 2) · s · √(1 + 1/n + (x0 − x̄)² / Sxx), Student-t with n − 2 degrees
 * of freedom. `confidence` is a fraction (0.95 for 95 %).
 *
 * @throws RangeError when `confidence` is not strictly between 0 and 1.
 * @example
 * const fit = ordinaryLeastSquares([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1])!;
 * predictionInterval(fit, 6); // → { value: 11.99, low: 11.12, high: 12.86 } (rounded)
 */
export function predictionInterval(fit: LinearFit, x0: number, confidence = 0.95): PredictionInterval {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  }
  const dx = x0 - fit.meanX;
  const value = fit.meanY + fit.slope * dx;
  const t = quantile(1 - (1 - confidence) / 2, fit.n - 2);
  const halfWidth = t * fit.residualStandardError * Math.sqrt(1 + 1 / fit.n + (dx * dx) / fit.sxx);
  return { value, low: value - halfWidth, high: value + halfWidth };
}

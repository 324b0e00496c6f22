// Percentages for people: truncated, never rounded up, and growth with its sign.
const NANO_PERCENT_PER_FRACTION = 1e11;

/**
 * A fraction as a percentage for people, truncated to `decimals` places (0–9), never rounded up:
 * a 99.895 % month must not show as a compliant 99.90. Float noise below 1e-9 % is rounded away
 * first, so 0.9994 shows as 99.94 and not 99.93. Negative values truncate toward zero.
 *
 * @example truncatePercent(0.99895) // '99.89'
 * @example truncatePercent(0.99988095, 3) // '99.988'
 */
export function truncatePercent(fraction: number, decimals = 2): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 9) {
    throw new RangeError(`decimals must be an integer from 0 to 9, got ${decimals}`);
  }
  const nanoPercent = Math.round(fraction * NANO_PERCENT_PER_FRACTION);
  if (!Number.isSafeInteger(nanoPercent)) throw new RangeError(`Cannot show ${fraction} as a percentage`);
  // Integer arithmetic from here: no float can tip a digit.
  const kept = Math.floor(Math.abs(nanoPercent) / 10 ** (9 - decimals));
  const scale = 10 ** decimals;
  const whole = String(Math.floor(kept / scale));
  const sign = nanoPercent < 0 && kept > 0 ? '-' : '';
  return decimals === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(kept % scale).padStart(decimals, '0')}`;
}

/**
 * Availability for people: truncated to two decimals, never rounded up to a target it missed; '—' without a figure.
 *
 * @example availabilityText(0.99949) // '99.94 %'
 */
export function availabilityText(availability: number | null): string {
  return availability === null ? '—' : `${truncatePercent(availability)} %`;
}

// One formatter: toLocaleString with options builds a new one on every call.
const groupedTenths = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A quantity for people with one decimal, rounded half up, and thousands separators: the lost and
 * scheduled minutes of the report, the page and `npm run diff` alike.
 *
 * @example formatTenths(1234.54) // '1,234.5'
 * @example formatTenths(90) // '90.0'
 */
export function formatTenths(value: number): string {
  return groupedTenths.format(Math.round(value * 10) / 10);
}

const growthPercent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * A volume growth (a fraction) as a signed percentage with at most one decimal, thousands grouped: the
 * capacity page, its forecast sentences and `npm run diff` print growth and headroom alike. Truncated like
 * every percentage shown to people: a headroom of 9.96 % shows as +9.9 %, never as +10 %. A growth too large
 * for tenths (a nearly flat KPI puts its SLA billions of percent away) keeps its whole percent.
 *
 * @example formatGrowth(0.5) // '+50 %'
 * @example formatGrowth(0.0369) // '+3.6 %'
 * @example formatGrowth(-0.1) // '−10 %'
 */
export function formatGrowth(growth: number): string {
  const magnitude = Math.abs(growth);
  const percent = Number.isSafeInteger(Math.round(magnitude * NANO_PERCENT_PER_FRACTION)) ? Number(truncatePercent(magnitude, 1)) : Math.trunc(magnitude * 100);
  return `${growth < 0 ? '−' : '+'}${growthPercent.format(percent)} %`;
}

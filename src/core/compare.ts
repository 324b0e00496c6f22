// Ordering of text, the one way the site sorts ids, names and keys: by UTF-16 code unit, as `<` compares, so the
// order is the same on every machine and locale (localeCompare is not).

/**
 * Compares two strings by code unit: negative when `a` sorts first, positive when `b` does, 0 when equal.
 * For `Array.prototype.sort`, and for chaining with `||` after a numeric comparison.
 *
 * @example ['b', 'a', 'B'].sort(compareText) // ['B', 'a', 'b']
 * @example rows.sort((x, y) => y.minutes - x.minutes || compareText(x.customer, y.customer))
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

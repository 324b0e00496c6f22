// The one binary search: where a sorted list stops holding to a test.

/**
 * The first index of `sorted` whose item passes `isPast`, or its length when none does; `isPast` must fail for a
 * prefix of the list and pass for the rest.
 *
 * @example firstIndexWhere([1, 3, 5, 7], (n) => n >= 4) // 2
 */
export function firstIndexWhere<T>(sorted: readonly T[], isPast: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isPast(sorted[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The first index of `sorted` (ascending by `key`) whose key is at least `value`; the length when none is.
 *
 * @example lowerBound([{ at: 1 }, { at: 3 }, { at: 5 }], 3, (item) => item.at) // 1
 */
export function lowerBound<T>(sorted: readonly T[], value: number | string, key: (item: T) => number | string): number {
  return firstIndexWhere(sorted, (item) => key(item) >= value);
}

/**
 * The index of the last boundary at or before `t` (boundaries ascending); 0 when `t` is before them all.
 *
 * @example lastAtOrBefore([0, 10, 20], 15) // 1
 */
export function lastAtOrBefore(boundaries: readonly number[], t: number): number {
  return Math.max(0, firstIndexWhere(boundaries, (boundary) => boundary > t) - 1);
}

// English words that every layer that speaks needs: `npm run check`'s messages (here in load) and the site's pages
// (which reach them through src/site/format.ts). The core says nothing, so this is the lowest place they can live.

const englishPlurals = new Intl.PluralRules('en');

/**
 * The noun for `count` of it: `one` where English uses the singular, else `many`.
 *
 * @example nounFor(1, 'entry', 'entries') // 'entry'
 * @example nounFor(0, 'warning') // 'warnings'
 */
export function nounFor(count: number, one: string, many = `${one}s`): string {
  return englishPlurals.select(count) === 'one' ? one : many;
}

/**
 * The count and its noun.
 *
 * @example countText(3, 'warning') // '3 warnings'
 */
export function countText(count: number, one: string, many = `${one}s`): string {
  return `${count} ${nounFor(count, one, many)}`;
}

/**
 * How many errors stopped a command.
 *
 * @example validationErrorsText(1) // '1 validation error'
 */
export function validationErrorsText(count: number): string {
  return countText(count, 'validation error');
}

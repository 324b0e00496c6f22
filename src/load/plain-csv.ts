// Exports without a quote character and with bare \n line ends: for them splitting at commas and line
// ends gives exactly the records csv-parse gives (options as in csv.ts), at a fraction of its cost.
// Anything else is left to csv-parse.

const QUOTE = 0x22;
const CARRIAGE_RETURN = 0x0d;

/**
 * Whether `bytes` can be split plainly: no `"` anywhere (so no quoted field, no escaped comma or line
 * end) and no carriage return (csv-parse picks the line end from the first one it meets).
 */
export function isPlainCsv(bytes: Uint8Array): boolean {
  return bytes.indexOf(QUOTE) === -1 && bytes.indexOf(CARRIAGE_RETURN) === -1;
}

/**
 * Calls `onRecord` with the cells of each non-empty line of a plain CSV text and its 1-based line
 * number, as csv-parse does with `bom`, `skip_empty_lines`, `relax_column_count` and no trimming.
 *
 * @example forEachPlainCsvRecord('a,b\n\nc\n', (cells, line) => console.log(cells, line)) // ['a', 'b'] 1, then ['c'] 3
 */
export function forEachPlainCsvRecord(text: string, onRecord: (cells: string[], line: number) => void): void {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (start < text.length) {
    line++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const cells: string[] = [];
      let from = start;
      for (let comma = text.indexOf(',', from); comma !== -1 && comma < end; comma = text.indexOf(',', from)) {
        cells.push(text.slice(from, comma));
        from = comma + 1;
      }
      cells.push(text.slice(from, end));
      onRecord(cells, line);
    }
    start = end + 1;
  }
}

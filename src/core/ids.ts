import { compareText } from './compare.ts';
// Record ids: PREFIX-YYYY-N… with four or more digits, so a desk logging more than 9,999 a year fits.

/** The parts of a record id, or null when the text is not one. */
export interface RecordIdParts {
  prefix: string;
  year: number;
  /** The sequence number within the year (no unit: a count). */
  sequence: number;
}

const RECORD_ID = /^([A-Z]+)-(\d{4})-(\d{4,})$/;

/**
 * Splits a record id into prefix, year and sequence number.
 *
 * @example parseRecordId('INC-2016-10000') // { prefix: 'INC', year: 2016, sequence: 10000 }
 */
export function parseRecordId(id: string): RecordIdParts | null {
  const m = RECORD_ID.exec(id);
  if (!m) return null;
  return { prefix: m[1]!, year: Number(m[2]), sequence: Number(m[3]) };
}

/**
 * Orders record ids by prefix, year, then sequence number read as a number, so INC-2016-9999 comes
 * before INC-2016-10000; text that is not an id is ordered as text, after nothing in particular.
 *
 * @example ['INC-2016-10000', 'INC-2016-9999'].sort(compareRecordIds) // ['INC-2016-9999', 'INC-2016-10000']
 */
export function compareRecordIds(a: string, b: string): number {
  const pa = parseRecordId(a);
  const pb = parseRecordId(b);
  if (pa && pb) {
    if (pa.prefix !== pb.prefix) return compareText(pa.prefix, pb.prefix);
    if (pa.year !== pb.year) return pa.year - pb.year;
    if (pa.sequence !== pb.sequence) return pa.sequence - pb.sequence;
  }
  return compareText(a, b);
}

/**
 * A record id from its parts, the sequence zero-padded to four digits and longer when it needs more.
 *
 * @example formatRecordId('INC', 2016, 12) // 'INC-2016-0012'
 */
export function formatRecordId(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, '0')}`;
}

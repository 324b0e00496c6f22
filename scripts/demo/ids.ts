/** Splits `INC-2026-0042` into its year and number. */
export function parseRecordId(id: string): { year: number; number: number } {
  const match = /^[A-Z]+-(\d{4})-(\d{4})$/.exec(id);
  if (match === null) throw new Error(`not a record id: ${id}`);
  return { year: Number(match[1]), number: Number(match[2]) };
}

export function formatRecordId(prefix: string, year: number, number: number): string {
  if (number > 9999) throw new Error(`${prefix} numbering overflows four digits in ${year}`);
  return `${prefix}-${year}-${String(number).padStart(4, '0')}`;
}

/**
 * Numbers records per year in time order around the hand-written ones: a hand-written
 * record moves the counter up to its own number, and a generated record never takes an
 * id that a hand-written record holds.
 */
export function assignIds<T extends { id: string; handwritten: boolean }>(records: T[], prefix: string, timeOf: (record: T) => number): void {
  const reserved = new Set(records.filter((record) => record.handwritten).map((record) => record.id));
  const order = records
    .map((record, index) => ({ record, index, time: timeOf(record) }))
    .sort((a, b) => a.time - b.time || a.index - b.index);
  const counters = new Map<number, number>();
  for (const { record, time } of order) {
    if (record.handwritten) {
      const { year, number } = parseRecordId(record.id);
      counters.set(year, Math.max(counters.get(year) ?? 0, number));
      continue;
    }
    const year = new Date(time).getUTCFullYear();
    let number = (counters.get(year) ?? 0) + 1;
    while (reserved.has(formatRecordId(prefix, year, number))) number++;
    counters.set(year, number);
    record.id = formatRecordId(prefix, year, number);
  }
}

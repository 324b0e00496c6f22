// The plain CSV splitter must give what csv-parse gives, cell for cell and line for line.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { forEachPlainCsvRecord, isPlainCsv } from '../../src/load/plain-csv.ts';

function byCsvParse(bytes: Buffer): [string[], number][] {
  const out: [string[], number][] = [];
  parse(bytes, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: false,
    on_record: (record: string[], context: { lines: number }) => {
      out.push([record, context.lines]);
      return null;
    },
  });
  return out;
}

function byPlainSplit(bytes: Buffer): [string[], number][] {
  const out: [string[], number][] = [];
  forEachPlainCsvRecord(bytes.toString('utf8'), (cells, line) => out.push([cells, line]));
  return out;
}

describe('forEachPlainCsvRecord', () => {
  it('agrees with csv-parse on every plain text', () => {
    const cell = fc.oneof(fc.constantFrom('', ' ', 'a', '2026-03-09', '1.5', ' x ', 'é', '\t', '#', "'", '\ufeff', '\u2028'), fc.string({ maxLength: 6 }));
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const text = fc
      .tuple(fc.boolean(), fc.array(line, { maxLength: 8 }), fc.constantFrom('', '\n', '\n\n'))
      .map(([bom, lines, end]) => `${bom ? '\ufeff' : ''}${lines.join('\n')}${end}`)
      .filter((t) => isPlainCsv(Buffer.from(t)));
    fc.assert(
      fc.property(text, (t) => {
        const bytes = Buffer.from(t);
        expect(byPlainSplit(bytes)).toEqual(byCsvParse(bytes));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with csv-parse on bytes that are not valid UTF-8', () => {
    const bytes = Buffer.from([0x61, 0xe2, 0x2c, 0x62, 0x0a, 0xff, 0x0a, 0xc3]);
    expect(byPlainSplit(bytes)).toEqual(byCsvParse(bytes));
  });

  it.each([
    ['a,b\n\nc,d', [[['a', 'b'], 1], [['c', 'd'], 3]]],
    ['\ufeffh\n,\n', [[['h'], 1], [['', ''], 2]]],
    ['', []],
    ['\n\n', []],
  ])('splits %j', (text, expected) => {
    expect(byPlainSplit(Buffer.from(text))).toEqual(expected);
  });
});

describe('isPlainCsv', () => {
  it.each([
    ['a,b\nc,d\n', true],
    ['a,"b,c"\n', false],
    ['a,b\r\nc,d\r\n', false],
    ['a\rb', false],
  ])('%j is plain: %s', (text, plain) => {
    expect(isPlainCsv(Buffer.from(text))).toBe(plain);
  });
});

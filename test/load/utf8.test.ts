// Bytes that are not UTF-8 are located at the first of them; everything UTF-8 allows is read unchanged.
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8Offset } from '../../src/load/utf8.ts';

const bytes = (...values: number[]) => Buffer.from(values);

describe('firstInvalidUtf8Offset', () => {
  it('accepts ASCII and one- to four-byte characters', () => {
    expect(firstInvalidUtf8Offset(Buffer.from('café €, 𝄞, ✓'))).toBe(-1);
    expect(firstInvalidUtf8Offset(bytes())).toBe(-1);
  });

  it.each([
    ['a Latin-1 é', [0x63, 0x61, 0x66, 0xe9], 3],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['a lead byte cut off at the end', [0x61, 0xe2, 0x82], 1],
    ['an overlong two-byte form', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a Windows-1252 euro sign', [0x31, 0x30, 0x80], 2],
  ])('finds %s', (_, values, offset) => {
    expect(firstInvalidUtf8Offset(bytes(...values))).toBe(offset);
  });
});

describe('decodeUtf8', () => {
  it('returns the text of a UTF-8 file, BOM and all', () => {
    expect(decodeUtf8('a.md', Buffer.from('\ufeff---\ntitle: café\n'))).toEqual({ ok: true, text: '\ufeff---\ntitle: café\n' });
  });

  it('locates the byte by line and by column in characters, counting the valid multi-byte ones before it', () => {
    const text = Buffer.concat([Buffer.from('---\ntitle: Zoë and '), bytes(0xe9), Buffer.from('\n---\n')]);
    expect(decodeUtf8('content/incidents/INC-2026-0001.md', text)).toEqual({
      ok: false,
      diagnostic: {
        file: 'content/incidents/INC-2026-0001.md',
        line: 2,
        column: 16,
        severity: 'error',
        rule: 'encoding',
        field: '',
        message: 'byte 0xE9 is not UTF-8 (in Latin-1 it is "é"); save the file as UTF-8',
      },
    });
  });

  it('names a byte without a printable Latin-1 meaning by its value alone, at line 1 column 1', () => {
    const result = decodeUtf8('data/time/x.csv', bytes(0x80, 0x61));
    expect(!result.ok && result.diagnostic).toMatchObject({ line: 1, column: 1, message: 'byte 0x80 is not UTF-8; save the file as UTF-8' });
  });
});

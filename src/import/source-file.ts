// Reading a source export on purpose: gzip recognised by its bytes, text decoded strictly (UTF-8, or a legacy
// encoding the user names), and every string taken from it made safe to publish before it reaches a record.
import { gunzipSync } from 'node:zlib';
import { utf8Diagnostic } from '../load/utf8.ts';
import type { ImportNote } from './model.ts';

/** The import cannot start: one line naming the file and what is wrong with it; nothing has been written. */
export class ImportStop extends Error {}

export const encodings = ['utf-8', 'latin1', 'windows-1252'] as const;
export type SourceEncoding = (typeof encodings)[number];

const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The text of a source file: gunzipped when its bytes (or its name) say gzip, decoded from `encoding`, without a BOM.
 * An empty file, a file named .gz that is not gzip, a truncated gzip or a byte that is not UTF-8 stops the import.
 *
 * @example sourceText('x.jsonl', Buffer.from('\uFEFF{"a":1}\n')) // '{"a":1}\n'
 */
export function sourceText(file: string, raw: Buffer, encoding: SourceEncoding = 'utf-8'): string {
  if (raw.length === 0) throw new ImportStop(`${file}: empty file (0 bytes): nothing to import`);
  let bytes = raw;
  if (isGzip(raw)) {
    try {
      bytes = gunzipSync(raw);
    } catch (error) {
      throw new ImportStop(`${file}: damaged gzip file (${(error as Error).message}); the export is incomplete, download it again`);
    }
    if (bytes.length === 0) throw new ImportStop(`${file}: the gzip file holds an empty file: nothing to import`);
  } else if (file.endsWith('.gz')) {
    throw new ImportStop(`${file}: named .gz but not a gzip file (it starts with bytes ${[...raw.subarray(0, 2)].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ')})`);
  }
  let text: string;
  if (encoding === 'utf-8') {
    const bad = utf8Diagnostic(file, bytes);
    if (bad) throw new ImportStop(`${file}:${bad.line}:${bad.column}  ${bad.message.replace('; save the file as UTF-8', '')}; pass --encoding latin1 or --encoding windows-1252 if the export is in a legacy encoding`);
    text = bytes.toString('utf8');
  } else if (encoding === 'latin1') {
    text = bytes.toString('latin1');
  } else {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ImportStop(`${file}: only blank text (${bytes.length} bytes): nothing to import`);
  return text;
}

/**
 * Characters that must not reach a record: controls other than tab and newline (C0, DEL, C1), lone surrogates
 * and noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). They break YAML, the search index or the page.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The replacement shown where an unsafe character was: visible, and never mistaken for text. */
export const REPLACEMENT = '\uFFFD';

const codePoint = (c: string) => `U+${(c.codePointAt(0)! >= 0xd800 && c.length === 1 ? c.charCodeAt(0) : c.codePointAt(0)!).toString(16).toUpperCase().padStart(4, '0')}`;

/** The longest text kept in a field, in characters; longer is cut with a note (documented in the README). */
export const fieldLimits = { name: 200, title: 300, text: 20_000 } as const;

/**
 * `value` made safe for a record: CRLF and CR become LF, unsafe characters become U+FFFD, text longer than
 * `limit` is cut and ends with "…"; each change is noted at `where` with the field it is in.
 *
 * @example cleanText('a\u0000b', 'x.jsonl:3', 'name', 200, notes) // 'a\uFFFDb', one note
 */
export function cleanText(value: string, where: string, field: string, limit: number, notes: ImportNote[]): string {
  let text = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  const unsafe = text.match(UNSAFE);
  if (unsafe) {
    const shown = [...new Set(unsafe.map(codePoint))];
    notes.push({ kind: 'repaired', where, message: `${field}: ${unsafe.length} character${unsafe.length > 1 ? 's' : ''} that cannot be published (${shown.slice(0, 5).join(', ')}${shown.length > 5 ? ', …' : ''}) replaced with U+FFFD` });
    text = text.replace(UNSAFE, REPLACEMENT);
  }
  // The limit counts code points, as YAML and the schema's length do: a surrogate pair is never cut in two.
  const chars = Array.from(text);
  if (chars.length > limit) {
    notes.push({ kind: 'repaired', where, message: `${field}: ${chars.length.toLocaleString('en-US')} characters, cut to the limit of ${limit.toLocaleString('en-US')}` });
    text = `${chars.slice(0, limit - 1).join('')}…`;
  }
  return text;
}

// Every file of a content root is read as UTF-8; bytes that are not UTF-8 (a Latin-1 or Windows-1252
// export) are a located error instead of being turned into U+FFFD, which would publish "café" as "caf�".
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from './diagnostics.ts';

const isContinuation = (byte: number | undefined) => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/**
 * Offset of the first byte that does not begin a well-formed UTF-8 character (no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1 when every byte does.
 *
 * @example firstInvalidUtf8Offset(Buffer.from([0x63, 0x61, 0x66, 0xe9])) // 3
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const second = bytes[i + 1];
    let length: number;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) length = 3;
    else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
    else return i;
    if (!isContinuation(second)) return i;
    // The second byte's range narrows where the lead alone would allow overlong forms, surrogates or > U+10FFFF.
    if ((lead === 0xe0 && second! < 0xa0) || (lead === 0xed && second! > 0x9f) || (lead === 0xf0 && second! < 0x90) || (lead === 0xf4 && second! > 0x8f)) return i;
    for (let k = 2; k < length; k++) if (!isContinuation(bytes[i + k])) return i;
    i += length;
  }
  return -1;
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The file's text, or the diagnostic at the first byte that is not UTF-8: its line, its column (in
 * characters, counted from the valid text before it) and its value.
 *
 * @example decodeUtf8('data/teams.yaml', Buffer.from('- id: caf\xe9\n', 'latin1')) // { ok: false, diagnostic: { line: 1, column: 10, … } }
 */
export function decodeUtf8(file: string, bytes: Buffer): { ok: true; text: string } | { ok: false; diagnostic: Diagnostic } {
  const diagnostic = utf8Diagnostic(file, bytes);
  return diagnostic === null ? { ok: true, text: bytes.toString('utf8') } : { ok: false, diagnostic };
}

/** Null when `bytes` are UTF-8, else the located error at the first byte that is not. */
export function utf8Diagnostic(file: string, bytes: Buffer): Diagnostic | null {
  if (isUtf8(bytes)) return null;
  const offset = firstInvalidUtf8Offset(bytes);
  if (offset < 0) return null;
  const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const line = offset === 0 ? 1 : bytes.subarray(0, offset).reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 1);
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- a column counts code points, as editors' do
  const column = [...bytes.subarray(lineStart, offset).toString('utf8')].length + 1;
  const byte = bytes[offset]!;
  return {
    file,
    line,
    column,
    severity: 'error',
    rule: 'encoding',
    field: '',
    message: `byte ${hex(byte)} is not UTF-8${byte >= 0xa0 ? ` (in Latin-1 it is "${Buffer.from([byte]).toString('latin1')}")` : ''}; save the file as UTF-8`,
  };
}

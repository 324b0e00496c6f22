// OPSLEDGER_AS_OF is read with the records' own timestamp rule: a date that does not exist is refused, never rolled over.
import { describe, expect, it } from 'vitest';
import { asOfFromEnvironment } from '../../src/site/as-of.ts';

describe('asOfFromEnvironment', () => {
  it('reads an instant with its offset, and the clock when the variable is unset or empty', () => {
    expect(asOfFromEnvironment({ OPSLEDGER_AS_OF: '2026-11-24T12:00:00Z' })).toBe(Date.UTC(2026, 10, 24, 12));
    expect(asOfFromEnvironment({ OPSLEDGER_AS_OF: '2026-11-24T13:00+01:00' })).toBe(Date.UTC(2026, 10, 24, 12));
    expect(asOfFromEnvironment({}, () => 42)).toBe(42);
    expect(asOfFromEnvironment({ OPSLEDGER_AS_OF: '' }, () => 42)).toBe(42);
  });

  it.each([
    ['2026-02-30T00:00Z', '"2026-02-30T00:00Z" is not a real date and time'],
    ['2026-11-24T24:00Z', '"2026-11-24T24:00Z" is not a real date and time'],
    ['2026-11-24T12:00:00', '"2026-11-24T12:00:00" has no offset; write Z or ±hh:mm (e.g. 2026-11-24T12:00:00Z) so the time zone is not guessed'],
    ['24 Nov 2026', '"24 Nov 2026" is not an ISO 8601 timestamp (expected e.g. 2026-10-14T02:10:00Z)'],
  ])('refuses %s, saying why as check would', (text, reason) => {
    expect(() => asOfFromEnvironment({ OPSLEDGER_AS_OF: text })).toThrow(`OPSLEDGER_AS_OF=${text} is refused: ${reason}`);
  });
});

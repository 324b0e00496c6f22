import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/core/compare.ts';

describe('compareText', () => {
  it('orders by code unit, the same on every locale: capitals before small letters, digits before both', () => {
    expect(['b', 'a', 'B', '10', '9'].sort(compareText)).toEqual(['10', '9', 'B', 'a', 'b']);
  });

  it('is negative, positive or zero, so it chains after a numeric comparison with ||', () => {
    expect(compareText('a', 'b')).toBeLessThan(0);
    expect(compareText('b', 'a')).toBeGreaterThan(0);
    expect(compareText('same', 'same')).toBe(0);
    const rows = [
      { minutes: 5, customer: 'Beta' },
      { minutes: 9, customer: 'Zeta' },
      { minutes: 5, customer: 'Alpha' },
    ];
    expect(rows.sort((x, y) => y.minutes - x.minutes || compareText(x.customer, y.customer)).map((r) => r.customer)).toEqual(['Zeta', 'Alpha', 'Beta']);
  });
});

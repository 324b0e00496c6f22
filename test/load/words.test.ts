// The plural rule every message and page uses, and the sentence built from it for a failed validation.
import { describe, expect, it } from 'vitest';
import { countText, nounFor, validationErrorsText } from '../../src/load/words.ts';
import { amberThresholdText } from '../../src/site/format.ts';
import { AMBER_BUDGET_CONSUMED } from '../../src/core/availability.ts';

describe('nounFor and countText', () => {
  it.each([
    [0, '0 warnings'],
    [1, '1 warning'],
    [2, '2 warnings'],
    [1.5, '1.5 warnings'],
  ])('%d warnings read as English', (count, text) => {
    expect(countText(count, 'warning')).toBe(text);
  });

  it('takes an irregular plural', () => {
    expect(countText(1, 'entry', 'entries')).toBe('1 entry');
    expect(countText(3, 'entry', 'entries')).toBe('3 entries');
    expect(nounFor(2, 'is', 'are')).toBe('are');
  });

  it('says how many validation errors stopped a command', () => {
    expect(validationErrorsText(1)).toBe('1 validation error');
    expect(validationErrorsText(12)).toBe('12 validation errors');
  });
});

describe('amberThresholdText', () => {
  it('reads the amber threshold from the core constant', () => {
    expect(AMBER_BUDGET_CONSUMED).toBe(0.75);
    expect(amberThresholdText).toBe('75 %');
  });
});

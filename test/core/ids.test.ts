import { describe, expect, it } from 'vitest';
import { compareRecordIds, formatRecordId, parseRecordId } from '../../src/core/ids.ts';

describe('record ids', () => {
  it('reads four or more digits and orders them as numbers', () => {
    expect(parseRecordId('INC-2016-24769')).toEqual({ prefix: 'INC', year: 2016, sequence: 24769 });
    expect(parseRecordId('INC-2016-123')).toBeNull();
    expect(['INC-2016-10000', 'INC-2016-9999', 'CHG-2016-0001', 'INC-2015-0002'].sort(compareRecordIds)).toEqual(['CHG-2016-0001', 'INC-2015-0002', 'INC-2016-9999', 'INC-2016-10000']);
  });

  it('pads to four digits and grows past them', () => {
    expect([formatRecordId('INC', 2016, 7), formatRecordId('INC', 2016, 10000)]).toEqual(['INC-2016-0007', 'INC-2016-10000']);
  });
});

// Long lists stay small pages: a year's incidents in pages, recurring groups capped with a count.
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { capFirst, capLatest, incidentYearPages } from '../../src/site/views/records.ts';
import { minimalDir } from '../load/fixture-root.ts';

const { repository } = loadRepository(minimalDir);
const template = repository.incidents[0]!;
/** `n` incidents one hour apart from the start of 2016, ids numbered in order. */
const many = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const started = Date.parse('2016-01-01T00:00:00Z') + i * 3_600_000;
    return { ...template, id: `INC-2016-${String(i + 1).padStart(4, '0')}`, started, detected: started, acknowledged: started, restored: started + 60_000 };
  });

describe('incident year pages', () => {
  it('cuts a year of 2,500 incidents into pages of 1,000, newest first, each linking to all', () => {
    const pages = incidentYearPages(many(2500), 'UTC', Date.parse('2017-01-01T00:00:00Z'), (p) => `/${p}`);
    expect(pages.map((p) => [p.year, p.page, p.rows.length])).toEqual([
      ['2016', 1, 1000],
      ['2016', 2, 1000],
      ['2016', 3, 500],
    ]);
    expect(pages[0]!.rows[0]!.id).toBe('INC-2016-2500');
    expect(pages[2]!.rows.at(-1)!.id).toBe('INC-2016-0001');
    expect(pages[1]!.caption).toBe('Incidents 1,001–2,000 of 2,500 that started in 2016, newest first');
    expect(pages[1]!.pages.map((p) => [p.href, p.current, p.label])).toEqual([
      ['/incidents/year/2016/', false, '1–1,000'],
      ['/incidents/year/2016/2/', true, '1,001–2,000'],
      ['/incidents/year/2016/3/', false, '2,001–2,500'],
    ]);
  });

  it('keeps one page, without page links, for a small year', () => {
    const pages = incidentYearPages(many(3), 'UTC', Date.parse('2017-01-01T00:00:00Z'), (p) => `/${p}`);
    expect(pages.map((p) => [p.caption, p.pages.length])).toEqual([['3 incidents that started in 2016, newest first', 1]]);
  });
});

describe('capLatest', () => {
  it('keeps the latest few and counts the others', () => {
    const ids = Array.from({ length: 23777 }, (_, i) => `INC-2016-${i + 1}`);
    const capped = capLatest(ids, 10, 'incident');
    expect([capped.shown.length, capped.shown[9], capped.more, capped.moreText]).toEqual([10, 'INC-2016-23777', 23767, '23,767 earlier incidents not listed here']);
    expect(capLatest(ids.slice(0, 4), 10, 'incident')).toEqual({ shown: ids.slice(0, 4), more: 0, moreText: '' });
  });

  it('says one left out in the singular, as capFirst does', () => {
    expect(capLatest(['a', 'b', 'c'], 2, 'incident').moreText).toBe('1 earlier incident not listed here');
    expect(capFirst(['a', 'b', 'c'], 2, 'incident').moreText).toBe('1 more incident not listed here');
  });
});

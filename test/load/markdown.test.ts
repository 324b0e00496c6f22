import { describe, expect, it } from 'vitest';
import { loadFrontmatter } from '../../src/load/markdown.ts';

describe('loadFrontmatter', () => {
  it("reads numbers as YAML 1.2's core schema does, where js-yaml's own core schema differs", () => {
    expect(loadFrontmatter('a: 0b101\nb: +0x1F\nc: -0o7\nd: +.5\ne: -.5e-3\nf: -0')).toEqual({ a: '0b101', b: '+0x1F', c: '-0o7', d: 0.5, e: -0.0005, f: -0 });
  });

  it('keeps what both read alike', () => {
    expect(loadFrontmatter('a: 0x1F\nb: 0o17\nc: 012\nd: 1e3\ne: .inf\nf: -.Inf\ng: 1_000\nh: 2026-11-24T10:00:00Z\ni: ~\nj: TRUE\nk: yes')).toEqual({
      a: 31,
      b: 15,
      c: 12,
      d: 1000,
      e: Infinity,
      f: -Infinity,
      g: '1_000',
      h: '2026-11-24T10:00:00Z',
      i: null,
      j: true,
      k: 'yes',
    });
    expect(loadFrontmatter('a: .NaN')).toEqual({ a: Number.NaN });
  });

  it('reads an empty frontmatter as an empty mapping', () => {
    expect(loadFrontmatter('')).toEqual({});
  });
});

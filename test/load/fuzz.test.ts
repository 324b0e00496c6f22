// Random frontmatter must never make the loader throw, and every diagnostic it returns must be located.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/repository.ts';
import { incidentSchema } from '../../src/schema/records.ts';
import { makeRoot, removeRoots, writeFile } from './fixture-root.ts';

afterAll(removeRoots);

// Every field an incident may have, from its schema: a new field is fuzzed without touching this test.
const incidentKeys = Object.keys(incidentSchema.in.shape);

const validIncident: Record<string, unknown> = {
  id: 'INC-2026-0009',
  title: 'Fuzzed incident',
  application: 'settlement',
  severity: 'SEV3',
  status: 'resolved',
  started: '2026-03-09T10:30:00Z',
  detected: '2026-03-09T10:32:00Z',
  acknowledged: '2026-03-09T10:35:00Z',
  restored: '2026-03-09T11:30:00Z',
  impact: [{ regions: ['AMRS'], fraction: 0.5 }],
  component: 'batch',
  cause: 'software',
  channel: 'monitoring',
  resolvedAt: 'L2',
  updates: [{ at: '2026-03-09T10:40:00Z', text: 'Investigating' }],
};

/** Strings YAML treats specially when written plain. */
const yamlSpecial = fc.constantFrom(
  'yes', 'no', 'on', 'off', '~', 'null', 'Null', 'true', 'FALSE', '.inf', '-.Inf', '.nan', '0x1F', '0o17', '017', '1e3', '1_000', '+12',
  ':', ': x', '- a', '-', '#', '# comment', '&anchor', '*alias', '!!binary', '!tag', '!!js/function', '---', '...', '{', '}', '[', ']',
  '"', "'", '|', '>', '%YAML 1.2', '@', '`', '?', '?x', '\t', ' ', '', 'a: b', '[a, b', '{a: 1', '<<: *x', '2026-02-30', '2026-13-01',
  '12:30:00', '1:20', '\u2028', '\uFEFF', '\u00A0', 'INC-2026-0001', 'CHG-2026-9999', 'PRB-0000-0000', '__proto__', 'constructor',
);

/** Timestamps a person might write, valid or not. */
const oddTimestamp = fc.oneof(
  fc.constantFrom(
    '2026-03-09T10:30:00Z', '2026-03-09T10:30:00', '2026-03-09 10:30:00Z', '2026-03-09T10:30Z', '2026-03-09T10:30:00.123456789+05:45',
    '2026-03-09T24:00:00Z', '2026-02-29T00:00:00Z', '2028-02-29T00:00:00Z', '2026-03-09T10:30:00+1', '2026-03-09T10:30:00+25:00',
    '2026-03-09t10:30:00z', '20260309T103000Z', '-002026-03-09T10:30:00Z', '+275760-09-13T00:00:00Z', '1970-01-01T00:00:00Z',
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.constantFrom('Z', '+00:00', '-05:00', '+14:00', '', '+5', 'UTC'),
    )
    .map(([y, mo, d, h, mi, off]) => {
      const p = (n: number, w = 2) => String(n).padStart(w, '0');
      return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:00${off}`;
    }),
);

const scalar = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  yamlSpecial,
  oddTimestamp,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const { value: yamlValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('regions', 'fraction', 'from', 'to', 'at', 'text', 'kind', 'applications'), fc.string({ maxLength: 8 })), tie('value'), {
      maxKeys: 4,
    }),
  ),
}));

/** `arbitrary` half of the time, else `none`: many runs keep most of the valid incident. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, none: T) => fc.oneof(fc.constant(none), arbitrary);

/** Ids that may or may not resolve, for the reference fields. */
const reference = fc.constantFrom('CHG-2026-0001', 'CHG-2026-0404', 'PRB-2026-0001', 'PRB-2026-0404', 'INC-2026-0001', 'billing', 'settlement', 'db', 'cache');

/** Frontmatter: some fields of a valid incident replaced, removed or added, written as proper YAML or as raw text. */
const frontmatter = fc
  .record({
    replaced: sometimes(fc.dictionary(fc.constantFrom(...incidentKeys), fc.oneof(yamlValue, reference), { maxKeys: 6 }), {}),
    removed: sometimes(fc.uniqueArray(fc.constantFrom(...incidentKeys), { maxLength: 4 }), []),
    added: sometimes(fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), yamlValue, { maxKeys: 2 }), {}),
    raw: sometimes(fc.uniqueArray(fc.tuple(fc.constantFrom(...incidentKeys), fc.oneof(yamlSpecial, oddTimestamp)), { maxLength: 3, selector: ([key]) => key }), []),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ replaced, removed, added, raw, crlf, bom }) => {
    const dropped = new Set<string>([...removed, ...raw.map(([key]) => key)]);
    const data = Object.fromEntries(Object.entries({ ...validIncident, ...replaced, ...added }).filter(([key]) => !dropped.has(key)));
    let text = stringify(data, { lineWidth: 0 });
    // Unquoted values pasted in by hand, which may well not be YAML at all.
    for (const [key, value] of raw) text += `${key}: ${value}\n`;
    let file = `---\n${text}---\nBody with a ## heading-like line.\n`;
    if (crlf) file = file.replace(/\n/g, '\r\n');
    return (bom ? '\uFEFF' : '') + file;
  });

describe('loader fuzzing', () => {
  const root = makeRoot();
  const rel = 'content/incidents/INC-2026-0009.md';

  it('never throws, and locates every diagnostic', () => {
    fc.assert(
      fc.property(frontmatter, (text) => {
        writeFile(root, rel, text);
        const lineCount = text.split('\n').length;
        const { diagnostics } = loadRepository(root);
        for (const d of diagnostics) {
          expect(d.file).not.toBe('');
          expect(Number.isInteger(d.line) && d.line >= 1, `line of ${JSON.stringify(d)}`).toBe(true);
          expect(Number.isInteger(d.column) && d.column >= 1, `column of ${JSON.stringify(d)}`).toBe(true);
          expect(d.message.trim()).not.toBe('');
          expect(d.message).not.toMatch(/\bundefined\b|\[object Object\]/);
          expect(d.rule).not.toBe('');
          // Errors stop the build; warnings (an id whose year is not the start's, say) are reported and located too.
          expect(['error', 'warning']).toContain(d.severity);
          if (d.file === rel) expect(d.line, JSON.stringify(d)).toBeLessThanOrEqual(lineCount);
          else expect(d.file).toMatch(/^content\/(incidents|postmortems|problems)\//);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('accepts the unfuzzed incident', () => {
    writeFile(root, rel, `---\n${stringify(validIncident)}---\nBody.\n`);
    expect(loadRepository(root).diagnostics).toEqual([]);
  });
});

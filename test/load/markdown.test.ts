// Record values come from js-yaml (fast), positions from the yaml package (a source map): the two must read
// every frontmatter alike, or a diagnostic would point at a field the values do not have.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateDemo } from '../../scripts/generate-demo.ts';
import { parseYamlText } from '../../src/load/catalogues.ts';
import type { FieldPath } from '../../src/load/diagnostics.ts';
import { loadFrontmatter, parseRecordText } from '../../src/load/markdown.ts';
import { YamlSource } from '../../src/load/yaml-source.ts';

/** Every path to a map key or list item in a parsed value, parents before children. */
function fieldPaths(value: unknown, prefix: FieldPath = []): FieldPath[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...fieldPaths(item, [...prefix, i])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...fieldPaths(item, [...prefix, key])]);
  }
  return [];
}

const isAfter = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line > b.line || (a.line === b.line && a.column > b.column);

/**
 * The yaml package reads `text` to the same values as the loader's js-yaml, and finds every field: a map key
 * at its own line and column, each field after its parent. `lines` are the lines `source` counts in.
 */
function expectParsersAgree(yamlText: string, values: unknown, source: YamlSource, lines: readonly string[]): void {
  const document = parseDocument(yamlText, { schema: 'core' });
  expect(document.errors).toEqual([]);
  expect(document.toJS() ?? {}).toEqual(values);
  for (const fieldPath of fieldPaths(values)) {
    const at = source.locate(fieldPath);
    const last = fieldPath[fieldPath.length - 1]!;
    const where = `${fieldPath.join('.')} at ${at.line}:${at.column}`;
    if (typeof last === 'string') {
      const text = lines[at.line - 1]?.slice(at.column - 1) ?? '';
      expect([`${last}:`, `"${last}":`, `'${last}':`].some((key) => text.startsWith(key)), where).toBe(true);
    }
    // A field the yaml package does not find falls back to its parent's position. A list item that is a map
    // starts where its first key does; any other field starts after its parent.
    if (fieldPath.length > 1) {
      const parent = source.locate(fieldPath.slice(0, -1));
      const sharesItemStart = typeof fieldPath[fieldPath.length - 2] === 'number' && typeof last === 'string';
      // What an alias (`days: *weekdays`) repeats has no place of its own: its fields are found at the alias.
      const insideAlias = /^[^#]*:\s*\*/.test(lines[parent.line - 1] ?? '');
      const samePlace = at.line === parent.line && at.column === parent.column;
      expect(isAfter(at, parent) || ((sharesItemStart || insideAlias) && samePlace), where).toBe(true);
    }
  }
}

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

describe('the two YAML parsers on the demo records', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'opsledger-yaml-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  generateDemo(root);
  const files = readdirSync(path.join(root, 'content'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .sort();

  it('reads every record to the same values and finds every field', () => {
    expect(files.length).toBeGreaterThan(200);
    for (const file of files) {
      const text = readFileSync(path.join(root, 'content', file), 'utf8');
      const parsed = parseRecordText(file, text);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
      // The frontmatter text exactly as the loader hands it to js-yaml.
      let yamlText = '';
      matter(text, { engines: { yaml: (captured: string) => ((yamlText = captured), {}) } });
      expectParsersAgree(yamlText, parsed.record.data, parsed.record.source, text.split(/\r?\n/));
    }
  });

  it('reads every catalogue under data/ to the same values and finds every entry', () => {
    const catalogues = readdirSync(path.join(root, 'data')).filter((file) => file.endsWith('.yaml'));
    expect(catalogues).toEqual(expect.arrayContaining(['applications.yaml', 'customers.yaml', 'site.yaml', 'skills.yaml', 'teams.yaml']));
    for (const file of catalogues) {
      const text = readFileSync(path.join(root, 'data', file), 'utf8');
      const parsed = parseYamlText(`data/${file}`, text, []);
      if (parsed === null) throw new Error(`data/${file} does not parse`);
      expectParsersAgree(text, parsed.data, parsed.source, text.split(/\r?\n/));
    }
  });
});

// ---- frontmatter written by hand -------------------------------------------------------------

type YamlNode =
  | { kind: 'scalar'; text: string }
  | { kind: 'literal'; lines: string[] }
  | { kind: 'flow'; items: string[] }
  | { kind: 'map'; entries: [string, YamlNode][] }
  | { kind: 'list'; items: YamlNode[] };

// Plain scalars people type, the ones YAML reads as numbers, booleans or null among them.
const trickyScalars = [
  '0b101', '+0x1F', '-0o7', '+.5', '-.5e-3', '-0', '+0', '0x1F', '0o17', '012', '1e3', '1E+3', '3.', '.5', '1_000',
  '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '-.nan', '~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n',
  '2026-11-24', '2026-11-24T10:00:00Z', '2026-11-24 10:00', '10:30', '1:20:30', 'SEV1', 'INC-2026-0042', 'v1.2.3', '99.95',
  '99999999999999999999', '0xFFFFFFFFFFFFFFFFF', 'http://ops.example/runbook?id=7', 'a.b@example.com',
];
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ./_-]{0,18}[A-Za-z0-9]$/);
const plainScalar = fc.oneof(
  fc.constantFrom(...trickyScalars),
  word,
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);
const quotedScalar = fc.oneof(
  fc.string({ unit: 'grapheme' }).map((s) => JSON.stringify(s)),
  fc.string().filter((s) => !/[\r\n]/.test(s)).map((s) => `'${s.replaceAll("'", "''")}'`),
);
const reserved = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
const key = fc.stringMatching(/^[a-z][a-z_]{0,11}$/).filter((k) => !reserved.test(k));

const { node } = fc.letrec<{ node: YamlNode; map: YamlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    plainScalar.map((text): YamlNode => ({ kind: 'scalar', text })),
    quotedScalar.map((text): YamlNode => ({ kind: 'scalar', text })),
    fc.array(word, { minLength: 1, maxLength: 3 }).map((lines): YamlNode => ({ kind: 'literal', lines })),
    fc.array(plainScalar, { maxLength: 4 }).map((items): YamlNode => ({ kind: 'flow', items })),
    tie('map'),
    fc.array(tie('node'), { maxLength: 3 }).map((items): YamlNode => ({ kind: 'list', items })),
  ),
  map: fc.uniqueArray(fc.tuple(key, tie('node')), { maxLength: 4, selector: ([k]) => k }).map((entries): YamlNode => ({ kind: 'map', entries })),
}));
const frontmatter = fc
  .uniqueArray(fc.tuple(key, node), { minLength: 1, maxLength: 6, selector: ([k]) => k })
  .map((entries): YamlNode => ({ kind: 'map', entries }));

/** Block-style YAML of a node that follows `head` (a key and colon, or a list dash), at `indent`. */
function render(value: YamlNode, head: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  switch (value.kind) {
    case 'scalar':
      return [`${head} ${value.text}`];
    case 'literal':
      return [`${head} |`, ...value.lines.map((line) => `${pad}  ${line}`)];
    case 'flow':
      return [`${head} [${value.items.join(', ')}]`];
    case 'map':
      return value.entries.length === 0 ? [`${head} {}`] : [head, ...renderEntries(value.entries, indent + 2)];
    case 'list':
      return value.items.length === 0 ? [`${head} []`] : [head, ...value.items.flatMap((item) => listItem(item, indent + 2))];
  }
}

function renderEntries(entries: readonly [string, YamlNode][], indent: number): string[] {
  return entries.flatMap(([name, value]) => render(value, `${' '.repeat(indent)}${name}:`, indent));
}

function listItem(item: YamlNode, indent: number): string[] {
  const dash = `${' '.repeat(indent)}-`;
  if (item.kind === 'map' && item.entries.length > 0) {
    // The first key shares the dash's line; the others line up under it.
    const lines = renderEntries(item.entries, indent + 2);
    return [`${dash} ${lines[0]!.slice(indent + 2)}`, ...lines.slice(1)];
  }
  if (item.kind === 'list' && item.items.length > 0) return [dash, ...item.items.flatMap((inner) => listItem(inner, indent + 2))];
  return render(item, dash, indent);
}

describe('the two YAML parsers on frontmatter written by hand', () => {
  it('read the same values and find every field', () => {
    fc.assert(
      fc.property(frontmatter, (mapping) => {
        if (mapping.kind !== 'map') return;
        const text = `${renderEntries(mapping.entries, 0).join('\n')}\n`;
        expectParsersAgree(text, loadFrontmatter(text), new YamlSource(text, 1), text.split('\n'));
      }),
      { numRuns: 500 },
    );
  });
});

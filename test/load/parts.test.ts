// The loader's parts on their own: diagnostic wording, key positions, record text and body sections.
import { describe, expect, it } from 'vitest';
import { fieldName, formatDiagnostic, formatGithubAnnotation, sortDiagnostics, type Diagnostic } from '../../src/load/diagnostics.ts';
import { findSection, parseRecordText, sectionsOf } from '../../src/load/markdown.ts';
import { validateWith } from '../../src/load/validate.ts';
import { YamlSource } from '../../src/load/yaml-source.ts';
import { z, calendarSchema, teamSchema } from '../../src/schema/index.ts';

describe('validateWith', () => {
  const where = (text: string) => ({ file: 'data/x.yaml', source: new YamlSource(text) });
  const messages = (schema: z.ZodType, data: unknown) => {
    const result = validateWith(schema, data, where(''));
    return result.ok ? [] : result.diagnostics.map((d) => `${d.field}: ${d.message}`);
  };

  it('words type and missing-field problems for the person editing the file', () => {
    const schema = z.strictObject({ n: z.number(), s: z.string(), e: z.enum(['a', 'b']), list: z.array(z.string()), map: z.strictObject({}), i: z.number().int() });
    expect(messages(schema, { n: 'x', s: 3, e: 'c', list: {}, map: [], i: 1.5 })).toEqual([
      'n: expected a number, got "x"',
      's: expected text, got number 3',
      'e: expected one of "a", "b", got "c"',
      'list: expected a list, got a mapping',
      'map: expected a mapping, got a list',
      'i: expected a whole number, got number 1.5',
    ]);
    expect(messages(schema, { n: null, e: null })).toEqual([
      'n: required field is empty (expected a number)',
      's: required field is missing (expected text)',
      'e: required field is empty (expected one of "a", "b")',
      'list: required field is missing (expected a list)',
      'map: required field is missing (expected a mapping)',
      'i: required field is missing (expected a number)',
    ]);
  });

  it("replaces zod's default wording and keeps a schema's own", () => {
    const schema = z.strictObject({
      list: z.array(z.string()).min(2),
      text: z.string().min(1),
      n: z.number().gt(0),
      m: z.number().max(10),
      email: z.email(),
      url: z.url(),
      own: z.number().lte(1, { error: 'fraction must be at most 1' }),
    });
    expect(messages(schema, { list: ['a'], text: '', n: 0, m: 11, email: 'ops-at-example', url: 'nope', own: 2, extra: 1 })).toEqual([
      'list: needs at least 2 entries',
      'text: must not be empty',
      'n: must be above 0, got number 0',
      'm: must be at most 10, got number 11',
      'email: expected an e-mail address, got "ops-at-example"',
      'url: expected an absolute URL, got "nope"',
      'own: fraction must be at most 1',
      'extra: unknown field "extra"',
    ]);
  });

  it('reports a missing union field once, with its own message', () => {
    expect(messages(z.strictObject({ calendar: calendarSchema }), {})).toEqual([
      'calendar: required field is missing (expected "24x7" or a list of {timezone, days, hours} windows)',
    ]);
  });

  it('descends into the union branch that got furthest', () => {
    const data = { calendar: [{ timezone: 'UTC', days: ['mon'], hours: '19:00-07:00' }] };
    expect(messages(z.strictObject({ calendar: calendarSchema }), data)).toEqual([
      'calendar[0].hours: "19:00-07:00" is not a window "HH:MM-HH:MM" with the end after the start (quote it in YAML)',
    ]);
  });

  it('locates each issue at its key, below a base path', () => {
    const text = 'teams:\n  - id: ops\n    name: Operations\n    email: nope\n';
    const result = validateWith(teamSchema.pick({ id: true, name: true, email: true }), { id: 'ops', name: 'Operations', email: 'nope' }, {
      file: 'data/teams.yaml',
      source: new YamlSource(text),
      basePath: ['teams', 0],
    });
    expect(result.ok ? [] : result.diagnostics).toEqual([
      { file: 'data/teams.yaml', line: 4, column: 5, severity: 'error', rule: 'schema', field: 'teams[0].email', message: 'expected an e-mail address, got "nope"' },
    ]);
  });
});

describe('YamlSource.locate', () => {
  const text = ['title: x', 'impact:', '  - regions: [AMRS, EMEA]', '    fraction: 0.5', 'nested: {a: {b: 1}}', ''].join('\n');
  const source = new YamlSource(text, 1);

  it.each([
    [['title'], 1, 1],
    [['impact'], 2, 1],
    [['impact', 0], 3, 5],
    [['impact', 0, 'regions', 1], 3, 21],
    [['impact', 0, 'fraction'], 4, 5],
    [['nested', 'a', 'b'], 5, 14],
  ])('%j is at %d:%d', (path, line, column) => {
    expect(source.locate(path)).toEqual({ line, column });
  });

  it('points a missing key at the deepest node that exists', () => {
    expect(source.locate(['severity'])).toEqual({ line: 1, column: 1 });
    expect(source.locate(['impact', 0, 'from'])).toEqual({ line: 3, column: 5 });
    expect(source.locate(['impact', 7, 'from'])).toEqual({ line: 2, column: 1 });
  });

  it('counts from the first line it is given', () => {
    expect(new YamlSource('\nid: x\ntitle: y', 1).locate(['title'])).toEqual({ line: 3, column: 1 });
    expect(new YamlSource('a: 1\r\nb: 2\r\n', 1).locate(['b'])).toEqual({ line: 2, column: 1 });
  });
});

describe('parseRecordText', () => {
  const ok = (text: string) => {
    const parsed = parseRecordText('content/incidents/INC-2026-0001.md', text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
    return parsed.record;
  };

  it.each([
    ['LF', '---\nid: a\nb: 1\n---\nBody\n', 5],
    ['CRLF', '---\r\nid: a\r\nb: 1\r\n---\r\nBody\r\n', 5],
    ['BOM', '\uFEFF---\nid: a\nb: 1\n---\nBody\n', 5],
    ['blank line before the body', '---\nid: a\n---\n\nBody\n', 4],
    ['no body', '---\nid: a\n---\n', 4],
    ['no body, no newline (the fence line)', '---\nid: a\n---', 3],
    ['empty frontmatter', '---\n---\nBody', 3],
  ])('%s: the body starts on its own line', (_, text, bodyLine) => {
    expect(ok(text).bodyLine).toBe(bodyLine);
  });

  it('keeps timestamps as text, so a missing offset can be told apart', () => {
    expect(ok('---\nstarted: 2026-03-09T10:30:00\ndate: 2026-03-09\n---\n').data).toEqual({ started: '2026-03-09T10:30:00', date: '2026-03-09' });
  });

  it.each([
    ['', 'empty', 'empty file: a record starts with --- and YAML frontmatter', 1],
    ['\uFEFF  \n\n', 'empty', 'empty file: a record starts with --- and YAML frontmatter', 1],
    ['# Title\n', 'yaml', 'no frontmatter: a record starts with a line "---", its YAML fields, then "---"', 1],
    ['---js\nmodule.exports = {}\n---\n', 'yaml', 'no frontmatter: a record starts with a line "---", its YAML fields, then "---"', 1],
    ['---\n- a\n- b\n---\n', 'yaml', 'frontmatter must be a mapping of field: value', 2],
    ['---\na: 1\na: 2\n---\n', 'yaml', 'invalid YAML: duplicated mapping key', 3],
    ['---\r\na: 1\r\nb: [\r\n---\r\n', 'yaml', 'invalid YAML: unexpected end of the stream within a flow collection', 4],
  ])('%j is an error', (text, rule, message, line) => {
    const parsed = parseRecordText('f.md', text);
    expect(parsed.ok ? [] : parsed.diagnostics).toEqual([{ file: 'f.md', line, column: 1, severity: 'error', rule, field: '', message }]);
  });
});

describe('sectionsOf', () => {
  const body = ['Intro', '## Executive summary', 'Short.', '```', '## Not a heading', '```', '##   Root  cause  ##', '', 'Because.', '## Empty'].join('\n');

  it('finds ## headings outside fenced code, at their file lines', () => {
    expect(sectionsOf(body, 10)).toEqual([
      { heading: 'Executive summary', line: 11, markdown: 'Short.\n```\n## Not a heading\n```' },
      { heading: 'Root  cause', line: 16, markdown: 'Because.' },
      { heading: 'Empty', line: 19, markdown: '' },
    ]);
  });

  it('looks headings up ignoring case and spacing', () => {
    expect(findSection(sectionsOf(body, 1), 'root cause')?.markdown).toBe('Because.');
    expect(findSection(sectionsOf(body, 1), 'Timeline')).toBeUndefined();
  });
});

describe('diagnostics', () => {
  const d: Diagnostic = { file: 'content/a, b.md', line: 3, column: 7, severity: 'error', rule: 'schema', field: 'impact[0].fraction', message: '100% wrong\nreally' };

  it('names fields with dots and brackets', () => {
    expect(fieldName(['impact', 0, 'regions', 1])).toBe('impact[0].regions[1]');
    expect(fieldName([0, 'team'])).toBe('[0].team');
    expect(fieldName([])).toBe('');
  });

  it('prints one line per diagnostic', () => {
    expect(formatDiagnostic(d)).toBe('content/a, b.md:3:7  error  impact[0].fraction  100% wrong\nreally  [schema]');
    expect(formatDiagnostic({ ...d, field: '' })).toBe('content/a, b.md:3:7  error  -  100% wrong\nreally  [schema]');
  });

  it('escapes GitHub annotation properties and data', () => {
    expect(formatGithubAnnotation(d, 'ops/')).toBe('::error file=ops/content/a%2C b.md,line=3,col=7,title=impact[0].fraction (schema)::100%25 wrong%0Areally');
  });

  it('sorts by file, line, column, then message', () => {
    const at = (file: string, line: number, column: number, message: string): Diagnostic => ({ ...d, file, line, column, message });
    const sorted = sortDiagnostics([at('b', 1, 1, 'x'), at('a', 2, 1, 'x'), at('a', 1, 5, 'x'), at('a', 1, 5, 'a')]);
    expect(sorted.map((s) => `${s.file}:${s.line}:${s.column} ${s.message}`)).toEqual(['a:1:5 a', 'a:1:5 x', 'a:2:1 x', 'b:1:1 x']);
  });
});

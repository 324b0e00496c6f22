// The JSON Schemas that npm run schema writes: a JSON Schema validator (ajv, draft 2020-12) accepts the demo's
// catalogues and every demo record's frontmatter, rejects the mistakes an editor should flag, the committed
// schemas/ are what the zod schemas give today, and the editor settings map each catalogue to its schema.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generate-demo.ts';
import { parseRecordText } from '../../src/load/markdown.ts';
import { jsonSchemaFiles, jsonSchemaOf } from '../../src/schema/json-schema.ts';
import { projectDir, runScript } from '../cli/run.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats.default(ajv);
const validators = new Map<string, ReturnType<typeof ajv.compile>>(jsonSchemaFiles.map(({ file, title, schema }) => [file, ajv.compile(jsonSchemaOf(schema, title))]));
const validate = (file: string, data: unknown) => {
  const check = validators.get(file)!;
  return check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};
// The demo, generated here with the seeded generator: the test holds whatever the repository's own records are.
const demoRoot = mkdtempSync(path.join(tmpdir(), 'opsledger-schema-demo-'));
generateDemo(demoRoot);
afterAll(() => rmSync(demoRoot, { recursive: true, force: true }));
const readYaml = (rel: string): unknown => parse(readFileSync(path.join(demoRoot, rel), 'utf8'));

describe('JSON Schemas of the catalogues', () => {
  it.each(['site', 'teams', 'applications', 'customers', 'skills'])('data/%s.yaml of the demo validates', (name) => {
    expect(validate(`${name}.schema.json`, readYaml(`data/${name}.yaml`))).toEqual([]);
  });

  it('flags an unknown field, a value outside an enumeration and a missing required field', () => {
    const [first, ...rest] = readYaml('data/applications.yaml') as Record<string, unknown>[];
    const broken = [{ ...first, owner: 'someone', calendar: [{ timezone: 'UTC', days: ['monday'], hours: '09:00-17:00' }] }, ...rest];
    expect(validate('applications.schema.json', broken)).toEqual([
      '/0 must NOT have additional properties',
      '/0/calendar must be string',
      '/0/calendar must be equal to constant',
      '/0/calendar/0/days/0 must be equal to one of the allowed values',
      '/0/calendar must match a schema in anyOf',
    ]);
    const { title: _title, ...untitled } = readYaml('data/site.yaml') as Record<string, unknown>;
    expect(validate('site.schema.json', untitled)).toEqual([" must have required property 'title'"]);
  });
});

describe('JSON Schemas of the records', () => {
  const kinds = [['incidents', 'incident'], ['postmortems', 'postmortem'], ['changes', 'change'], ['problems', 'problem']] as const;
  it.each(kinds)('every demo record under content/%s has frontmatter its schema accepts', (dir, kind) => {
    const files = (readdirSync(path.join(demoRoot, 'content', dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(5);
    const failures = files.flatMap((f) => {
      const parsed = parseRecordText(f, readFileSync(path.join(demoRoot, 'content', dir, f), 'utf8'));
      if (!parsed.ok) return [`${f}: unreadable`];
      return validate(`${kind}.schema.json`, parsed.record.data).map((message) => `${f}: ${message}`);
    });
    expect(failures).toEqual([]);
  });

  it('flags a timestamp without its offset and a severity that is not one of SEV1-SEV4', () => {
    const text = readFileSync(path.join(projectDir, 'test/fixtures/minimal/content/incidents/INC-2026-0001.md'), 'utf8');
    const parsed = parseRecordText('INC-2026-0001.md', text);
    if (!parsed.ok) throw new Error('fixture unreadable');
    const data = { ...(parsed.record.data as Record<string, unknown>), started: '2026-03-12T08:00:00', severity: 'critical' };
    expect(validate('incident.schema.json', data)).toEqual([
      '/severity must be equal to one of the allowed values',
      '/started must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$"',
    ]);
  });
});

describe('schemas/ and the editor settings', () => {
  it('holds exactly what npm run schema writes from the zod schemas today', () => {
    for (const { file, title, schema } of jsonSchemaFiles) {
      expect(readFileSync(path.join(projectDir, 'schemas', file), 'utf8'), `${file} is stale: run npm run schema`).toBe(`${JSON.stringify(jsonSchemaOf(schema, title), null, 2)}\n`);
    }
  });

  it('maps every catalogue to its schema for the YAML extension', () => {
    const settings = JSON.parse(readFileSync(path.join(projectDir, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    expect(settings['yaml.schemas']).toEqual({
      './schemas/site.schema.json': 'data/site.yaml',
      './schemas/teams.schema.json': 'data/teams.yaml',
      './schemas/applications.schema.json': 'data/applications.yaml',
      './schemas/customers.schema.json': 'data/customers.yaml',
      './schemas/skills.schema.json': 'data/skills.yaml',
    });
  });

  it('writes every schema under the content root, and refuses to overwrite a file it did not write', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'opsledger-schema-'));
    try {
      mkdirSync(path.join(root, 'schemas'));
      writeFileSync(path.join(root, 'schemas/site.schema.json'), '{"mine": true}\n');
      const refused = runScript('schema.ts', [], { OPSLEDGER_ROOT: root });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('site.schema.json: not written by npm run schema; left alone');
      expect(readdirSync(path.join(root, 'schemas'))).toEqual(['site.schema.json']);
      expect(readFileSync(path.join(root, 'schemas/site.schema.json'), 'utf8')).toBe('{"mine": true}\n');
      rmSync(path.join(root, 'schemas/site.schema.json'));
      for (let i = 0; i < 2; i++) expect(runScript('schema.ts', [], { OPSLEDGER_ROOT: root }).status).toBe(0);
      expect(readdirSync(path.join(root, 'schemas')).sort()).toEqual(jsonSchemaFiles.map((f) => f.file).sort());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// References checked from parsed values alone: records and catalogues given as text, no content root on disk.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlText, validateCatalogue } from '../../src/load/catalogues.ts';
import type { Diagnostic } from '../../src/load/diagnostics.ts';
import { Locations } from '../../src/load/locations.ts';
import { parseRecordText } from '../../src/load/markdown.ts';
import { normaliseIncident, regionsOf } from '../../src/load/normalise.ts';
import { recordIds, type ParsedRecords } from '../../src/load/records.ts';
import { alertRowProblems, referenceDiagnostics, referenceTargets, timeRowProblems, type KnownRecords } from '../../src/load/references.ts';
import { validateWith } from '../../src/load/validate.ts';
import {
  applicationSchema,
  applicationsFileSchema,
  customerSchema,
  customersFileSchema,
  personSkillsSchema,
  recordKinds,
  skillsFileSchema,
  teamSchema,
  teamsFileSchema,
} from '../../src/schema/index.ts';

const minimal = path.join(import.meta.dirname, '../fixtures/minimal');
const text = (rel: string) => readFileSync(path.join(minimal, rel), 'utf8');

const recordFiles = [
  'content/incidents/INC-2026-0001.md',
  'content/incidents/INC-2026-0002.md',
  'content/changes/CHG-2026-0001.md',
  'content/changes/CHG-2026-0002.md',
  'content/postmortems/PM-2026-0001.md',
  'content/problems/PRB-2026-0001.md',
];

/** Catalogues and records parsed from text (the minimal fixture's, with `edits` applied per file), located as the loader does. */
function parse(edits: Record<string, (text: string) => string> = {}, extra: Record<string, string> = {}) {
  const locations = new Locations();
  const diagnostics: Diagnostic[] = [];
  const source = (rel: string) => (edits[rel] ?? ((t: string) => t))(extra[rel] ?? text(rel));
  const catalogue = <T>(rel: string, fileSchema: Parameters<typeof validateCatalogue<T>>[2], element: Parameters<typeof validateCatalogue<T>>[3], yaml: string | null) =>
    validateCatalogue(rel, yaml === null ? null : parseYamlText(rel, yaml, diagnostics), fileSchema, element, true, diagnostics, locations);
  const catalogues = {
    teams: catalogue('data/teams.yaml', teamsFileSchema, teamSchema, source('data/teams.yaml')),
    applications: catalogue('data/applications.yaml', applicationsFileSchema, applicationSchema, source('data/applications.yaml')),
    customers: catalogue('data/customers.yaml', customersFileSchema, customerSchema, source('data/customers.yaml')),
    skills: catalogue('data/skills.yaml', skillsFileSchema, personSkillsSchema, extra['data/skills.yaml'] ?? '[]'),
  };
  const records: ParsedRecords = { valid: { incident: [], postmortem: [], change: [], problem: [] }, invalid: [], unreadable: [], fileCount: 0 };
  for (const file of [...recordFiles, ...Object.keys(extra).filter((f) => f.startsWith('content/'))]) {
    const spec = recordKinds.find((k) => file.startsWith(`${k.dir}/`))!;
    const parsed = parseRecordText(file, source(file));
    if (!parsed.ok) throw new Error(`fixture ${file} does not parse`);
    locations.set(parsed.record.data as object, { file, source: parsed.record.source, basePath: [] });
    const result = validateWith(spec.schema, parsed.record.data, { file, source: parsed.record.source });
    if (!result.ok) {
      records.invalid.push({ kind: spec.kind, raw: parsed.record });
      continue;
    }
    locations.set(result.value, { file, source: parsed.record.source, basePath: [] });
    (records.valid[spec.kind] as unknown[]).push({ raw: parsed.record, value: result.value });
  }
  const known: KnownRecords = { incident: recordIds(records, 'incident'), change: recordIds(records, 'change'), problem: recordIds(records, 'problem') };
  return { catalogues, records, known, locations, diagnostics };
}

const brief = (list: Diagnostic[]) => list.map((d) => `${d.file}:${d.line}:${d.column} ${d.field} ${d.message} [${d.rule}]`);

describe('referenceDiagnostics', () => {
  it('finds nothing wrong with records whose references all resolve', () => {
    const input = parse();
    expect(input.diagnostics).toEqual([]);
    expect(referenceDiagnostics(input)).toEqual([]);
  });

  it('points at each unknown application, component, region and record, at its field', () => {
    const input = parse({
      'content/incidents/INC-2026-0001.md': (t) => t.replace('regions: [AMRS]', 'regions: [APAC]').replace('component: batch', 'component: web'),
      'content/incidents/INC-2026-0002.md': (t) => t.replace('change: CHG-2026-0001', 'change: CHG-2026-0099'),
      'content/problems/PRB-2026-0001.md': (t) => t.replace('owner: ops', 'owner: nobody'),
      'content/changes/CHG-2026-0002.md': (t) => t.replace('application: settlement', 'application: ledger'),
    });
    expect(brief(referenceDiagnostics(input))).toEqual([
      'content/incidents/INC-2026-0001.md:12:1 component unknown component "web" of settlement (components: batch, db) [reference]',
      'content/incidents/INC-2026-0001.md:11:21 impact[0].regions[0] region "APAC" is not a region of settlement (regions: AMRS) [reference]',
      'content/incidents/INC-2026-0002.md:13:1 change unknown change CHG-2026-0099 (no such record under content/) [reference]',
      'content/changes/CHG-2026-0002.md:4:1 application unknown application "ledger" (not in data/applications.yaml) [reference]',
      'content/problems/PRB-2026-0001.md:8:1 owner unknown team "nobody" (not in data/teams.yaml) [reference]',
    ]);
  });

  it('flags an id that differs from its file name, and the second of two records with one id', () => {
    const copy = text('content/incidents/INC-2026-0001.md');
    const input = parse({}, { 'content/incidents/2026/INC-2026-0001.md': copy, 'content/incidents/INC-2026-0003.md': copy });
    expect(brief(referenceDiagnostics(input))).toEqual([
      'content/incidents/INC-2026-0001.md:2:1 id duplicate id INC-2026-0001, first defined in content/incidents/2026/INC-2026-0001.md [duplicate-id]',
      'content/incidents/INC-2026-0003.md:2:1 id id "INC-2026-0001" differs from the file name INC-2026-0003.md [file-name]',
      'content/incidents/INC-2026-0003.md:2:1 id duplicate id INC-2026-0001, first defined in content/incidents/2026/INC-2026-0001.md [duplicate-id]',
    ]);
  });

  it('takes record ids it was not given from the lookup, and calls nothing unknown when a catalogue could not be read', () => {
    const input = parse({ 'content/problems/PRB-2026-0001.md': (t) => t.replace('incidents: [INC-2026-0002]', 'incidents: [INC-2026-0002, INC-2025-0007]') });
    expect(brief(referenceDiagnostics(input))).toEqual([
      'content/problems/PRB-2026-0001.md:9:28 incidents[1] unknown incident INC-2025-0007 (no such record under content/) [reference]',
    ]);
    const known = { ...input.known, incident: new Set([...recordIds(input.records, 'incident'), 'INC-2025-0007']) };
    expect(referenceDiagnostics({ ...input, known })).toEqual([]);
    const unread = parse({ 'content/changes/CHG-2026-0002.md': (t) => t.replace('application: settlement', 'application: ledger') });
    const catalogues = { ...unread.catalogues, applications: { ...unread.catalogues.applications, ids: null } };
    expect(referenceDiagnostics({ ...unread, catalogues })).toEqual([]);
  });

  it('checks catalogue entries against each other: team ids, duplicate applications and people', () => {
    const input = parse(
      { 'data/applications.yaml': (t) => `${t}${t.replace('team: ops', 'team: night-shift')}` },
      { 'data/skills.yaml': '- {person: Dana Ops, team: ops, applications: {settlement: 3}}\n- {person: Dana Ops, team: ops, applications: {ledger: 2}}\n' },
    );
    expect(brief(referenceDiagnostics(input)).filter((line) => line.startsWith('data/'))).toEqual([
      'data/applications.yaml:10:3 [1].id duplicate application id "settlement" [duplicate-id]',
      'data/applications.yaml:12:3 [1].team unknown team "night-shift" (not in data/teams.yaml) [reference]',
      'data/skills.yaml:2:4 [1].person duplicate person "Dana Ops" [duplicate-id]',
      'data/skills.yaml:2:48 [1].applications.ledger unknown application "ledger" (not in data/applications.yaml) [reference]',
    ]);
  });
});

describe('export rows', () => {
  const input = parse();
  const targets = referenceTargets(input.catalogues, input.known);

  it('resolves a time row\'s team, application, component and ticket', () => {
    const check = timeRowProblems(targets);
    const row = { date: '2026-03-09', person: 'Dana Ops', team: 'ops', application: 'settlement', component: 'batch', activity: 'incident', ticket: 'INC-2026-0001', hours: 1 };
    expect(check(row as never)).toEqual([]);
    expect(check({ ...row, team: 'night', component: 'web', ticket: 'PRB-2026-0042' } as never)).toEqual([
      { field: 'team', rule: 'reference', message: 'unknown team "night" (not in data/teams.yaml)' },
      { field: 'component', rule: 'reference', message: 'unknown component "web" of settlement (components: batch, db)' },
      { field: 'ticket', rule: 'reference', message: 'unknown problem PRB-2026-0042 (no such record under content/)' },
    ]);
  });

  it("resolves an alert row's application and incident, leaving text that is no id to the row's own check", () => {
    const check = alertRowProblems(targets);
    expect(check({ application: 'ledger', component: 'api', incident: 'INC-2026-0009' })).toEqual([
      { field: 'application', rule: 'reference', message: 'unknown application "ledger" (not in data/applications.yaml)' },
      { field: 'incident', rule: 'reference', message: 'unknown incident INC-2026-0009 (no such record under content/)' },
    ]);
    expect(check({ application: 'Not A Slug', component: 'api', incident: 'nope' })).toEqual([]);
  });
});

describe('normalisation', () => {
  it('gives an impact span without regions every region of its applications, once, sorted', () => {
    expect(regionsOf([{ regions: { EMEA: 0.5, AMRS: 0.5 } }, { regions: { EMEA: 1 } }])).toEqual(['AMRS', 'EMEA']);
    const input = parse();
    const { raw, value } = input.records.valid.incident[1]!;
    const appById = new Map(input.catalogues.applications.entries.map((a) => [a.id, a]));
    const { incident, warning } = normaliseIncident(value, raw, appById, 'UTC');
    expect(incident.impact.map((span) => span.regions)).toEqual([['AMRS']]);
    expect(incident.file).toBe('content/incidents/INC-2026-0002.md');
    expect(warning).toBeNull();
    expect(normaliseIncident({ ...(value), id: 'INC-2025-0002' }, raw, appById, 'UTC').warning?.message).toBe(
      'id year 2025 differs from the year the incident started (2026 in UTC)',
    );
  });
});

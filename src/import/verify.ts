// What an import is about to write, checked in memory by the loader's own parts (the schemas, the record parser,
// the catalogue validator, the reference rules) before any file is touched: what `npm run check` would refuse is
// never written.
import path from 'node:path';
import { stringify } from 'yaml';
import { applicationSchema, applicationsFileSchema, customerSchema, customersFileSchema, personSkillsSchema, recordKindSpec, skillsFileSchema, teamSchema, teamsFileSchema } from '../schema/index.ts';
import type { RecordKind } from '../schema/index.ts';
import type { z } from '../schema/zod.ts';
import { parseYamlText, readYamlFile, validateCatalogue } from '../load/catalogues.ts';
import { formatDiagnostic, type Diagnostic } from '../load/diagnostics.ts';
import { Locations } from '../load/locations.ts';
import { parseRecordText } from '../load/markdown.ts';
import { checkedSections, idsByFileName, type ParsedRecords } from '../load/records.ts';
import { referenceDiagnostics } from '../load/references.ts';
import { validateWith } from '../load/validate.ts';
import { YamlSource } from '../load/yaml-source.ts';

/** A diagnostic as one line of the report, without its file (the report names the source row instead). */
export const diagnosticText = (d: Diagnostic) => formatDiagnostic(d);

/**
 * The loader's objections to one catalogue entry about to be appended, or [] when it would be accepted.
 *
 * @example catalogueEntryProblems('team', { id: 'ops' }) // ['data/teams.yaml:1:3  error  [0].name  …']
 */
export function catalogueEntryProblems(kind: 'team' | 'application', entry: Record<string, unknown>): string[] {
  const rel = kind === 'team' ? 'data/teams.yaml' : 'data/applications.yaml';
  const text = stringify([entry], { lineWidth: 0, aliasDuplicateObjects: false });
  const parsed = parseYamlText(rel, text, []);
  if (parsed === null) return [`${rel}: the entry does not read back as YAML`];
  const schema = (kind === 'team' ? teamSchema : applicationSchema) as z.ZodType;
  const result = validateWith(schema, (parsed.data as unknown[])[0], { file: rel, source: parsed.source, basePath: [0] });
  return result.ok ? [] : result.diagnostics.map(diagnosticText);
}

/** A record file the import is about to write, relative to the root, with its whole text. */
export interface PlannedRecord {
  kind: RecordKind;
  rel: string;
  text: string;
}

/**
 * The loader's errors about each planned record, by its path: its parse, its schema, its id against its file
 * name, and its references against the catalogues as they will be after the import (`teamsText`,
 * `applicationsText`) and the records that exist or are planned. Records not listed have none.
 */
export function plannedRecordProblems(
  root: string,
  catalogues: { teamsText: string; applicationsText: string },
  planned: readonly PlannedRecord[],
  plannedIds: Partial<Record<'incident' | 'change' | 'problem', ReadonlySet<string>>> = {},
): Map<string, Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const locations = new Locations();
  const catalogue = <T>(rel: string, text: string | null, schema: z.ZodType<T[]>, element: z.ZodType<T>, required: boolean) =>
    validateCatalogue(rel, text === null ? readYamlFile(root, rel, []) : parseYamlText(rel, text, []), schema, element, required, [], locations);
  const found = {
    teams: catalogue('data/teams.yaml', catalogues.teamsText, teamsFileSchema as z.ZodType<z.output<typeof teamSchema>[]>, teamSchema, true),
    applications: catalogue('data/applications.yaml', catalogues.applicationsText, applicationsFileSchema as z.ZodType<z.output<typeof applicationSchema>[]>, applicationSchema, true),
    customers: catalogue('data/customers.yaml', null, customersFileSchema as z.ZodType<z.output<typeof customerSchema>[]>, customerSchema, false),
    skills: catalogue('data/skills.yaml', null, skillsFileSchema as z.ZodType<z.output<typeof personSkillsSchema>[]>, personSkillsSchema, false),
  };
  const records: Pick<ParsedRecords, 'valid' | 'invalid'> = { valid: { incident: [], postmortem: [], change: [], problem: [] }, invalid: [] };
  const ownIds: Record<'incident' | 'change' | 'problem', Set<string>> = { incident: new Set(), change: new Set(), problem: new Set() };
  for (const { kind, rel, text } of planned) {
    const parsed = parseRecordText(rel, text);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    locations.set(parsed.record.data as object, { file: rel, source: parsed.record.source, basePath: [] });
    const result = validateWith(recordKindSpec(kind).schema as z.ZodType, parsed.record.data, { file: rel, source: parsed.record.source });
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      records.invalid.push({ kind, raw: parsed.record });
      continue;
    }
    locations.set(result.value as object, { file: rel, source: parsed.record.source, basePath: [] });
    (records.valid[kind] as unknown[]).push({ raw: parsed.record, value: result.value });
    // The sections the body must have (a normal change's plans), by the loader's own rule.
    checkedSections(parsed.record, (recordKindSpec(kind).sectionsRequired as (value: unknown) => readonly string[])(result.value), diagnostics);
    if (kind !== 'postmortem') ownIds[kind].add(path.posix.basename(rel, '.md'));
  }
  const known = (kind: 'incident' | 'change' | 'problem') => {
    const onDisk = idsByFileName(root, kind, ownIds[kind]);
    const more = plannedIds[kind];
    return { has: (id: string) => more?.has(id) === true || onDisk.has(id) };
  };
  diagnostics.push(...referenceDiagnostics({ catalogues: found, records, known: { incident: known('incident'), change: known('change'), problem: known('problem') }, locations }));
  const byFile = new Map<string, Diagnostic[]>();
  const plannedFiles = new Set(planned.map((p) => p.rel));
  for (const d of diagnostics) {
    if (d.severity !== 'error' || !plannedFiles.has(d.file)) continue;
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  return byFile;
}

/** The YAML source of a text, for locating a diagnostic in it. */
export const sourceOf = (text: string) => new YamlSource(text, 1);

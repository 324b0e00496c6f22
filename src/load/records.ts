// The four kinds of record under content/: listed, named, decoded, parsed and validated, file by file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { recordKinds, recordKindSpec, type RecordKind } from '../schema/index.ts';
import type { z } from '../schema/zod.ts';
import type { Diagnostic } from './diagnostics.ts';
import { listFiles } from './file-list.ts';
import { error, type Locations } from './locations.ts';
import { findSection, parseRecordText, sectionsOf, type RawRecord, type Section } from './markdown.ts';
import { decodeUtf8 } from './utf8.ts';
import { validateWith } from './validate.ts';

type SchemaOf<K extends RecordKind> = Extract<(typeof recordKinds)[number], { kind: K }>['schema'];

/** The records read, by how far they got: validated, parsed but invalid, or not readable at all. */
export interface ParsedRecords {
  valid: { [K in RecordKind]: { raw: RawRecord; value: z.output<SchemaOf<K>> }[] };
  /** Records whose frontmatter parsed but did not validate: their references are still checked. */
  invalid: { kind: RecordKind; raw: RawRecord }[];
  /** Ids of files that could not be read at all: they exist, so references to them are not dangling. */
  unreadable: { kind: RecordKind; id: string }[];
  /** Files looked at, named right or not. */
  fileCount: number;
}

/**
 * Reads every record under content/ (or only the record files in `only`), each file checked for its name, its
 * encoding, its frontmatter and its schema; problems added to `diagnostics`, every parsed record located.
 */
export function readRecords(root: string, only: ReadonlySet<string> | undefined, diagnostics: Diagnostic[], locations: Locations): ParsedRecords {
  const records: ParsedRecords = { valid: { incident: [], postmortem: [], change: [], problem: [] }, invalid: [], unreadable: [], fileCount: 0 };
  for (const { kind, dir, prefix, idPattern, schema } of recordKinds) {
    // Given files only: the other records are not even listed; references to them are looked up by file name.
    const files = only ? [...only].filter((file) => file.startsWith(`${dir}/`)).sort() : listFiles(root, dir);
    for (const file of files) {
      const name = path.posix.basename(file);
      records.fileCount++;
      if (!(name.endsWith('.md') && idPattern.test(name.slice(0, -'.md'.length)))) {
        diagnostics.push(error(file, 1, 1, 'file-name', '', `not a ${kind} file: expected ${dir}/**/${prefix}-YYYY-NNNN.md, NNNN four or more digits`));
        continue;
      }
      const decoded = decodeUtf8(file, readFileSync(path.join(root, file)));
      const parsed = decoded.ok ? parseRecordText(file, decoded.text) : { ok: false as const, diagnostics: [decoded.diagnostic] };
      if (!parsed.ok) {
        diagnostics.push(...parsed.diagnostics);
        records.unreadable.push({ kind, id: path.posix.basename(file, '.md') });
        continue;
      }
      locations.set(parsed.record.data as object, { file, source: parsed.record.source, basePath: [] });
      const result = validateWith(schema as z.ZodType, parsed.record.data, { file, source: parsed.record.source });
      if (!result.ok) {
        diagnostics.push(...result.diagnostics);
        records.invalid.push({ kind, raw: parsed.record });
        continue;
      }
      locations.set(result.value as object, { file, source: parsed.record.source, basePath: [] });
      (records.valid[kind] as { raw: RawRecord; value: unknown }[]).push({ raw: parsed.record, value: result.value });
    }
  }
  return records;
}

/** The id a record's frontmatter gives, as written (any type). */
export const rawId = (raw: RawRecord): unknown => (raw.data as { id?: unknown }).id;

/**
 * Ids of the records of `kind` that exist: validated, invalid with a text id, or unreadable (by file name).
 *
 * @example recordIds(records, 'incident').has('INC-2026-0001')
 */
export function recordIds(records: ParsedRecords, kind: RecordKind): Set<string> {
  return new Set(
    [
      ...records.valid[kind].map((r) => r.value.id),
      ...records.invalid.filter((r) => r.kind === kind).map((r) => rawId(r.raw)),
      ...records.unreadable.filter((r) => r.kind === kind).map((r) => r.id),
    ].filter((id) => typeof id === 'string'),
  );
}

/** Where a record of this id is filed: `<kind folder>/<year>/ID.md`, or directly in the kind's folder. */
export function filedPaths(dir: string, id: string): string[] {
  return [`${dir}/${id.split('-')[1]}/${id}.md`, `${dir}/${id}.md`];
}

/** Something that knows whether a record id exists. */
export interface IdLookup {
  has(id: string): boolean;
}

/**
 * With given files only, an id not among them is known when a file of that name exists: where records are filed
 * (<kind>/<year>/ID.md or <kind>/ID.md), else anywhere below the kind's folder (listed once, on the first miss).
 */
export function idsByFileName(root: string, kind: RecordKind, parsed: Set<string>): IdLookup {
  const dir = recordKindSpec(kind).dir;
  let listed: Set<string> | undefined;
  return {
    has: (id: string) =>
      parsed.has(id) ||
      filedPaths(dir, id).some((file) => existsSync(path.join(root, file))) ||
      (listed ??= new Set(listFiles(root, dir).map((file) => path.posix.basename(file, '.md')))).has(id),
  };
}

/** The sections of a record's body, each heading in `required` checked present and not empty. */
export function checkedSections(raw: RawRecord, required: readonly string[], diagnostics: Diagnostic[]): Section[] {
  const sections = sectionsOf(raw.body, raw.bodyLine);
  for (const heading of required) {
    const section = findSection(sections, heading);
    if (!section) diagnostics.push(error(raw.file, raw.bodyLine, 1, 'section', 'body', `missing required section "## ${heading}"`));
    else if (section.markdown === '') diagnostics.push(error(raw.file, section.line, 1, 'section', 'body', `section "## ${heading}" is empty`));
  }
  return sections;
}

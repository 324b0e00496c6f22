// Loads a content root (content/ and data/), validates every file and every reference, and
// returns typed records plus every problem found — all at once, never only the first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import {
  applicationSchema,
  applicationsFileSchema,
  customerSchema,
  teamSchema,
  changeSchema,
  customersFileSchema,
  incidentSchema,
  postmortemSchema,
  problemSchema,
  siteSchema,
  slugPattern,
  teamsFileSchema,
  incidentIdPattern,
  personSkillsSchema,
  skillsFileSchema,
  type AlertData,
  type Application,
  type ChangeData,
  type Customer,
  type IncidentData,
  type PersonSkills,
  type PostmortemData,
  type ProblemData,
  type SiteConfig,
  type Team,
  type TimeEntry,
  recordKinds,
  recordKindSpec,
  referencedKindByPrefix,
  referencePattern,
  type RecordKind,
} from '../schema/index.ts';
import type { z } from '../schema/zod.ts';
import type { CapacitySeries as CoreCapacitySeries } from '../core/capacity.ts';
import type { ImpactSpan } from '../core/types.ts';
import { parseRecordId } from '../core/ids.ts';
import { monthOf } from '../core/period.ts';
import { fieldName, sortDiagnostics, type Diagnostic, type FieldPath } from './diagnostics.ts';
import { readAlertCsv, readCapacityCsv, readTimeCsv, type AlertRow, type AlertRowProblem, type RowProblem, type TimeEntryRow } from './csv.ts';
import { findSection, parseRecordText, sectionsOf, type RawRecord, type Section } from './markdown.ts';
import { validateWith } from './validate.ts';
import { YamlSource } from './yaml-source.ts';
import { decodeUtf8 } from './utf8.ts';
import { changeRuleFindings } from './change-rules.ts';

interface RecordSource {
  /** Path relative to the content root, with forward slashes. */
  file: string;
  /** Markdown body, rendered by the site (raw HTML escaped). */
  body: string;
}

export type Incident = Omit<IncidentData, 'impact'> &
  RecordSource & {
    impact: ImpactSpan[];
    /** The component per application, from impact entries that name one; others take `component`. */
    componentByApplication?: Record<string, string> | undefined;
  };
export type Postmortem = PostmortemData & RecordSource & { sections: Section[] };
export type Change = ChangeData & RecordSource & { sections: Section[] };
export type Problem = ProblemData & RecordSource;
export type { AlertRow, Application, Customer, PersonSkills, SiteConfig, Team, TimeEntryRow, Section };

/** A capacity series as the core analyses it, plus the file it came from. */
export type CapacitySeries = CoreCapacitySeries & { file: string };

export interface Repository {
  root: string;
  site: SiteConfig;
  applications: Application[];
  teams: Team[];
  customers: Customer[];
  incidents: Incident[];
  postmortems: Postmortem[];
  changes: Change[];
  problems: Problem[];
  timeEntries: TimeEntryRow[];
  capacity: CapacitySeries[];
  /** Monitoring-tool alert exports (data/alerts/*.csv), file by file, rows in file order. */
  alerts: AlertRow[];
  /** data/skills.yaml: who is trained on which application; empty when the file is absent. */
  skills: PersonSkills[];
}

export interface LoadResult {
  repository: Repository;
  diagnostics: Diagnostic[];
  /** Files read, for the check summary. */
  fileCount: number;
}

/** The content root: `OPSLEDGER_ROOT` when set, else the working directory (npm runs scripts from the project). */
export function resolveRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.OPSLEDGER_ROOT ?? '.');
}

type Kind = RecordKind;

function error(file: string, line: number, column: number, rule: string, field: string, message: string): Diagnostic {
  return { file, line, column, severity: 'error', rule, field, message };
}

/** Relative paths of the files below `dir`, sorted, dotfiles left out. */
function listFiles(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  // Relative paths by string slicing: path.relative on each of tens of thousands of records costs more than reading them.
  const prefix = `${dir}/`;
  return (readdirSync(abs, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => {
      const below = entry.parentPath.length > abs.length ? `${entry.parentPath.slice(abs.length + 1)}${path.sep}` : '';
      return prefix + (path.sep === '/' ? below : below.split(path.sep).join('/')) + entry.name;
    })
    .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')))
    .sort();
}

interface YamlFile {
  data: unknown;
  source: YamlSource;
}

function readYamlFile(root: string, rel: string, diagnostics: Diagnostic[]): YamlFile | null {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return null;
  const decoded = decodeUtf8(rel, readFileSync(abs));
  if (!decoded.ok) {
    diagnostics.push(decoded.diagnostic);
    return null;
  }
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  // The parser's later errors are mostly echoes of its first one, so only the first is reported.
  const first = doc.errors[0];
  if (first) {
    const pos = counter.linePos(first.pos[0]);
    const reason = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push(error(rel, pos.line, pos.col, 'yaml', '', `invalid YAML: ${reason}`));
    return null;
  }
  return { data: doc.toJS(), source: new YamlSource(text, 1) };
}

/** Reads and checks the site settings alone (the Astro config needs base and baseUrl before anything else). */
export function loadSiteConfig(root: string, diagnostics: Diagnostic[] = []): SiteConfig {
  const file = readYamlFile(root, 'data/site.yaml', diagnostics);
  const fallback = siteSchema.parse({ title: 'opsledger' });
  if (!file) {
    if (!diagnostics.some((d) => d.file === 'data/site.yaml'))
      diagnostics.push(error('data/site.yaml', 1, 1, 'file', '', 'missing: data/site.yaml needs at least a title'));
    return fallback;
  }
  const result = validateWith(siteSchema, file.data ?? {}, { file: 'data/site.yaml', source: file.source });
  if (result.ok) return result.value;
  diagnostics.push(...result.diagnostics);
  return fallback;
}

interface Catalogue<T> {
  /** The entries that validate. */
  entries: T[];
  /** Ids (or names) of every entry, valid or not; null when the file could not be read, so nothing can be called unknown. */
  ids: Set<string> | null;
  /** Entries that did not validate, as parsed, with their index in the file. */
  invalid: { data: unknown; index: number }[];
}

function loadCatalogue<T>(
  root: string,
  rel: string,
  schema: z.ZodArray<z.ZodType<T>> | z.ZodType<T[]>,
  element: z.ZodType<T>,
  required: boolean,
  diagnostics: Diagnostic[],
  sources: Map<object, { file: string; source: YamlSource; basePath: FieldPath }>,
): Catalogue<T> {
  const file = readYamlFile(root, rel, diagnostics);
  if (!file) {
    if (required && !diagnostics.some((d) => d.file === rel)) diagnostics.push(error(rel, 1, 1, 'file', '', `missing: ${rel} is required`));
    return { entries: [], ids: required ? null : new Set(), invalid: [] };
  }
  // Ids of invalid entries still count as present, so their own error is not echoed by every reference to them.
  const ids = new Set<string>();
  if (Array.isArray(file.data)) {
    for (const entry of file.data as unknown[]) {
      const key = (entry as { id?: unknown; name?: unknown } | null)?.id ?? (entry as { name?: unknown } | null)?.name;
      if (typeof key === 'string') ids.add(key);
    }
  }
  const result = validateWith(schema, file.data ?? (required ? undefined : []), { file: rel, source: file.source });
  if (!result.ok) {
    diagnostics.push(...result.diagnostics);
    // Keep the entries that are valid so references to them do not cascade into false errors.
    const entries = Array.isArray(file.data) ? (file.data as unknown[]) : [];
    const kept: T[] = [];
    const invalid: Catalogue<T>['invalid'] = [];
    entries.forEach((entry, i) => {
      const one = element.safeParse(entry);
      if (one.success) {
        kept.push(one.data);
        sources.set(one.data as object, { file: rel, source: file.source, basePath: [i] });
      } else {
        invalid.push({ data: entry, index: i });
        // Located too, so that references inside an invalid entry are still reported at their field.
        if (isMapping(entry)) sources.set(entry, { file: rel, source: file.source, basePath: [i] });
      }
    });
    return { entries: kept, ids: Array.isArray(file.data) ? ids : null, invalid };
  }
  result.value.forEach((entry, i) => sources.set(entry as object, { file: rel, source: file.source, basePath: [i] }));
  return { entries: result.value, ids, invalid: [] };
}

const schemas = { incident: incidentSchema, postmortem: postmortemSchema, change: changeSchema, problem: problemSchema } as const;

/** The strings of a field that holds one string or a list of them, with their list index (null for a single value). */
function stringsOf(value: unknown): [string, number | null][] {
  if (typeof value === 'string') return [[value, null]];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i) => (typeof v === 'string' ? [[v, i] as [string, number]] : []));
}

/** Where a record of this id is filed: `<kind folder>/<year>/ID.md`, or directly in the kind's folder. */
function filedPaths(dir: string, id: string): string[] {
  return [`${dir}/${id.split('-')[1]}/${id}.md`, `${dir}/${id}.md`];
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export interface LoadOptions {
  /**
   * Read and validate only these files (paths relative to the root, forward slashes). Other records are known by
   * their file names alone, so references to them resolve without parsing them; the catalogues are read for the
   * references the given files make. Diagnostics are reported for the given files only.
   */
  only?: readonly string[];
}

/**
 * Load and validate everything under `root` (or only the files `options.only` names).
 * @example
 * const { repository, diagnostics } = loadRepository('/srv/ops-records');
 * if (diagnostics.length) process.exitCode = 1;
 */
export function loadRepository(root: string, options: LoadOptions = {}): LoadResult {
  const only = options.only === undefined ? undefined : new Set(options.only);
  const diagnostics: Diagnostic[] = [];
  // Where each record came from, to point at a field when a reference fails later.
  const sources = new Map<object, { file: string; source: YamlSource; basePath: FieldPath }>();
  const at = (record: object, fieldPath: FieldPath, rule: string, message: string, severity: Diagnostic['severity'] = 'error') => {
    const where = sources.get(record);
    if (!where) return;
    const full = [...where.basePath, ...fieldPath];
    const pos = where.source.locate(full);
    diagnostics.push({ ...error(where.file, pos.line, pos.column, rule, fieldName(full), message), severity });
  };

  const site = loadSiteConfig(root, diagnostics);
  const teamCatalogue = loadCatalogue(root, 'data/teams.yaml', teamsFileSchema, teamSchema, true, diagnostics, sources);
  const appCatalogue = loadCatalogue(root, 'data/applications.yaml', applicationsFileSchema, applicationSchema, true, diagnostics, sources);
  const customerCatalogue = loadCatalogue(root, 'data/customers.yaml', customersFileSchema, customerSchema, false, diagnostics, sources);
  const teams = teamCatalogue.entries;
  const applications = appCatalogue.entries;
  const customers = customerCatalogue.entries;
  const skillsCatalogue = loadCatalogue(root, 'data/skills.yaml', skillsFileSchema, personSkillsSchema, false, diagnostics, sources);
  const skills = skillsCatalogue.entries;
  let fileCount = 4;

  const records: { [K in Kind]: { raw: RawRecord; value: z.output<(typeof schemas)[K]> }[] } = {
    incident: [],
    postmortem: [],
    change: [],
    problem: [],
  };
  // Records whose frontmatter parsed but did not validate: their references are still checked.
  const invalid: { kind: Kind; raw: RawRecord }[] = [];
  // Ids of files that could not be read at all: they exist, so references to them are not dangling.
  const unreadable: { kind: Kind; id: string }[] = [];
  for (const { kind, dir, prefix, idPattern } of recordKinds) {
    // Given files only: the other records are not even listed; references to them are looked up by file name below.
    const files = only ? [...only].filter((file) => file.startsWith(`${dir}/`)).sort() : listFiles(root, dir);
    for (const file of files) {
      const name = path.posix.basename(file);
      fileCount++;
      if (!(name.endsWith('.md') && idPattern.test(name.slice(0, -'.md'.length)))) {
        diagnostics.push(error(file, 1, 1, 'file-name', '', `not a ${kind} file: expected ${dir}/**/${prefix}-YYYY-NNNN.md, NNNN four or more digits`));
        continue;
      }
      const decoded = decodeUtf8(file, readFileSync(path.join(root, file)));
      const parsed = decoded.ok ? parseRecordText(file, decoded.text) : { ok: false as const, diagnostics: [decoded.diagnostic] };
      if (!parsed.ok) {
        diagnostics.push(...parsed.diagnostics);
        unreadable.push({ kind, id: path.posix.basename(file, '.md') });
        continue;
      }
      sources.set(parsed.record.data as object, { file, source: parsed.record.source, basePath: [] });
      const result = validateWith(schemas[kind], parsed.record.data, { file, source: parsed.record.source });
      if (!result.ok) {
        diagnostics.push(...result.diagnostics);
        invalid.push({ kind, raw: parsed.record });
        continue;
      }
      sources.set(result.value, { file, source: parsed.record.source, basePath: [] });
      (records[kind] as { raw: RawRecord; value: unknown }[]).push({ raw: parsed.record, value: result.value });
    }
  }

  // Ids: unique, and equal to the file name — for invalid records too, when their id is well formed.
  const rawId = (raw: RawRecord) => (raw.data as { id?: unknown }).id;
  const withIds: { kind: Kind; raw: RawRecord; id: string }[] = [];
  for (const kind of Object.keys(records) as Kind[]) for (const { raw, value } of records[kind]) withIds.push({ kind, raw, id: value.id });
  for (const { kind, raw } of invalid) {
    const id = rawId(raw);
    if (typeof id === 'string' && recordKindSpec(kind).idPattern.test(id)) withIds.push({ kind, raw, id });
  }
  withIds.sort((a, b) => (a.raw.file < b.raw.file ? -1 : a.raw.file > b.raw.file ? 1 : 0));
  const kindDir = (file: string) => recordKinds.find((k) => file.startsWith(`${k.dir}/`))!.dir;
  // With given files only: a record of the same id where records are filed, and sorted before this one, was defined first.
  const filedEarlier = (dir: string, id: string, file: string) =>
    filedPaths(dir, id).find((other) => other < file && !only?.has(other) && existsSync(path.join(root, other)));
  const ids = new Map<string, string>();
  for (const { raw, id } of withIds) {
    const expected = path.posix.basename(raw.file, '.md');
    if (id !== expected) at(raw.data as object, ['id'], 'file-name', `id "${id}" differs from the file name ${expected}.md`);
    const first = ids.get(id) ?? (only ? filedEarlier(kindDir(raw.file), id, raw.file) : undefined);
    if (first !== undefined) at(raw.data as object, ['id'], 'duplicate-id', `duplicate id ${id}, first defined in ${first}`);
    else ids.set(id, raw.file);
  }
  const uniqueCatalogue = <T extends object>(list: T[], key: (t: T) => string, field: string, what: string) => {
    const seen = new Set<string>();
    for (const entry of list) {
      if (seen.has(key(entry))) at(entry, [field], 'duplicate-id', `duplicate ${what} "${key(entry)}"`);
      seen.add(key(entry));
    }
  };
  uniqueCatalogue(teams, (t) => t.id, 'id', 'team id');
  uniqueCatalogue(applications, (a) => a.id, 'id', 'application id');
  uniqueCatalogue(customers, (c) => c.name, 'name', 'customer name');

  const appById = new Map(applications.map((a) => [a.id, a]));
  const idsOf = (kind: Kind) =>
    new Set(
      [
        ...records[kind].map((r) => r.value.id),
        ...invalid.filter((r) => r.kind === kind).map((r) => rawId(r.raw)),
        ...unreadable.filter((r) => r.kind === kind).map((r) => r.id),
      ].filter((id) => typeof id === 'string'),
    );
  // With given files only, an id not among them is known when a file of that name exists: where records are filed
  // (<kind>/<year>/ID.md or <kind>/ID.md), else anywhere below the kind's folder (listed once, on the first miss).
  const byFileName = (kind: 'incident' | 'change' | 'problem', parsed: Set<string>) => {
    const dir = recordKindSpec(kind).dir;
    let listed: Set<string> | undefined;
    return {
      has: (id: string) =>
        parsed.has(id) ||
        filedPaths(dir, id).some((file) => existsSync(path.join(root, file))) ||
        (listed ??= new Set(listFiles(root, dir).map((file) => path.posix.basename(file, '.md')))).has(id),
    };
  };
  const lookup = (kind: 'incident' | 'change' | 'problem') => (only ? byFileName(kind, idsOf(kind)) : idsOf(kind));
  const idSets = { incident: lookup('incident'), change: lookup('change'), problem: lookup('problem') };
  const unknownApplication = (id: string) => `unknown application "${id}" (not in data/applications.yaml)`;
  const unknownTeam = (id: string) => `unknown team "${id}" (not in data/teams.yaml)`;
  const unknownRecord = (kind: keyof typeof idSets, id: string) => `unknown ${kind} ${id} (no such record under content/)`;
  const isKnownApp = (id: string) => appCatalogue.ids === null || appCatalogue.ids.has(id);
  const isKnownTeam = (id: string) => teamCatalogue.ids === null || teamCatalogue.ids.has(id);
  const knownApp = (record: object, fieldPath: FieldPath, id: string) => {
    if (!isKnownApp(id)) at(record, fieldPath, 'reference', unknownApplication(id));
  };
  const knownTeam = (record: object, fieldPath: FieldPath, id: string) => {
    if (!isKnownTeam(id)) at(record, fieldPath, 'reference', unknownTeam(id));
  };
  const knownRecord = (record: object, fieldPath: FieldPath, kind: keyof typeof idSets, id: string) => {
    if (!idSets[kind].has(id)) at(record, fieldPath, 'reference', unknownRecord(kind, id));
  };

  for (const app of applications) {
    knownTeam(app, ['team'], app.team);
    for (const level of ['L1', 'L2', 'L3'] as const) {
      const team = app.support?.[level];
      if (team !== undefined) knownTeam(app, ['support', level], team);
    }
  }
  // Monitors and skills are checked on the parsed YAML of every entry, valid or not, so one broken field does not hide another.
  for (const app of [...applications, ...appCatalogue.invalid.map((entry) => entry.data)]) {
    if (!isMapping(app) || !Array.isArray(app.monitoring)) continue;
    const components = Array.isArray(app.components) ? app.components : null;
    app.monitoring.forEach((monitor: unknown, i: number) => {
      if (!isMapping(monitor)) return;
      const { component, owner } = monitor;
      if (components !== null && typeof component === 'string' && slugPattern.test(component) && !components.includes(component)) {
        at(app, ['monitoring', i, 'component'], 'reference', `unknown component "${component}" of ${String(app.id)} (components: ${components.join(', ')})`);
      }
      if (typeof owner === 'string' && slugPattern.test(owner)) knownTeam(app, ['monitoring', i, 'owner'], owner);
    });
  }
  const seenPeople = new Set<string>();
  for (const person of [...skills, ...skillsCatalogue.invalid.map((entry) => entry.data)]) {
    if (!isMapping(person)) continue;
    if (typeof person.person === 'string') {
      const name = person.person.trim();
      if (seenPeople.has(name)) at(person, ['person'], 'duplicate-id', `duplicate person "${name}"`);
      seenPeople.add(name);
    }
    if (typeof person.team === 'string' && slugPattern.test(person.team)) knownTeam(person, ['team'], person.team);
    if (isMapping(person.applications)) for (const id of Object.keys(person.applications)) if (slugPattern.test(id)) knownApp(person, ['applications', id], id);
  }
  customers.forEach((customer) => customer.applications.forEach((id, i) => knownApp(customer, ['applications', i], id)));

  // References checked on the parsed YAML of every record, valid or not, so one broken field does not hide another.
  // Values the schema already rejects (not an id at all) are left to the schema's own message.
  const checkReferences = (kind: Kind, raw: RawRecord) => {
    const data = raw.data as Record<string, unknown>;
    const pathOf = (field: string, i: number | null): FieldPath => (i === null ? [field] : [field, i]);
    const ownApps: string[] = [];
    if (kind === 'incident' || kind === 'change') {
      for (const field of ['application', 'applications'] as const) {
        for (const [id, i] of stringsOf(data[field])) {
          if (!slugPattern.test(id)) continue;
          ownApps.push(id);
          knownApp(data, pathOf(field, i), id);
        }
      }
    }
    const targets: [string, keyof typeof idSets][] =
      kind === 'incident'
        ? [['change', 'change'], ['problem', 'problem']]
        : kind === 'postmortem'
          ? [['incidents', 'incident'], ['followUps', 'problem']]
          : kind === 'problem'
            ? [['incidents', 'incident']]
            : [];
    for (const [field, target] of targets) {
      for (const [id, i] of stringsOf(data[field])) if (referencePattern.test(id)) knownRecord(data, pathOf(field, i), target, id);
    }
    if (kind === 'problem' && typeof data.owner === 'string' && slugPattern.test(data.owner)) knownTeam(data, ['owner'], data.owner);
    if (kind === 'incident') checkIncidentParts(data, ownApps);
  };

  // An incident's component and impact regions belong to its applications (checked only when those are all valid).
  const checkIncidentParts = (data: Record<string, unknown>, ownApps: string[]) => {
    const appsOf = (list: string[]) => {
      const known = list.map((id) => appById.get(id)).filter((a) => a !== undefined);
      return known.length === list.length && list.length > 0 ? known : null;
    };
    const apps = appsOf(ownApps);
    const component = data.component;
    if (apps && typeof component === 'string' && slugPattern.test(component) && !apps.some((a) => a.components.includes(component))) {
      at(data, ['component'], 'reference', `unknown component "${component}" of ${ownApps.join(', ')} (components: ${apps.flatMap((a) => a.components).join(', ')})`);
    }
    if (!Array.isArray(data.impact)) return;
    data.impact.forEach((span: unknown, i) => {
      if (!isMapping(span)) return;
      const spanApps = span.applications === undefined ? ownApps : stringsOf(span.applications).map(([id]) => id);
      for (const [id, j] of stringsOf(span.applications)) {
        if (!ownApps.includes(id)) at(data, ['impact', i, 'applications', j ?? 0], 'reference', `"${id}" is not one of this incident's applications`);
      }
      const known = appsOf(spanApps);
      if (!known) return;
      const spanComponent = span.component;
      if (typeof spanComponent === 'string' && slugPattern.test(spanComponent) && !known.some((a) => a.components.includes(spanComponent))) {
        at(data, ['impact', i, 'component'], 'reference', `unknown component "${spanComponent}" of ${spanApps.join(', ')} (components: ${known.flatMap((a) => a.components).join(', ')})`);
      }
      const allRegions = [...new Set(known.flatMap((a) => Object.keys(a.regions)))].sort();
      for (const [region, j] of stringsOf(span.regions)) {
        if (!allRegions.includes(region)) {
          at(data, ['impact', i, 'regions', j ?? 0], 'reference', `region "${region}" is not a region of ${spanApps.join(', ')} (regions: ${allRegions.join(', ')})`);
        }
      }
    });
  };
  for (const kind of Object.keys(records) as Kind[]) for (const { raw } of records[kind]) checkReferences(kind, raw);
  for (const { kind, raw } of invalid) checkReferences(kind, raw);

  const incidents: Incident[] = records.incident.map(({ raw, value }) => {
    const impact = (value.impact ?? [{ fraction: 1 }]).map((span) => {
      const spanApps = span.applications ?? value.applications;
      const known = spanApps.map((id) => appById.get(id)).filter((a) => a !== undefined);
      const allRegions = [...new Set(known.flatMap((a) => Object.keys(a.regions)))].sort();
      return {
        applications: spanApps,
        regions: span.regions ?? allRegions,
        fraction: span.fraction,
        ...(span.component === undefined ? {} : { component: span.component }),
        fromMs: span.from ?? value.started,
        toMs: span.to ?? value.restored ?? null,
      };
    });
    const componentByApplication: Record<string, string> = {};
    for (const span of impact) {
      if (span.component === undefined) continue;
      for (const app of span.applications) {
        // The component only counts for an application that has it: a span may cover several.
        if (appById.get(app)?.components.includes(span.component) && componentByApplication[app] === undefined) componentByApplication[app] = span.component;
      }
    }
    // The id's year names the year the incident started in the reporting zone; a mismatch is usually a
    // copied file or a typo, but records that validated before keep validating: a warning, not an error.
    const idYear = parseRecordId(value.id)?.year;
    const startedYear = Number(monthOf(value.started, site.reportingTimezone).slice(0, 4));
    if (idYear !== undefined && idYear !== startedYear) {
      const pos = raw.source.locate(['id']);
      diagnostics.push({
        file: raw.file,
        ...pos,
        severity: 'warning',
        rule: 'id-year',
        field: 'id',
        message: `id year ${idYear} differs from the year the incident started (${startedYear} in ${site.reportingTimezone})`,
      });
    }
    const perApplication = Object.keys(componentByApplication).length === 0 ? {} : { componentByApplication };
    return { ...value, impact, ...perApplication, file: raw.file, body: raw.body };
  });

  const checkSections = (raw: RawRecord, required: readonly string[]): Section[] => {
    const sections = sectionsOf(raw.body, raw.bodyLine);
    for (const heading of required) {
      const section = findSection(sections, heading);
      if (!section) diagnostics.push(error(raw.file, raw.bodyLine, 1, 'section', 'body', `missing required section "## ${heading}"`));
      else if (section.markdown === '') diagnostics.push(error(raw.file, section.line, 1, 'section', 'body', `section "## ${heading}" is empty`));
    }
    return sections;
  };

  const postmortems: Postmortem[] = records.postmortem.map(({ raw, value }) => {
    const sections = checkSections(raw, recordKindSpec('postmortem').sectionsRequired());
    return { ...value, sections, file: raw.file, body: raw.body };
  });

  // Broken change rules keep the change (it is shown with them) and warn at the field that breaks them.
  for (const { value } of records.change) {
    for (const finding of changeRuleFindings(value, site.changeLeadDays)) at(value, finding.field, finding.rule, finding.message, 'warning');
  }

  const changes: Change[] = records.change.map(({ raw, value }) => {
    const sections = checkSections(raw, recordKindSpec('change').sectionsRequired(value));
    return { ...value, sections, file: raw.file, body: raw.body };
  });

  const problems: Problem[] = records.problem.map(({ raw, value }) => {
    return { ...value, file: raw.file, body: raw.body };
  });

  // Time tracking: every row checked, references included, each at its cell.
  const checkTimeRow = (row: TimeEntry): RowProblem[] => {
    const problems: RowProblem[] = [];
    const problem = (field: RowProblem['field'], message: string) => problems.push({ field, rule: 'reference', message });
    if (!isKnownTeam(row.team)) problem('team', unknownTeam(row.team));
    const app = appById.get(row.application);
    if (!isKnownApp(row.application)) problem('application', unknownApplication(row.application));
    else if (app && !app.components.includes(row.component)) problem('component', `unknown component "${row.component}" of ${row.application} (components: ${app.components.join(', ')})`);
    const ticket = referencePattern.exec(row.ticket);
    if (ticket) {
      const kind = referencedKindByPrefix[ticket[1] as keyof typeof referencedKindByPrefix];
      if (!idSets[kind].has(row.ticket)) problem('ticket', unknownRecord(kind, row.ticket));
    }
    return problems;
  };
  const timeEntries: TimeEntryRow[] = [];
  for (const file of listFiles(root, 'data/time')) {
    if (only && !only.has(file)) continue;
    fileCount++;
    if (!file.endsWith('.csv')) {
      diagnostics.push(error(file, 1, 1, 'file-name', '', 'not a time-tracking export: expected a .csv file'));
      continue;
    }
    // Bytes, not text: the CSV parser works on bytes and would encode a string back.
    const { rows, diagnostics: found } = readTimeCsv(file, readFileSync(path.join(root, file)), checkTimeRow);
    diagnostics.push(...found);
    timeEntries.push(...rows);
  }

  // Capacity series declared by the catalogue; a CSV nobody declared is an error, not ignored.
  const capacity: CapacitySeries[] = [];
  const declaredFiles = new Set<string>();
  // An application entry that failed for another reason still declares its capacity file.
  for (const { data } of appCatalogue.invalid) {
    const file = isMapping(data) && isMapping(data.capacity) ? data.capacity.file : undefined;
    if (typeof file === 'string') declaredFiles.add(`data/capacity/${file}`);
  }
  for (const app of applications) {
    if (!app.capacity) continue;
    const rel = `data/capacity/${app.capacity.file}`;
    declaredFiles.add(rel);
    if (only && !only.has(rel) && !only.has('data/applications.yaml')) continue;
    if (!existsSync(path.join(root, rel))) {
      at(app, ['capacity', 'file'], 'reference', `capacity file ${rel} does not exist`);
      continue;
    }
    fileCount++;
    const columns = [app.capacity.volume, ...app.capacity.kpis.map((k) => k.column)];
    const { series, diagnostics: found } = readCapacityCsv(rel, readFileSync(path.join(root, rel)), columns);
    diagnostics.push(...found);
    if (series) {
      capacity.push({
        applicationId: app.id,
        file: rel,
        volumeColumn: app.capacity.volume,
        timestampMs: series.timestampMs,
        columns: series.columns,
        kpis: app.capacity.kpis,
        windowDays: app.capacity.windowDays,
      });
    }
  }
  for (const file of listFiles(root, 'data/capacity')) {
    if (only && !only.has(file)) continue;
    if (!declaredFiles.has(file)) diagnostics.push(error(file, 1, 1, 'reference', '', 'no application declares this capacity file (capacity.file in data/applications.yaml)'));
  }

  // Alert exports: every row checked, its application, component and incident resolved, each at its cell.
  // Called with the row's cells as written, so a reference is checked even when another cell of the row is bad.
  const checkAlertRow = (row: Pick<AlertData, 'application' | 'component'> & { incident: string | null }): AlertRowProblem[] => {
    const problems: AlertRowProblem[] = [];
    const problem = (field: AlertRowProblem['field'], message: string) => problems.push({ field, rule: 'reference', message });
    const app = appById.get(row.application);
    if (slugPattern.test(row.application)) {
      if (!isKnownApp(row.application)) problem('application', unknownApplication(row.application));
      else if (app && slugPattern.test(row.component) && !app.components.includes(row.component)) {
        problem('component', `unknown component "${row.component}" of ${row.application} (components: ${app.components.join(', ')})`);
      }
    }
    if (row.incident !== null && incidentIdPattern.test(row.incident) && !idSets.incident.has(row.incident)) problem('incident', unknownRecord('incident', row.incident));
    return problems;
  };
  const alerts: AlertRow[] = [];
  for (const file of listFiles(root, 'data/alerts')) {
    if (only && !only.has(file)) continue;
    fileCount++;
    if (!file.endsWith('.csv')) {
      diagnostics.push(error(file, 1, 1, 'file-name', '', 'not an alert export: expected a .csv file'));
      continue;
    }
    const { rows, diagnostics: found } = readAlertCsv(file, readFileSync(path.join(root, file)), checkAlertRow);
    diagnostics.push(...found);
    alerts.push(...rows);
  }

  return {
    repository: { root, site, applications, teams, customers, incidents, postmortems, changes, problems, timeEntries, capacity, alerts, skills },
    diagnostics: sortDiagnostics(only ? diagnostics.filter((d) => only.has(d.file)) : diagnostics),
    fileCount: only ? only.size : fileCount,
  };
}

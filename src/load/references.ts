// Every reference between records, catalogues and export rows, checked without reading a file: parsed records,
// catalogues and the ids known to exist in, located diagnostics out.
import path from 'node:path';
import { referencedKindByPrefix, referencePattern, recordKindSpec, recordKinds, slugPattern, incidentIdPattern } from '../schema/index.ts';
import type { AlertData, Application, RecordKind, ReferenceTarget, TimeEntry } from '../schema/index.ts';
import { compareText } from '../core/compare.ts';
import type { AlertRowProblem, RowProblem } from './csv.ts';
import type { Diagnostic, FieldPath } from './diagnostics.ts';
import { isMapping, type Catalogues } from './catalogues.ts';
import type { Locations } from './locations.ts';
import type { RawRecord } from './markdown.ts';
import { regionsOf } from './normalise.ts';
import { rawId, type IdLookup, type ParsedRecords } from './records.ts';

/** The kinds a reference can name, each with the ids that exist. */
export type KnownRecords = Record<'incident' | 'change' | 'problem', IdLookup>;

export interface ReferenceInput {
  catalogues: Pick<Catalogues, 'teams' | 'applications' | 'customers' | 'skills'>;
  records: Pick<ParsedRecords, 'valid' | 'invalid'>;
  /** The record ids that exist (including records not parsed, when only some files are checked). */
  known: KnownRecords;
  /** Where every record and catalogue entry was read. */
  locations: Locations;
  /** With given files only: a file outside them that defines `id` and sorts before `file`, which then came first. */
  filedEarlier?: (dir: string, id: string, file: string) => string | undefined;
}

/** The strings of a field that holds one string or a list of them, with their list index (null for a single value). */
function stringsOf(value: unknown): [string, number | null][] {
  if (typeof value === 'string') return [[value, null]];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i) => (typeof v === 'string' ? [[v, i] as [string, number]] : []));
}

const unknownApplication = (id: string) => `unknown application "${id}" (not in data/applications.yaml)`;
const unknownTeam = (id: string) => `unknown team "${id}" (not in data/teams.yaml)`;
const unknownRecord = (kind: keyof KnownRecords, id: string) => `unknown ${kind} ${id} (no such record under content/)`;
const unknownComponent = (component: string, of: string, components: readonly string[]) => `unknown component "${component}" of ${of} (components: ${components.join(', ')})`;

/** What references are checked against: the catalogues' ids (null: the file could not be read, so anything goes) and the record ids. */
export interface ReferenceTargets {
  applicationIds: Set<string> | null;
  teamIds: Set<string> | null;
  applications: readonly Application[];
  known: KnownRecords;
}

function resolver(targets: ReferenceTargets) {
  const appById = new Map(targets.applications.map((a) => [a.id, a]));
  return {
    appById,
    isKnownApp: (id: string) => targets.applicationIds === null || targets.applicationIds.has(id),
    isKnownTeam: (id: string) => targets.teamIds === null || targets.teamIds.has(id),
  };
}

/** The targets of `input`: its catalogues' ids and its known records. */
export function referenceTargets(catalogues: Pick<Catalogues, 'teams' | 'applications'>, known: KnownRecords): ReferenceTargets {
  return { applicationIds: catalogues.applications.ids, teamIds: catalogues.teams.ids, applications: catalogues.applications.entries, known };
}

/**
 * The reference problems of a time-tracking row: its team, application, component and ticket, each at its cell.
 *
 * @example timeRowProblems(targets)({ team: 'ops', application: 'payments', component: 'api', ticket: 'INC-2026-0001', … })
 */
export function timeRowProblems(targets: ReferenceTargets): (row: TimeEntry) => RowProblem[] {
  const { appById, isKnownApp, isKnownTeam } = resolver(targets);
  return (row) => {
    const problems: RowProblem[] = [];
    const problem = (field: RowProblem['field'], message: string) => problems.push({ field, rule: 'reference', message });
    if (!isKnownTeam(row.team)) problem('team', unknownTeam(row.team));
    const app = appById.get(row.application);
    if (!isKnownApp(row.application)) problem('application', unknownApplication(row.application));
    else if (app && !app.components.includes(row.component)) problem('component', unknownComponent(row.component, row.application, app.components));
    const ticket = referencePattern.exec(row.ticket);
    if (ticket) {
      const kind = referencedKindByPrefix[ticket[1] as keyof typeof referencedKindByPrefix];
      if (!targets.known[kind].has(row.ticket)) problem('ticket', unknownRecord(kind, row.ticket));
    }
    return problems;
  };
}

/**
 * The reference problems of an alert row, from its cells as written, so a reference is checked even when another
 * cell of the row is bad: its application, component and incident.
 */
export function alertRowProblems(targets: ReferenceTargets): (row: Pick<AlertData, 'application' | 'component'> & { incident: string | null }) => AlertRowProblem[] {
  const { appById, isKnownApp } = resolver(targets);
  return (row) => {
    const problems: AlertRowProblem[] = [];
    const problem = (field: AlertRowProblem['field'], message: string) => problems.push({ field, rule: 'reference', message });
    const app = appById.get(row.application);
    if (slugPattern.test(row.application)) {
      if (!isKnownApp(row.application)) problem('application', unknownApplication(row.application));
      else if (app && slugPattern.test(row.component) && !app.components.includes(row.component)) {
        problem('component', unknownComponent(row.component, row.application, app.components));
      }
    }
    if (row.incident !== null && incidentIdPattern.test(row.incident) && !targets.known.incident.has(row.incident)) problem('incident', unknownRecord('incident', row.incident));
    return problems;
  };
}

/** Puts a located diagnostic at `fieldPath` of `value`, when the value was read from a file. */
type Report = (value: object, fieldPath: FieldPath, rule: string, message: string) => void;

/** What the reference checks below share: where to report, and what exists. */
interface Checks extends ReturnType<typeof resolver> {
  at: Report;
  known: KnownRecords;
}

/**
 * Whether `id` has the form of what `target` names: what does not is left to the schema's own message.
 *
 * @example hasTargetForm('team', 'Ops Team') // false
 */
function hasTargetForm(target: ReferenceTarget, id: string): boolean {
  return target === 'application' || target === 'team' ? slugPattern.test(id) : referencePattern.test(id);
}

/** Reports `id` at `fieldPath` of `value` unless the application, team or record it names exists. */
function checkReference(check: Checks, value: object, fieldPath: FieldPath, target: ReferenceTarget, id: string): void {
  if (target === 'application') {
    if (!check.isKnownApp(id)) check.at(value, fieldPath, 'reference', unknownApplication(id));
  } else if (target === 'team') {
    if (!check.isKnownTeam(id)) check.at(value, fieldPath, 'reference', unknownTeam(id));
  } else if (!check.known[target].has(id)) {
    check.at(value, fieldPath, 'reference', unknownRecord(target, id));
  }
}

/** Ids unique and equal to the file name, for invalid records too when their id is well formed. */
function recordIdDiagnostics(input: ReferenceInput, at: Report): void {
  const withIds: { kind: RecordKind; raw: RawRecord; id: string }[] = [];
  for (const { kind } of recordKinds) for (const { raw, value } of input.records.valid[kind]) withIds.push({ kind, raw, id: value.id });
  for (const { kind, raw } of input.records.invalid) {
    const id = rawId(raw);
    if (typeof id === 'string' && recordKindSpec(kind).idPattern.test(id)) withIds.push({ kind, raw, id });
  }
  withIds.sort((a, b) => compareText(a.raw.file, b.raw.file));
  const firstFile = new Map<string, string>();
  for (const { kind, raw, id } of withIds) {
    const expected = path.posix.basename(raw.file, '.md');
    if (id !== expected) at(raw.data as object, ['id'], 'file-name', `id "${id}" differs from the file name ${expected}.md`);
    const first = firstFile.get(id) ?? input.filedEarlier?.(recordKindSpec(kind).dir, id, raw.file);
    if (first !== undefined) at(raw.data as object, ['id'], 'duplicate-id', `duplicate id ${id}, first defined in ${first}`);
    else firstFile.set(id, raw.file);
  }
}

/** Entries of one catalogue whose key is taken by an earlier entry. */
function uniqueCatalogue<T extends object>(at: Report, list: T[], key: (t: T) => string, field: string, what: string): void {
  const seen = new Set<string>();
  for (const entry of list) {
    if (seen.has(key(entry))) at(entry, [field], 'duplicate-id', `duplicate ${what} "${key(entry)}"`);
    seen.add(key(entry));
  }
}

/** The catalogues' own references: applications' teams and monitors, skills' people, teams and applications, customers' applications. */
function catalogueDiagnostics(catalogues: ReferenceInput['catalogues'], check: Checks): void {
  const applications = catalogues.applications.entries;
  uniqueCatalogue(check.at, catalogues.teams.entries, (t) => t.id, 'id', 'team id');
  uniqueCatalogue(check.at, applications, (a) => a.id, 'id', 'application id');
  uniqueCatalogue(check.at, catalogues.customers.entries, (c) => c.name, 'name', 'customer name');
  for (const app of applications) {
    checkReference(check, app, ['team'], 'team', app.team);
    for (const level of ['L1', 'L2', 'L3'] as const) {
      const team = app.support?.[level];
      if (team !== undefined) checkReference(check, app, ['support', level], 'team', team);
    }
  }
  // Monitors and skills are checked on the parsed YAML of every entry, valid or not, so one broken field does not hide another.
  for (const app of [...applications, ...catalogues.applications.invalid.map((entry) => entry.data)]) {
    if (!isMapping(app) || !Array.isArray(app.monitoring)) continue;
    const components = Array.isArray(app.components) ? app.components : null;
    app.monitoring.forEach((monitor: unknown, i: number) => {
      if (!isMapping(monitor)) return;
      const { component, owner } = monitor;
      if (components !== null && typeof component === 'string' && slugPattern.test(component) && !components.includes(component)) {
        check.at(app, ['monitoring', i, 'component'], 'reference', unknownComponent(component, String(app.id), components));
      }
      if (typeof owner === 'string' && slugPattern.test(owner)) checkReference(check, app, ['monitoring', i, 'owner'], 'team', owner);
    });
  }
  const seenPeople = new Set<string>();
  for (const person of [...catalogues.skills.entries, ...catalogues.skills.invalid.map((entry) => entry.data)]) {
    if (!isMapping(person)) continue;
    if (typeof person.person === 'string') {
      const name = person.person.trim();
      if (seenPeople.has(name)) check.at(person, ['person'], 'duplicate-id', `duplicate person "${name}"`);
      seenPeople.add(name);
    }
    if (typeof person.team === 'string' && slugPattern.test(person.team)) checkReference(check, person, ['team'], 'team', person.team);
    if (isMapping(person.applications)) {
      for (const id of Object.keys(person.applications)) if (slugPattern.test(id)) checkReference(check, person, ['applications', id], 'application', id);
    }
  }
  catalogues.customers.entries.forEach((customer) => {
    customer.applications.forEach((id, i) => checkReference(check, customer, ['applications', i], 'application', id));
  });
}

/** The catalogue entries of `ids`, or null when one is unknown or there are none (then nothing is checked against them). */
function knownApplications(check: Checks, ids: string[]): Application[] | null {
  const found = ids.map((id) => check.appById.get(id)).filter((a) => a !== undefined);
  return found.length === ids.length && ids.length > 0 ? found : null;
}

/** An incident's component and impact regions belong to its applications (checked only when those are all valid). */
function incidentPartDiagnostics(data: Record<string, unknown>, ownApps: string[], check: Checks): void {
  const apps = knownApplications(check, ownApps);
  const component = data.component;
  if (apps && typeof component === 'string' && slugPattern.test(component) && !apps.some((a) => a.components.includes(component))) {
    check.at(data, ['component'], 'reference', unknownComponent(component, ownApps.join(', '), apps.flatMap((a) => a.components)));
  }
  if (!Array.isArray(data.impact)) return;
  data.impact.forEach((span: unknown, i) => {
    if (!isMapping(span)) return;
    const spanApps = span.applications === undefined ? ownApps : stringsOf(span.applications).map(([id]) => id);
    for (const [id, j] of stringsOf(span.applications)) {
      if (!ownApps.includes(id)) check.at(data, ['impact', i, 'applications', j ?? 0], 'reference', `"${id}" is not one of this incident's applications`);
    }
    const spanKnown = knownApplications(check, spanApps);
    if (!spanKnown) return;
    const spanComponent = span.component;
    if (typeof spanComponent === 'string' && slugPattern.test(spanComponent) && !spanKnown.some((a) => a.components.includes(spanComponent))) {
      check.at(data, ['impact', i, 'component'], 'reference', unknownComponent(spanComponent, spanApps.join(', '), spanKnown.flatMap((a) => a.components)));
    }
    const allRegions = regionsOf(spanKnown);
    for (const [region, j] of stringsOf(span.regions)) {
      if (!allRegions.includes(region)) {
        check.at(data, ['impact', i, 'regions', j ?? 0], 'reference', `region "${region}" is not a region of ${spanApps.join(', ')} (regions: ${allRegions.join(', ')})`);
      }
    }
  });
}

/**
 * The references of one record, read from its kind's `references` column (src/schema/record-kinds.ts), on the
 * parsed YAML of every record, valid or not, so one broken field does not hide another.
 */
function recordReferenceDiagnostics(kind: RecordKind, raw: RawRecord, check: Checks): void {
  const data = raw.data as Record<string, unknown>;
  const ownApps: string[] = [];
  const references: Partial<Record<string, ReferenceTarget>> = recordKindSpec(kind).references;
  for (const [field, target] of Object.entries(references)) {
    if (target === undefined) continue;
    for (const [id, i] of stringsOf(data[field])) {
      if (!hasTargetForm(target, id)) continue;
      if (target === 'application') ownApps.push(id);
      checkReference(check, data, i === null ? [field] : [field, i], target, id);
    }
  }
  if (kind === 'incident') incidentPartDiagnostics(data, ownApps, check);
}

/**
 * Every problem with ids and references among parsed records and catalogues: ids equal to their file names and
 * unique, catalogue ids unique, and every application, team, component, region and record a field names known.
 * Reads no file; the diagnostics are in the order found (the loader sorts them).
 *
 * @example referenceDiagnostics({ catalogues, records, known, locations }) // [{ file: 'content/incidents/…', rule: 'reference', … }]
 */
export function referenceDiagnostics(input: ReferenceInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at: Report = (value, fieldPath, rule, message) => {
    const found = input.locations.at(value, fieldPath, rule, message);
    if (found) diagnostics.push(found);
  };
  const check: Checks = { ...resolver(referenceTargets(input.catalogues, input.known)), at, known: input.known };
  recordIdDiagnostics(input, at);
  catalogueDiagnostics(input.catalogues, check);
  for (const { kind } of recordKinds) for (const { raw } of input.records.valid[kind]) recordReferenceDiagnostics(kind, raw, check);
  for (const { kind, raw } of input.records.invalid) recordReferenceDiagnostics(kind, raw, check);
  return diagnostics;
}

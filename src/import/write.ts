// Writes an import batch into a content root, respecting what people wrote:
// - catalogue entries (applications, teams) are appended when new; existing entries are never rewritten;
// - an incident is matched to its record by `external` (system + id), never duplicated;
// - a new record is created with its body; an existing record's body is never touched;
// - an importer-owned field is updated only when it still holds what the importer last wrote there.
//   The state file `.opsledger/import/<system>.json` keeps, per source id, a hash of each owned field's
//   value as written; a field whose current value hashes differently was edited by a person and is kept.
// Re-running the same import computes the same values and writes no file. What is about to be written is checked
// by the loader's rules first (verify.ts); every file is replaced atomically and every record written is journalled
// in `.opsledger/import/<system>.journal` at once, folded into the state file at the end of the run.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Document, parseDocument, stringify } from 'yaml';
import { formatRecordId, parseRecordId } from '../core/ids.ts';
import { monthOf } from '../core/period.ts';
import { yamlValues } from '../load/yaml-values.ts';
import { loadSiteConfig } from '../load/repository.ts';
import type { ImportBatch, ImportNote, ImportedCatalogueEntry, ImportedIncident } from './model.ts';
import { compareText } from '../core/compare.ts';
import { recordKindSpec } from '../schema/index.ts';
import { appendLine, writeFileAtomic } from './files.ts';
import { catalogueEntryProblems, plannedRecordProblems } from './verify.ts';
import type { Diagnostic } from '../load/diagnostics.ts';

export interface WriteSummary {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  applicationsCreated: string[];
  teamsCreated: string[];
  notes: ImportNote[];
  /** Files written (created or changed), relative to the root. */
  filesWritten: string[];
}

interface StateRecord {
  id: string;
  file: string;
  /** Field name → hash of the value the importer last wrote. */
  fields: Record<string, string>;
}
interface State {
  records?: Record<string, StateRecord>;
}

/** JSON with keys sorted, so equal values compare equal whatever order a file writes them in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  // JSON.stringify gives undefined, not text, for undefined (a field left out): typed as it behaves.
  const text = JSON.stringify(value) as string | undefined;
  return text ?? 'null';
}

const hashOf = (value: unknown) => createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 16);

const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/;

/** Reads a record's frontmatter as plain values (timestamps stay text), or null when it has none. */
function readFrontmatter(text: string): { data: Record<string, unknown>; match: RegExpExecArray } | null {
  const match = FRONTMATTER.exec(text);
  if (!match) return null;
  try {
    const data = yamlValues(match[2] ?? '');
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? { data: data as Record<string, unknown>, match } : null;
  } catch {
    return null;
  }
}

function listMarkdown(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md') && !e.name.startsWith('.'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * Record ids of one kind by their external id in `system`, e.g. problems imported from ServiceNow,
 * so an incident's source reference can point at its record.
 */
export function recordsByExternal(root: string, dir: string, system: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const abs of listMarkdown(path.join(root, dir))) {
    const ext = readFrontmatter(readFileSync(abs, 'utf8'))?.data.external as { system?: unknown; id?: unknown } | undefined;
    if (ext && typeof ext === 'object' && ext.system === system) found.set(String(ext.id), path.basename(abs, '.md'));
  }
  return found;
}

/** The text of a new record. */
export function recordText(id: string, fields: Record<string, unknown>, body: string): string {
  const doc = new Document({ id, ...fields }, { aliasDuplicateObjects: false });
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`;
}

/** The text of a YAML list file with new entries appended, every existing byte left as it was. */
function appendedText(file: string, entries: Record<string, unknown>[]): string {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (entries.length === 0) return before;
  const separator = before === '' || before.endsWith('\n') ? '' : '\n';
  // An empty list written as "[]" cannot take appended entries; that file is the only one replaced.
  const keep = /^\s*(\[\s*\]|~|null)?\s*$/.test(before.replace(/^#.*$/gm, '')) ? before.replace(/^\s*(\[\s*\]|~|null)\s*$/m, '') : before;
  return keep + separator + stringify(entries, { lineWidth: 0, aliasDuplicateObjects: false });
}

function readList(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  const data = yamlValues(readFileSync(file, 'utf8'));
  return Array.isArray(data) ? (data as unknown[]).filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object') : [];
}

const externalKey = (system: unknown, id: unknown) => `${String(system)}\u0000${String(id)}`;

/** The import state as read: the state file, then the journal of records written since it (a killed run's work). */
function readState(stateFile: string, journalFile: string): { records: Map<string, StateRecord>; before: string; journalled: number } {
  const before = existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : '';
  const records = new Map<string, StateRecord>();
  if (before !== '') {
    const parsed = JSON.parse(before) as State;
    for (const [id, entry] of Object.entries(parsed.records ?? {})) records.set(id, entry);
  }
  let journalled = 0;
  if (existsSync(journalFile)) {
    for (const line of readFileSync(journalFile, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const { source, record } = JSON.parse(line) as { source: string; record: StateRecord };
        records.set(source, record);
        journalled++;
      } catch {
        // The last line of a killed run may be cut: the record it names is adopted by its values instead.
      }
    }
  }
  return { records, before, journalled };
}

function stateText(records: Map<string, StateRecord>): string {
  const sorted = [...records].sort(([a], [b]) => compareText(a, b));
  return `${JSON.stringify({ records: Object.fromEntries(sorted) }, null, 1)}\n`;
}

/** New catalogue entries the loader accepts; the others are reported and left out (with whatever refers to them). */
function acceptedEntries(kind: 'team' | 'application', entries: ImportedCatalogueEntry[], notes: ImportNote[]): ImportedCatalogueEntry[] {
  return entries.filter((entry) => {
    const problems = catalogueEntryProblems(kind, entry.entry);
    if (problems.length === 0) return true;
    notes.push({ kind: 'skipped', where: `${kind} "${entry.key}"`, message: `not added to the catalogue, the loader would refuse it: ${problems.join('; ')}` });
    return false;
  });
}

interface Planned {
  incident: ImportedIncident;
  fields: Record<string, unknown>;
  /** A new record (its year, for numbering) or the record it updates. */
  create: { year: number } | null;
  existing?: ExistingRecord;
  changes?: [string, unknown][];
  rel: string;
  text: string;
  id: string;
}
interface ExistingRecord {
  file: string;
  id: string;
  data: Record<string, unknown>;
  text: string;
  match: RegExpExecArray;
}

/**
 * Writes `batch` into the content root `root` and says what it did. Everything about to be written is first
 * checked by the loader's rules in memory; a record it would refuse is skipped with the loader's message. Each
 * file is replaced atomically, and every record written is journalled at once, so a killed run resumes exactly.
 *
 * @example writeBatch('/srv/ops', statuspageBatch).created // 1282 on the first run, 0 on the second
 */
export function writeBatch(root: string, batch: ImportBatch, options: { afterRecord?: (written: number) => void } = {}): WriteSummary {
  const notes = [...batch.notes];
  const filesWritten: string[] = [];
  const site = loadSiteConfig(root);
  const zone = site.reportingTimezone;
  const kind = batch.kind ?? 'incident';
  const spec = recordKindSpec(kind);

  // Teams: appended when their id is new.
  const teamsRel = 'data/teams.yaml';
  const teamsFile = path.join(root, teamsRel);
  const teamIds = new Set(readList(teamsFile).map((t) => String(t.id)));
  const newTeams = acceptedEntries('team', batch.teams.filter((t) => !teamIds.has(t.id)), notes);
  for (const team of newTeams) teamIds.add(team.id);

  // Applications: matched by external first, then by id (a team may have created it by hand: it is used as it is).
  const appsRel = 'data/applications.yaml';
  const appsFile = path.join(root, appsRel);
  const existingApps = readList(appsFile);
  const byExternal = new Map<string, Record<string, unknown>>();
  const byId = new Map<string, Record<string, unknown>>();
  for (const app of existingApps) {
    byId.set(String(app.id), app);
    const ext = app.external as { system?: unknown; id?: unknown } | undefined;
    if (ext && typeof ext === 'object') byExternal.set(externalKey(ext.system, ext.id), app);
  }
  const appIdFor = new Map<string, string>();
  const candidates: ImportedCatalogueEntry[] = [];
  for (const app of batch.applications) {
    const ext = app.entry.external as { system: string; id: string } | undefined;
    const sameExternal = ext ? byExternal.get(externalKey(ext.system, ext.id)) : undefined;
    const sameId = byId.get(app.id);
    const sameIdExternal = sameId?.external as { system?: unknown; id?: unknown } | undefined;
    const existing = sameExternal ?? (sameId && !(ext && sameIdExternal && typeof sameIdExternal === 'object' && externalKey(sameIdExternal.system, sameIdExternal.id) !== externalKey(ext.system, ext.id)) ? sameId : undefined);
    if (existing) {
      appIdFor.set(app.id, String(existing.id));
      continue;
    }
    let id = app.id;
    for (let n = 2; byId.has(id); n++) id = `${app.id}-${n}`;
    if (id !== app.id) notes.push({ kind: 'repaired', where: `application "${app.key}"`, message: `id "${app.id}" is taken in data/applications.yaml by another source's application: given "${id}"` });
    const entry = { ...app, id, entry: { ...app.entry, id } };
    appIdFor.set(app.id, id);
    byId.set(id, entry.entry);
    candidates.push(entry);
  }
  const newApps = acceptedEntries('application', candidates.filter((a) => teamIds.has(String(a.entry.team)) || notes.push({ kind: 'skipped', where: `application "${a.key}"`, message: `its team "${String(a.entry.team)}" is not in data/teams.yaml` }) < 0), notes);
  for (const app of candidates) if (!newApps.includes(app)) byId.delete(app.id);
  const teamsText = appendedText(teamsFile, newTeams.map((t) => t.entry));
  const appsText = appendedText(appsFile, newApps.map((a) => a.entry));
  const componentsOf = (appId: string) => {
    const list = byId.get(appId)?.components;
    return Array.isArray(list) ? list.map(String) : [];
  };

  // Existing records of the kind: by external, and the numbers already taken in each year.
  const recordsDir = path.join(root, spec.dir);
  const recordByExternal = new Map<string, ExistingRecord>();
  const lastSequence = new Map<number, number>();
  for (const abs of listMarkdown(recordsDir)) {
    const id = path.basename(abs, '.md');
    const parts = parseRecordId(id);
    if (parts) lastSequence.set(parts.year, Math.max(lastSequence.get(parts.year) ?? 0, parts.sequence));
    const text = readFileSync(abs, 'utf8');
    const front = readFrontmatter(text);
    const ext = front?.data.external as { system?: unknown; id?: unknown } | undefined;
    if (front && ext && typeof ext === 'object' && ext.system === batch.system) {
      recordByExternal.set(externalKey(ext.system, ext.id), { file: abs, id, data: front.data, text, match: front.match });
    }
  }

  const stateFile = path.join(root, '.opsledger/import', `${batch.system}.json`);
  const journalFile = path.join(root, '.opsledger/import', `${batch.system}.journal`);
  const state = readState(stateFile, journalFile);

  const ownedOf = (fields: Record<string, unknown>) => [...new Set([...Object.keys(fields), ...batch.ownedFields])];
  let unchanged = 0;
  const planned: Planned[] = [];
  const ordered = [...batch.incidents].sort((a, b) => a.startedMs - b.startedMs || compareText(a.external.id, b.external.id));
  const seen = new Set<string>();
  for (const incident of ordered) {
    const key = externalKey(incident.external.system, incident.external.id);
    if (seen.has(key)) {
      notes.push({ kind: 'skipped', where: incident.where, message: `${incident.external.system} id "${incident.external.id}" appears twice in the source; the first is imported` });
      continue;
    }
    seen.add(key);
    const fields = resolveReferences(incident.fields, appIdFor, componentsOf, incident.where, notes);
    const existing = recordByExternal.get(key);
    if (!existing) {
      const year = Number(monthOf(incident.startedMs, zone).slice(0, 4));
      planned.push({ incident, fields, create: { year }, rel: '', text: '', id: '' });
      continue;
    }
    const rel = path.relative(root, existing.file).split(path.sep).join('/');
    const written = state.records.get(incident.external.id);
    const entry: StateRecord = written ? { ...written, fields: { ...written.fields } } : { id: existing.id, file: rel, fields: {} };
    const changes: [string, unknown][] = [];
    for (const field of ownedOf(fields)) {
      const value = fields[field];
      const currentHash = hashOf(existing.data[field]);
      if (currentHash === hashOf(value)) {
        // What the importer would write is there: it owns it (a run killed before its journal line is resumed so).
        entry.fields[field] = currentHash;
        continue;
      }
      const lastWritten = written?.fields[field];
      if (lastWritten !== undefined && lastWritten === currentHash) changes.push([field, value]);
      else notes.push({ kind: 'kept', where: `${existing.id} (${incident.where})`, message: `${field} was edited in ${rel}; the source's new value is not written` });
    }
    if (changes.length === 0) {
      state.records.set(incident.external.id, entry);
      unchanged++;
      continue;
    }
    const doc = parseDocument(existing.match[2] ?? '');
    for (const [field, value] of changes) {
      if (value === undefined) doc.delete(field);
      else doc.set(field, value);
    }
    const body = existing.text.slice(existing.match[0].length);
    planned.push({ incident, fields, create: null, existing, changes, rel, id: existing.id, text: `${existing.match[1]}${doc.toString({ lineWidth: 0 })}${existing.match[3]}${body}` });
  }

  // New records are numbered in start order, each year after the numbers taken; numbered again once the
  // records the loader refuses are left out, so no number is skipped.
  const number = (list: Planned[]) => {
    const next = new Map(lastSequence);
    for (const p of list) {
      if (!p.create) continue;
      const sequence = (next.get(p.create.year) ?? 0) + 1;
      next.set(p.create.year, sequence);
      p.id = formatRecordId(spec.prefix, p.create.year, sequence);
      p.rel = `${spec.dir}/${p.create.year}/${p.id}.md`;
      p.text = recordText(p.id, p.fields, p.incident.body);
    }
  };
  number(planned);
  // Checked a thousand at a time, so a history of tens of thousands of records is never all parsed at once.
  const plannedIds = new Set(planned.map((p) => p.id));
  const problems = new Map<string, Diagnostic[]>();
  for (let i = 0; i < planned.length; i += 1000) {
    const chunk = planned.slice(i, i + 1000).map((p) => ({ kind, rel: p.rel, text: p.text }));
    for (const [file, found] of plannedRecordProblems(root, { teamsText, applicationsText: appsText }, chunk, { [kind]: plannedIds })) problems.set(file, found);
  }
  const accepted = planned.filter((p) => {
    const found = problems.get(p.rel);
    if (!found) return true;
    notes.push({ kind: 'skipped', where: p.incident.where, message: `not written, the loader would refuse it: ${found.map((d) => `${d.field ? `${d.field}: ` : ''}${d.message}`).join('; ')}` });
    return false;
  });
  number(accepted);

  // Writing: catalogues first (records refer to them), then each record, journalled as soon as it is in place.
  // A catalogue the loader requires and the root lacks is created (empty when the import adds nothing to it).
  for (const [file, rel, text, added] of [
    [teamsFile, teamsRel, teamsText, newTeams.length],
    [appsFile, appsRel, appsText, newApps.length],
  ] as const) {
    if (added > 0 || (accepted.length > 0 && !existsSync(file))) {
      writeFileAtomic(file, text === '' ? '[]\n' : text);
      filesWritten.push(rel);
    }
  }
  mkdirSync(path.dirname(journalFile), { recursive: true });
  let created = 0;
  let updated = 0;
  for (const p of accepted) {
    const abs = path.join(root, p.rel);
    writeFileAtomic(abs, p.text);
    filesWritten.push(p.rel);
    let entry: StateRecord;
    if (p.create) {
      entry = { id: p.id, file: p.rel, fields: Object.fromEntries(ownedOf(p.fields).map((k) => [k, hashOf(p.fields[k])])) };
      recordByExternal.set(externalKey(p.incident.external.system, p.incident.external.id), { file: abs, id: p.id, data: {}, text: '', match: [] as unknown as RegExpExecArray });
      created++;
    } else {
      const written = state.records.get(p.incident.external.id);
      entry = written ? { ...written, fields: { ...written.fields } } : { id: p.id, file: p.rel, fields: {} };
      for (const field of ownedOf(p.fields)) if (hashOf(p.existing!.data[field]) === hashOf(p.fields[field])) entry.fields[field] = hashOf(p.fields[field]);
      for (const [field, value] of p.changes!) entry.fields[field] = hashOf(value);
      updated++;
    }
    state.records.set(p.incident.external.id, entry);
    appendLine(journalFile, JSON.stringify({ source: p.incident.external.id, record: entry }));
    options.afterRecord?.(created + updated);
  }

  const text = stateText(state.records);
  if (text !== state.before) {
    writeFileAtomic(stateFile, text);
    filesWritten.push(path.relative(root, stateFile).split(path.sep).join('/'));
  }
  if (existsSync(journalFile)) rmSync(journalFile);
  return {
    created,
    updated,
    unchanged,
    skipped: notes.filter((n) => n.kind === 'skipped').length,
    applicationsCreated: newApps.map((a) => a.id),
    teamsCreated: newTeams.map((t) => t.id),
    notes,
    filesWritten,
  };
}

/**
 * The incident's application ids as the catalogue knows them, and its components checked against them:
 * a component an existing application does not list becomes its `unspecified` component (or its first)
 * and the change is reported, because the importer never rewrites a catalogue entry.
 */
function resolveReferences(
  fields: Record<string, unknown>,
  appIdFor: Map<string, string>,
  componentsOf: (appId: string) => string[],
  where: string,
  notes: ImportNote[],
): Record<string, unknown> {
  const app = (id: unknown) => appIdFor.get(String(id)) ?? String(id);
  const out: Record<string, unknown> = { ...fields };
  if (out.application !== undefined) out.application = app(out.application);
  if (Array.isArray(out.applications)) out.applications = [...new Set(out.applications.map(app))];
  const apps: string[] = typeof out.application === 'string' ? [out.application] : ((out.applications as string[] | undefined) ?? []);
  const fix = (component: string, appIds: string[], what: string): string => {
    const all = appIds.flatMap(componentsOf);
    if (all.length === 0 || all.includes(component)) return component;
    const replacement = all.includes('unspecified') ? 'unspecified' : all[0]!;
    notes.push({ kind: 'repaired', where, message: `${what} "${component}" is not a component of ${appIds.join(', ')} in data/applications.yaml; recorded as "${replacement}"` });
    return replacement;
  };
  if (typeof out.component === 'string') out.component = fix(out.component, apps, 'component');
  if (Array.isArray(out.impact)) {
    out.impact = (out.impact as Record<string, unknown>[]).map((span) => {
      const next = { ...span };
      if (Array.isArray(next.applications)) next.applications = (next.applications as string[]).map(app);
      if (typeof next.component === 'string') next.component = fix(next.component, (next.applications as string[] | undefined) ?? apps, 'impact component');
      return next;
    });
  }
  return out;
}

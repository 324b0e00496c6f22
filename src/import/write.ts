// Writes an import batch into a content root, respecting what people wrote:
// - catalogue entries (applications, teams) are appended when new; existing entries are never rewritten;
// - an incident is matched to its record by `external` (system + id), never duplicated;
// - a new record is created with its body; an existing record's body is never touched;
// - an importer-owned field is updated only when it still holds what the importer last wrote there.
//   The state file `.opsledger/import/<system>.json` keeps, per source id, a hash of each owned field's
//   value as written; a field whose current value hashes differently was edited by a person and is kept.
// Re-running the same import computes the same values and writes no file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, parseDocument, stringify } from 'yaml';
import { formatRecordId, parseRecordId } from '../core/ids.ts';
import { monthOf } from '../core/period.ts';
import { yamlValues } from '../load/yaml-values.ts';
import { loadSiteConfig } from '../load/repository.ts';
import type { ImportBatch, ImportNote, ImportedCatalogueEntry } from './model.ts';
import { compareText } from '../core/compare.ts';

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
  records: Record<string, StateRecord>;
}

/** JSON with keys sorted, so equal values compare equal whatever order a file writes them in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
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
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
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

/** Appends new entries to a YAML list file, leaving every existing byte as it was. */
function appendEntries(file: string, entries: Record<string, unknown>[]): void {
  if (entries.length === 0) return;
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const separator = before === '' || before.endsWith('\n') ? '' : '\n';
  // An empty list written as "[]" cannot take appended entries; that file is the only one replaced.
  const keep = /^\s*(\[\s*\]|~|null)?\s*$/.test(before.replace(/^#.*$/gm, '')) ? before.replace(/^\s*(\[\s*\]|~|null)\s*$/m, '') : before;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, keep + separator + stringify(entries, { lineWidth: 0, aliasDuplicateObjects: false }));
}

function readList(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  const data = yamlValues(readFileSync(file, 'utf8'));
  return Array.isArray(data) ? (data as Record<string, unknown>[]).filter((e) => e !== null && typeof e === 'object') : [];
}

const externalKey = (system: unknown, id: unknown) => `${String(system)}\u0000${String(id)}`;

/**
 * Writes `batch` into the content root `root` and says what it did.
 *
 * @example writeBatch('/srv/ops', statuspageBatch).created // 1282 on the first run, 0 on the second
 */
export function writeBatch(root: string, batch: ImportBatch): WriteSummary {
  const notes = [...batch.notes];
  const filesWritten: string[] = [];
  const site = loadSiteConfig(root);
  const zone = site.reportingTimezone;

  // Teams: appended when their id is new.
  const teamsFile = path.join(root, 'data/teams.yaml');
  const teamIds = new Set(readList(teamsFile).map((t) => String(t.id)));
  const newTeams = batch.teams.filter((t) => !teamIds.has(t.id));
  appendEntries(teamsFile, newTeams.map((t) => t.entry));
  if (newTeams.length > 0) filesWritten.push('data/teams.yaml');

  // Applications: matched by external first, then by id (a team may have created it by hand: it is used as it is).
  const appsFile = path.join(root, 'data/applications.yaml');
  const existingApps = readList(appsFile);
  const byExternal = new Map<string, Record<string, unknown>>();
  const byId = new Map<string, Record<string, unknown>>();
  for (const app of existingApps) {
    byId.set(String(app.id), app);
    const ext = app.external as { system?: unknown; id?: unknown } | undefined;
    if (ext && typeof ext === 'object') byExternal.set(externalKey(ext.system, ext.id), app);
  }
  const appIdFor = new Map<string, string>();
  const newApps: ImportedCatalogueEntry[] = [];
  for (const app of batch.applications) {
    const ext = app.entry.external as { system: string; id: string } | undefined;
    const existing = (ext && byExternal.get(externalKey(ext.system, ext.id))) ?? byId.get(app.id);
    if (existing) {
      appIdFor.set(app.id, String(existing.id));
      continue;
    }
    appIdFor.set(app.id, app.id);
    byId.set(app.id, app.entry);
    newApps.push(app);
  }
  appendEntries(appsFile, newApps.map((a) => a.entry));
  if (newApps.length > 0) filesWritten.push('data/applications.yaml');
  const componentsOf = (appId: string) => {
    const list = byId.get(appId)?.components;
    return Array.isArray(list) ? list.map(String) : [];
  };

  // Existing incident records: by external, and the numbers already taken in each year.
  const incidentsDir = path.join(root, 'content/incidents');
  const recordByExternal = new Map<string, { file: string; id: string; data: Record<string, unknown>; text: string; match: RegExpExecArray }>();
  const lastSequence = new Map<number, number>();
  for (const abs of listMarkdown(incidentsDir)) {
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
  const stateBefore = existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : '';
  const state: State = stateBefore === '' ? { records: {} } : (JSON.parse(stateBefore) as State);

  const ownedOf = (fields: Record<string, unknown>) => [...new Set([...Object.keys(fields), ...batch.ownedFields])];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const ordered = [...batch.incidents].sort((a, b) => a.startedMs - b.startedMs || compareText(a.external.id, b.external.id));
  for (const incident of ordered) {
    const fields = resolveReferences(incident.fields, appIdFor, componentsOf, incident.where, notes);
    const key = externalKey(incident.external.system, incident.external.id);
    const existing = recordByExternal.get(key);
    if (!existing) {
      const year = Number(monthOf(incident.startedMs, zone).slice(0, 4));
      const sequence = (lastSequence.get(year) ?? 0) + 1;
      lastSequence.set(year, sequence);
      const id = formatRecordId('INC', year, sequence);
      const rel = `content/incidents/${year}/${id}.md`;
      const abs = path.join(root, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, recordText(id, fields, incident.body), { flag: 'wx' });
      filesWritten.push(rel);
      state.records[incident.external.id] = { id, file: rel, fields: Object.fromEntries(ownedOf(fields).map((k) => [k, hashOf(fields[k])])) };
      recordByExternal.set(key, { file: abs, id, data: {}, text: '', match: [] as unknown as RegExpExecArray });
      created++;
      continue;
    }
    const rel = path.relative(root, existing.file).split(path.sep).join('/');
    const written = state.records[incident.external.id];
    const changes: [string, unknown][] = [];
    for (const field of ownedOf(fields)) {
      const value = fields[field];
      const current = existing.data[field];
      const currentHash = hashOf(current);
      if (currentHash === hashOf(value)) continue;
      const lastWritten = written?.fields[field];
      if (lastWritten !== undefined && lastWritten === currentHash) changes.push([field, value]);
      else notes.push({ kind: 'kept', where: `${existing.id} (${incident.where})`, message: `${field} was edited in ${rel}; the source's new value is not written` });
    }
    if (changes.length === 0) {
      unchanged++;
      continue;
    }
    const doc = parseDocument(existing.match[2] ?? '');
    for (const [field, value] of changes) {
      if (value === undefined) doc.delete(field);
      else doc.set(field, value);
    }
    const body = existing.text.slice(existing.match[0].length);
    writeFileSync(existing.file, `${existing.match[1]}${doc.toString({ lineWidth: 0 })}${existing.match[3]}${body}`);
    filesWritten.push(rel);
    const entry = written ?? { id: existing.id, file: rel, fields: {} };
    for (const [field, value] of changes) entry.fields[field] = hashOf(value);
    state.records[incident.external.id] = entry;
    updated++;
  }

  const sortedState: State = { records: Object.fromEntries(Object.entries(state.records).sort(([a], [b]) => compareText(a, b))) };
  const stateText = `${JSON.stringify(sortedState, null, 1)}\n`;
  if (stateText !== stateBefore) {
    mkdirSync(path.dirname(stateFile), { recursive: true });
    writeFileSync(stateFile, stateText);
    filesWritten.push(path.relative(root, stateFile).split(path.sep).join('/'));
  }
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
  const apps: string[] = out.application !== undefined ? [String(out.application)] : ((out.applications as string[] | undefined) ?? []);
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

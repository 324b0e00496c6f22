// ServiceNow incident table exported as CSV → an import batch. One row per incident, or the audit-log
// form with many rows per `number`: the row with the highest sys_mod_count gives the incident's values,
// the rows' state changes give its update timeline. The CSV is streamed: 141,712 rows stay cheap.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DateTime } from 'luxon';
import type { ImportMap } from './map.ts';
import { defaultMappings, lookup, slugify } from './map.ts';
import type { ImportBatch, ImportNote, ImportedCatalogueEntry, ImportedIncident } from './model.ts';
import { importedApplication, placeholderTeam } from './catalogue-entries.ts';
import { compareText } from '../core/compare.ts';
import { z } from '../schema/zod.ts';
import { cleanText, fieldLimits, ImportStop, sourceText } from './source-file.ts';

const REQUIRED = ['number', 'opened_at', 'priority'] as const;
const MISSING = '?';

export type Row = Record<string, string>;
interface Aggregate {
  number: string;
  firstLine: number;
  lastLine: number;
  best: Row;
  bestMod: number;
  events: { atMs: number; at: string; mod: number; state: string; line: number }[];
}

/** Whether a cell holds a value (ServiceNow exports write a missing one as "?" or leave it empty). */
const has = (value: string | undefined): value is string => value !== undefined && value.trim() !== '' && value.trim() !== MISSING;

/** A source time read: ISO text with the zone's offset, epoch milliseconds, and what was decided when the local time was not one instant. */
export interface SourceTime {
  iso: string;
  ms: number;
  /** Set when the local time does not exist (clocks went forward) or exists twice (clocks went back). */
  dst?: string;
}

/**
 * The instant(s) a wall-clock time names in `zone`: none in a DST gap, two in a DST overlap, else one. The
 * rule (README): a time in a gap is moved forward by the gap (02:30 on a night that skips 02:00–03:00 is 03:30);
 * a time in an overlap is the first of its two instants (before the clocks went back). Either is reported.
 */
export function resolveLocal(wall: DateTime, zone: string): SourceTime | null {
  const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (Number.isNaN(wallMs)) return null;
  const offsets = new Set<number>();
  for (const shift of [-36, -12, 0, 12, 36]) offsets.add(DateTime.fromMillis(wallMs + shift * 3_600_000, { zone }).offset);
  const instants = [...offsets]
    .map((offset) => wallMs - offset * 60_000)
    .filter((ms) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm:ss') === wall.toFormat('yyyy-MM-dd HH:mm:ss'))
    .sort((a, b) => a - b);
  const shown = wall.toFormat('yyyy-MM-dd HH:mm');
  const at = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
  if (instants.length === 0) {
    const moved = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second }, { zone });
    if (!moved.isValid) return null;
    const iso = moved.toISO({ suppressMilliseconds: true });
    return { iso, ms: moved.toMillis(), dst: `local time ${shown} does not exist in ${zone} (clocks went forward): read as ${iso}` };
  }
  if (instants.length > 1) {
    return { iso: at(instants[0]!), ms: instants[0]!, dst: `local time ${shown} happens twice in ${zone} (clocks went back): read as the first, ${at(instants[0]!)}, not ${at(instants[instants.length - 1]!)}` };
  }
  return { iso: at(instants[0]!), ms: instants[0]! };
}

/**
 * Reads naive day-first (`29/2/2016 01:16`) or ISO timestamps in `zone` (an offset in the text wins),
 * as the ISO text with the zone's offset and epoch milliseconds; null when unreadable or not a real date.
 *
 * @example readServicenowTime('29/2/2016 01:16', 'America/Sao_Paulo') // { iso: '2016-02-29T01:16:00-03:00', ms: 1456719360000 }
 */
export function readServicenowTime(text: string, zone: string): SourceTime | null {
  const t = text.trim();
  if (/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}(:\d{2})?$/.test(t)) {
    const wall = DateTime.fromFormat(t, t.split(':').length === 3 ? 'd/M/yyyy H:mm:ss' : 'd/M/yyyy H:mm', { zone: 'UTC' });
    return wall.isValid ? resolveLocal(wall, zone) : null;
  }
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(t)) {
    const dt = DateTime.fromISO(t.replace(' ', 'T'), { setZone: true });
    if (!dt.isValid) return null;
    const iso = dt.setZone(zone).toISO({ suppressMilliseconds: true });
    return iso === null ? null : { iso, ms: dt.toMillis() };
  }
  const wall = DateTime.fromISO(t.replace(' ', 'T'), { zone: 'UTC' });
  return wall.isValid ? resolveLocal(wall, zone) : null;
}

/** The leading number of a coded value such as "3 - Moderate". */
const codeOf = (value: string | undefined) => /^\s*(\d+)/.exec(value ?? '')?.[1];

/**
 * Distinct ids for distinct source names: the --map's id when it names one (two names to one id merge them on
 * purpose), else the slug, and when two names give the same slug ("Core Banking", "Core/Banking") the later
 * (in text order) gets "-2", "-3"…, reported. `reserved` ids are taken already.
 *
 * @example distinctIds(['Core Banking', 'Core/Banking'], new Map(), 'application', notes) // Map { 'Core Banking' → 'core-banking', 'Core/Banking' → 'core-banking-2' }
 */
export function distinctIds(names: Iterable<string>, mapped: ReadonlyMap<string, string>, what: string, notes: ImportNote[], reserved: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  const owner = new Map<string, string>(reserved.map((id) => [id, `the ${id} ${what}`]));
  const sorted = [...new Set(names)].sort(compareText);
  for (const name of sorted) {
    const given = mapped.get(name);
    if (given !== undefined) {
      out.set(name, given);
      owner.set(given, `"${name}"`);
    }
  }
  for (const name of sorted) {
    if (out.has(name)) continue;
    const base = slugify(name);
    let id = base;
    for (let n = 2; owner.has(id); n++) id = `${base}-${n}`;
    if (id !== base) notes.push({ kind: 'repaired', where: `${what} "${name}"`, message: `gives the id "${base}", already given to ${owner.get(base)}: "${id}" instead (name both under --map to merge them)` });
    owner.set(id, `"${name}"`);
    out.set(name, id);
  }
  return out;
}

/** The cells the import needs from a row, checked as text (a row short of cells is a located skip). */
const servicenowRowSchema = z.looseObject({ number: z.string(), opened_at: z.string(), priority: z.string() });

/**
 * The header of a CSV as columns, refusing a repeated column (csv-parse would keep the last cell silently).
 *
 * @example csvColumns('a.csv')(['number', 'priority', 'priority']) // throws: repeated column "priority" (columns 2 and 3)
 */
export function csvColumns(file: string): (header: string[]) => string[] {
  return (header) => {
    const seen = new Map<string, number>();
    const repeated: string[] = [];
    header.forEach((raw, i) => {
      const name = raw.trim();
      const first = seen.get(name);
      if (first !== undefined) repeated.push(`"${name}" (columns ${first + 1} and ${i + 1})`);
      else seen.set(name, i);
    });
    if (repeated.length > 0) throw new ImportStop(`${file}:1: repeated column${repeated.length > 1 ? 's' : ''} ${repeated.join(', ')} in the header: which one holds the value is unknown; rename or remove one`);
    return header.map((h) => h.trim());
  };
}

/** Rows of a CSV text with their line numbers; a repeated header column and a CSV syntax error stop the import. */
export async function* csvRows(text: string, file: string, delimiter = ','): AsyncGenerator<{ record: Row; line: number }> {
  const parser = Readable.from([text]).pipe(parse({ columns: csvColumns(file), info: true, skip_empty_lines: true, relax_column_count: true, bom: true, delimiter }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) yield { record, line: info.lines };
  } catch (error) {
    if (error instanceof ImportStop) throw error;
    const e = error as Error & { lines?: number };
    throw new ImportStop(`${file}:${e.lines ?? '?'}: not readable as CSV: ${e.message}`);
  }
}

/**
 * Streams a ServiceNow incident CSV into an import batch, following the mapping in the README.
 * `existing` says which source problem and change ids already have records (by external id).
 */
export async function servicenowBatch(
  data: string | Buffer,
  file: string,
  map: ImportMap,
  zone: string,
  existing: { problems: Map<string, string>; changes: Map<string, string> } = { problems: new Map(), changes: new Map() },
): Promise<ImportBatch> {
  const notes: ImportNote[] = [];
  const clean = (value: string, where: string, field: string, limit: number) => cleanText(value, where, field, limit, notes);
  const byNumber = new Map<string, Aggregate>();
  const timeCache = new Map<string, SourceTime | null>();
  const time = (text: string | undefined) => {
    if (!has(text)) return null;
    let known = timeCache.get(text);
    if (known === undefined) {
      known = readServicenowTime(text, zone);
      timeCache.set(text, known);
    }
    return known;
  };

  const text = typeof data === 'string' ? data : sourceText(file, data);
  let header: string[] | null = null;
  let rows = 0;
  for await (const { record, line } of csvRows(text, file)) {
    rows++;
    if (header === null) {
      header = Object.keys(record);
      const missing = REQUIRED.filter((c) => !header!.includes(c));
      if (missing.length > 0) throw new ImportStop(`${file}:1: not a ServiceNow incident export: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    }
    const checked = servicenowRowSchema.safeParse(record);
    if (!checked.success) {
      notes.push({ kind: 'skipped', where: `${file}:${line}`, message: `row has ${Object.keys(record).length} of the header's ${header.length} cells: ${checked.error.issues.map((i) => i.path.join('.')).join(', ')} missing` });
      continue;
    }
    const number = record.number!.trim();
    if (!has(number)) {
      notes.push({ kind: 'skipped', where: `${file}:${line}`, message: 'row without a number' });
      continue;
    }
    const mod = Number(record.sys_mod_count ?? 0);
    const updated = time(record.sys_updated_at) ?? time(record.opened_at);
    let agg = byNumber.get(number);
    if (!agg) {
      agg = { number, firstLine: line, lastLine: line, best: record, bestMod: mod, events: [] };
      byNumber.set(number, agg);
    } else if (!(mod < agg.bestMod)) {
      agg.best = record;
      agg.bestMod = mod;
    }
    agg.lastLine = line;
    if (updated) agg.events.push({ atMs: updated.ms, at: updated.iso, mod, state: (record.incident_state ?? '').trim(), line });
  }
  if (header === null) throw new ImportStop(`${file}: no rows, only ${text.trim() === '' ? 'blank text' : 'a header'}: nothing to import`);
  if (byNumber.size === 0) throw new ImportStop(`${file}: none of its ${rows} rows is a ServiceNow incident with a number: nothing imported`);

  const severityOf = lookup<string>(defaultMappings.severity.servicenow, map.severity);
  const fractionOf = lookup<number>(defaultMappings.fraction.servicenow, map.fraction);
  const channelOf = lookup<string>(defaultMappings.channels.servicenow, map.channels);
  const appName = (row: Row) => (has(row.cmdb_ci) ? row.cmdb_ci.trim() : has(row.category) ? row.category.trim() : null);

  // Ids for every name first, so that names which slug alike get distinct ids whatever order the rows come in.
  const appNamesSeen = new Set<string>();
  const componentNamesSeen = new Map<string, Set<string>>();
  const groupNamesSeen = new Set<string>();
  for (const agg of byNumber.values()) {
    const name = appName(agg.best);
    if (name !== null) appNamesSeen.add(name);
    if (has(agg.best.subcategory)) {
      const key = name ?? '';
      const set = componentNamesSeen.get(key) ?? new Set<string>();
      set.add(agg.best.subcategory.trim());
      componentNamesSeen.set(key, set);
    }
    if (has(agg.best.assignment_group)) groupNamesSeen.add(agg.best.assignment_group.trim());
  }
  const appIds = distinctIds(appNamesSeen, lookup<string>(map.applications), 'application', notes, ['unspecified']);
  const componentMap = lookup<string>(map.components);
  const componentIds = new Map<string, Map<string, string>>();
  for (const [app, names] of componentNamesSeen) componentIds.set(app, distinctIds(names, componentMap, `component of ${app === '' ? 'unspecified' : `"${app}"`}`, notes, ['unspecified']));
  const teamIds = distinctIds(groupNamesSeen, lookup<string>(map.teams), 'team', notes);
  const appOf = (row: Row) => {
    const name = appName(row);
    return name === null ? 'unspecified' : appIds.get(name)!;
  };
  const componentOf = (row: Row) => (has(row.subcategory) ? componentIds.get(appName(row) ?? '')!.get(row.subcategory.trim())! : 'unspecified');

  const incidents: ImportedIncident[] = [];
  const appComponents = new Map<string, Set<string>>();
  const appNames = new Map<string, string>();
  const appGroups = new Map<string, Map<string, number>>();
  const groups = new Map<string, string>();
  let lastMs = 0;
  for (const agg of byNumber.values()) {
    const row = agg.best;
    const number = clean(agg.number, `${file}:${agg.firstLine}`, 'number', fieldLimits.name);
    const where = `${file}:${agg.firstLine}${agg.lastLine !== agg.firstLine ? `-${agg.lastLine}` : ''} (${number})`;
    const dstNote = (column: string, t: SourceTime | null) => {
      if (t?.dst) notes.push({ kind: 'repaired', where, message: `${column}: ${t.dst}` });
    };
    const opened = time(row.opened_at);
    if (!opened) {
      notes.push({ kind: 'skipped', where, message: `opened_at "${row.opened_at ?? ''}" is not a real date and time (day/month/year hour:minute, or ISO 8601)` });
      continue;
    }
    const severity = severityOf.get(codeOf(row.priority) ?? '');
    if (severity === undefined) {
      notes.push({ kind: 'skipped', where, message: `priority "${row.priority ?? ''}" has no severity (add it under severity: in --map)` });
      continue;
    }
    const state = (row.incident_state ?? '').trim();
    const isDone = state === 'Resolved' || state === 'Closed';
    let restored = time(row.resolved_at);
    let restoredFrom = 'resolved_at';
    if (has(row.resolved_at) && !restored) notes.push({ kind: 'repaired', where, message: `resolved_at "${row.resolved_at}" is not a real date and time: not used` });
    if (!restored && isDone) {
      restoredFrom = time(row.closed_at) ? 'closed_at' : 'sys_updated_at';
      restored = time(row.closed_at) ?? time(row.sys_updated_at);
      if (!restored) {
        notes.push({ kind: 'skipped', where, message: `${state}, but neither resolved_at, closed_at nor sys_updated_at is a real date and time: its end is unknown, and it is not recorded as open` });
        continue;
      }
      notes.push({ kind: 'repaired', where, message: `${state} without resolved_at: restored taken from ${restoredFrom} ${restored.iso}` });
    }
    if (restored && restored.ms < opened.ms) {
      notes.push({ kind: 'skipped', where, message: `restored before started: ${restoredFrom} ${row[restoredFrom]} is before opened_at ${row.opened_at}` });
      continue;
    }
    dstNote('opened_at', opened);
    dstNote(restoredFrom, restored);
    lastMs = Math.max(lastMs, opened.ms);
    const status = restored ? 'resolved' : 'open';
    const events = agg.events.sort((a, b) => a.atMs - b.atMs || a.mod - b.mod || a.line - b.line);
    const updates: { at: string; text: string; kind: string }[] = [];
    let previous = '';
    for (const event of events) {
      if (event.state === previous || event.state === '') continue;
      const stateText = clean(event.state, `${file}:${event.line}`, 'incident_state', fieldLimits.name);
      updates.push({ at: event.at, text: previous === '' ? `State: ${stateText}` : `State: ${clean(previous, `${file}:${event.line}`, 'incident_state', fieldLimits.name)} → ${stateText}`, kind: event.state === 'Resolved' ? 'restored' : 'update' });
      previous = event.state;
    }
    const firstWork = events.find((e) => e.state !== 'New' && e.state !== '');
    let acknowledged = firstWork && firstWork.atMs >= opened.ms ? firstWork.at : opened.iso;
    if (restored && Date.parse(acknowledged) > restored.ms) acknowledged = restored.iso;
    const app = appOf(row);
    const component = componentOf(row);
    if (!appNames.has(app)) appNames.set(app, clean(appName(row) ?? 'Unspecified', where, 'application name', fieldLimits.name));
    if (!appComponents.has(app)) appComponents.set(app, new Set());
    appComponents.get(app)!.add(component);
    if (has(row.assignment_group)) {
      const team = teamIds.get(row.assignment_group.trim())!;
      groups.set(team, clean(row.assignment_group.trim(), where, 'assignment_group', fieldLimits.name));
      const counts = appGroups.get(app) ?? new Map<string, number>();
      counts.set(team, (counts.get(team) ?? 0) + 1);
      appGroups.set(app, counts);
    }
    const impactCode = codeOf(row.impact);
    const fraction = impactCode === undefined ? undefined : fractionOf.get(impactCode);
    if (has(row.impact) && fraction === undefined) notes.push({ kind: 'repaired', where, message: `impact "${row.impact}" has no fraction (add it under fraction: in --map): full impact recorded` });
    const bodyLines = [`Imported from ServiceNow incident ${number} (${file}, lines ${agg.firstLine}–${agg.lastLine}).`, ''];
    const facts: [string, string, string | undefined][] = [
      ['Assignment group', 'assignment_group', row.assignment_group],
      ['Category', 'category', row.category],
      ['Subcategory', 'subcategory', row.subcategory],
      ['Symptom', 'u_symptom', row.u_symptom],
      ['Configuration item', 'cmdb_ci', row.cmdb_ci],
      ['Contact type', 'contact_type', row.contact_type],
      ['Impact', 'impact', row.impact],
      ['Urgency', 'urgency', row.urgency],
      ['Priority', 'priority', row.priority],
      ['Reassignments', 'reassignment_count', row.reassignment_count],
      ['Reopened', 'reopen_count', row.reopen_count],
      ['Closed code', 'closed_code', row.closed_code],
    ];
    for (const [label, column, value] of facts) if (has(value)) bodyLines.push(`- ${label}: ${clean(value.trim(), where, column, fieldLimits.text).replace(/\n/g, ' ')}`);
    const title = [row.category, row.subcategory].filter(has).join(' / ') + (has(row.u_symptom) ? `: ${row.u_symptom}` : '');
    const fields: Record<string, unknown> = {
      title: clean(title.trim(), where, 'title', fieldLimits.title) || `ServiceNow incident ${number}`,
      application: app,
      severity,
      status,
      started: opened.iso,
      detected: opened.iso,
      acknowledged,
      ...(restored ? { restored: restored.iso } : {}),
      ...(fraction === undefined || fraction === 1 ? {} : { impact: [{ fraction }] }),
      component,
      cause: map.defaults.cause,
      channel: (has(row.contact_type) ? channelOf.get(row.contact_type.trim()) : undefined) ?? map.defaults.channel,
      ...(status === 'resolved' ? { resolvedAt: map.defaults.resolvedAt } : {}),
      updates,
      external: { system: 'servicenow', id: number },
    };
    for (const [field, column, known, kind] of [
      ['problem', 'problem_id', existing.problems, 'problem'],
      ['change', 'rfc', existing.changes, 'change'],
    ] as const) {
      const value = row[column];
      if (!has(value)) continue;
      const shown = clean(value.trim(), where, column, fieldLimits.name);
      const id = known.get(value.trim());
      if (id !== undefined) fields[field] = id;
      else {
        bodyLines.push(`- ServiceNow ${column}: ${shown} (no ${kind} record imported with that id)`);
        notes.push({ kind: 'repaired', where, message: `${column} "${shown}" has no ${kind} record (external id): kept in the body, ${field} left empty` });
      }
    }
    bodyLines.push('');
    incidents.push({ external: { system: 'servicenow', id: number }, startedMs: opened.ms, fields, body: bodyLines.join('\n'), where });
  }

  const reviewed = new Date(lastMs || 0).toISOString().slice(0, 10);
  const teams = [...groups].sort(([a], [b]) => compareText(a, b)).map(([id, name]) => placeholderTeam(id, name, 'servicenow', reviewed));
  const applications: ImportedCatalogueEntry[] = [...appComponents].sort(([a], [b]) => compareText(a, b)).map(([id, components]) => {
    // The application's team: the group that handled most of its incidents (ties: the first id).
    const counts = [...(appGroups.get(id) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
    const team = counts[0]?.[0] ?? map.catalogue.team;
    return {
      key: appNames.get(id) ?? id,
      id,
      entry: importedApplication(id, appNames.get(id) ?? id, team, [...new Set([...components, 'unspecified'])].sort(), map),
    };
  });
  if (applications.some((a) => a.entry.team === map.catalogue.team) && !groups.has(map.catalogue.team)) {
    teams.push(placeholderTeam(map.catalogue.team, 'Support', 'servicenow', reviewed));
  }
  const ownedFields = ['title', 'application', 'severity', 'status', 'started', 'detected', 'acknowledged', 'restored', 'impact', 'component', 'cause', 'channel', 'resolvedAt', 'problem', 'change', 'updates', 'external'];
  return { system: 'servicenow', applications, teams, incidents, ownedFields, notes, sourceCount: byNumber.size };
}

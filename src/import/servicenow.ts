// ServiceNow incident table exported as CSV → an import batch. One row per incident, or the audit-log
// form with many rows per `number`: the row with the highest sys_mod_count gives the incident's values,
// the rows' state changes give its update timeline. The CSV is streamed: 141,712 rows stay cheap.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DateTime } from 'luxon';
import type { ImportMap } from './map.ts';
import { defaultMappings, slugify } from './map.ts';
import type { ImportBatch, ImportNote, ImportedCatalogueEntry, ImportedIncident } from './model.ts';
import { importedApplication, placeholderTeam } from './catalogue-entries.ts';
import { compareText } from '../core/compare.ts';

const REQUIRED = ['number', 'opened_at', 'priority'] as const;
const MISSING = '?';

type Row = Record<string, string>;
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

/**
 * Reads naive day-first (`29/2/2016 01:16`) or ISO timestamps in `zone` (an offset in the text wins),
 * as the ISO text with the zone's offset and epoch milliseconds; null when unreadable.
 *
 * @example readServicenowTime('29/2/2016 01:16', 'America/Sao_Paulo') // { iso: '2016-02-29T01:16:00-03:00', ms: 1456719360000 }
 */
export function readServicenowTime(text: string, zone: string): { iso: string; ms: number } | null {
  const t = text.trim();
  let dt = /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}(:\d{2})?$/.test(t)
    ? DateTime.fromFormat(t, t.split(':').length === 3 ? 'd/M/yyyy H:mm:ss' : 'd/M/yyyy H:mm', { zone })
    : DateTime.fromISO(t.replace(' ', 'T'), { zone, setZone: true });
  if (!dt.isValid) return null;
  if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(t)) dt = dt.setZone(zone);
  const iso = dt.toISO({ suppressMilliseconds: true });
  return iso === null ? null : { iso, ms: dt.toMillis() };
}

/** The leading number of a coded value such as "3 - Moderate". */
const codeOf = (value: string | undefined) => /^\s*(\d+)/.exec(value ?? '')?.[1];

/**
 * Streams a ServiceNow incident CSV into an import batch, following the mapping in the README.
 * `existing` says which source problem and change ids already have records (by external id).
 */
export async function servicenowBatch(
  data: Buffer,
  file: string,
  map: ImportMap,
  zone: string,
  existing: { problems: Map<string, string>; changes: Map<string, string> } = { problems: new Map(), changes: new Map() },
): Promise<ImportBatch> {
  const notes: ImportNote[] = [];
  const byNumber = new Map<string, Aggregate>();
  const timeCache = new Map<string, { iso: string; ms: number } | null>();
  const time = (text: string | undefined) => {
    if (!has(text)) return null;
    let known = timeCache.get(text);
    if (known === undefined) {
      known = readServicenowTime(text, zone);
      timeCache.set(text, known);
    }
    return known;
  };

  const parser = Readable.from([data]).pipe(parse({ columns: true, info: true, skip_empty_lines: true, relax_column_count: true, bom: true }));
  let rows = 0;
  let header: string[] | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
    rows++;
    const line = info.lines;
    if (header === null) {
      header = Object.keys(record);
      const missing = REQUIRED.filter((c) => !header!.includes(c));
      if (missing.length > 0) throw new Error(`${file}:1: not a ServiceNow incident export: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    }
    const number = record.number?.trim();
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

  const severityOf = { ...defaultMappings.severity.servicenow, ...map.severity } as Record<string, string>;
  const fractionOf = { ...defaultMappings.fraction.servicenow, ...map.fraction } as Record<string, number>;
  const channelOf = { ...defaultMappings.channels.servicenow, ...map.channels } as Record<string, string>;
  const appOf = (row: Row) => {
    const name = has(row.cmdb_ci) ? row.cmdb_ci : has(row.category) ? row.category : null;
    return name === null ? 'unspecified' : (map.applications[name] ?? slugify(name));
  };
  const componentOf = (row: Row) => (has(row.subcategory) ? (map.components[row.subcategory] ?? slugify(row.subcategory)) : 'unspecified');
  const teamOf = (group: string) => map.teams[group] ?? slugify(group);

  const incidents: ImportedIncident[] = [];
  const appComponents = new Map<string, Set<string>>();
  const appNames = new Map<string, string>();
  const appGroups = new Map<string, Map<string, number>>();
  const groups = new Map<string, string>();
  let lastMs = 0;
  for (const agg of byNumber.values()) {
    const row = agg.best;
    const where = `${file}:${agg.firstLine}${agg.lastLine !== agg.firstLine ? `-${agg.lastLine}` : ''} (${agg.number})`;
    const opened = time(row.opened_at);
    if (!opened) {
      notes.push({ kind: 'skipped', where, message: `opened_at "${row.opened_at ?? ''}" is not a readable timestamp` });
      continue;
    }
    const severity = severityOf[codeOf(row.priority) ?? ''];
    if (severity === undefined) {
      notes.push({ kind: 'skipped', where, message: `priority "${row.priority ?? ''}" has no severity (add it under severity: in --map)` });
      continue;
    }
    const state = (row.incident_state ?? '').trim();
    const isDone = state === 'Resolved' || state === 'Closed';
    let restored = time(row.resolved_at);
    if (!restored && isDone) {
      restored = time(row.closed_at) ?? time(row.sys_updated_at);
      if (restored) notes.push({ kind: 'repaired', where, message: `${state} without resolved_at: restored taken from ${time(row.closed_at) ? 'closed_at' : 'sys_updated_at'} ${restored.iso}` });
    }
    if (restored && restored.ms < opened.ms) {
      notes.push({ kind: 'skipped', where, message: `restored before started: resolved_at ${row.resolved_at} is before opened_at ${row.opened_at}` });
      continue;
    }
    lastMs = Math.max(lastMs, opened.ms);
    const status = restored ? 'resolved' : 'open';
    const events = agg.events.sort((a, b) => a.atMs - b.atMs || a.mod - b.mod || a.line - b.line);
    const updates: { at: string; text: string; kind: string }[] = [];
    let previous = '';
    for (const event of events) {
      if (event.state === previous || event.state === '') continue;
      updates.push({ at: event.at, text: previous === '' ? `State: ${event.state}` : `State: ${previous} → ${event.state}`, kind: event.state === 'Resolved' ? 'restored' : 'update' });
      previous = event.state;
    }
    const firstWork = events.find((e) => e.state !== 'New' && e.state !== '');
    let acknowledged = firstWork && firstWork.atMs >= opened.ms ? firstWork.at : opened.iso;
    if (restored && Date.parse(acknowledged) > restored.ms) acknowledged = restored.iso;
    const app = appOf(row);
    const component = componentOf(row);
    if (!appNames.has(app)) appNames.set(app, has(row.cmdb_ci) ? row.cmdb_ci.trim() : has(row.category) ? row.category.trim() : 'Unspecified');
    if (!appComponents.has(app)) appComponents.set(app, new Set());
    appComponents.get(app)!.add(component);
    if (has(row.assignment_group)) {
      const team = teamOf(row.assignment_group);
      groups.set(team, row.assignment_group);
      const counts = appGroups.get(app) ?? new Map<string, number>();
      counts.set(team, (counts.get(team) ?? 0) + 1);
      appGroups.set(app, counts);
    }
    const impactCode = codeOf(row.impact);
    const fraction = impactCode === undefined ? undefined : fractionOf[impactCode];
    if (has(row.impact) && fraction === undefined) notes.push({ kind: 'repaired', where, message: `impact "${row.impact}" has no fraction (add it under fraction: in --map): full impact recorded` });
    const bodyLines = [`Imported from ServiceNow incident ${agg.number} (${file}, lines ${agg.firstLine}–${agg.lastLine}).`, ''];
    const facts: [string, string | undefined][] = [
      ['Assignment group', row.assignment_group],
      ['Category', row.category],
      ['Subcategory', row.subcategory],
      ['Symptom', row.u_symptom],
      ['Configuration item', row.cmdb_ci],
      ['Contact type', row.contact_type],
      ['Impact', row.impact],
      ['Urgency', row.urgency],
      ['Priority', row.priority],
      ['Reassignments', row.reassignment_count],
      ['Reopened', row.reopen_count],
      ['Closed code', row.closed_code],
    ];
    for (const [label, value] of facts) if (has(value)) bodyLines.push(`- ${label}: ${value.trim()}`);
    const fields: Record<string, unknown> = {
      title: [row.category, row.subcategory].filter(has).join(' / ') + (has(row.u_symptom) ? `: ${row.u_symptom}` : '') || `ServiceNow incident ${agg.number}`,
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
      channel: (has(row.contact_type) ? channelOf[row.contact_type.trim()] : undefined) ?? map.defaults.channel,
      ...(status === 'resolved' ? { resolvedAt: map.defaults.resolvedAt } : {}),
      updates,
      external: { system: 'servicenow', id: agg.number },
    };
    for (const [field, column, known, kind] of [
      ['problem', 'problem_id', existing.problems, 'problem'],
      ['change', 'rfc', existing.changes, 'change'],
    ] as const) {
      const value = row[column];
      if (!has(value)) continue;
      const id = known.get(value.trim());
      if (id !== undefined) fields[field] = id;
      else {
        bodyLines.push(`- ServiceNow ${column}: ${value.trim()} (no ${kind} record imported with that id)`);
        notes.push({ kind: 'repaired', where, message: `${column} "${value.trim()}" has no ${kind} record (external id): kept in the body, ${field} left empty` });
      }
    }
    bodyLines.push('');
    incidents.push({ external: { system: 'servicenow', id: agg.number }, startedMs: opened.ms, fields, body: bodyLines.join('\n'), where });
  }

  const reviewed = new Date(lastMs || 0).toISOString().slice(0, 10);
  const teams = [...groups].sort(([a], [b]) => compareText(a, b)).map(([id, name]) => placeholderTeam(id, name, 'servicenow', reviewed));
  const applications: ImportedCatalogueEntry[] = [...appComponents].sort(([a], [b]) => compareText(a, b)).map(([id, components]) => {
    // The application's team: the group that handled most of its incidents (ties: the first id).
    const counts = [...(appGroups.get(id) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
    const team = counts[0]?.[0] ?? map.catalogue.team;
    return {
      key: id,
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

// Any CSV export (a spreadsheet, a service desk's export, an event log) → incident, change or problem records,
// as a --map file says: which column feeds which field, value mappings, the date format and time zone, the
// delimiter, and whether each row is a record or rows are events of one record (an id and a timestamp column).
// Everything after the batch (validation by the loader's rules, state, idempotence, locking, the report) is shared.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { z, isTimeZone, slugSchema } from '../schema/zod.ts';
import { validateWith } from '../load/validate.ts';
import { YamlSource } from '../load/yaml-source.ts';
import { formatDiagnostic } from '../load/diagnostics.ts';
import { compareText } from '../core/compare.ts';
import { importedApplication, placeholderTeam } from './catalogue-entries.ts';
import { importMapSchema, lookup } from './map.ts';
import type { ImportBatch, ImportNote, ImportedCatalogueEntry, ImportedIncident } from './model.ts';
import { csvRows, distinctIds, resolveLocal, type Row, type SourceTime } from './servicenow.ts';
import { cleanText, fieldLimits, ImportStop } from './source-file.ts';

export const csvKinds = ['incident', 'change', 'problem'] as const;
export type CsvKind = (typeof csvKinds)[number];
export const dateFormats = ['iso', 'day-first', 'month-first'] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** How one field gets its value from a record's rows. */
export type FieldSpec =
  | string
  | { column: string; values?: Record<string, string | number | boolean> | undefined; default?: string | number | boolean | undefined; row?: 'first' | 'last' | undefined; team?: boolean | undefined; application?: boolean | undefined }
  | { template: string; row?: 'first' | 'last' | undefined; values?: Record<string, string | number | boolean> | undefined }
  | { value: string | number | boolean | null }
  | { time: 'first' | 'last' | 'since'; column?: string | undefined; when?: string[] | undefined }
  | { fields: Record<string, FieldSpec>; list?: boolean | undefined };

const fieldSpecSchema: z.ZodType<FieldSpec> = z.lazy(() =>
  z.union([
    z.string().min(1),
    z.strictObject({
      column: z.string().min(1),
      values: z.record(z.string(), scalar).optional(),
      default: scalar.optional(),
      row: z.enum(['first', 'last']).optional(),
      team: z.boolean().optional(),
      application: z.boolean().optional(),
    }),
    z.strictObject({ template: z.string().min(1), row: z.enum(['first', 'last']).optional(), values: z.record(z.string(), scalar).optional() }),
    z.strictObject({ value: z.union([scalar, z.null()]) }),
    z.strictObject({ time: z.enum(['first', 'last', 'since']), column: z.string().min(1).optional(), when: z.array(z.string()).min(1).optional() }),
    z.strictObject({ fields: z.record(z.string(), fieldSpecSchema), list: z.boolean().optional() }),
  ]),
);

export const csvMapSchema = z.strictObject({
  /** The kind of record the rows become; must agree with --kind. */
  kind: z.enum(csvKinds),
  /** The name of the source system, kept in each record's `external` and naming its state file. */
  system: slugSchema,
  delimiter: z.string().length(1).default(','),
  dates: z
    .strictObject({
      format: z.enum(dateFormats).default('iso'),
      timezone: z.string().refine(isTimeZone, { error: 'not an IANA time zone (e.g. Europe/Brussels)' }).default('UTC'),
    })
    .prefault({}),
  /** One row per record (`id` only), or an event log: rows sharing `id`, ordered by the time in column `at`. */
  records: z.strictObject({ id: z.string().min(1), at: z.string().min(1).optional() }),
  fields: z.record(z.string(), fieldSpecSchema),
  /** Columns whose changes, row by row, are the record's history: incident updates, or a list in the body. */
  history: z.array(z.string().min(1)).default([]),
  /** Columns listed in the body of a new record (their value in the last row). */
  body: z.array(z.string().min(1)).default([]),
  /** Body sections (`## Heading`) from columns, e.g. a change's Implementation plan. */
  sections: z.record(z.string(), z.string().min(1)).default({}),
  /** Fields of the applications and teams the import creates, as in the statuspage and servicenow maps. */
  catalogue: importMapSchema.shape.catalogue,
});
export type CsvMap = z.output<typeof csvMapSchema>;

/**
 * Reads and checks a csv --map file; every problem at once, located.
 *
 * @example readCsvMap('docs/import-maps/volvo-problems.yaml').kind // 'problem'
 */
export function readCsvMap(file: string): CsvMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ImportStop(`${file}: no such --map file`);
  }
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (error) {
    throw new ImportStop(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = validateWith(csvMapSchema, data, { file, source: new YamlSource(text, 1) });
  if (!result.ok) throw new Error(`invalid --map file:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  return result.value;
}

/** Fields holding an instant (ISO with offset) and fields holding a calendar date, by kind; nested `from`, `to`, `at` are instants. */
const instantFields: Record<CsvKind, readonly string[]> = {
  incident: ['started', 'detected', 'acknowledged', 'restored'],
  change: ['submitted', 'plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'],
  problem: [],
};
const dateFields: Record<CsvKind, readonly string[]> = { incident: [], change: [], problem: ['opened', 'closed', 'due'] };
const nestedInstants = new Set(['from', 'to', 'at']);
/** The field giving the record's year (its id) and numbering order. */
const startField: Record<CsvKind, string> = { incident: 'started', change: 'plannedStart', problem: 'opened' };
/** Writing order of the fields, the rest after them. */
const fieldOrder: Record<CsvKind, readonly string[]> = {
  incident: ['title', 'application', 'applications', 'severity', 'status', 'started', 'detected', 'acknowledged', 'restored', 'impact', 'component', 'cause', 'change', 'problem', 'channel', 'resolvedAt', 'updates'],
  change: ['title', 'application', 'applications', 'type', 'risk', 'submitted', 'plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'owner', 'approvals', 'cab', 'releasesCode', 'downtime', 'outcome'],
  problem: ['title', 'source', 'priority', 'status', 'opened', 'closed', 'owner', 'incidents', 'rootCause', 'actions'],
};

const isEmpty = (value: string | undefined) => value === undefined || value.trim() === '';

/**
 * Reads a source time in the map's format and zone: `iso` (an offset in the text wins; a naive time is local),
 * `day-first` (31/12/2024 23:59[:59], also with . or -), `month-first` (12/31/2024 …); a date alone is midnight.
 * Local times in a DST gap or overlap follow the documented rule and say so; null when not a real date and time.
 *
 * @example readCsvTime('31/3/2024 02:30', 'day-first', 'Europe/Brussels')?.dst // 'local time 2024-03-31 02:30 does not exist …'
 */
export function readCsvTime(text: string, format: (typeof dateFormats)[number], zone: string): SourceTime | null {
  const t = text.trim();
  if (format === 'iso') {
    if (/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(t) && /T|\s\d/.test(t)) {
      const dt = DateTime.fromISO(t.replace(' ', 'T'), { setZone: true });
      if (!dt.isValid) return null;
      return { iso: dt.toISO({ suppressMilliseconds: true }), ms: dt.toMillis() };
    }
    const wall = DateTime.fromISO(t.replace(' ', 'T'), { zone: 'UTC' });
    return wall.isValid ? resolveLocal(wall, zone) : null;
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m) return null;
  const [day, month] = format === 'day-first' ? [m[1], m[2]] : [m[2], m[1]];
  const wall = DateTime.fromObject({ year: Number(m[3]), month: Number(month), day: Number(day), hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0) }, { zone: 'UTC' });
  return wall.isValid ? resolveLocal(wall, zone) : null;
}

interface Group {
  id: string;
  rows: { row: Row; line: number; at: SourceTime | null }[];
}

/**
 * Converts a CSV export to a batch of `kind` records as `map` says. A row whose cells cannot give a field its
 * value (an unmapped value, a date that is not one) skips its record with the column, the value and the line.
 *
 * @example (await csvBatch(text, 'problems.csv', 'problem', map)).incidents.length // 1,487 for the Volvo closed-problem log
 */
export async function csvBatch(text: string, file: string, kind: CsvKind, map: CsvMap): Promise<ImportBatch> {
  if (map.kind !== kind) throw new ImportStop(`${file}: the --map is for ${map.kind} records, not ${kind} (--kind)`);
  const notes: ImportNote[] = [];
  const clean = (value: string, where: string, field: string, limit: number) => cleanText(value, where, field, limit, notes);
  const { format, timezone } = map.dates;
  const time = (value: string) => readCsvTime(value, format, timezone);

  // Rows into records: by id, in order of first appearance; an event log's rows by their time.
  const groups = new Map<string, Group>();
  let header: string[] | null = null;
  let rows = 0;
  for await (const { record, line } of csvRows(text, file, map.delimiter)) {
    rows++;
    if (header === null) {
      header = Object.keys(record);
      const named = [map.records.id, ...(map.records.at ? [map.records.at] : []), ...map.history, ...map.body, ...Object.values(map.sections), ...columnsOf(map.fields)];
      const missing = [...new Set(named)].filter((c) => !header!.includes(c));
      if (missing.length > 0) throw new ImportStop(`${file}:1: the --map names column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} that the header does not have (it has ${header.map((c) => `"${c}"`).join(', ')})`);
    }
    const id = (record[map.records.id] ?? '').trim();
    if (id === '') {
      notes.push({ kind: 'skipped', where: `${file}:${line}`, message: `no ${map.records.id}` });
      continue;
    }
    let at: SourceTime | null = null;
    if (map.records.at) {
      at = time(record[map.records.at] ?? '');
      if (at === null) {
        notes.push({ kind: 'skipped', where: `${file}:${line} (${id})`, message: `${map.records.at} "${record[map.records.at] ?? ''}" is not a real date and time (${format}); the row is left out of the record` });
        continue;
      }
      if (at.dst) notes.push({ kind: 'repaired', where: `${file}:${line} (${id})`, message: `${map.records.at}: ${at.dst}` });
    }
    // One row per record: a second row with the same id is a second record, which the writer reports.
    const key = map.records.at ? id : `${id}\u0000${line}`;
    const group = groups.get(key) ?? { id, rows: [] };
    group.rows.push({ row: record, line, at });
    groups.set(key, group);
  }
  if (header === null) throw new ImportStop(`${file}: no rows, only ${text.trim() === '' ? 'blank text' : 'a header'}: nothing to import`);
  if (groups.size === 0) throw new ImportStop(`${file}: none of its ${rows} rows has a ${map.records.id}: nothing imported`);
  for (const group of groups.values()) group.rows.sort((a, b) => (a.at?.ms ?? 0) - (b.at?.ms ?? 0) || a.line - b.line);

  // Teams and applications named by columns get ids first, distinct for names that slug alike.
  const flagged = (flag: 'team' | 'application') => specsWhere(map.fields, (s) => typeof s === 'object' && 'column' in s && (s as Record<string, unknown>)[flag] === true).map((s) => (s as { column: string }).column);
  const teamColumns = flagged('team');
  const appColumns = flagged('application');
  const namesIn = (columns: string[]) => {
    const names = new Set<string>();
    for (const group of groups.values()) for (const { row } of group.rows) for (const c of columns) if (!isEmpty(row[c])) names.add(row[c]!.trim());
    return names;
  };
  const teamIds = distinctIds(namesIn(teamColumns), new Map(), 'team', notes);
  const appIds = distinctIds(namesIn(appColumns), new Map(), 'application', notes, ['unspecified']);
  const usedTeams = new Map<string, string>();
  const usedApps = new Map<string, { name: string; components: Set<string> }>();

  const records: ImportedIncident[] = [];
  for (const group of groups.values()) {
    const first = group.rows[0]!;
    const last = group.rows[group.rows.length - 1]!;
    const sourceId = clean(group.id, `${file}:${first.line}`, map.records.id, fieldLimits.name);
    const where = `${file}:${first.line}${last.line !== first.line ? `-${last.line}` : ''} (${sourceId})`;
    const problems: string[] = [];
    const teamsHere: [string, string][] = [];
    const appsHere: [string, string][] = [];

    const valueOf = (name: string, spec: FieldSpec, nested: boolean): unknown => {
      const isInstant = nested ? nestedInstants.has(name) : instantFields[kind].includes(name);
      const isDate = !nested && dateFields[kind].includes(name);
      const asTime = (t: SourceTime | null, raw: string, column: string): unknown => {
        if (t === null) {
          problems.push(`${column} "${raw}" is not a real date and time (${format})`);
          return undefined;
        }
        if (t.dst) notes.push({ kind: 'repaired', where, message: `${column}: ${t.dst}` });
        return isDate ? DateTime.fromMillis(t.ms, { zone: timezone }).toISODate() : t.iso;
      };
      if (typeof spec === 'string') spec = { column: spec };
      if ('value' in spec) return spec.value ?? undefined;
      if ('fields' in spec) {
        const out: Record<string, unknown> = {};
        for (const [sub, subSpec] of Object.entries(spec.fields)) {
          const v = valueOf(sub, subSpec, true);
          if (v !== undefined) out[sub] = v;
        }
        if (Object.keys(out).length === 0) return spec.list ? [] : undefined;
        return spec.list ? [out] : out;
      }
      if ('time' in spec) {
        if (!map.records.at) {
          problems.push(`${name}: "time: ${spec.time}" needs records.at (an event log)`);
          return undefined;
        }
        if (spec.column && spec.when && !spec.when.includes((last.row[spec.column] ?? '').trim())) return undefined;
        let at = spec.time === 'first' ? first : last;
        if (spec.time === 'since' && spec.column) {
          // The row where the column took the value it has in the last row, for the last time.
          const final = (last.row[spec.column] ?? '').trim();
          for (let i = group.rows.length - 1; i >= 0 && (group.rows[i]!.row[spec.column] ?? '').trim() === final; i--) at = group.rows[i]!;
        }
        return asTime(at.at, at.row[map.records.at] ?? '', map.records.at);
      }
      const row = spec.row === 'first' ? first.row : last.row;
      const values = spec.values ? lookup(spec.values) : null;
      let raw: string;
      let column: string;
      if ('template' in spec) {
        column = name;
        raw = spec.template.replace(/\{([^}]+)\}/g, (_, c: string) => (row[c] ?? '').trim());
      } else {
        column = spec.column;
        raw = (row[spec.column] ?? '').trim();
      }
      if (raw === '') {
        if ('default' in spec && spec.default !== undefined) return spec.default;
        return undefined;
      }
      if (values) {
        const mapped = values.get(raw);
        if (mapped !== undefined) return mapped;
        if ('default' in spec && spec.default !== undefined) return spec.default;
        problems.push(`${column} "${clean(raw, where, column, fieldLimits.name)}" has no value for ${name} (add it under fields.${name}.values in --map)`);
        return undefined;
      }
      if ('team' in spec && spec.team) {
        const id = teamIds.get(raw)!;
        teamsHere.push([id, raw]);
        return id;
      }
      if ('application' in spec && spec.application) {
        const id = appIds.get(raw)!;
        appsHere.push([id, raw]);
        return id;
      }
      if (isInstant || isDate) return asTime(time(raw), raw, column);
      return clean(raw, where, column, name === 'title' ? fieldLimits.title : fieldLimits.text);
    };

    const fields: Record<string, unknown> = {};
    for (const name of [...fieldOrder[kind].filter((f) => f in map.fields), ...Object.keys(map.fields).filter((f) => !fieldOrder[kind].includes(f))]) {
      const value = valueOf(name, map.fields[name]!, false);
      if (value !== undefined) fields[name] = value;
    }
    if (problems.length > 0) {
      notes.push({ kind: 'skipped', where, message: problems.join('; ') });
      continue;
    }

    // History: the history columns of every row (every event of an event log), in time order.
    const history = map.history.length === 0 ? [] : group.rows.map(({ row, at, line }) => ({ at: at?.iso ?? '', text: clean(map.history.map((c) => (row[c] ?? '').trim()).join(' / '), `${file}:${line}`, 'history', fieldLimits.text) }));
    if (kind === 'incident' && map.history.length > 0 && !('updates' in map.fields)) {
      fields.updates = history.filter((h) => h.at !== '').map((h) => ({ at: h.at, text: `${map.history.join(' / ')}: ${h.text}`, kind: 'update' }));
    }
    fields.external = { system: map.system, id: sourceId };

    const startText = fields[startField[kind]];
    const start = typeof startText === 'string' ? (dateFields[kind].includes(startField[kind]) ? DateTime.fromISO(startText, { zone: timezone }).toMillis() : Date.parse(startText)) : Number.NaN;
    if (Number.isNaN(start)) {
      notes.push({ kind: 'skipped', where, message: `no ${startField[kind]}: the record's year and number come from it (map it under fields.${startField[kind]})` });
      continue;
    }
    for (const [id, name] of teamsHere) usedTeams.set(id, name);
    for (const [id, name] of appsHere) {
      const entry = usedApps.get(id) ?? { name, components: new Set<string>(['unspecified']) };
      if (typeof fields.component === 'string') entry.components.add(fields.component);
      usedApps.set(id, entry);
    }

    const lines = [`Imported from ${map.system} ${kind} ${sourceId} (${path.basename(file)}, ${group.rows.length === 1 ? `line ${first.line}` : `lines ${first.line}–${last.line}, ${group.rows.length} events`}).`, ''];
    for (const column of map.body) {
      const value = (last.row[column] ?? '').trim();
      if (value !== '') lines.push(`- ${column}: ${clean(value, where, column, fieldLimits.text).replace(/\n/g, ' ')}`);
    }
    if (map.body.length > 0) lines.push('');
    if (history.length > 0 && kind !== 'incident') {
      lines.push(`## History (${map.history.join(' / ')})`, '');
      for (const h of history) lines.push(`- ${h.at || '(no time)'}: ${h.text}`);
      lines.push('');
    }
    // An empty cell gives no section: where the kind requires it, the loader's refusal says which is missing.
    for (const [heading, column] of Object.entries(map.sections)) {
      const value = clean((last.row[column] ?? '').trim(), where, column, fieldLimits.text);
      if (value !== '') lines.push(`## ${heading}`, '', value, '');
    }
    records.push({ external: fields.external as ImportedIncident['external'], startedMs: start, fields, body: lines.join('\n'), where });
  }

  const reviewed = new Date(Math.max(0, ...records.map((r) => r.startedMs))).toISOString().slice(0, 10);
  const teams: ImportedCatalogueEntry[] = [...usedTeams].sort(([a], [b]) => compareText(a, b)).map(([id, name]) => placeholderTeam(id, name, map.system, reviewed));
  const catalogueMap = { ...importMapSchema.parse({}), catalogue: map.catalogue };
  const applications: ImportedCatalogueEntry[] = [...usedApps].sort(([a], [b]) => compareText(a, b)).map(([id, { name, components }]) => ({
    key: name,
    id,
    entry: importedApplication(id, name, map.catalogue.team, [...components].sort(compareText), catalogueMap),
  }));
  if (applications.length > 0 && !usedTeams.has(map.catalogue.team)) teams.push(placeholderTeam(map.catalogue.team, 'Support', map.system, reviewed));
  return {
    system: map.system,
    kind,
    applications,
    teams,
    incidents: records,
    ownedFields: [...new Set([...Object.keys(map.fields), ...(kind === 'incident' && map.history.length > 0 ? ['updates'] : []), 'external'])],
    notes,
    sourceCount: groups.size,
  };
}

/** The columns a field map reads. */
function columnsOf(fields: Record<string, FieldSpec>): string[] {
  return Object.values(fields).flatMap((spec): string[] => {
    if (typeof spec === 'string') return [spec];
    if ('time' in spec) return spec.column !== undefined ? [spec.column] : [];
    if ('column' in spec) return [spec.column];
    if ('template' in spec) return [...spec.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    if ('fields' in spec) return columnsOf(spec.fields);
    return [];
  });
}

function specsWhere(fields: Record<string, FieldSpec>, test: (spec: FieldSpec) => boolean): FieldSpec[] {
  return Object.values(fields).flatMap((spec) => [...(test(spec) ? [spec] : []), ...(typeof spec === 'object' && 'fields' in spec ? specsWhere(spec.fields, test) : [])]);
}

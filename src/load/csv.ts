// CSV exports: each row validated with its schema, errors located by file and line.
import { parse } from 'csv-parse/sync';
import type {
  alertColumns} from '../schema/index.ts';
import {
  alertRowOf,
  alertRowSchema,
  csvNumberValue,
  parseCsvNumber,
  parseTimestamp,
  requiredAlertColumns,
  timeColumns,
  timeRowOf,
  timeRowSchema,
  utcTimestampMs,
  type AlertData,
  type TimeEntry,
  type z,
} from '../schema/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import { forEachPlainCsvRecord, isPlainCsv } from './plain-csv.ts';
import { utf8Diagnostic } from './utf8.ts';

function csvError(file: string, line: number, column: number, field: string, message: string): Diagnostic {
  return { file, line, column, severity: 'error', rule: 'csv', field, message };
}

/** 1-based column of cell `index`, from the cells before it (exact for unquoted exports, close for quoted ones). */
function cellColumn(cells: readonly string[], index: number): number {
  let column = 1;
  for (let i = 0; i < index && i < cells.length; i++) column += cells[i]!.length + 1;
  return column;
}

/** The schema's issues with a row's named cells, each at its cell (the row's start when the column is missing). */
function schemaIssueDiagnostics(
  file: string,
  line: number,
  record: readonly string[],
  header: readonly string[],
  named: Record<string, string>,
  issues: readonly z.core.$ZodIssue[],
): Diagnostic[] {
  return issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    const at = header.indexOf(name);
    const message = issue.code === 'invalid_value' ? `expected one of ${issue.values.join(', ')}, got "${named[name]}"` : issue.message;
    return csvError(file, line, at < 0 ? 1 : cellColumn(record, at), name, message);
  });
}

/**
 * Streams the records of a CSV text to `onHeader` (the first record, trimmed) and then `onRow` (each
 * later record with the file line it ends on), so no row outlives its own handling. Returns the
 * diagnostic of an empty or unreadable file, else null.
 */
function forEachCsvRecord(
  file: string,
  text: string | Buffer,
  onHeader: (header: string[]) => void,
  onRow: (record: string[], line: number) => void,
): Diagnostic | null {
  // Set by onRecord, which the parsers call: declared wide so TypeScript does not take it for null ever after.
  let header = null as string[] | null;
  const onRecord = (record: string[], line: number) => {
    if (header === null) {
      header = record.map((h) => h.trim());
      onHeader(header);
    } else {
      onRow(record, line);
    }
  };
  const bytes = typeof text === 'string' ? null : text;
  const notUtf8 = bytes && utf8Diagnostic(file, bytes);
  if (notUtf8) return notUtf8;
  if (bytes && isPlainCsv(bytes)) {
    forEachPlainCsvRecord(bytes.toString('utf8'), onRecord);
    return header === null ? csvError(file, 1, 1, '', 'empty CSV: the first line must be the header') : null;
  }
  try {
    // Line numbers come from the parser's own context; no per-row info object is built.
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
      on_record: (record: string[], context: { lines: number }) => {
        onRecord(record, context.lines);
        return null;
      },
    });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return csvError(file, e.lines ?? 1, 1, '', `unreadable CSV: ${e.message}`);
  }
  return header === null ? csvError(file, 1, 1, '', 'empty CSV: the first line must be the header') : null;
}

function checkHeader(file: string, header: string[], expected: readonly string[], optional: readonly string[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const allowed = [...expected, ...optional];
  header.forEach((name, i) => {
    if (!allowed.includes(name)) out.push(csvError(file, 1, cellColumn(header, i), name, `unknown column "${name}" (expected ${allowed.join(', ')})`));
  });
  for (const name of expected) if (!header.includes(name)) out.push(csvError(file, 1, 1, name, `missing column "${name}"`));
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) out.push(csvError(file, 1, 1, name, `duplicate column "${name}"`));
    seen.add(name);
  }
  return out;
}

function countError(file: string, record: readonly string[], line: number, expected: number): Diagnostic | null {
  return record.length === expected ? null : csvError(file, line, 1, '', `row has ${record.length} cells, the header has ${expected}`);
}

/**
 * The rows of an export whose header must name exactly `expected`: header problems and rows with the
 * wrong number of cells go to `diagnostics`, and no row is handed on when the header is unusable.
 */
function forEachCheckedRow(
  file: string,
  text: string | Buffer,
  expected: readonly string[],
  diagnostics: Diagnostic[],
  onHeader: (header: string[]) => void,
  onRow: (record: string[], line: number) => void,
  optional: readonly string[] = [],
): { unreadable: Diagnostic | null; headerOk: boolean } {
  let headerOk = false;
  let width = 0;
  const unreadable = forEachCsvRecord(
    file,
    text,
    (header) => {
      const problems = checkHeader(file, header, expected, optional);
      diagnostics.push(...problems);
      headerOk = problems.length === 0;
      width = header.length;
      onHeader(header);
    },
    (record, line) => {
      if (!headerOk) return;
      const bad = countError(file, record, line, width);
      if (bad) diagnostics.push(bad);
      else onRow(record, line);
    },
  );
  return { unreadable, headerOk };
}

export interface TimeEntryRow extends TimeEntry {
  file: string;
  line: number;
}

/** A problem a caller finds in a valid row (an unknown reference), reported at the cell of `field`. */
export interface RowProblem {
  field: (typeof timeColumns)[number];
  rule: string;
  message: string;
}

/**
 * Keeps one copy of each distinct cell value: the first time a value is met it is copied out of the text it was
 * cut from (a cut of a long text keeps the whole text alive), and every later cell with that value gets the copy.
 */
function cellInterner(): (value: string) => string {
  const kept = new Map<string, string>();
  return (value) => {
    let copy = kept.get(value);
    if (copy === undefined) {
      // Joining flattens into a new string; cutting the joined character off again leaves the file's text behind.
      copy = ` ${value}`.slice(1);
      kept.set(copy, copy);
    }
    return copy;
  };
}

/** Rows of a time-tracking export, every bad cell reported with its line; `checkRow` adds the caller's own rules. */
export function readTimeCsv(
  file: string,
  text: string | Buffer,
  checkRow: (row: TimeEntry) => RowProblem[] = () => [],
): { rows: TimeEntryRow[]; diagnostics: Diagnostic[] } {
  const rows: TimeEntryRow[] = [];
  const diagnostics: Diagnostic[] = [];
  let header: string[] = [];
  let index: number[] = [];
  const cells: string[] = new Array<string>(timeColumns.length);
  const keep = cellInterner();
  const { unreadable, headerOk } = forEachCheckedRow(
    file,
    text,
    timeColumns,
    diagnostics,
    (found) => {
      header = found;
      index = timeColumns.map((name) => header.indexOf(name));
    },
    (record, line) => {
      for (let i = 0; i < index.length; i++) cells[i] = record[index[i]!]!;
      let entry = timeRowOf(cells);
      if (!entry) {
        // Only a row with a problem meets the schema, for its messages.
        const named: Record<string, string> = {};
        timeColumns.forEach((name, i) => (named[name] = cells[i]!));
        const result = timeRowSchema.safeParse(named);
        if (!result.success) {
          diagnostics.push(...schemaIssueDiagnostics(file, line, record, header, named, result.error.issues));
          return;
        }
        entry = result.data;
      }
      for (const problem of checkRow(entry)) {
        const column = cellColumn(record, header.indexOf(problem.field));
        diagnostics.push({ ...csvError(file, line, column, problem.field, problem.message), rule: problem.rule });
      }
      // One string per distinct value, none of them a slice of the file's text: half a million rows otherwise
      // hold every monthly file's text and the same few names hundreds of thousands of times.
      entry.date = keep(entry.date);
      entry.person = keep(entry.person);
      entry.team = keep(entry.team);
      entry.application = keep(entry.application);
      entry.component = keep(entry.component);
      entry.category = keep(entry.category) as TimeEntry['category'];
      entry.ticket = keep(entry.ticket);
      // The entry becomes the row in place: one object per row, its fields in the schema's order, then file and line.
      const row = entry as TimeEntryRow;
      row.file = file;
      row.line = line;
      rows.push(row);
    },
  );
  if (unreadable) return { rows: [], diagnostics: [unreadable] };
  return { rows: headerOk ? rows : [], diagnostics };
}

export interface AlertRow extends AlertData {
  file: string;
  line: number;
}

/** A problem a caller finds in a valid alert row (an unknown reference), reported at the cell of `field`. */
export interface AlertRowProblem {
  field: (typeof alertColumns)[number];
  rule: string;
  message: string;
}

/**
 * Rows of a monitoring-tool alert export (header: `alertColumns`, `incident` optional), every bad cell
 * reported with its line and column; `checkRow` adds the caller's reference rules.
 *
 * @example readAlertCsv('data/alerts/2026-10.csv', bytes).rows[0]?.outcome // 'false-positive'
 */
export function readAlertCsv(
  file: string,
  text: string | Buffer,
  checkRow: (cells: Pick<AlertData, 'application' | 'component'> & { incident: string | null }) => AlertRowProblem[] = () => [],
): { rows: AlertRow[]; diagnostics: Diagnostic[] } {
  const rows: AlertRow[] = [];
  const diagnostics: Diagnostic[] = [];
  let header: string[] = [];
  const { unreadable, headerOk } = forEachCheckedRow(
    file,
    text,
    requiredAlertColumns,
    diagnostics,
    (found) => {
      header = found;
    },
    (record, line) => {
      const named: Record<string, string> = {};
      header.forEach((name, i) => (named[name] = record[i]!));
      const fast = alertRowOf(named);
      // Only a row with a problem meets the schema, for its messages.
      const result = fast !== null ? { success: true as const, data: fast } : alertRowSchema.safeParse(named);
      const found: Diagnostic[] = result.success ? [] : schemaIssueDiagnostics(file, line, record, header, named, result.error.issues);
      const cells = { application: named.application ?? '', component: named.component ?? '', incident: named.incident === undefined || named.incident === '' ? null : named.incident };
      for (const problem of checkRow(cells)) {
        if (found.some((d) => d.field === problem.field)) continue;
        const column = cellColumn(record, header.indexOf(problem.field));
        found.push({ ...csvError(file, line, column, problem.field, problem.message), rule: problem.rule });
      }
      found.sort((a, b) => a.column - b.column);
      diagnostics.push(...found);
      if (result.success && found.length === 0) rows.push({ ...result.data, file, line });
    },
    ['incident'],
  );
  if (unreadable) return { rows: [], diagnostics: [unreadable] };
  return { rows: headerOk ? rows : [], diagnostics };
}

export interface CapacityColumns {
  timestampMs: Float64Array;
  columns: Record<string, Float64Array>;
}

/** A capacity series as columns of numbers; the header must be exactly timestamp + the declared columns. */
export function readCapacityCsv(file: string, text: string | Buffer, declared: readonly string[]): { series: CapacityColumns | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let at = 0;
  let cellIndex: number[] = [];
  // Columns grow by doubling: the row count is known only at the end of the stream.
  let capacity = 1024;
  let timestampMs = new Float64Array(capacity);
  let values = declared.map(() => new Float64Array(capacity));
  let kept = 0;
  const { unreadable } = forEachCheckedRow(
    file,
    text,
    ['timestamp', ...declared],
    diagnostics,
    (header) => {
      at = header.indexOf('timestamp');
      cellIndex = declared.map((c) => header.indexOf(c));
    },
    (record, line) => {
      if (kept === capacity) {
        capacity *= 2;
        timestampMs = grown(timestampMs, capacity);
        values = values.map((column) => grown(column, capacity));
      }
      let rowOk = true;
      // The schemas' own cell rules, called directly: millions of cells, no per-cell zod parse.
      const cell = record[at]!;
      const utc = utcTimestampMs(cell);
      if (utc !== null) timestampMs[kept] = utc;
      else {
        const ts = parseTimestamp(cell);
        if (ts.ok) timestampMs[kept] = ts.value;
        else {
          rowOk = false;
          diagnostics.push(csvError(file, line, cellColumn(record, at), 'timestamp', ts.message));
        }
      }
      for (let i = 0; i < declared.length; i++) {
        const text = record[cellIndex[i]!]!;
        const value = csvNumberValue(text);
        if (value !== null) {
          values[i]![kept] = value;
          continue;
        }
        rowOk = false;
        const parsed = parseCsvNumber(text);
        if (!parsed.ok) diagnostics.push(csvError(file, line, cellColumn(record, cellIndex[i]!), declared[i]!, parsed.message));
      }
      if (rowOk) kept++;
    },
  );
  if (unreadable) return { series: null, diagnostics: [unreadable] };
  if (diagnostics.length > 0) return { series: null, diagnostics };
  const columns = Object.fromEntries(declared.map((c, i) => [c, values[i]!.slice(0, kept)])) as Record<string, Float64Array>;
  return { series: { timestampMs: timestampMs.slice(0, kept), columns }, diagnostics };
}

function grown(column: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(length);
  next.set(column);
  return next;
}

// CSV exports: each row validated with its schema, errors located by file and line.
import { parse } from 'csv-parse/sync';
import { parseCsvNumber, parseTimestamp, timeColumns, timeRowSchema, type TimeEntry } from '../schema/index.ts';
import type { Diagnostic } from './diagnostics.ts';

interface CsvRecord {
  record: string[];
  /** File line on which the record ends (its own line for one-line records). */
  line: number;
}

function csvError(file: string, line: number, column: number, field: string, message: string): Diagnostic {
  return { file, line, column, severity: 'error', rule: 'csv', field, message };
}

/** 1-based column of cell `index`, from the cells before it (exact for unquoted exports, close for quoted ones). */
function cellColumn(cells: readonly string[], index: number): number {
  let column = 1;
  for (let i = 0; i < index && i < cells.length; i++) column += cells[i]!.length + 1;
  return column;
}

function parseCsv(file: string, text: string): { header: string[]; rows: CsvRecord[] } | Diagnostic {
  try {
    // Line numbers come from the parser's own context; no per-row info object is built.
    const rows: CsvRecord[] = [];
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
      on_record: (record: string[], context: { lines: number }) => {
        rows.push({ record, line: context.lines });
        return null;
      },
    });
    const first = rows.shift();
    if (!first) return csvError(file, 1, 1, '', 'empty CSV: the first line must be the header');
    return { header: first.record.map((h) => h.trim()), rows };
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return csvError(file, e.lines ?? 1, 1, '', `unreadable CSV: ${e.message}`);
  }
}

function checkHeader(file: string, header: string[], expected: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  header.forEach((name, i) => {
    if (!expected.includes(name)) out.push(csvError(file, 1, cellColumn(header, i), name, `unknown column "${name}" (expected ${expected.join(', ')})`));
  });
  for (const name of expected) if (!header.includes(name)) out.push(csvError(file, 1, 1, name, `missing column "${name}"`));
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) out.push(csvError(file, 1, 1, name, `duplicate column "${name}"`));
    seen.add(name);
  }
  return out;
}

function countError(file: string, row: CsvRecord, expected: number): Diagnostic | null {
  return row.record.length === expected
    ? null
    : csvError(file, row.line, 1, '', `row has ${row.record.length} cells, the header has ${expected}`);
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

/** Rows of a time-tracking export, every bad cell reported with its line; `checkRow` adds the caller's own rules. */
export function readTimeCsv(
  file: string,
  text: string,
  checkRow: (row: TimeEntry) => RowProblem[] = () => [],
): { rows: TimeEntryRow[]; diagnostics: Diagnostic[] } {
  const parsed = parseCsv(file, text);
  if (!('header' in parsed)) return { rows: [], diagnostics: [parsed] };
  const diagnostics = checkHeader(file, parsed.header, timeColumns);
  if (diagnostics.length > 0) return { rows: [], diagnostics };
  const index = timeColumns.map((name) => parsed.header.indexOf(name));
  const rows: TimeEntryRow[] = [];
  for (const row of parsed.rows) {
    const bad = countError(file, row, parsed.header.length);
    if (bad) {
      diagnostics.push(bad);
      continue;
    }
    const cells: Record<string, string> = {};
    timeColumns.forEach((name, i) => (cells[name] = row.record[index[i]!]!));
    const result = timeRowSchema.safeParse(cells);
    if (result.success) {
      for (const problem of checkRow(result.data)) {
        const column = cellColumn(row.record, parsed.header.indexOf(problem.field));
        diagnostics.push({ ...csvError(file, row.line, column, problem.field, problem.message), rule: problem.rule });
      }
      rows.push({ ...result.data, file, line: row.line });
    } else {
      for (const issue of result.error.issues) {
        const name = String(issue.path[0] ?? '');
        const at = parsed.header.indexOf(name);
        const message = issue.code === 'invalid_value' ? `expected one of ${issue.values.join(', ')}, got "${cells[name]}"` : issue.message;
        diagnostics.push(csvError(file, row.line, at < 0 ? 1 : cellColumn(row.record, at), name, message));
      }
    }
  }
  return { rows, diagnostics };
}

export interface CapacityColumns {
  timestampMs: Float64Array;
  columns: Record<string, Float64Array>;
}

/** A capacity series as columns of numbers; the header must be exactly timestamp + the declared columns. */
export function readCapacityCsv(file: string, text: string, declared: readonly string[]): { series: CapacityColumns | null; diagnostics: Diagnostic[] } {
  const parsed = parseCsv(file, text);
  if (!('header' in parsed)) return { series: null, diagnostics: [parsed] };
  const expected = ['timestamp', ...declared];
  const diagnostics = checkHeader(file, parsed.header, expected);
  if (diagnostics.length > 0) return { series: null, diagnostics };
  const n = parsed.rows.length;
  const timestampMs = new Float64Array(n);
  const columns = Object.fromEntries(declared.map((c) => [c, new Float64Array(n)])) as Record<string, Float64Array>;
  const at = parsed.header.indexOf('timestamp');
  const cellIndex = declared.map((c) => parsed.header.indexOf(c));
  let kept = 0;
  for (const row of parsed.rows) {
    const bad = countError(file, row, parsed.header.length);
    if (bad) {
      diagnostics.push(bad);
      continue;
    }
    let rowOk = true;
    // The schemas' own cell rules, called directly: millions of cells, no per-cell zod parse.
    const ts = parseTimestamp(row.record[at]!);
    if (ts.ok) timestampMs[kept] = ts.value;
    else {
      rowOk = false;
      diagnostics.push(csvError(file, row.line, cellColumn(row.record, at), 'timestamp', ts.message));
    }
    declared.forEach((column, i) => {
      const cell = parseCsvNumber(row.record[cellIndex[i]!]!);
      if (cell.ok) columns[column]![kept] = cell.value;
      else {
        rowOk = false;
        diagnostics.push(csvError(file, row.line, cellColumn(row.record, cellIndex[i]!), column, cell.message));
      }
    });
    if (rowOk) kept++;
  }
  if (diagnostics.length > 0) return { series: null, diagnostics };
  return { series: { timestampMs, columns }, diagnostics };
}

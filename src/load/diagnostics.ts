import { compareText } from '../core/compare.ts';
import { validationErrorsText } from './words.ts';
// A validator reports problems as plain located objects; printers live in the CLI.

export interface Diagnostic {
  /** Path relative to the content root, with forward slashes. */
  file: string;
  /** 1-based line and column of the offending key, cell or heading. */
  line: number;
  column: number;
  /** An error stops `npm run check` and the build; a warning is shown where the author works and stops neither. */
  severity: Severity;
  /** Which kind of rule failed: schema, yaml, reference, duplicate-id, file-name, section, csv, encoding, a change rule, or id-year (a warning). */
  rule: string;
  /** Dotted path of the field, e.g. `impact[0].fraction`; empty for whole-file problems. */
  field: string;
  message: string;
}

export type Severity = 'error' | 'warning';

/** The diagnostics of one severity, in their order. */
export function diagnosticsOf(list: readonly Diagnostic[], severity: Severity): Diagnostic[] {
  return list.filter((d) => d.severity === severity);
}

export type FieldPath = readonly (string | number)[];

/** `['impact', 0, 'fraction']` → `impact[0].fraction`. */
export function fieldName(path: FieldPath): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else name += name === '' ? part : `.${part}`;
  }
  return name;
}

/** Diagnostics in a stable order: by file, then position, then message. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.message, b.message),
  );
}

/** `path:line:col  error  field  message  [rule]` — one line per diagnostic. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.field || '-'}  ${d.message}  [${d.rule}]`;
}

/** A GitHub Actions workflow command (`::error` or `::warning`, by severity) that annotates the line in a pull request. */
export function formatGithubAnnotation(d: Diagnostic, prefix = ''): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const title = d.field ? `${d.field} (${d.rule})` : d.rule;
  return `::${d.severity} file=${escapeProperty(prefix + d.file)},line=${d.line},col=${d.column},title=${escapeProperty(title)}::${escapeData(d.message)}`;
}

export class ValidationError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(
      `${validationErrorsText(diagnostics.length)}:\n` +
        diagnostics.map(formatDiagnostic).join('\n'),
    );
    this.name = 'ValidationError';
    this.diagnostics = diagnostics;
  }
}

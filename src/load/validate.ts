// Turns zod issues into located diagnostics.
import type { z } from '../schema/zod.ts';
import { fieldName, type Diagnostic, type FieldPath } from './diagnostics.ts';
import type { YamlSource } from './yaml-source.ts';
import { countText } from './words.ts';

export interface Located {
  file: string;
  source: YamlSource;
  /** Prefix of every field path, e.g. `[3]` for the fourth entry of a catalogue list. */
  basePath?: FieldPath;
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/** What a failed issue expected, in words a record author reads. */
function expectation(issue: z.core.$ZodIssue): string {
  // A schema's own type message ("expected a timestamp with offset, …") says more than the type's name.
  if (issue.code === 'invalid_type') return isDefaultMessage(issue.message) ? (typeNames[issue.expected] ?? issue.expected) : issue.message.replace(/^expected /, '');
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message.replace(/^expected /, '');
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const isTypeLike = issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union';
  // A missing key carries no input at all; YAML itself cannot write undefined.
  if (isTypeLike && !('input' in issue && issue.input !== undefined)) {
    if (issue.code !== 'invalid_union' || !isDefaultMessage(issue.message)) return `required field is missing (expected ${expectation(issue)})`;
    return 'required field is missing';
  }
  if (isTypeLike && issue.input === null && issue.code !== 'invalid_union') return `required field is empty (expected ${expectation(issue)})`;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') return `expected ${expectation(issue)}, got ${describe(issue.input)}`;
  // zod's own wording ("Too small: expected array to have >=1 items") is replaced; messages a schema chose are kept.
  if (!isDefaultMessage(issue.message)) return issue.message;
  if (issue.code === 'too_small') {
    const n = Number(issue.minimum);
    if (issue.origin === 'array' || issue.origin === 'set') return `needs at least ${countText(n, 'entry', 'entries')}`;
    if (issue.origin === 'string') return n === 1 ? 'must not be empty' : `needs at least ${n} characters`;
    return `must be ${issue.inclusive ? 'at least' : 'above'} ${n}, got ${describe(issue.input)}`;
  }
  if (issue.code === 'too_big') {
    const n = Number(issue.maximum);
    if (issue.origin === 'array' || issue.origin === 'set') return `has more than ${countText(n, 'entry', 'entries')}`;
    if (issue.origin === 'string') return `has more than ${n} characters`;
    return `must be ${issue.inclusive ? 'at most' : 'below'} ${n}, got ${describe(issue.input)}`;
  }
  if (issue.code === 'invalid_format') {
    const what = issue.format === 'email' ? 'an e-mail address' : issue.format === 'url' ? 'an absolute URL' : `the format ${issue.format}`;
    return `expected ${what}, got ${describe(issue.input)}`;
  }
  return issue.message;
}

function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too small|Too big|Unrecognized)\b/.test(message);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'function') return 'a function';
  // What is left is a scalar: a number, boolean, bigint or symbol.
  const scalar = value as number | boolean | bigint | symbol;
  return `${typeof value} ${String(scalar)}`;
}

/** Every issue of a failed parse as a diagnostic at the key it concerns. */
export function issuesToDiagnostics(issues: readonly z.core.$ZodIssue[], where: Located): Diagnostic[] {
  const out: Diagnostic[] = [];
  const base = where.basePath ?? [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = where.source.locate([...path, key]);
        out.push({ file: where.file, ...at, severity: 'error', rule: 'schema', field: fieldName([...path, key]), message: `unknown field "${key}"` });
      }
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && isDefaultMessage(issue.message) && issue.input !== undefined) {
      // A union (e.g. calendar) that failed every branch: report the branch that got furthest.
      const deepest = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      if (depth(deepest) > 0) {
        out.push(...issuesToDiagnostics(deepest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })), where));
        continue;
      }
    }
    const at = where.source.locate(path);
    out.push({ file: where.file, ...at, severity: 'error', rule: 'schema', field: fieldName(path), message: issueMessage(issue) });
  }
  return out;
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 1)));
}

/** Parse with a schema; on failure return located diagnostics instead of throwing. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  data: unknown,
  where: Located,
): { ok: true; value: z.output<S> } | { ok: false; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, diagnostics: issuesToDiagnostics(result.error.issues, where) };
}

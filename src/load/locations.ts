// Where each parsed value came from (file, YAML source, path inside it), so a check made later — a reference,
// a duplicate, a change rule — can point at the field it is about.
import { fieldName, type Diagnostic, type FieldPath } from './diagnostics.ts';
import type { YamlSource } from './yaml-source.ts';

export interface Location {
  file: string;
  source: YamlSource;
  /** Prefix of every field path, e.g. `[3]` for the fourth entry of a catalogue list. */
  basePath: FieldPath;
}

/** A diagnostic at line 1 or wherever given: the loader's one way to write an error by hand. */
export function error(file: string, line: number, column: number, rule: string, field: string, message: string): Diagnostic {
  return { file, line, column, severity: 'error', rule, field, message };
}

/** Values (records, catalogue entries) mapped to where they were read. */
export class Locations {
  readonly #where = new Map<object, Location>();

  /** Remembers that `value` was read at `location`. */
  set(value: object, location: Location): void {
    this.#where.set(value, location);
  }

  /**
   * The diagnostic at `fieldPath` of `value`, or null when `value` was never located.
   *
   * @example locations.at(app, ['team'], 'reference', 'unknown team "ops"') // { file: 'data/applications.yaml', line: 4, … }
   */
  at(value: object, fieldPath: FieldPath, rule: string, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic | null {
    const where = this.#where.get(value);
    if (!where) return null;
    const full = [...where.basePath, ...fieldPath];
    const pos = where.source.locate(full);
    return { ...error(where.file, pos.line, pos.column, rule, fieldName(full), message), severity };
  }
}

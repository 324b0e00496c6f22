// What an importer hands to the writer: applications, teams and incidents in opsledger's words,
// each keyed by where it came from, plus every source row it skipped or repaired and why.
import type { External } from '../schema/zod.ts';

/** A catalogue entry the importer would create; `key` is the source's own name or id for it. */
export interface ImportedCatalogueEntry {
  key: string;
  /** The id to give it when it is new (a slug). */
  id: string;
  /** The entry's fields, `id` first, as they would be appended to the catalogue. */
  entry: Record<string, unknown>;
}

/** An incident as the source describes it, not yet numbered. */
export interface ImportedIncident {
  external: External;
  /** Impact start, epoch milliseconds: picks the id's year and the numbering order. */
  startedMs: number;
  /** The frontmatter fields the importer owns, in writing order (without `id`). */
  fields: Record<string, unknown>;
  /** The Markdown body written when the record is created; never rewritten afterwards. */
  body: string;
  /** Where in the source it came from (file:line or the source id), for the report. */
  where: string;
}

/** A source row left out (`skipped`) or taken with a value changed (`repaired`), with the reason. */
export interface ImportNote {
  kind: 'skipped' | 'repaired' | 'kept';
  where: string;
  message: string;
}

/** Everything one source yields. */
export interface ImportBatch {
  system: string;
  /** The kind of record the batch holds (incidents when absent). */
  kind?: 'incident' | 'change' | 'problem';
  applications: ImportedCatalogueEntry[];
  teams: ImportedCatalogueEntry[];
  incidents: ImportedIncident[];
  /**
   * Every frontmatter field the importer owns, including those it leaves out when the source has no
   * value (e.g. problem): filling one in later is an update, not an edit of someone else's field.
   */
  ownedFields: readonly string[];
  notes: ImportNote[];
  /** Source rows (or incidents) read, for the summary. */
  sourceCount: number;
}

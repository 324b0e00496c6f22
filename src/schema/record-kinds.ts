// The one table of record kinds: where each kind is filed, its id prefix and pattern, its schema, the `## …`
// sections its body must have and which of its fields name another record or a catalogue entry. The loader and
// `npm run new` both read it.
import { recordIdPattern, type z } from './zod.ts';
import { changeSchema, incidentSchema, postmortemSchema, problemSchema, requiredSections, type ChangeData } from './records.ts';

const noSections: readonly string[] = [];

/** What a field can name: a record of another kind, or an entry of data/applications.yaml or data/teams.yaml. */
export type ReferenceTarget = 'incident' | 'change' | 'problem' | 'application' | 'team';
/** Which fields of a kind's frontmatter (as written) name what; a field holds one id or a list of them. Checked in this order. */
type References<Schema extends z.ZodType> = Partial<Record<keyof z.input<Schema>, ReferenceTarget>>;

/** The kinds of record, in the order the loader reads them. */
export const recordKinds = [
  {
    kind: 'incident',
    dir: 'content/incidents',
    prefix: 'INC',
    idPattern: recordIdPattern('INC'),
    schema: incidentSchema,
    sectionsRequired: (): readonly string[] => noSections,
    references: { application: 'application', applications: 'application', change: 'change', problem: 'problem' } satisfies References<typeof incidentSchema>,
  },
  {
    kind: 'postmortem',
    dir: 'content/postmortems',
    prefix: 'PM',
    idPattern: recordIdPattern('PM'),
    schema: postmortemSchema,
    sectionsRequired: (): readonly string[] => requiredSections.postmortem,
    references: { incidents: 'incident', followUps: 'problem' } satisfies References<typeof postmortemSchema>,
  },
  {
    kind: 'change',
    dir: 'content/changes',
    prefix: 'CHG',
    idPattern: recordIdPattern('CHG'),
    schema: changeSchema,
    // Standard and BAU changes are pre-approved routine work: no plan sections required.
    sectionsRequired: (change: Pick<ChangeData, 'type'>): readonly string[] =>
      change.type === 'normal' || change.type === 'emergency' ? requiredSections.change : noSections,
    references: { application: 'application', applications: 'application' } satisfies References<typeof changeSchema>,
  },
  {
    kind: 'problem',
    dir: 'content/problems',
    prefix: 'PRB',
    idPattern: recordIdPattern('PRB'),
    schema: problemSchema,
    sectionsRequired: (): readonly string[] => noSections,
    references: { incidents: 'incident', owner: 'team' } satisfies References<typeof problemSchema>,
  },
] as const;

export type RecordKindSpec = (typeof recordKinds)[number];
export type RecordKind = RecordKindSpec['kind'];

/**
 * The table entry of one kind.
 *
 * @example recordKindSpec('change').prefix // 'CHG'
 */
export function recordKindSpec<K extends RecordKind>(kind: K): Extract<RecordKindSpec, { kind: K }> {
  return recordKinds.find((spec) => spec.kind === kind) as Extract<RecordKindSpec, { kind: K }>;
}

/** The kinds another record or an export row may reference by id, by prefix. */
export const referencedKindByPrefix = { INC: 'incident', CHG: 'change', PRB: 'problem' } as const;
/** An id of any kind that can be referenced; the prefix is group 1. */
export const referencePattern = recordIdPattern(...Object.keys(referencedKindByPrefix));

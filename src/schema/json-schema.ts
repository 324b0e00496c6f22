// JSON Schemas of every record kind's frontmatter and every catalogue, derived from the zod schemas, so editors
// complete field names and flag mistakes before `npm run check` runs. Rules zod checks in code (a date that is
// real, restored after started, region shares summing to 1) are not expressible here; the check stays the judge.
import { applicationsFileSchema, customersFileSchema, siteSchema, skillsFileSchema, teamsFileSchema } from './catalogue.ts';
import { changeSchema, incidentSchema, postmortemSchema, problemSchema } from './records.ts';
import { dateSchema, timestampSchema, timeZoneSchema, z } from './zod.ts';

/** What an author writes for the primitives whose rule zod checks in code: the shape as a pattern, and in words. */
const primitiveHints = new Map<unknown, { pattern?: string; description: string }>([
  [timestampSchema, { pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$', description: 'ISO 8601 instant with its offset, e.g. 2026-10-14T02:10:00Z' }],
  [dateSchema, { pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'calendar date YYYY-MM-DD' }],
  [timeZoneSchema, { description: 'IANA time zone, e.g. Europe/London' }],
]);

/** Each schema file: its name, what it describes, and the zod schema it comes from. */
export const jsonSchemaFiles = [
  { file: 'site.schema.json', title: 'opsledger data/site.yaml', schema: siteSchema },
  { file: 'teams.schema.json', title: 'opsledger data/teams.yaml', schema: teamsFileSchema },
  { file: 'applications.schema.json', title: 'opsledger data/applications.yaml', schema: applicationsFileSchema },
  { file: 'customers.schema.json', title: 'opsledger data/customers.yaml', schema: customersFileSchema },
  { file: 'skills.schema.json', title: 'opsledger data/skills.yaml', schema: skillsFileSchema },
  { file: 'incident.schema.json', title: 'opsledger incident frontmatter (content/incidents/**/INC-YYYY-NNNN.md)', schema: incidentSchema },
  { file: 'postmortem.schema.json', title: 'opsledger post-mortem frontmatter (content/postmortems/**/PM-YYYY-NNNN.md)', schema: postmortemSchema },
  { file: 'change.schema.json', title: 'opsledger change frontmatter (content/changes/**/CHG-YYYY-NNNN.md)', schema: changeSchema },
  { file: 'problem.schema.json', title: 'opsledger problem frontmatter (content/problems/**/PRB-YYYY-NNNN.md)', schema: problemSchema },
] as const;

/** Marks a file `npm run schema` wrote, so it rewrites its own files and refuses to overwrite anyone else's. */
export const writtenBy = 'Written by npm run schema from the zod schemas in src/schema/; do not edit.';

/**
 * The JSON Schema (draft 2020-12) of what an author writes: the input side of each zod schema, so defaults are
 * optional and `application`/`applications` both appear.
 *
 * @example
 * jsonSchemaOf(siteSchema, 'site').required // ['title']
 */
export function jsonSchemaOf(schema: z.ZodType, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const hint = primitiveHints.get(ctx.zodSchema);
      if (hint) Object.assign(ctx.jsonSchema, hint);
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, $comment: writtenBy, title, ...rest };
}

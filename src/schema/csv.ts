// Schemas of CSV rows: time-tracking exports and capacity KPI series.
import { z, dateSchema, slugSchema, textSchema, timestampSchema, type Parsed } from './zod.ts';

export const workCategories = ['incident', 'service-request', 'change', 'problem', 'project', 'admin'] as const;
export const timeColumns = ['date', 'person', 'team', 'application', 'component', 'category', 'ticket', 'hours'] as const;

/** A number written in a CSV cell ("1.5"); empty or non-numeric text is an error, not a zero. */
export function parseCsvNumber(text: string): Parsed<number> {
  if (text.trim() === '') return { ok: false, message: 'empty cell, expected a number' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is not a number` };
  return { ok: true, value };
}

export const csvNumberSchema = z.string().transform((text, ctx) => {
  const parsed = parseCsvNumber(text);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

export const timeRowSchema = z.strictObject({
  date: dateSchema,
  person: textSchema,
  team: slugSchema,
  application: slugSchema,
  component: slugSchema,
  category: z.enum(workCategories),
  ticket: z.string(),
  hours: csvNumberSchema.refine((h) => h > 0 && h <= 24, { error: (issue) => `expected hours above 0 and at most 24, got ${String(issue.input)}` }),
});
export type TimeEntry = z.output<typeof timeRowSchema>;

/** A capacity row: a timestamp with offset, then one number per declared column. */
export function capacityRowSchema(columns: readonly string[]) {
  return z.strictObject({
    timestamp: timestampSchema,
    ...Object.fromEntries(columns.map((column) => [column, csvNumberSchema])),
  });
}

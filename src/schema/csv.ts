// Schemas of CSV rows: time-tracking exports and capacity KPI series.
import { z, dateSchema, incidentIdPattern, incidentIdSchema, isDateText, parseTimestamp, slugPattern, slugSchema, textSchema, timestampSchema, utcTimestampMs, type Parsed } from './zod.ts';
import { monitoringLayers } from './catalogue.ts';

export const workCategories = ['incident', 'service-request', 'change', 'problem', 'project', 'admin'] as const;
export const timeColumns = ['date', 'person', 'team', 'application', 'component', 'category', 'ticket', 'hours'] as const;

/**
 * The number written in a CSV cell ("1.5"), or null when the cell is empty or not a finite number.
 *
 * @example csvNumberValue(' 2.5 ') // 2.5
 */
export function csvNumberValue(text: string): number | null {
  const value = Number(text);
  // Number('') and Number('  ') are 0: only a zero needs the emptiness check.
  return Number.isFinite(value) && (value !== 0 || text.trim() !== '') ? value : null;
}

/** A number written in a CSV cell ("1.5"); empty or non-numeric text is an error, not a zero. */
export function parseCsvNumber(text: string): Parsed<number> {
  const value = csvNumberValue(text);
  if (value !== null) return { ok: true, value };
  if (text.trim() === '') return { ok: false, message: 'empty cell, expected a number' };
  return { ok: false, message: `"${text}" is not a number` };
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

const categorySet: ReadonlySet<string> = new Set(workCategories);

/**
 * The row `timeRowSchema` would return for these cells (in `timeColumns` order), or null when it would
 * report a problem, so that the schema is asked only for its messages. Half a million rows skip zod.
 *
 * @example timeRowOf(['2026-03-09', 'Ana', 'ops', 'settlement', 'batch', 'incident', 'INC-2026-0001', '1.5'])?.hours // 1.5
 */
export function timeRowOf(cells: readonly string[]): TimeEntry | null {
  const [date = '', personCell = '', team = '', application = '', component = '', category = '', ticket = '', hoursCell = ''] = cells;
  const person = personCell.trim();
  const hours = csvNumberValue(hoursCell);
  if (
    person === '' ||
    hours === null ||
    !(hours > 0 && hours <= 24) ||
    !categorySet.has(category) ||
    !slugPattern.test(team) ||
    !slugPattern.test(application) ||
    !slugPattern.test(component) ||
    !isDateText(date)
  ) {
    return null;
  }
  return { date, person, team, application, component, category: category as TimeEntry['category'], ticket, hours };
}

/** A capacity row: a timestamp with offset, then one number per declared column. */
export function capacityRowSchema(columns: readonly string[]) {
  return z.strictObject({
    timestamp: timestampSchema,
    ...Object.fromEntries(columns.map((column) => [column, csvNumberSchema])),
  });
}

export const alertSeverities = ['critical', 'warning'] as const;
export const alertOutcomes = ['actionable', 'false-positive', 'duplicate', 'unknown'] as const;
/** Columns of a monitoring-tool alert export; `incident` may be left out of the header. */
export const alertColumns = ['at', 'application', 'component', 'layer', 'rule', 'severity', 'outcome', 'incident'] as const;
export const requiredAlertColumns = alertColumns.filter((column) => column !== 'incident');

/** An alert row: when it fired (offset required), where, on which layer, by which rule, and what it turned out to be. */
export const alertRowSchema = z.strictObject({
  at: timestampSchema,
  application: slugSchema,
  component: slugSchema,
  layer: z.enum(monitoringLayers),
  rule: textSchema,
  severity: z.enum(alertSeverities),
  outcome: z.enum(alertOutcomes),
  incident: z
    .union([z.literal(''), incidentIdSchema])
    .optional()
    .transform((id) => (id === undefined || id === '' ? null : id)),
});
export type AlertData = z.output<typeof alertRowSchema>;

const layerSet: ReadonlySet<string> = new Set(monitoringLayers);
const severitySet: ReadonlySet<string> = new Set(alertSeverities);
const outcomeSet: ReadonlySet<string> = new Set(alertOutcomes);

/**
 * The row `alertRowSchema` would return for these named cells, or null when it would report a
 * problem, so that the schema is asked only for its messages. Tens of thousands of alerts skip zod.
 *
 * @example alertRowOf({ at: '2026-03-09T10:31:00Z', application: 'settlement', component: 'batch', layer: 'business', rule: 'flow', severity: 'critical', outcome: 'actionable' })?.incident // null
 */
export function alertRowOf(cells: Readonly<Record<string, string | undefined>>): AlertData | null {
  const { application = '', component = '', layer = '', severity = '', outcome = '', incident = '' } = cells;
  const atText = cells.at ?? '';
  let at = utcTimestampMs(atText);
  if (at === null) {
    const parsed = parseTimestamp(atText);
    if (!parsed.ok) return null;
    at = parsed.value;
  }
  const rule = (cells.rule ?? '').trim();
  if (
    rule === '' ||
    !slugPattern.test(application) ||
    !slugPattern.test(component) ||
    !layerSet.has(layer) ||
    !severitySet.has(severity) ||
    !outcomeSet.has(outcome) ||
    (incident !== '' && !incidentIdPattern.test(incident))
  ) {
    return null;
  }
  return {
    at,
    application,
    component,
    layer: layer as AlertData['layer'],
    rule,
    severity: severity as AlertData['severity'],
    outcome: outcome as AlertData['outcome'],
    incident: incident === '' ? null : incident,
  };
}

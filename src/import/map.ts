// The --map file: every value mapping an import uses, overridable by the team adopting opsledger.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { causes, channels, resolutionLevels, severities } from '../schema/records.ts';
import { z, calendarSchema, slugSchema } from '../schema/zod.ts';
import { validateWith } from '../load/validate.ts';
import { YamlSource } from '../load/yaml-source.ts';
import { formatDiagnostic } from '../load/diagnostics.ts';

export const importMapSchema = z.strictObject({
  /** Source value → severity: Statuspage impact (critical, major, minor, none); ServiceNow priority (1–4). */
  severity: z.record(z.string(), z.enum(severities)).default({}),
  /**
   * Source value → share of work users could not do: Statuspage component statuses (major_outage …)
   * and incident impacts (critical …); ServiceNow impact (1, 2, 3).
   */
  fraction: z.record(z.string(), z.number().min(0).max(1)).default({}),
  /** Source application name (Statuspage component name or id; ServiceNow cmdb_ci or category) → application id; two names to one id merge them. */
  applications: z.record(z.string(), slugSchema).default({}),
  /** Source component name (ServiceNow subcategory) → component id. */
  components: z.record(z.string(), slugSchema).default({}),
  /** Source group (ServiceNow assignment_group) → team id; an id already in data/teams.yaml is used as it is. */
  teams: z.record(z.string(), slugSchema).default({}),
  /** Source contact type (ServiceNow contact_type) → channel. */
  channels: z.record(z.string(), z.enum(channels)).default({}),
  /** Values the source does not carry. */
  defaults: z
    .strictObject({
      cause: z.enum(causes).default('unknown'),
      channel: z.enum(channels).default('unknown'),
      resolvedAt: z.enum(resolutionLevels).default('unknown'),
    })
    .prefault({}),
  /** Fields of the applications and teams an import creates. */
  catalogue: z
    .strictObject({
      target: z.number().gt(0).lt(100).default(99.9),
      calendar: calendarSchema.default('24x7'),
      regions: z.record(z.string(), z.number().gt(0).lte(1)).default({ GLOBAL: 1 }),
      /** The team of applications whose source names none (Statuspage); created when not in data/teams.yaml. */
      team: slugSchema.default('support'),
    })
    .prefault({}),
});
export type ImportMap = z.output<typeof importMapSchema>;

/** The built-in mappings, documented in the README; a --map file overrides them key by key. */
export const defaultMappings = {
  severity: {
    statuspage: { critical: 'SEV1', major: 'SEV2', minor: 'SEV3', none: 'SEV4' },
    servicenow: { '1': 'SEV1', '2': 'SEV2', '3': 'SEV3', '4': 'SEV4' },
  },
  fraction: {
    statuspage: { major_outage: 1, partial_outage: 0.5, degraded_performance: 0.25, operational: 0, under_maintenance: 0, critical: 1, major: 0.5, minor: 0.25, none: 0 },
    servicenow: { '1': 1, '2': 0.5, '3': 0.25 },
  },
  channels: {
    servicenow: { Phone: 'phone', Email: 'email', 'Self service': 'ticket', IVR: 'phone', 'Direct opening': 'ticket' },
  },
} as const;

/** Reads and checks a --map file; every problem at once, located. */
export function readImportMap(file: string | undefined): ImportMap {
  if (file === undefined) return importMapSchema.parse({});
  const text = readFileSync(file, 'utf8');
  const result = validateWith(importMapSchema, parse(text) ?? {}, { file, source: new YamlSource(text, 1) });
  if (!result.ok) throw new Error(`invalid --map file:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  return result.value;
}

/** Lower-case slug of a source name: "Category 55" → "category-55", "API Requests" → "api-requests". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'unspecified' : slug.slice(0, 60).replace(/-+$/, '');
}

/**
 * One lookup from the built-in values and the --map's, the --map's winning: a `Map`, so a source value such as
 * `constructor` or `__proto__` finds nothing instead of a property every object has.
 *
 * @example lookup({ a: 1 }, { b: 2 }).get('constructor') // undefined
 */
export function lookup<V>(...tables: (Readonly<Record<string, V>> | undefined)[]): Map<string, V> {
  const out = new Map<string, V>();
  for (const table of tables) if (table) for (const [key, value] of Object.entries(table)) out.set(key, value);
  return out;
}

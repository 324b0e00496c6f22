// The catalogues under data/: site settings, teams, applications, customers and skills, each validated entry by
// entry, so one bad entry neither hides the others nor makes every reference to it an error.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import {
  applicationSchema,
  applicationsFileSchema,
  customerSchema,
  customersFileSchema,
  personSkillsSchema,
  siteSchema,
  skillsFileSchema,
  teamSchema,
  teamsFileSchema,
  type Application,
  type Customer,
  type PersonSkills,
  type SiteConfig,
  type Team,
} from '../schema/index.ts';
import type { z } from '../schema/zod.ts';
import type { Diagnostic } from './diagnostics.ts';
import { error, type Locations } from './locations.ts';
import { decodeUtf8 } from './utf8.ts';
import { validateWith } from './validate.ts';
import { YamlSource } from './yaml-source.ts';
import { yamlValues } from './yaml-values.ts';

export interface YamlFile {
  data: unknown;
  source: YamlSource;
}

/** The value and source of YAML text, or null with the parser's first error added to `diagnostics`. */
export function parseYamlText(rel: string, text: string, diagnostics: Diagnostic[]): YamlFile | null {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    // The values as records read theirs; positions are found only when a diagnostic needs one.
    return { data: yamlValues(text), source: new YamlSource(text, 1) };
  } catch (refused) {
    diagnostics.push(yamlError(rel, text, refused));
    return null;
  }
}

/** Where and why invalid YAML fails, in the yaml package's position and words (its first error: the later ones mostly echo it). */
function yamlError(rel: string, text: string, refused: unknown): Diagnostic {
  const counter = new LineCounter();
  const first = parseDocument(text, { lineCounter: counter, uniqueKeys: true }).errors[0];
  if (first) {
    const pos = counter.linePos(first.pos[0]);
    const reason = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return error(rel, pos.line, pos.col, 'yaml', '', `invalid YAML: ${reason}`);
  }
  const mark = (refused as { mark?: { line: number; column: number } }).mark;
  const reason = (refused as { reason?: string }).reason ?? String(refused);
  return error(rel, mark ? mark.line + 1 : 1, mark ? mark.column + 1 : 1, 'yaml', '', `invalid YAML: ${reason}`);
}

/** The YAML file `rel` below `root`; null when it is absent or could not be read (the reason added to `diagnostics`). */
export function readYamlFile(root: string, rel: string, diagnostics: Diagnostic[]): YamlFile | null {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return null;
  const decoded = decodeUtf8(rel, readFileSync(abs));
  if (!decoded.ok) {
    diagnostics.push(decoded.diagnostic);
    return null;
  }
  return parseYamlText(rel, decoded.text, diagnostics);
}

/** Reads and checks the site settings alone (the Astro config needs base and baseUrl before anything else). */
export function loadSiteConfig(root: string, diagnostics: Diagnostic[] = [], locations?: Locations): SiteConfig {
  const file = readYamlFile(root, 'data/site.yaml', diagnostics);
  const fallback = siteSchema.parse({ title: 'opsledger' });
  if (!file) {
    if (!diagnostics.some((d) => d.file === 'data/site.yaml'))
      diagnostics.push(error('data/site.yaml', 1, 1, 'file', '', 'missing: data/site.yaml needs at least a title'));
    return fallback;
  }
  const result = validateWith(siteSchema, file.data ?? {}, { file: 'data/site.yaml', source: file.source });
  if (result.ok) {
    locations?.set(result.value, { file: 'data/site.yaml', source: file.source, basePath: [] });
    return result.value;
  }
  diagnostics.push(...result.diagnostics);
  return fallback;
}

export interface Catalogue<T> {
  /** The entries that validate. */
  entries: T[];
  /** Ids (or names) of every entry, valid or not; null when the file could not be read, so nothing can be called unknown. */
  ids: Set<string> | null;
  /** Entries that did not validate, as parsed, with their index in the file. */
  invalid: { data: unknown; index: number }[];
}

export const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A catalogue from its parsed file (null when absent or unreadable): every entry validated on its own, each
 * located in `locations`, problems added to `diagnostics`.
 */
export function validateCatalogue<T>(
  rel: string,
  file: YamlFile | null,
  schema: z.ZodArray<z.ZodType<T>> | z.ZodType<T[]>,
  element: z.ZodType<T>,
  required: boolean,
  diagnostics: Diagnostic[],
  locations: Locations,
): Catalogue<T> {
  if (!file) {
    if (required && !diagnostics.some((d) => d.file === rel)) diagnostics.push(error(rel, 1, 1, 'file', '', `missing: ${rel} is required`));
    return { entries: [], ids: required ? null : new Set(), invalid: [] };
  }
  const at = (index: number) => ({ file: rel, source: file.source, basePath: [index] });
  // Ids of invalid entries still count as present, so their own error is not echoed by every reference to them.
  const ids = new Set<string>();
  if (Array.isArray(file.data)) {
    for (const entry of file.data as unknown[]) {
      const key = (entry as { id?: unknown; name?: unknown } | null)?.id ?? (entry as { name?: unknown } | null)?.name;
      if (typeof key === 'string') ids.add(key);
    }
  }
  const result = validateWith(schema, file.data ?? (required ? undefined : []), { file: rel, source: file.source });
  if (!result.ok) {
    diagnostics.push(...result.diagnostics);
    // Keep the entries that are valid so references to them do not cascade into false errors.
    const entries = Array.isArray(file.data) ? (file.data as unknown[]) : [];
    const kept: T[] = [];
    const invalid: Catalogue<T>['invalid'] = [];
    entries.forEach((entry, i) => {
      const one = element.safeParse(entry);
      if (one.success) {
        kept.push(one.data);
        locations.set(one.data as object, at(i));
      } else {
        invalid.push({ data: entry, index: i });
        // Located too, so that references inside an invalid entry are still reported at their field.
        if (isMapping(entry)) locations.set(entry, at(i));
      }
    });
    return { entries: kept, ids: Array.isArray(file.data) ? ids : null, invalid };
  }
  result.value.forEach((entry, i) => locations.set(entry as object, at(i)));
  return { entries: result.value, ids, invalid: [] };
}

export interface Catalogues {
  site: SiteConfig;
  teams: Catalogue<Team>;
  applications: Catalogue<Application>;
  customers: Catalogue<Customer>;
  skills: Catalogue<PersonSkills>;
}

/** Reads the site settings and the four catalogues; teams and applications are required, customers and skills optional. */
export function loadCatalogues(root: string, diagnostics: Diagnostic[], locations: Locations): Catalogues {
  const load = <T>(rel: string, schema: z.ZodArray<z.ZodType<T>> | z.ZodType<T[]>, element: z.ZodType<T>, required: boolean) =>
    validateCatalogue(rel, readYamlFile(root, rel, diagnostics), schema, element, required, diagnostics, locations);
  const site = loadSiteConfig(root, diagnostics, locations);
  const teams = load('data/teams.yaml', teamsFileSchema, teamSchema, true);
  const applications = load('data/applications.yaml', applicationsFileSchema, applicationSchema, true);
  const customers = load('data/customers.yaml', customersFileSchema, customerSchema, false);
  const skills = load('data/skills.yaml', skillsFileSchema, personSkillsSchema, false);
  return { site, teams, applications, customers, skills };
}

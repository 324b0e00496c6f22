// Statuspage v2 API incidents (one {incident: {...}} object per line, or a JSON array) → an import batch.
// Applications are the page's components; each affected component gets one impact entry.
import type { ImportMap } from './map.ts';
import { defaultMappings, lookup, slugify } from './map.ts';
import type { ImportBatch, ImportNote, ImportedCatalogueEntry, ImportedIncident } from './model.ts';
import { importedApplication, placeholderTeam } from './catalogue-entries.ts';
import { compareText } from '../core/compare.ts';
import { parseTimestamp, z } from '../schema/zod.ts';
import { cleanText, fieldLimits, ImportStop, REPLACEMENT } from './source-file.ts';

const when = z.string().nullish();
const affectedSchema = z.looseObject({ code: z.string().min(1), name: z.string().nullish(), old_status: z.string().nullish(), new_status: z.string().nullish() });
const updateSchema = z.looseObject({
  id: z.string().nullish(),
  status: z.string().nullish(),
  body: z.string().nullish(),
  display_at: when,
  created_at: when,
  affected_components: z.array(affectedSchema).nullish(),
});
const componentSchema = z.looseObject({ id: z.string().min(1), name: z.string() });
/** A Statuspage v2 incident as far as the import reads it: any other field is left alone, a wrong type is a skip. */
export const statuspageIncidentSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  status: z.string(),
  impact: z.string(),
  created_at: z.string(),
  started_at: when,
  resolved_at: when,
  monitoring_at: when,
  shortlink: when,
  incident_updates: z.array(updateSchema).nullish(),
  components: z.array(componentSchema).nullish(),
});
export type StatuspageIncident = z.output<typeof statuspageIncidentSchema>;

/** One incident of the source with where it was found (line of a JSON-lines file, or array index). */
export interface SourceIncident {
  incident: StatuspageIncident;
  where: string;
}

/** Zod's issues as one line: each field path with what is wrong there. */
export function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message.replace(/^Invalid input: /, '')}`)
    .join('; ');
}

/**
 * Splits a Statuspage export into incidents: JSON lines of `{incident}` (or bare incident) objects, or one
 * JSON array of them. A line that is not JSON, or not an incident of the right shape, is reported, not dropped;
 * a file with no incident at all stops the import.
 *
 * @example parseStatuspageExport('{"incident":{"id":"a", …}}\n', 'x.jsonl').incidents.length // 1
 */
export function parseStatuspageExport(text: string, file: string): { incidents: SourceIncident[]; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const incidents: SourceIncident[] = [];
  const take = (value: unknown, where: string) => {
    const inner = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'incident') ? (value as { incident: unknown }).incident : value;
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner) || !Object.hasOwn(inner, 'id')) {
      notes.push({ kind: 'skipped', where, message: 'not a Statuspage incident (no incident.id)' });
      return;
    }
    const parsed = statuspageIncidentSchema.safeParse(inner);
    const id = (inner as { id?: unknown }).id;
    if (!parsed.success) notes.push({ kind: 'skipped', where: `${where}${typeof id === 'string' ? ` (${id})` : ''}`, message: `not a Statuspage incident of the expected shape: ${issuesText(parsed.error)}` });
    else incidents.push({ incident: parsed.data, where });
  };
  let count = 0;
  if (text.trimStart().startsWith('[')) {
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch (error) {
      throw new ImportStop(`${file}: starts as a JSON array but is not JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(list)) throw new ImportStop(`${file}: not a JSON array of incidents`);
    list.forEach((value, i) => take(value, `${file}[${i}]`));
    count = list.length;
  } else {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      count++;
      const where = `${file}:${i + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        notes.push({ kind: 'skipped', where, message: `not JSON: ${(error as Error).message}` });
        return;
      }
      take(value, where);
    });
  }
  if (incidents.length === 0) throw new ImportStop(`${file}: no Statuspage incident in it (${count} ${count === 1 ? 'entry' : 'entries'} read, none an incident); nothing imported`);
  return { incidents, notes };
}

/** Epoch milliseconds of a source timestamp by the loader's own rule (offset required, a real date), else NaN. */
function ms(text: string | null | undefined): number {
  if (!text) return Number.NaN;
  const parsed = parseTimestamp(text);
  return parsed.ok ? parsed.value : Number.NaN;
}

const statusOrder = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
const UNSPECIFIED = 'unspecified';
const COMPONENT = 'service';

/**
 * Converts Statuspage incidents to applications (one per component, plus `unspecified` for incidents that
 * name none) and incidents, following the mapping in the README.
 *
 * @example statuspageBatch([{ incident, where: 'x.jsonl:1' }], map).incidents[0].fields.severity // 'SEV3' for impact minor
 */
export function statuspageBatch(source: readonly SourceIncident[], map: ImportMap, notes: ImportNote[] = []): ImportBatch {
  // Entries the export splitter already skipped were read too.
  const sourceCount = source.length + notes.filter((n) => n.kind === 'skipped').length;
  const severityOf = lookup<string>(defaultMappings.severity.statuspage, map.severity);
  const fractionOf = lookup<number>(defaultMappings.fraction.statuspage, map.fraction);
  const applicationOf = lookup<string>(map.applications);
  // Every text the source gives, made safe to publish, the change reported where it was found.
  const clean = (value: string, where: string, field: string, limit: number) => cleanText(value, where, field, limit, notes);

  // Each component's latest name: the name it carries in the latest incident (by start) that mentions it.
  const latestName = new Map<string, { name: string; at: number; where: string }>();
  const seeName = (id: string, name: string | null | undefined, at: number, where: string) => {
    if (!name || name.trim() === '') return;
    const known = latestName.get(id);
    if (!known || at >= known.at) latestName.set(id, { name, at, where });
  };
  for (const { incident, where } of source) {
    const at = ms(incident.started_at ?? incident.created_at);
    for (const c of incident.components ?? []) seeName(c.id, c.name, at, where);
    for (const u of incident.incident_updates ?? []) for (const a of u.affected_components ?? []) seeName(a.code, a.name, at, where);
  }
  for (const [id, known] of latestName) latestName.set(id, { ...known, name: clean(known.name.trim(), `${known.where} component ${id}`, 'component name', fieldLimits.name) });
  const appIdOf = new Map<string, string>();
  const usedIds = new Map<string, string>([[UNSPECIFIED, 'incidents naming no component']]);
  for (const [componentId, { name }] of [...latestName].sort(([a], [b]) => compareText(a, b))) {
    const mapped = applicationOf.get(componentId) ?? applicationOf.get(name);
    let id = mapped ?? slugify(name);
    if (!mapped) {
      for (let n = 2; usedIds.has(id); n++) id = `${slugify(name)}-${n}`;
      if (id !== slugify(name)) {
        notes.push({ kind: 'repaired', where: `component ${componentId} "${name}"`, message: `its name gives the application id "${slugify(name)}", already given to ${usedIds.get(slugify(name))}: application "${id}" instead (name both in --map applications: to merge them)` });
      }
    }
    usedIds.set(id, `component ${componentId} "${name}"`);
    appIdOf.set(componentId, id);
  }

  const incidents: ImportedIncident[] = [];
  const usedApps = new Set<string>();
  let lastMs = 0;
  for (const { incident, where } of source) {
    const sourceId = clean(incident.id, where, 'id', fieldLimits.name);
    const label = `${where} (${sourceId})`;
    const started = incident.started_at ?? incident.created_at;
    const startedMs = ms(started);
    if (Number.isNaN(startedMs)) {
      const which = incident.started_at ? 'started_at' : 'created_at';
      notes.push({ kind: 'skipped', where: label, message: `${which}: ${timestampProblem(started)}` });
      continue;
    }
    const createdMs = ms(incident.created_at);
    if (Number.isNaN(createdMs)) {
      notes.push({ kind: 'skipped', where: label, message: `created_at: ${timestampProblem(incident.created_at)}` });
      continue;
    }
    const resolvedMs = ms(incident.resolved_at);
    if (incident.resolved_at && Number.isNaN(resolvedMs)) {
      notes.push({ kind: 'skipped', where: label, message: `resolved_at: ${timestampProblem(incident.resolved_at)}` });
      continue;
    }
    if (closedStatuses.has(incident.status) && Number.isNaN(resolvedMs)) {
      notes.push({ kind: 'skipped', where: label, message: `status "${incident.status}" but no resolved_at: its end is unknown, and it is not recorded as open` });
      continue;
    }
    if (!Number.isNaN(resolvedMs) && resolvedMs < startedMs) {
      notes.push({ kind: 'skipped', where: label, message: `negative duration: resolved_at ${incident.resolved_at} is before started_at ${started} (${((resolvedMs - startedMs) / 60000).toFixed(1)} min)` });
      continue;
    }
    const severity = severityOf.get(incident.impact);
    if (severity === undefined) {
      notes.push({ kind: 'skipped', where: label, message: `impact "${clean(incident.impact, where, 'impact', fieldLimits.name)}" has no severity (add it under severity: in --map)` });
      continue;
    }
    const timed = (incident.incident_updates ?? []).filter((u, i) => {
      const at = u.display_at ?? u.created_at;
      if (!at) return false;
      if (Number.isNaN(ms(at))) {
        notes.push({ kind: 'repaired', where: label, message: `update ${i + 1}: ${timestampProblem(at)}: the update is left out` });
        return false;
      }
      return true;
    });
    lastMs = Math.max(lastMs, startedMs);
    const updates = [...timed].sort((a, b) => ms(a.display_at ?? a.created_at) - ms(b.display_at ?? b.created_at));
    const incidentFraction = fractionOf.get(incident.impact) ?? 1;

    // Affected components: the incident's own, then any an update names, in order of appearance.
    const affected: string[] = [];
    const add = (id: string) => {
      if (!affected.includes(id)) affected.push(id);
    };
    for (const c of incident.components ?? []) add(c.id);
    for (const u of updates) for (const a of u.affected_components ?? []) add(a.code);
    // A component named nowhere by a name has no application: it is left out of the impact, said so.
    for (const id of [...affected]) {
      if (!appIdOf.has(id)) {
        affected.splice(affected.indexOf(id), 1);
        notes.push({ kind: 'repaired', where: label, message: `component ${id} has no name anywhere in the export: left out of the impact` });
      }
    }

    const endMs = Number.isNaN(resolvedMs) ? null : resolvedMs;
    const clip = (t: number) => Math.min(Math.max(t, startedMs), endMs ?? Number.POSITIVE_INFINITY);
    const impact = affected.map((componentId) => {
      let worst = -1;
      let seenOther = false;
      let recoveredMs: number | null = null;
      for (const u of updates) {
        for (const a of u.affected_components ?? []) {
          if (a.code !== componentId) continue;
          for (const status of [a.old_status, a.new_status]) {
            const rank = statusOrder.indexOf(status ?? '');
            if (rank > worst) worst = rank;
          }
          if (a.old_status && a.old_status !== 'operational') seenOther = true;
          if (recoveredMs === null && seenOther && a.new_status === 'operational') recoveredMs = ms(u.display_at ?? u.created_at);
          if (a.new_status && a.new_status !== 'operational') seenOther = true;
        }
      }
      const statusFraction = worst >= 0 ? (fractionOf.get(statusOrder[worst]!) ?? 0) : 0;
      const fraction = statusFraction > 0 ? statusFraction : incidentFraction;
      const toMs = recoveredMs === null ? endMs : clip(recoveredMs);
      const span: Record<string, unknown> = { applications: [appIdOf.get(componentId)!], component: COMPONENT, fraction };
      if (toMs !== null && toMs !== endMs) span.to = iso(toMs, incident.resolved_at ?? undefined);
      return span;
    });
    const apps = affected.length === 0 ? [UNSPECIFIED] : [...new Set(affected.map((c) => appIdOf.get(c)!))];
    for (const app of apps) usedApps.add(app);

    const firstUpdate = updates[0];
    const detected = createdMs >= startedMs ? incident.created_at : started;
    if (detected !== incident.created_at) notes.push({ kind: 'repaired', where: label, message: `created_at ${incident.created_at} is before started_at ${started}: detected set to started_at` });
    let acknowledged = firstUpdate ? (firstUpdate.display_at ?? firstUpdate.created_at)! : detected;
    if (ms(acknowledged) < ms(detected)) acknowledged = detected;
    const monitoringMs = ms(incident.monitoring_at);
    const status = endMs !== null ? 'resolved' : incident.status === 'monitoring' ? 'monitoring' : 'open';
    const name = clean(incident.name.trim(), label, 'name', fieldLimits.title).trim();
    const fields: Record<string, unknown> = {
      title: name === '' || name === REPLACEMENT ? `Statuspage incident ${sourceId}` : name,
      ...(apps.length === 1 ? { application: apps[0] } : { applications: apps }),
      severity,
      status,
      started,
      detected,
      acknowledged: status === 'open' && !firstUpdate ? null : acknowledged,
      restored: endMs === null ? null : incident.resolved_at,
      // No components: one entry at the incident's own impact.
      impact: affected.length === 0 ? [{ fraction: incidentFraction }] : impact,
      component: COMPONENT,
      cause: map.defaults.cause,
      channel: map.defaults.channel,
      resolvedAt: status === 'resolved' ? map.defaults.resolvedAt : null,
      updates: updates.map((u, i) => {
        const text = clean((u.body ?? '').trim(), `${label} update ${i + 1}`, 'body', fieldLimits.text).trim();
        const kind = u.status === 'resolved' ? 'restored' : i === 0 ? 'acknowledge' : 'update';
        return { at: u.display_at ?? u.created_at, text: text === '' ? `(${clean(u.status ?? 'update', label, 'update status', fieldLimits.name)}, no text)` : text, kind };
      }),
      // Only a web link is kept: the record's page links it.
      external: { system: 'statuspage', id: sourceId, ...(incident.shortlink && /^https?:\/\/[^\s]+$/.test(incident.shortlink) ? { url: incident.shortlink } : {}) },
    };
    if (status === 'monitoring' && endMs === null) fields.restored = Number.isNaN(monitoringMs) || monitoringMs < startedMs ? null : incident.monitoring_at;
    if (fields.restored === null && status !== 'open') fields.status = 'open';
    // Not yet acknowledged, restored or resolved: the field is left out rather than written empty.
    if (fields.acknowledged === null) delete fields.acknowledged;
    if (fields.restored === null) delete fields.restored;
    if (fields.resolvedAt === null) delete fields.resolvedAt;
    const componentNames = affected.map((c) => latestName.get(c)?.name ?? c);
    const body = [
      `Imported from Statuspage incident ${sourceId}${fields.external && (fields.external as { url?: string }).url ? ` (${(fields.external as { url?: string }).url})` : ''}.`,
      '',
      `Statuspage impact: ${clean(incident.impact, label, 'impact', fieldLimits.name)}. Components: ${componentNames.length === 0 ? 'none named' : componentNames.join(', ')}.`,
      '',
    ].join('\n');
    incidents.push({ external: fields.external as ImportedIncident['external'], startedMs, fields, body, where: label });
  }

  const reviewed = new Date(lastMs || 0).toISOString().slice(0, 10);
  const applications: ImportedCatalogueEntry[] = [];
  for (const [componentId, id] of [...appIdOf].sort(([, a], [, b]) => compareText(a, b))) {
    if (!usedApps.has(id) || applications.some((a) => a.id === id)) continue;
    applications.push({ key: componentId, id, entry: importedApplication(id, latestName.get(componentId)!.name, map.catalogue.team, [COMPONENT], map, { system: 'statuspage', id: componentId }) });
  }
  if (usedApps.has(UNSPECIFIED)) applications.push({ key: UNSPECIFIED, id: UNSPECIFIED, entry: importedApplication(UNSPECIFIED, 'Unspecified (no component named)', map.catalogue.team, [COMPONENT], map) });
  return {
    system: 'statuspage',
    applications,
    teams: [placeholderTeam(map.catalogue.team, 'Support', 'statuspage', reviewed)],
    incidents,
    ownedFields: ['title', 'application', 'applications', 'severity', 'status', 'started', 'detected', 'acknowledged', 'restored', 'impact', 'component', 'cause', 'channel', 'resolvedAt', 'updates', 'external'],
    notes,
    sourceCount,
  };
}

/** Statuses that say the incident is over: without a readable end it cannot be recorded (as open, it would count as down). */
const closedStatuses = new Set(['resolved', 'postmortem', 'completed']);

/** Why the loader would refuse a timestamp, in its own words. */
function timestampProblem(text: string | null | undefined): string {
  if (!text) return 'empty';
  const parsed = parseTimestamp(text);
  return parsed.ok ? 'accepted' : parsed.message;
}

/** The source's own text when it names this instant, else ISO UTC. */
function iso(msValue: number, sourceText: string | undefined): string {
  return sourceText !== undefined && Date.parse(sourceText) === msValue ? sourceText : new Date(msValue).toISOString();
}

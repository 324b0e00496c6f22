// Statuspage v2 API incidents (one {incident: {...}} object per line, or a JSON array) → an import batch.
// Applications are the page's components; each affected component gets one impact entry.
import type { ImportMap } from './map.ts';
import { defaultMappings, slugify } from './map.ts';
import type { ImportBatch, ImportNote, ImportedCatalogueEntry, ImportedIncident } from './model.ts';
import { importedApplication, placeholderTeam } from './catalogue-entries.ts';
import { compareText } from '../core/compare.ts';

interface AffectedComponent {
  code: string;
  name?: string;
  old_status?: string;
  new_status?: string;
}
interface StatuspageUpdate {
  id?: string;
  status?: string;
  body?: string | null;
  display_at?: string | null;
  created_at?: string | null;
  affected_components?: AffectedComponent[] | null;
}
interface StatuspageComponent {
  id: string;
  name: string;
}
export interface StatuspageIncident {
  id: string;
  name: string;
  status: string;
  impact: string;
  created_at: string;
  started_at?: string | null;
  resolved_at?: string | null;
  monitoring_at?: string | null;
  shortlink?: string | null;
  incident_updates?: StatuspageUpdate[] | null;
  components?: StatuspageComponent[] | null;
}

/** One incident of the source with where it was found (line of a JSON-lines file, or array index). */
export interface SourceIncident {
  incident: StatuspageIncident;
  where: string;
}

/**
 * Splits a Statuspage export into incidents: JSON lines of `{incident}` (or bare incident) objects, or one
 * JSON array of them. A line that is not JSON is reported, not dropped.
 *
 * @example parseStatuspageExport('{"incident":{"id":"a"}}\n', 'x.jsonl').incidents.length // 1
 */
export function parseStatuspageExport(text: string, file: string): { incidents: SourceIncident[]; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const incidents: SourceIncident[] = [];
  const unwrap = (value: unknown): StatuspageIncident | null => {
    const inner = value !== null && typeof value === 'object' && 'incident' in value ? (value as { incident: unknown }).incident : value;
    return inner !== null && typeof inner === 'object' && typeof (inner as { id?: unknown }).id === 'string' ? (inner as StatuspageIncident) : null;
  };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const list = JSON.parse(text) as unknown[];
    list.forEach((value, i) => {
      const incident = unwrap(value);
      if (incident) incidents.push({ incident, where: `${file}[${i}]` });
      else notes.push({ kind: 'skipped', where: `${file}[${i}]`, message: 'not a Statuspage incident (no incident.id)' });
    });
    return { incidents, notes };
  }
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      notes.push({ kind: 'skipped', where, message: `not JSON: ${(error as Error).message}` });
      return;
    }
    const incident = unwrap(value);
    if (incident) incidents.push({ incident, where });
    else notes.push({ kind: 'skipped', where, message: 'not a Statuspage incident (no incident.id)' });
  });
  return { incidents, notes };
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
  const severityOf = { ...defaultMappings.severity.statuspage, ...map.severity } as Record<string, string>;
  const fractionOf = { ...defaultMappings.fraction.statuspage, ...map.fraction } as Record<string, number>;
  const ms = (text: string | null | undefined) => (text ? Date.parse(text) : Number.NaN);

  // Each component's latest name: the name it carries in the latest incident (by start) that mentions it.
  const latestName = new Map<string, { name: string; at: number }>();
  const seeName = (id: string, name: string | undefined, at: number) => {
    if (!name) return;
    const known = latestName.get(id);
    if (!known || at >= known.at) latestName.set(id, { name, at });
  };
  for (const { incident } of source) {
    const at = ms(incident.started_at ?? incident.created_at);
    for (const c of incident.components ?? []) seeName(c.id, c.name, at);
    for (const u of incident.incident_updates ?? []) for (const a of u.affected_components ?? []) seeName(a.code, a.name, at);
  }
  const appIdOf = new Map<string, string>();
  const usedIds = new Set<string>([UNSPECIFIED]);
  for (const [componentId, { name }] of [...latestName].sort(([a], [b]) => compareText(a, b))) {
    const mapped = map.applications[componentId] ?? map.applications[name];
    let id = mapped ?? slugify(name);
    if (!mapped) for (let n = 2; usedIds.has(id); n++) id = `${slugify(name)}-${n}`;
    usedIds.add(id);
    appIdOf.set(componentId, id);
  }

  const incidents: ImportedIncident[] = [];
  const usedApps = new Set<string>();
  let lastMs = 0;
  for (const { incident, where } of source) {
    const label = `${where} (${incident.id})`;
    const started = incident.started_at ?? incident.created_at;
    const startedMs = ms(started);
    const resolvedMs = ms(incident.resolved_at);
    if (Number.isNaN(startedMs)) {
      notes.push({ kind: 'skipped', where: label, message: 'no readable started_at or created_at' });
      continue;
    }
    if (!Number.isNaN(resolvedMs) && resolvedMs < startedMs) {
      notes.push({ kind: 'skipped', where: label, message: `negative duration: resolved_at ${incident.resolved_at} is before started_at ${started} (${((resolvedMs - startedMs) / 60000).toFixed(1)} min)` });
      continue;
    }
    const severity = severityOf[incident.impact];
    if (severity === undefined) {
      notes.push({ kind: 'skipped', where: label, message: `impact "${incident.impact}" has no severity (add it under severity: in --map)` });
      continue;
    }
    lastMs = Math.max(lastMs, startedMs);
    const updates = [...(incident.incident_updates ?? [])]
      .filter((u) => u.display_at ?? u.created_at)
      .sort((a, b) => ms(a.display_at ?? a.created_at) - ms(b.display_at ?? b.created_at));
    const incidentFraction = fractionOf[incident.impact] ?? 1;

    // Affected components: the incident's own, then any an update names, in order of appearance.
    const affected: string[] = [];
    const add = (id: string) => {
      if (!affected.includes(id)) affected.push(id);
    };
    for (const c of incident.components ?? []) add(c.id);
    for (const u of updates) for (const a of u.affected_components ?? []) add(a.code);

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
      const statusFraction = worst >= 0 ? (fractionOf[statusOrder[worst]!] ?? 0) : 0;
      const fraction = statusFraction > 0 ? statusFraction : incidentFraction;
      const toMs = recoveredMs === null ? endMs : clip(recoveredMs);
      const span: Record<string, unknown> = { applications: [appIdOf.get(componentId)!], component: COMPONENT, fraction };
      if (toMs !== null && toMs !== endMs) span.to = iso(toMs, incident.resolved_at ?? undefined);
      return span;
    });
    const apps = affected.length === 0 ? [UNSPECIFIED] : [...new Set(affected.map((c) => appIdOf.get(c)!))];
    for (const app of apps) usedApps.add(app);

    const firstUpdate = updates[0];
    const detected = incident.created_at && ms(incident.created_at) >= startedMs ? incident.created_at : started!;
    if (detected !== incident.created_at) notes.push({ kind: 'repaired', where: label, message: `created_at ${incident.created_at} is before started_at ${started}: detected set to started_at` });
    let acknowledged = firstUpdate ? (firstUpdate.display_at ?? firstUpdate.created_at)! : detected;
    if (ms(acknowledged) < ms(detected)) acknowledged = detected;
    const status = endMs !== null ? 'resolved' : incident.status === 'monitoring' ? 'monitoring' : 'open';
    const fields: Record<string, unknown> = {
      title: incident.name.trim() === '' ? `Statuspage incident ${incident.id}` : incident.name.trim(),
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
        const text = (u.body ?? '').trim();
        const kind = u.status === 'resolved' ? 'restored' : i === 0 ? 'acknowledge' : 'update';
        return { at: u.display_at ?? u.created_at, text: text === '' ? `(${u.status ?? 'update'}, no text)` : text, kind };
      }),
      // Only a web link is kept: the record's page links it.
      external: { system: 'statuspage', id: incident.id, ...(incident.shortlink && /^https?:\/\//.test(incident.shortlink) ? { url: incident.shortlink } : {}) },
    };
    if (status === 'monitoring' && endMs === null) fields.restored = incident.monitoring_at ?? null;
    if (fields.restored === null && status !== 'open') fields.status = 'open';
    for (const key of ['acknowledged', 'restored', 'resolvedAt'] as const) if (fields[key] === null) delete fields[key];
    const componentNames = affected.map((c) => latestName.get(c)?.name ?? c);
    const body = [
      `Imported from Statuspage incident ${incident.id}${incident.shortlink ? ` (${incident.shortlink})` : ''}.`,
      '',
      `Statuspage impact: ${incident.impact}. Components: ${componentNames.length === 0 ? 'none named' : componentNames.join(', ')}.`,
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
    sourceCount: source.length,
  };
}

/** The source's own text when it names this instant, else ISO UTC. */
function iso(msValue: number, sourceText: string | undefined): string {
  return sourceText !== undefined && Date.parse(sourceText) === msValue ? sourceText : new Date(msValue).toISOString();
}

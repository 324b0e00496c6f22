// Application health and training for the demo: monitors per component and layer, a year of
// monitoring-tool alert exports (data/alerts/YYYY-MM.csv) and data/skills.yaml. Each part draws from
// its own seeded stream. What it shows on purpose:
// - settlement's swift-gateway and client-portal's reporting have no business-process monitor;
// - pricing's quote-engine CPU rule fires often and mostly falsely, less so as the months go by (92 % → 60 %);
// - incidents detected by monitoring get the actionable alert that led to them (the others were missed);
// - a critical market-data alert 20 minutes before the end date (an amber component);
// - risk has a single person at L2 or above; Marcus Lindqvist is on the trading-platform rotation
//   and books incident hours on order routing without training on it; some training is over a year old.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Application, Catalogue } from './catalogue.ts';
import { applicationTeams } from './catalogue.ts';
import type { GenerationContext } from './context.ts';
import { toYaml } from './emit.ts';
import { addMonthsUtc, isoDate, isoInstant, startOfMonthUtc } from './instants.ts';
import type { IncidentDraft } from './model.ts';

type Layer = 'machine' | 'application' | 'business' | 'middleware';

export interface DemoMonitor {
  name: string;
  component: string;
  layer: Layer;
  tool: string;
  owner: string;
}

/** Components whose business process nobody watches, by application. */
const UNWATCHED_BUSINESS: Record<string, readonly string[]> = { settlement: ['swift-gateway'], 'client-portal': ['reporting'] };

const titleCase = (id: string) => id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');

/**
 * The monitors of an application: a host check and a process check on every component, a
 * business-process check on all but the unwatched ones, and middleware checks where an
 * infrastructure team runs part of the component.
 */
export function monitorsOf(app: Application): DemoMonitor[] {
  const monitors: DemoMonitor[] = [];
  for (const profile of app.components) {
    const name = titleCase(profile.id);
    monitors.push({ name: `${name} host health`, component: profile.id, layer: 'machine', tool: 'Nagios', owner: app.support.L1 });
    monitors.push({ name: `${name} process up`, component: profile.id, layer: 'application', tool: 'Geneos', owner: app.team });
    if (!(UNWATCHED_BUSINESS[app.id] ?? []).includes(profile.id)) {
      monitors.push({ name: `${name} transactions flowing`, component: profile.id, layer: 'business', tool: 'Geneos', owner: app.team });
    }
    if (profile.infra !== undefined) {
      monitors.push({ name: `${name} ${profile.infra === 'dba' ? 'database replication' : 'network links'}`, component: profile.id, layer: 'middleware', tool: 'Zabbix', owner: profile.infra });
    }
  }
  return monitors;
}

const ruleOf = (monitor: DemoMonitor) => monitor.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const layerOfCause: Record<string, Layer> = { hardware: 'machine', capacity: 'machine', network: 'middleware', 'third-party': 'middleware' };

interface AlertRow {
  atMs: number;
  application: string;
  component: string;
  layer: Layer;
  rule: string;
  severity: 'critical' | 'warning';
  outcome: 'actionable' | 'false-positive' | 'duplicate' | 'unknown';
  incident: string;
}

const NOISY = { application: 'pricing', component: 'quote-engine', rule: 'quote-engine-cpu-high' };
const ALERT_MONTHS = 12;

/**
 * Writes `data/alerts/YYYY-MM.csv` for the last twelve months: background alerts on every monitor,
 * the noisy pricing CPU rule, one actionable alert per incident detected by monitoring, and a
 * critical alert shortly before the end. Returns the number of rows.
 */
export function writeAlerts(context: GenerationContext, directory: string, incidents: readonly IncidentDraft[]): { rows: number } {
  mkdirSync(directory, { recursive: true });
  const random = context.stream('alerts');
  const firstMonthMs = Math.max(startOfMonthUtc(context.startMs), addMonthsUtc(startOfMonthUtc(context.endMs), -(ALERT_MONTHS - 1)));
  const rows: AlertRow[] = [];
  const dayMs = 86_400_000;
  const days = Math.floor((context.endMs - firstMonthMs) / dayMs);
  for (const app of context.catalogue.applications) {
    const monitors = monitorsOf(app);
    for (let day = 0; day < days; day++) {
      const dayStart = firstMonthMs + day * dayMs;
      const progress = day / Math.max(1, days - 1);
      for (const monitor of monitors) {
        // About one alert per monitor a fortnight: most real, some false, a few echoes.
        if (!random.chance(0.07 * app.noise)) continue;
        const outcome = random.weighted([['actionable', 0.55], ['false-positive', 0.25], ['duplicate', 0.12], ['unknown', 0.08]] as const);
        rows.push({ atMs: dayStart + random.int(0, 1439) * 60_000, application: app.id, component: monitor.component, layer: monitor.layer, rule: ruleOf(monitor), severity: random.chance(0.2) ? 'critical' : 'warning', outcome, incident: '' });
      }
      if (app.id === NOISY.application) {
        // The noisy rule fires several times a day; its false-positive share falls from 92 % to 60 % as it is tuned.
        const count = random.int(3, 7);
        for (let k = 0; k < count; k++) {
          const falseShare = 0.92 - 0.32 * progress;
          const outcome = random.chance(falseShare) ? 'false-positive' : random.chance(0.5) ? 'duplicate' : 'actionable';
          rows.push({ atMs: dayStart + random.int(0, 1439) * 60_000, application: app.id, component: NOISY.component, layer: 'machine', rule: NOISY.rule, severity: 'warning', outcome, incident: '' });
        }
      }
    }
  }
  for (const incident of incidents) {
    if (incident.channel !== 'monitoring' || incident.detectedMs < firstMonthMs || incident.detectedMs > context.endMs) continue;
    const app = context.appById.get(incident.applications[0] ?? '');
    if (app === undefined || !app.components.some((profile) => profile.id === incident.component)) continue;
    const monitors = monitorsOf(app).filter((monitor) => monitor.component === incident.component);
    const layer = layerOfCause[incident.cause] ?? 'application';
    const monitor = monitors.find((m) => m.layer === layer) ?? monitors.find((m) => m.layer === 'business') ?? monitors[0];
    if (monitor === undefined) continue;
    rows.push({ atMs: Math.max(incident.startedMs, incident.detectedMs - 60_000), application: app.id, component: incident.component, layer: monitor.layer, rule: ruleOf(monitor), severity: 'critical', outcome: 'actionable', incident: incident.id });
  }
  const marketData = context.appById.get('market-data');
  if (marketData !== undefined) {
    rows.push({ atMs: context.endMs - 20 * 60_000, application: 'market-data', component: 'distribution', layer: 'application', rule: 'distribution-process-up', severity: 'critical', outcome: 'unknown', incident: '' });
  }

  rows.sort((a, b) => a.atMs - b.atMs || (a.application < b.application ? -1 : a.application > b.application ? 1 : 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const byMonth = new Map<string, string[]>();
  for (const row of rows) {
    const month = isoDate(row.atMs).slice(0, 7);
    const lines = byMonth.get(month) ?? [];
    lines.push([isoInstant(row.atMs), row.application, row.component, row.layer, row.rule, row.severity, row.outcome, row.incident].join(','));
    byMonth.set(month, lines);
  }
  for (const [month, lines] of byMonth) {
    writeFileSync(join(directory, `${month}.csv`), `at,application,component,layer,rule,severity,outcome,incident\n${lines.join('\n')}\n`);
  }
  return { rows: rows.length };
}

/** People, trained on nothing, who are still on a rotation that covers this application. */
const UNTRAINED: readonly { person: string; application: string }[] = [{ person: 'Marcus Lindqvist', application: 'order-routing' }];

/**
 * data/skills.yaml: every person with the applications their team works on. First-line and
 * infrastructure people at L1, the owning team at L2 (its first member L3); dates trained spread
 * over the last sixteen months.
 */
export function skillsYaml(context: GenerationContext, catalogue: Catalogue): string {
  const random = context.stream('skills');
  const people = catalogue.people.map((person) => {
    const applications: Record<string, { level: string; trained: string }> = {};
    for (const app of catalogue.applications) {
      if (!applicationTeams(app).includes(person.team)) continue;
      if (UNTRAINED.some((u) => u.person === person.name && u.application === app.id)) continue;
      const own = context.peopleByTeam.get(app.team) ?? [];
      // First line and infrastructure teams know the application at L1; its own team at L2, its first member L3.
      // Risk's own team has a single member: a single point of knowledge.
      const level = person.team !== app.team ? 'L1' : own[0]?.name === person.name ? 'L3' : 'L2';
      const ageDays = random.int(20, 500);
      applications[app.id] = { level, trained: isoDate(context.endMs - ageDays * 86_400_000) };
    }
    return { person: person.name, team: person.team, applications };
  });
  return toYaml(people);
}

/** Writes data/alerts/ and data/skills.yaml under `root`. */
export function writeHealthAndTraining(context: GenerationContext, root: string, incidents: readonly IncidentDraft[]): { alertRows: number } {
  const { rows } = writeAlerts(context, join(root, 'data', 'alerts'), incidents);
  writeFileSync(join(root, 'data', 'skills.yaml'), skillsYaml(context, context.catalogue));
  return { alertRows: rows };
}

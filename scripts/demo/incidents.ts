import type { Application, ComponentProfile, Region, SupportLevel } from './catalogue.ts';
import type { GenerationContext } from './context.ts';
import { requireApp } from './context.ts';
import type { Cause, Channel, ChangeDraft, ImpactDraft, IncidentDraft, Severity, UpdateDraft } from './model.ts';
import type { Random } from './random.ts';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  localToInstant,
  nextInsideWindows,
  utcDayStart,
  utcWeekdayIndex,
  weekdayOfDay,
  windowMinutes,
} from './instants.ts';
import { causeStory, detectionSentence, fillTemplate, progressUpdate, resolutionSentence } from './text.ts';

const MEDIAN_MINUTES: Record<Severity, number> = { SEV1: 80, SEV2: 70, SEV3: 45, SEV4: 30 };

/** A start instant for an incident on `app` between two instants, inside its calendar when it has one. */
export function sampleStart(app: Application, random: Random, fromMs: number, toMs: number): number {
  const firstDay = utcDayStart(fromMs);
  const dayCount = Math.max(1, Math.ceil((toMs - firstDay) / DAY_MS));
  for (let attempt = 0; attempt < 60; attempt++) {
    const dayMs = firstDay + random.int(0, dayCount - 1) * DAY_MS;
    let ms: number;
    if (Array.isArray(app.calendar)) {
      const weekday = weekdayOfDay(dayMs);
      const windows = app.calendar.filter((window) => window.days.includes(weekday));
      const window = windows.length > 0 ? random.pick(windows) : undefined;
      if (window === undefined) continue;
      const { startMinute, endMinute } = windowMinutes(window);
      const minute = random.int(startMinute, Math.max(startMinute, endMinute - 10));
      ms = localToInstant(window.timezone, dayMs, Math.floor(minute / 60), minute % 60);
    } else {
      ms = dayMs + random.int(0, 1439) * MINUTE_MS;
      // Around-the-clock applications are still quieter, and break less, at the weekend.
      if (utcWeekdayIndex(ms) >= 5 && !random.chance(0.3)) continue;
    }
    if (ms >= fromMs && ms <= toMs) return ms;
  }
  return fromMs;
}

function durationMinutes(severity: Severity, random: Random): number {
  const minutes = Math.exp(random.normal(Math.log(MEDIAN_MINUTES[severity]), 0.75));
  return Math.round(Math.min(360, Math.max(5, minutes)));
}

function pickSeverity(random: Random): Severity {
  return random.weighted([['SEV1', 3], ['SEV2', 9], ['SEV3', 38], ['SEV4', 50]] as const);
}

function pickCause(profile: ComponentProfile, random: Random): Cause {
  const network = profile.infra === 'network' ? 25 : 8;
  const capacity = profile.infra === 'dba' ? 20 : 10;
  return random.weighted([
    ['software', 30],
    ['capacity', capacity],
    ['hardware', 7],
    ['data', 12],
    ['network', network],
    ['third-party', 11],
    ['human', 8],
    ['unknown', 4],
  ] as const);
}

function pickResolvedAt(severity: Severity, random: Random): SupportLevel {
  if (severity === 'SEV4') return random.weighted([['L1', 60], ['L2', 35], ['L3', 5]] as const);
  if (severity === 'SEV3') return random.weighted([['L1', 40], ['L2', 45], ['L3', 15]] as const);
  return random.weighted([['L1', 15], ['L2', 55], ['L3', 30]] as const);
}

function pickFraction(severity: Severity, random: Random): number {
  switch (severity) {
    case 'SEV1':
      return random.pick([0.5, 0.75, 1, 1]);
    case 'SEV2':
      return random.pick([0.3, 0.5, 0.6, 0.75, 1]);
    case 'SEV3':
      return random.pick([0.1, 0.2, 0.25, 0.3, 0.5]);
    default:
      return random.pick([0.05, 0.1, 0.15, 0.2, 0.25]);
  }
}

/** Impact entries for one application; an empty list means the default (all regions, fully, all along). */
function impactFor(app: Application, severity: Severity, random: Random, startedMs: number, restoredMs: number, tagApplication: boolean): ImpactDraft[] {
  const regions = Object.keys(app.regions) as Region[];
  const tag = (entry: ImpactDraft): ImpactDraft => (tagApplication ? { applications: [app.id], ...entry } : entry);
  const shape = random.weighted([
    ['full', severity === 'SEV1' ? 60 : 25],
    ['regional', regions.length > 1 ? 35 : 0],
    ['degraded', 25],
    ['two-phase', restoredMs - startedMs >= 20 * MINUTE_MS ? 15 : 0],
  ] as const);
  if (shape === 'full') return tagApplication ? [tag({})] : [];
  if (shape === 'regional') {
    const affected = random.sample(regions, random.int(1, regions.length - 1));
    const fraction = pickFraction(severity, random);
    return [tag(fraction === 1 ? { regions: affected } : { regions: affected, fraction })];
  }
  if (shape === 'degraded') {
    const fraction = Math.min(0.75, pickFraction(severity, random));
    return [tag({ fraction })];
  }
  // Full outage first, then a partial recovery for part of the user base.
  const turnMs = startedMs + Math.round((restoredMs - startedMs) * random.between(0.3, 0.7) / MINUTE_MS) * MINUTE_MS;
  const tail: ImpactDraft = { fraction: random.pick([0.2, 0.3, 0.5]), fromMs: turnMs };
  if (regions.length > 1) tail.regions = random.sample(regions, random.int(1, regions.length - 1));
  return [tag({ toMs: turnMs }), tag(tail)];
}

function impactLine(app: Application, impact: readonly ImpactDraft[]): { regions: string; impact: string } {
  const all = Object.keys(app.regions);
  const regions = new Set<string>();
  for (const entry of impact) for (const region of entry.regions ?? all) regions.add(region);
  const everywhere = regions.size === 0 || regions.size === all.length;
  const names = everywhere ? 'all regions' : [...regions].join(' and ');
  const partial = impact.some((entry) => entry.fraction !== undefined && entry.fraction < 1);
  return { regions: names, impact: `${partial ? 'Partial impact' : 'Impact'} confirmed for ${app.name} users in ${names}` };
}

function communications(
  random: Random,
  incident: Pick<IncidentDraft, 'title' | 'severity' | 'acknowledgedMs' | 'restoredMs' | 'component' | 'cause' | 'startedMs'>,
  teamName: string,
  line: { regions: string; impact: string },
): UpdateDraft[] {
  const { acknowledgedMs, restoredMs } = incident;
  if (acknowledgedMs === undefined || restoredMs === undefined) return [];
  const updates: UpdateDraft[] = [];
  const firstMs = acknowledgedMs + random.int(1, 4) * MINUTE_MS;
  updates.push({
    atMs: firstMs,
    kind: 'acknowledge',
    text: `{id} acknowledged: ${incident.title}. ${teamName} engaged on the bridge; next update in 15 minutes.`,
  });
  const wantsGap = random.chance(0.12);
  let gapUsed = false;
  let atMs = firstMs;
  let previous = '';
  for (let index = 0; ; index++) {
    let step = random.int(13, 16);
    if (wantsGap && !gapUsed && index === 1) {
      step = random.int(25, 45);
      gapUsed = true;
    }
    atMs += step * MINUTE_MS;
    if (atMs >= restoredMs) break;
    const progress = (atMs - incident.startedMs) / (restoredMs - incident.startedMs);
    const facts = { team: teamName, component: incident.component, cause: incident.cause, ...line };
    let text = progressUpdate(index, progress, facts, random);
    if (text === previous) text = progressUpdate(index, progress, facts, random);
    previous = text;
    updates.push({ atMs, kind: 'update', text: `{id} update: ${text}` });
  }
  if (!random.chance(0.05)) {
    updates.push({
      atMs: restoredMs + random.int(2, 8) * MINUTE_MS,
      kind: 'restored',
      text: `{id} service restored: ${incident.title}. Monitoring continues; root cause to follow in the problem review.`,
    });
  }
  return updates;
}

interface IncidentSeed {
  apps: Application[];
  profile: ComponentProfile;
  startedMs: number;
  severity?: Severity;
  cause?: Cause;
  change?: ChangeDraft;
  title?: string;
  cluster?: IncidentDraft['cluster'];
}

function buildIncident(context: GenerationContext, random: Random, seed: IncidentSeed): IncidentDraft {
  const severity = seed.severity ?? pickSeverity(random);
  const cause = seed.cause ?? pickCause(seed.profile, random);
  const primary = seed.apps[0];
  if (primary === undefined) throw new Error('an incident needs an application');
  const channel: Channel = random.weighted([['monitoring', 55], ['phone', 12], ['email', 12], ['ticket', 11], ['chat', 10]] as const);
  const startedMs = seed.startedMs;
  const detectedMs = startedMs + (channel === 'monitoring' ? random.int(1, 6) : random.int(3, 25)) * MINUTE_MS;
  const acknowledgedMs = detectedMs + (severity === 'SEV1' ? random.int(1, 4) : random.int(1, 12)) * MINUTE_MS;
  let restoredMs = startedMs + durationMinutes(severity, random) * MINUTE_MS;
  if (restoredMs <= acknowledgedMs) restoredMs = acknowledgedMs + random.int(2, 10) * MINUTE_MS;
  const tagApplications = seed.apps.length > 1;
  const title = seed.title ?? fillTemplate(random.pick(seed.profile.incidentTitles), random);
  const titleRegion = (['AMRS', 'EMEA', 'APAC'] as const).find((region) => title.includes(region));
  let impact = seed.apps.flatMap((app) => impactFor(app, severity, random, startedMs, restoredMs, tagApplications));
  if (titleRegion !== undefined && !tagApplications && primary.regions[titleRegion] !== undefined && Object.keys(primary.regions).length > 1) {
    // A title that names a region is about that region only.
    const fraction = pickFraction(severity, random);
    impact = [fraction === 1 ? { regions: [titleRegion] } : { regions: [titleRegion], fraction }];
  }
  const resolvedAt = pickResolvedAt(severity, random);
  const team = context.catalogue.teams.find((candidate) => candidate.id === primary.team);
  const incident: IncidentDraft = {
    id: '',
    handwritten: false,
    title,
    applications: seed.apps.map((app) => app.id),
    severity,
    status: restoredMs > context.endMs - 2 * DAY_MS && random.chance(0.7) ? 'monitoring' : 'resolved',
    startedMs,
    detectedMs,
    acknowledgedMs,
    restoredMs,
    impact,
    component: seed.profile.id,
    cause,
    channel,
    resolvedAt,
    updates: [],
    narrative: [
      causeStory(cause, seed.profile.id, seed.change?.id, random),
      `${detectionSentence(channel)} raised it; ${severity === 'SEV1' || severity === 'SEV2' ? 'a bridge was opened and stakeholders were updated by e-mail' : 'it was handled in the support queue'}.`,
      resolutionSentence(resolvedAt, seed.profile.id, random),
    ],
  };
  if (seed.change !== undefined) incident.change = seed.change.id;
  if (seed.cluster !== undefined) incident.cluster = seed.cluster;
  if (severity === 'SEV1' || severity === 'SEV2' || random.chance(0.2)) {
    incident.updates = communications(random, incident, team?.name ?? primary.team, impactLine(primary, impact));
  }
  return incident;
}

/**
 * Generated incidents: recurring clusters (some later covered by a problem ticket,
 * some never), incidents caused by changes, a few spanning two applications, and the rest
 * spread over the period in each application's calendar.
 */
export function generateIncidents(context: GenerationContext, count: number, changes: readonly ChangeDraft[]): IncidentDraft[] {
  const random = context.stream('incidents');
  const apps = context.catalogue.applications;
  const appWeights = apps.map((app) => [app, app.noise] as const);
  const latestStartMs = context.endMs - 7 * HOUR_MS;
  const incidents: IncidentDraft[] = [];

  const clusterCount = Math.min(Math.floor(count / 12), Math.max(6, Math.round(count / 40)));
  for (let index = 0; index < clusterCount && incidents.length < count; index++) {
    const app = random.weighted(appWeights);
    const profile = random.pick(app.components);
    const cause = random.pick(['software', 'capacity', 'data', 'network'] as const);
    const title = fillTemplate(random.pick(profile.incidentTitles), random);
    const anchorMs = context.startMs + random.next() * Math.max(DAY_MS, latestStartMs - 90 * DAY_MS - context.startMs);
    const size = random.int(3, 5);
    const offsets = Array.from({ length: size }, () => random.int(0, 72)).sort((a, b) => a - b);
    const cluster = { key: `${app.id}/${profile.id}#${index}`, withProblem: index % 2 === 0 };
    for (const offsetDays of offsets) {
      if (incidents.length >= count) break;
      const dayMs = utcDayStart(anchorMs) + offsetDays * DAY_MS;
      const startedMs = sampleStart(app, random, dayMs, Math.min(latestStartMs, dayMs + 3 * DAY_MS));
      incidents.push(buildIncident(context, random, { apps: [app], profile, startedMs, severity: random.pick(['SEV3', 'SEV4'] as const), cause, title, cluster }));
    }
  }

  const causing = changes.filter(
    (change) => change.actualEndMs !== undefined && change.outcome !== 'cancelled' && change.actualEndMs < latestStartMs - DAY_MS,
  );
  const preferred = [...causing.filter((change) => change.outcome !== 'successful'), ...random.shuffle(causing.filter((change) => change.outcome === 'successful'))];
  const changeCaused = Math.min(preferred.length, Math.round(count * 0.08));
  for (const change of preferred.slice(0, changeCaused)) {
    if (incidents.length >= count) break;
    const app = requireApp(context, change.applications[0] ?? '');
    const profile = app.components.find((candidate) => candidate.id === change.component) ?? random.pick(app.components);
    let startedMs = (change.actualEndMs ?? change.plannedEndMs) + random.int(10, 30 * 60) * MINUTE_MS;
    if (Array.isArray(app.calendar)) startedMs = nextInsideWindows(startedMs, app.calendar) + random.int(0, 40) * MINUTE_MS;
    if (startedMs > latestStartMs) continue;
    incidents.push(buildIncident(context, random, { apps: [app], profile, startedMs, cause: 'change', change }));
  }

  const pricing = context.appById.get('pricing');
  const routing = context.appById.get('order-routing');
  const sharedProfile = pricing?.components.find((profile) => routing?.components.some((other) => other.id === profile.id));
  if (pricing !== undefined && routing !== undefined && sharedProfile !== undefined) {
    const multiCount = Math.max(2, Math.round(count * 0.015));
    for (let index = 0; index < multiCount && incidents.length < count; index++) {
      const startedMs = sampleStart(routing, random, context.startMs, latestStartMs);
      incidents.push(buildIncident(context, random, { apps: [pricing, routing], profile: sharedProfile, startedMs }));
    }
  }

  while (incidents.length < count) {
    const app = random.weighted(appWeights);
    const profile = random.pick(app.components);
    const startedMs = sampleStart(app, random, context.startMs, latestStartMs);
    incidents.push(buildIncident(context, random, { apps: [app], profile, startedMs }));
  }
  return incidents;
}

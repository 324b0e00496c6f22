import type { Application } from './catalogue.ts';
import type { GenerationContext } from './context.ts';
import { managerOf, personOf, requireApp } from './context.ts';
import type { ChangeDraft, ChangeOutcome, ChangeType, Risk } from './model.ts';
import type { Random } from './random.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEKDAYS, localToInstant, utcDayStart, utcWeekdayIndex, weekdayOfDay, windowMinutes } from './instants.ts';
import { fillTemplate } from './text.ts';

/** Business-hours applications close for the night and the weekend; the others trade around the clock. */
export function isBusinessHoursApp(app: Application): boolean {
  return Array.isArray(app.calendar) && app.calendar.every((window) => window.days.every((day) => WEEKDAYS.includes(day)));
}

interface Slot {
  startMs: number;
  durationMinutes: number;
  downtime: boolean;
}

function nextWeekday(dayMs: number, weekdayIndex: number): number {
  const shift = (weekdayIndex - utcWeekdayIndex(dayMs) + 7) % 7;
  return dayMs + shift * DAY_MS;
}

/** When a change of this type would be scheduled on or after `dayMs`. */
function maintenanceSlot(app: Application, type: ChangeType, dayMs: number, random: Random): Slot {
  const durationMinutes = random.pick([30, 45, 60, 90, 120, 180, 240]);
  if (type === 'emergency') {
    return { startMs: dayMs + random.int(0, 95) * 15 * MINUTE_MS, durationMinutes: random.pick([20, 30, 45, 60, 90]), downtime: false };
  }
  if (isBusinessHoursApp(app) && Array.isArray(app.calendar)) {
    const window = app.calendar[0];
    if (window === undefined) throw new Error(`${app.id} has an empty calendar`);
    const { endMinute } = windowMinutes(window);
    const closeHour = Math.floor(endMinute / 60);
    const wantsDowntime = app.excludeMaintenance && random.chance(0.6);
    const style = random.weighted([['evening', 5], ['saturday', 3], ['last-hour', app.excludeMaintenance ? 2 : 0]] as const);
    if (style === 'saturday') {
      const saturday = nextWeekday(dayMs, 5);
      return { startMs: localToInstant(window.timezone, saturday, random.int(8, 12), 0), durationMinutes, downtime: wantsDowntime };
    }
    let weekday = dayMs;
    while (!WEEKDAYS.includes(weekdayOfDay(weekday))) weekday += DAY_MS;
    if (style === 'last-hour') {
      return { startMs: localToInstant(window.timezone, weekday, closeHour - 1, 0), durationMinutes: 60, downtime: true };
    }
    return {
      startMs: localToInstant(window.timezone, weekday, Math.min(closeHour + 1, 22), 30),
      durationMinutes: Math.min(durationMinutes, 120),
      downtime: wantsDowntime,
    };
  }
  if (type === 'standard' && random.chance(0.5)) {
    let weekday = dayMs;
    while (utcWeekdayIndex(weekday) > 3) weekday += DAY_MS;
    return { startMs: weekday + 21 * HOUR_MS + 15 * MINUTE_MS, durationMinutes: 30, downtime: false };
  }
  // FX markets are shut from Friday evening New York to Sunday evening: the weekly change window.
  const saturday = nextWeekday(dayMs, 5);
  return { startMs: saturday + random.int(7, 14) * HOUR_MS, durationMinutes, downtime: false };
}

function leadMs(type: ChangeType, random: Random): number {
  switch (type) {
    case 'normal': {
      const band = random.weighted([['usual', 80], ['tight', 12], ['late', 8]] as const);
      if (band === 'usual') return random.int(6 * 24, 14 * 24) * HOUR_MS + random.int(0, 59) * MINUTE_MS;
      if (band === 'tight') return random.int(5 * 24, 5 * 24 + 20) * HOUR_MS;
      return random.int(24, 4 * 24) * HOUR_MS;
    }
    case 'standard':
      return random.int(24, 6 * 24) * HOUR_MS;
    case 'bau':
      return random.int(24, 3 * 24) * HOUR_MS;
    default:
      return random.int(60, 20 * 60) * MINUTE_MS;
  }
}

function pickRisk(type: ChangeType, random: Random): Risk {
  switch (type) {
    case 'normal':
      return random.weighted([['low', 40], ['medium', 45], ['high', 15]] as const);
    case 'emergency':
      return random.weighted([['medium', 60], ['high', 40]] as const);
    default:
      return 'low';
  }
}

function releasesCode(type: ChangeType, title: string, random: Random): boolean {
  if (type === 'bau') return false;
  if (/^(Deploy|Upgrade|Patch) /.test(title)) return true;
  return type === 'standard' ? random.chance(0.1) : random.chance(0.35);
}

interface ChangeSeed {
  app: Application;
  type: ChangeType;
  plannedDayMs: number;
  /** Upcoming changes are submitted before the end date and not yet done. */
  upcoming: boolean;
}

function buildChange(context: GenerationContext, seed: ChangeSeed, random: Random): ChangeDraft {
  const { app, type } = seed;
  const profile = random.pick(app.components);
  const title = fillTemplate(random.pick(profile.changeTitles), random);
  const slot = maintenanceSlot(app, type, seed.plannedDayMs, random);
  const plannedStartMs = slot.startMs;
  const plannedEndMs = plannedStartMs + slot.durationMinutes * MINUTE_MS;
  let submittedMs = plannedStartMs - leadMs(type, random);
  if (seed.upcoming) submittedMs = Math.min(submittedMs, context.endMs - random.int(2, 30) * HOUR_MS);
  submittedMs = Math.floor(submittedMs / (5 * MINUTE_MS)) * 5 * MINUTE_MS;
  const risk = pickRisk(type, random);
  const cab = risk === 'high' || (type === 'normal' && risk === 'medium' ? random.chance(0.5) : random.chance(0.05));
  const approvals: ChangeDraft['approvals'] = [];
  const approveBy = (minMinutes: number, maxMinutes: number): number =>
    Math.min(submittedMs + random.int(minMinutes, maxMinutes) * MINUTE_MS, plannedStartMs - 30 * MINUTE_MS);
  const awaitingApproval = seed.upcoming && type === 'normal' && risk !== 'high' && random.chance(0.3);
  if (!awaitingApproval) {
    if (type === 'normal') approvals.push({ by: managerOf(context, app.team, random), atMs: approveBy(240, 2 * 24 * 60) });
    if (type === 'emergency') approvals.push({ by: 'Duty manager', atMs: approveBy(10, 50) });
    if (type === 'bau') approvals.push({ by: managerOf(context, app.team, random), atMs: approveBy(30, 8 * 60) });
    if (cab && type !== 'emergency') approvals.push({ by: 'Change Advisory Board', atMs: approveBy(24 * 60, 3 * 24 * 60) });
    if (cab && type === 'emergency') approvals.push({ by: 'Emergency CAB', atMs: approveBy(20, 60) });
  }
  approvals.sort((a, b) => a.atMs - b.atMs);

  let outcome: ChangeOutcome = 'pending';
  let actualStartMs: number | undefined;
  let actualEndMs: number | undefined;
  if (!seed.upcoming) {
    outcome = random.weighted([['successful', 84], ['failed', 4], ['backed-out', 6], ['cancelled', 6]] as const);
    if (outcome !== 'cancelled') {
      actualStartMs = plannedStartMs + random.int(0, 4) * 5 * MINUTE_MS;
      const stretch = outcome === 'successful' ? random.between(0.5, 1.1) : random.between(0.9, 1.6);
      actualEndMs = actualStartMs + Math.max(10, Math.round((slot.durationMinutes * stretch) / 5) * 5) * MINUTE_MS;
    }
  }
  const change: ChangeDraft = {
    id: '',
    handwritten: false,
    title,
    applications: [app.id],
    component: profile.id,
    type,
    risk,
    submittedMs,
    plannedStartMs,
    plannedEndMs,
    owner: personOf(context, app.team, random),
    approvals,
    cab,
    releasesCode: releasesCode(type, title, random),
    outcome,
  };
  if (actualStartMs !== undefined) change.actualStartMs = actualStartMs;
  if (actualEndMs !== undefined) change.actualEndMs = actualEndMs;
  if (slot.downtime) change.downtime = { fromMs: plannedStartMs, toMs: plannedEndMs };
  return change;
}

/** The deliberate rule cases the weekly change review must show, placed around the end date. */
function specialChanges(context: GenerationContext, random: Random): ChangeDraft[] {
  const dayMs = utcDayStart(context.endMs);
  const appOr = (id: string): Application => context.appById.get(id) ?? requireApp(context, context.catalogue.applications[0]?.id ?? '');
  const base = (app: Application, overrides: Partial<ChangeDraft> & Pick<ChangeDraft, 'title' | 'component' | 'submittedMs' | 'plannedStartMs' | 'plannedEndMs'>): ChangeDraft => ({
    id: '',
    handwritten: false,
    applications: [app.id],
    type: 'normal',
    risk: 'medium',
    owner: personOf(context, app.team, random),
    approvals: [],
    cab: false,
    releasesCode: true,
    outcome: 'pending',
    ...overrides,
  });
  const orderRouting = appOr('order-routing');
  const pricing = appOr('pricing');
  const portal = appOr('client-portal');
  const settlement = appOr('settlement');
  const firstComponent = (app: Application): string => app.components[0]?.id ?? 'service';
  const shortLeadSubmitted = dayMs - DAY_MS + 14 * HOUR_MS;
  const exactLeadSubmitted = dayMs + 10 * HOUR_MS;
  const highRiskStart = dayMs + 6 * DAY_MS + HOUR_MS;
  return [
    base(orderRouting, {
      title: 'Raise order-gateway throttle limits before month end',
      component: orderRouting.components.find((profile) => profile.id === 'order-gateway')?.id ?? firstComponent(orderRouting),
      submittedMs: shortLeadSubmitted,
      plannedStartMs: dayMs + 4 * DAY_MS + 9 * HOUR_MS,
      plannedEndMs: dayMs + 4 * DAY_MS + 11 * HOUR_MS,
      cab: true,
      approvals: [
        { by: managerOf(context, orderRouting.team, random), atMs: shortLeadSubmitted + 3 * HOUR_MS },
        { by: 'Change Advisory Board', atMs: dayMs + 15 * HOUR_MS },
      ],
      note: 'Submitted with less than the five days of lead time a normal change needs; the desk asked for it before month end.',
    }),
    base(pricing, {
      title: 'Deploy quote-engine 5.3.0 with new rate-source weighting',
      component: pricing.components.find((profile) => profile.id === 'quote-engine')?.id ?? firstComponent(pricing),
      risk: 'low',
      submittedMs: exactLeadSubmitted,
      plannedStartMs: exactLeadSubmitted + 5 * DAY_MS,
      plannedEndMs: exactLeadSubmitted + 5 * DAY_MS + 2 * HOUR_MS,
      approvals: [{ by: managerOf(context, pricing.team, random), atMs: exactLeadSubmitted + 2 * HOUR_MS }],
      note: 'Submitted exactly five days before the planned start: on the limit, which is allowed.',
    }),
    base(portal, {
      title: 'Update statement stored procedure for new fee line',
      component: portal.components.find((profile) => profile.id === 'reporting')?.id ?? firstComponent(portal),
      type: 'bau',
      risk: 'low',
      submittedMs: dayMs - 3 * DAY_MS + 11 * HOUR_MS,
      plannedStartMs: dayMs - 2 * DAY_MS + 20 * HOUR_MS,
      plannedEndMs: dayMs - 2 * DAY_MS + 20 * HOUR_MS + 30 * MINUTE_MS,
      actualStartMs: dayMs - 2 * DAY_MS + 20 * HOUR_MS + 5 * MINUTE_MS,
      actualEndMs: dayMs - 2 * DAY_MS + 20 * HOUR_MS + 25 * MINUTE_MS,
      approvals: [{ by: managerOf(context, portal.team, random), atMs: dayMs - 3 * DAY_MS + 13 * HOUR_MS }],
      outcome: 'successful',
      note: 'Raised as business-as-usual although it changes a stored procedure: BAU changes never release code.',
    }),
    base(settlement, {
      title: 'Migrate settlement-db to new storage array',
      component: settlement.components.find((profile) => profile.id === 'settlement-db')?.id ?? firstComponent(settlement),
      risk: 'high',
      submittedMs: dayMs - 10 * DAY_MS + 16 * HOUR_MS,
      plannedStartMs: highRiskStart,
      plannedEndMs: highRiskStart + 4 * HOUR_MS,
      downtime: { fromMs: highRiskStart, toMs: highRiskStart + 4 * HOUR_MS },
      note: 'High risk, but not yet taken to the CAB and without any approval.',
    }),
  ];
}

/**
 * Generated change requests: history over the whole period, a handful planned in the
 * weeks after the end date, and the special cases for the review agenda.
 */
export function generateChanges(context: GenerationContext, count: number): ChangeDraft[] {
  const random = context.stream('changes');
  const apps = context.catalogue.applications;
  const specials = specialChanges(context, random);
  const upcomingCount = Math.max(6, Math.round(count * 0.02));
  const pastCount = Math.max(0, count - specials.length - upcomingCount);
  const drafts: ChangeDraft[] = [...specials];
  const appWeights = apps.map((app) => [app, app.noise] as const);
  const pickType = (): ChangeType => random.weighted([['normal', 55], ['standard', 25], ['bau', 10], ['emergency', 10]] as const);
  const firstDay = utcDayStart(context.startMs) + 3 * DAY_MS;
  const lastDay = utcDayStart(context.endMs) - 8 * DAY_MS;
  for (let i = 0; i < pastCount; i++) {
    const plannedDayMs = firstDay + random.int(0, Math.max(0, (lastDay - firstDay) / DAY_MS)) * DAY_MS;
    drafts.push(buildChange(context, { app: random.weighted(appWeights), type: pickType(), plannedDayMs, upcoming: false }, random));
  }
  for (let i = 0; i < upcomingCount; i++) {
    const plannedDayMs = utcDayStart(context.endMs) + random.int(1, 9) * DAY_MS;
    const type = random.weighted([['normal', 70], ['standard', 20], ['bau', 10]] as const);
    drafts.push(buildChange(context, { app: random.weighted(appWeights), type, plannedDayMs, upcoming: true }, random));
  }
  return drafts;
}

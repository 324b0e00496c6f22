// Schemas of the catalogues under data/: site settings, teams, applications, customers.
import { z, calendarSchema, dateSchema, externalSchema, slugSchema, textSchema, timeZoneSchema, weeklyWindowSchema } from './zod.ts';

/** The public status page: where it is served, how customers reach support, and which applications it shows. */
export const publicSiteSchema = z.strictObject({
  title: textSchema,
  baseUrl: z.url({ error: 'expected an absolute URL, e.g. https://status.example.org/' }).optional(),
  base: z
    .string()
    .regex(/^\/([A-Za-z0-9._~-]+\/)*$/, { error: 'expected a path that starts and ends with "/", e.g. /status/' })
    .optional(),
  /** A support page or mailbox for customers (a URL or an e-mail address), never a person. */
  support: z.union([z.url(), z.email()], { error: 'expected a support URL (https://…) or a support e-mail address' }).optional(),
  applications: z
    .array(z.strictObject({ id: slugSchema, name: textSchema }))
    .default([]),
});
export type PublicSite = z.output<typeof publicSiteSchema>;

export const siteSchema = z.strictObject({
  title: textSchema,
  baseUrl: z.url({ error: 'expected an absolute URL, e.g. https://ops.example.org/' }).default('https://example.org/'),
  base: z
    .string()
    .regex(/^\/([A-Za-z0-9._~-]+\/)*$/, { error: 'expected a path that starts and ends with "/", e.g. /ops/' })
    .default('/'),
  reportingTimezone: timeZoneSchema.default('UTC'),
  fteHoursPerMonth: z.number().positive().default(140),
  changeLeadDays: z.number().nonnegative().default(5),
  updateCadenceMinutes: z.number().positive().default(15),
  staleReviewDays: z.number().int().positive().default(92),
  /** The monthly report e-mail (npm run mail): who receives it. */
  report: z
    .strictObject({
      recipients: z.array(z.email()).default([]),
    })
    .optional(),
  planningHorizonMonths: z.number().int().nonnegative().default(36),
  /** Opt-in: without it the public audience builds a page that publishes nothing. */
  public: publicSiteSchema.optional(),
});
export type SiteConfig = z.output<typeof siteSchema>;

const contactSchema = z.strictObject({
  name: textSchema,
  phone: z.string().optional(),
  email: z.email().optional(),
});

export const teamSchema = z.strictObject({
  id: slugSchema,
  name: textSchema,
  scope: textSchema,
  rotation: calendarSchema,
  phone: textSchema,
  email: z.email(),
  escalation: z.array(contactSchema).min(1),
  managers: z.array(textSchema).min(1),
  reviewed: dateSchema,
});
export type Team = z.output<typeof teamSchema>;

const slaSchema = z.union([z.strictObject({ max: z.number() }), z.strictObject({ min: z.number() })], {
  error: 'expected {max: n} or {min: n}',
});

export const capacitySpecSchema = z.strictObject({
  file: z.string().regex(/^[A-Za-z0-9._-]+\.csv$/, { error: 'expected a CSV file name in data/capacity/, e.g. pricing.csv' }),
  volume: textSchema,
  windowDays: z.number().int().positive().default(90),
  kpis: z.array(z.strictObject({ column: textSchema, unit: z.string().default(''), sla: slaSchema })).min(1),
});

/** The seed's monitoring layers: machine health, the application itself, the business process, and middleware run by other teams. */
export const monitoringLayers = ['machine', 'application', 'business', 'middleware'] as const;
export type MonitoringLayer = (typeof monitoringLayers)[number];

/** One monitor an application declares: what watches which component on which layer, with which tool, owned by which team. */
export const monitorSchema = z.strictObject({
  name: textSchema,
  component: slugSchema,
  layer: z.enum(monitoringLayers),
  tool: textSchema,
  owner: slugSchema,
});
export type Monitor = z.output<typeof monitorSchema>;

export const applicationSchema = z
  .strictObject({
    id: slugSchema,
    name: textSchema,
    team: slugSchema,
    target: z.number().gt(0).lt(100, { error: 'expected a percentage below 100, e.g. 99.9' }),
    calendar: calendarSchema,
    regions: z.record(z.string().regex(/^[A-Z][A-Z0-9_-]*$/, { error: 'expected a region code such as EMEA' }), z.number().gt(0).lte(1)),
    components: z.array(slugSchema).min(1),
    excludeMaintenance: z.boolean().default(false),
    support: z.strictObject({ L1: slugSchema.optional(), L2: slugSchema.optional(), L3: slugSchema.optional() }).optional(),
    capacity: capacitySpecSchema.optional(),
    external: externalSchema.optional(),
    monitoring: z.array(monitorSchema).optional(),
  })
  .superRefine((app, ctx) => {
    const total = Object.values(app.regions).reduce((sum, share) => sum + share, 0);
    if (Object.keys(app.regions).length === 0) ctx.addIssue({ code: 'custom', path: ['regions'], message: 'needs at least one region' });
    else if (Math.abs(total - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['regions'], message: `shares sum to ${Number(total.toFixed(6))}, expected 1` });
  });
export type Application = z.output<typeof applicationSchema>;

export const customerSchema = z.strictObject({
  name: textSchema,
  applications: z.array(slugSchema).min(1),
  windows: z.array(weeklyWindowSchema).min(1),
  contacts: z.array(contactSchema).default([]),
});
export type Customer = z.output<typeof customerSchema>;

export const teamsFileSchema = z.array(teamSchema, { error: 'expected a list of teams' });
export const applicationsFileSchema = z.array(applicationSchema, { error: 'expected a list of applications' });
export const customersFileSchema = z.array(customerSchema, { error: 'expected a list of customers' }).nullable().transform((list) => list ?? []);

/** Support levels a person can hold on an application (L1 first line, L2 application support, L3 engineering). */
export const skillLevels = ['L1', 'L2', 'L3'] as const;
export type SkillLevel = (typeof skillLevels)[number];

/** One person's training: their team and, per application id, the level and the date trained or last exercised. */
export const personSkillsSchema = z.strictObject({
  person: textSchema,
  team: slugSchema,
  applications: z.record(slugSchema, z.strictObject({ level: z.enum(skillLevels), trained: dateSchema })).default({}),
});
export type PersonSkills = z.output<typeof personSkillsSchema>;

export const skillsFileSchema = z.array(personSkillsSchema, { error: 'expected a list of people' }).nullable().transform((list) => list ?? []);

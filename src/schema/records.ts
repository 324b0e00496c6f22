// Schemas of the Markdown records under content/: frontmatter only; bodies are checked by the loader.
import {
  z,
  changeIdSchema,
  dateSchema,
  externalSchema,
  incidentIdSchema,
  postmortemIdSchema,
  problemIdSchema,
  slugSchema,
  textSchema,
  timestampSchema,
} from './zod.ts';

export const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const causes = ['change', 'capacity', 'hardware', 'software', 'data', 'network', 'third-party', 'human', 'unknown'] as const;
export const channels = ['monitoring', 'phone', 'email', 'ticket', 'chat', 'unknown'] as const;
export const supportLevels = ['L1', 'L2', 'L3'] as const;
/** Where an incident was resolved: a support level, or unknown (imported history that never said). */
export const resolutionLevels = [...supportLevels, 'unknown'] as const;
export const changeTypes = ['normal', 'emergency', 'standard', 'bau'] as const;
export const changeOutcomes = ['pending', 'successful', 'failed', 'backed-out', 'cancelled'] as const;
export const problemStatuses = ['open', 'investigating', 'known-error', 'resolved', 'closed'] as const;
export const problemSources = ['incident', 'recurring', 'enhancement', 'automation'] as const;
export const incidentStatuses = ['open', 'monitoring', 'resolved'] as const;
export const changeRisks = ['low', 'medium', 'high'] as const;
export const problemPriorities = ['P1', 'P2', 'P3', 'P4'] as const;

/** `application: x` or `applications: [x, y]`, never both; the output always has `applications`. */
function withApplications<T extends { application?: string | undefined; applications?: string[] | undefined }>(
  record: T,
  ctx: z.RefinementCtx,
): Omit<T, 'application' | 'applications'> & { applications: string[] } {
  const { application, applications, ...rest } = record;
  if (application !== undefined && applications !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['applications'], message: 'give either application or applications, not both' });
  }
  const list = applications ?? (application === undefined ? [] : [application]);
  if (list.length === 0) ctx.addIssue({ code: 'custom', path: ['application'], message: 'required: the application this record concerns' });
  return { ...rest, applications: list };
}

const impactSchema = z.strictObject({
  applications: z.array(slugSchema).min(1).optional(),
  regions: z.array(z.string()).min(1).optional(),
  /** The application's component this entry concerns, when the incident's applications have different ones. */
  component: slugSchema.optional(),
  // 0 records an incident that cost no availability (a notice, a near miss).
  fraction: z.number().gte(0, { error: 'fraction must be at least 0 (0: no availability lost)' }).lte(1, { error: 'fraction must be at most 1' }).default(1),
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
});

const updateSchema = z.strictObject({
  at: timestampSchema,
  text: textSchema,
  kind: z.enum(['acknowledge', 'update', 'restored']).default('update'),
  /** Shown on the public status page; every other update stays internal. */
  public: z.boolean().default(false),
});

/**
 * What the public status page says of a record that opts in: its own title and an optional summary, written for
 * customers. A record without it stays internal.
 */
export const publicTextSchema = z.strictObject({
  title: textSchema,
  summary: textSchema.optional(),
});
export type PublicText = z.output<typeof publicTextSchema>;

export const incidentSchema = z
  .strictObject({
    id: incidentIdSchema,
    title: textSchema,
    application: slugSchema.optional(),
    applications: z.array(slugSchema).min(1).optional(),
    severity: z.enum(severities),
    status: z.enum(incidentStatuses),
    started: timestampSchema,
    detected: timestampSchema,
    // Empty (null) means not yet: an open incident may have no acknowledgement or restore time.
    acknowledged: timestampSchema.nullish().transform((v) => v ?? undefined),
    restored: timestampSchema.nullish().transform((v) => v ?? undefined),
    // An empty list is an explicit "no impact"; no list at all means full impact from started to restored.
    impact: z.array(impactSchema).optional(),
    component: slugSchema,
    cause: z.enum(causes),
    change: changeIdSchema.optional(),
    problem: problemIdSchema.optional(),
    channel: z.enum(channels),
    resolvedAt: z.enum(resolutionLevels).nullish().transform((v) => v ?? undefined),
    updates: z.array(updateSchema).default([]),
    public: publicTextSchema.optional(),
    external: externalSchema.optional(),
  })
  .superRefine((inc, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (inc.restored === undefined && inc.status !== 'open') issue('restored', `required when status is ${inc.status}`);
    // Equal is a zero-duration incident (a notice, or a ticket logged to the minute): no minutes lost.
    if (inc.restored !== undefined && inc.restored < inc.started) issue('restored', 'must not be before started');
    if (inc.detected < inc.started) issue('detected', 'is before started (impact start)');
    if (inc.acknowledged !== undefined && inc.acknowledged < inc.detected) issue('acknowledged', 'is before detected');
    if (inc.acknowledged === undefined && inc.status !== 'open') issue('acknowledged', `required when status is ${inc.status}`);
    if (inc.resolvedAt === undefined && inc.status === 'resolved') issue('resolvedAt', 'required when status is resolved (L1, L2, L3 or unknown)');
    inc.impact?.forEach((span, i) => {
      const from = span.from ?? inc.started;
      const to = span.to ?? inc.restored;
      // A span that only inherits started/restored is the incident's own order, checked above.
      const hasOwnTimes = span.from !== undefined || span.to !== undefined;
      if (hasOwnTimes && to !== undefined && to < from) ctx.addIssue({ code: 'custom', path: ['impact', i, span.to === undefined ? 'from' : 'to'], message: 'impact must not end before it starts' });
      if (from < inc.started) ctx.addIssue({ code: 'custom', path: ['impact', i, 'from'], message: 'impact starts before the incident started' });
      if (inc.restored !== undefined && to !== undefined && to > inc.restored) ctx.addIssue({ code: 'custom', path: ['impact', i, 'to'], message: 'impact ends after restored' });
    });
  })
  .transform(withApplications);
export type IncidentData = z.output<typeof incidentSchema>;

export const postmortemSchema = z.strictObject({
  id: postmortemIdSchema,
  title: textSchema,
  incidents: z.array(incidentIdSchema).min(1),
  date: dateSchema,
  status: z.enum(['draft', 'final']),
  authors: z.array(textSchema).min(1),
  followUps: z.array(problemIdSchema).default([]),
  external: externalSchema.optional(),
});
export type PostmortemData = z.output<typeof postmortemSchema>;

export const changeSchema = z
  .strictObject({
    id: changeIdSchema,
    title: textSchema,
    application: slugSchema.optional(),
    applications: z.array(slugSchema).min(1).optional(),
    type: z.enum(changeTypes),
    risk: z.enum(changeRisks),
    submitted: timestampSchema,
    plannedStart: timestampSchema,
    plannedEnd: timestampSchema,
    actualStart: timestampSchema.optional(),
    actualEnd: timestampSchema.optional(),
    owner: textSchema,
    approvals: z.array(z.strictObject({ by: textSchema, at: timestampSchema })).default([]),
    cab: z.boolean().default(false),
    releasesCode: z.boolean().default(false),
    downtime: z.strictObject({ from: timestampSchema, to: timestampSchema }).optional(),
    outcome: z.enum(changeOutcomes),
    /** Published as scheduled maintenance on the status page, with `downtime` as its window. */
    public: publicTextSchema.optional(),
    external: externalSchema.optional(),
  })
  .superRefine((chg, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (chg.plannedEnd <= chg.plannedStart) issue(['plannedEnd'], 'must be after plannedStart');
    if (chg.actualStart !== undefined && chg.actualEnd !== undefined && chg.actualEnd < chg.actualStart) issue(['actualEnd'], 'must not be before actualStart');
    if (chg.downtime !== undefined && chg.downtime.to <= chg.downtime.from) issue(['downtime', 'to'], 'must be after downtime.from');
    if (chg.public !== undefined && chg.downtime === undefined) issue(['public'], 'a public change is scheduled maintenance: it needs a downtime window {from, to}');
  })
  .transform(withApplications);
export type ChangeData = z.output<typeof changeSchema>;

export const problemSchema = z
  .strictObject({
    id: problemIdSchema,
    title: textSchema,
    source: z.enum(problemSources),
    priority: z.enum(problemPriorities),
    status: z.enum(problemStatuses),
    opened: dateSchema,
    closed: dateSchema.optional(),
    owner: slugSchema,
    incidents: z.array(incidentIdSchema).default([]),
    rootCause: z.string().optional(),
    actions: z
      .array(z.strictObject({ title: textSchema, owner: textSchema, due: dateSchema, done: z.boolean().default(false) }))
      .default([]),
    external: externalSchema.optional(),
  })
  .superRefine((prb, ctx) => {
    const isClosed = prb.status === 'resolved' || prb.status === 'closed';
    if (isClosed && prb.closed === undefined) ctx.addIssue({ code: 'custom', path: ['closed'], message: `required when status is ${prb.status}` });
    if (!isClosed && prb.closed !== undefined) ctx.addIssue({ code: 'custom', path: ['closed'], message: `must be absent while status is ${prb.status}` });
    if (prb.closed !== undefined && prb.closed < prb.opened) ctx.addIssue({ code: 'custom', path: ['closed'], message: 'is before opened' });
  });
export type ProblemData = z.output<typeof problemSchema>;

/** Required `## …` headings of a record body, by kind. */
export const requiredSections = {
  postmortem: ['Executive summary', 'Root cause'],
  change: ['Implementation plan', 'Backout plan', 'Validation plan', 'Risk assessment'],
} as const;

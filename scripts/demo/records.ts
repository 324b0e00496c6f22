import type { GenerationContext } from './context.ts';
import { requireApp } from './context.ts';
import type { ChangeDraft, ImpactDraft, IncidentDraft, PostmortemDraft, ProblemDraft } from './model.ts';
import { MINUTE_MS, isoDate, isoInstant } from './instants.ts';
import { markdownRecord } from './emit.ts';

function clock(ms: number): string {
  return `${isoInstant(ms).slice(11, 16)} UTC`;
}

function dayAndClock(ms: number): string {
  return `${isoDate(ms)} ${clock(ms)}`;
}

function minutesBetween(fromMs: number, toMs: number): number {
  return Math.round((toMs - fromMs) / MINUTE_MS);
}

function impactFrontmatter(entry: ImpactDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (entry.applications !== undefined) out['applications'] = entry.applications;
  if (entry.regions !== undefined) out['regions'] = entry.regions;
  if (entry.fraction !== undefined) out['fraction'] = entry.fraction;
  if (entry.fromMs !== undefined) out['from'] = isoInstant(entry.fromMs);
  if (entry.toMs !== undefined) out['to'] = isoInstant(entry.toMs);
  return out;
}

function describeImpact(context: GenerationContext, incident: IncidentDraft): string {
  if (incident.impact.length === 0) {
    return `${incident.applications.map((id) => requireApp(context, id).name).join(' and ')} was down for users in every region`;
  }
  return incident.impact
    .map((entry) => {
      const apps = (entry.applications ?? incident.applications).map((id) => requireApp(context, id).name).join(' and ');
      const regions = entry.regions?.join(', ') ?? 'all regions';
      const share =
        entry.fraction === undefined || entry.fraction === 1 ? 'could not work at all' : `could not do about ${Math.round(entry.fraction * 100)} % of their work`;
      const when =
        entry.fromMs !== undefined ? ` from ${clock(entry.fromMs)}` : entry.toMs !== undefined ? ` until ${clock(entry.toMs)}` : '';
      return `${apps} users in ${regions} ${share}${when}`;
    })
    .join('; ');
}

/** The Markdown file of a generated incident. */
export function incidentFile(context: GenerationContext, incident: IncidentDraft): string {
  const frontmatter: Record<string, unknown> = { id: incident.id, title: incident.title };
  if (incident.applications.length === 1) frontmatter['application'] = incident.applications[0];
  else frontmatter['applications'] = incident.applications;
  Object.assign(frontmatter, {
    severity: incident.severity,
    status: incident.status,
    started: isoInstant(incident.startedMs),
    detected: isoInstant(incident.detectedMs),
  });
  if (incident.acknowledgedMs !== undefined) frontmatter['acknowledged'] = isoInstant(incident.acknowledgedMs);
  if (incident.restoredMs !== undefined) frontmatter['restored'] = isoInstant(incident.restoredMs);
  if (incident.impact.length > 0) frontmatter['impact'] = incident.impact.map(impactFrontmatter);
  frontmatter['component'] = incident.component;
  frontmatter['cause'] = incident.cause;
  if (incident.change !== undefined) frontmatter['change'] = incident.change;
  if (incident.problem !== undefined) frontmatter['problem'] = incident.problem;
  frontmatter['channel'] = incident.channel;
  if (incident.resolvedAt !== undefined) frontmatter['resolvedAt'] = incident.resolvedAt;
  if (incident.updates.length > 0) {
    frontmatter['updates'] = incident.updates.map((update) => {
      const out: Record<string, unknown> = { at: isoInstant(update.atMs) };
      if (update.kind !== undefined) out['kind'] = update.kind;
      out['text'] = update.text.replaceAll('{id}', incident.id);
      if (update.public === true) out['public'] = true;
      return out;
    });
  }
  if (incident.public !== undefined) frontmatter['public'] = { title: incident.public.title, summary: incident.public.summary };
  const [story = '', detection = '', resolution = ''] = incident.narrative;
  const paragraphs = [story];
  const acknowledged = incident.acknowledgedMs === undefined ? '' : `; acknowledged at ${clock(incident.acknowledgedMs)}`;
  paragraphs.push(`${detection} Detected at ${clock(incident.detectedMs)}${acknowledged}.`);
  paragraphs.push(`Impact: ${describeImpact(context, incident)}.`);
  if (incident.restoredMs !== undefined) {
    paragraphs.push(`${resolution} Service restored at ${clock(incident.restoredMs)}, ${minutesBetween(incident.startedMs, incident.restoredMs)} minutes after impact started.`);
  }
  if (incident.change !== undefined) paragraphs.push(`Caused by change ${incident.change}.`);
  if (incident.problem !== undefined) paragraphs.push(`Follow-up tracked in problem ${incident.problem}.`);
  else if (incident.cluster !== undefined) paragraphs.push('Support fixed it by hand again; no problem ticket has been raised yet.');
  return markdownRecord(frontmatter, paragraphs.join('\n\n'));
}

function implementationSteps(change: ChangeDraft): string[] {
  const component = `\`${change.component}\``;
  const announce = 'Announce the window to the trading desk and FX support 30 minutes before the start.';
  if (/^(Deploy|Upgrade|Patch)/.test(change.title)) {
    return [
      announce,
      `Drain ${component} on the secondary site and stop it.`,
      'Install the new build from the release repository (checksums verified).',
      'Start the secondary, run the smoke test, then fail over and repeat on the primary.',
      'Leave both sites on the new build and close the window with the desk.',
    ];
  }
  if (/index|tablespace|storage|Archive|Rebuild|Extend/i.test(change.title)) {
    return [announce, 'Take a fresh backup and confirm it restored in the standby.', `Apply the database script for ${component} under the DBA's supervision.`, 'Gather statistics and compare query plans with the baseline.'];
  }
  if (change.releasesCode) {
    return [announce, `Release the updated code for ${component} through the deployment pipeline (same package as tested in UAT).`, 'Run the smoke test and compare the first results with the previous day.'];
  }
  return [announce, `Apply the configuration change to ${component} through the standard deployment job.`, 'Reload the service (no restart needed) and check the change in the running config.'];
}

const RISK_NOTES: Record<ChangeDraft['risk'], string> = {
  low: 'Small, well-understood change, tested in UAT.',
  medium: 'Touches a component on the transaction path; tested in UAT and the backout rehearsed.',
  high: 'A failure could stop the service for every client; rehearsed end to end in UAT, backout included.',
};

/** The Markdown file of a generated change. */
export function changeFile(context: GenerationContext, change: ChangeDraft): string {
  const frontmatter: Record<string, unknown> = { id: change.id, title: change.title };
  if (change.applications.length === 1) frontmatter['application'] = change.applications[0];
  else frontmatter['applications'] = change.applications;
  Object.assign(frontmatter, {
    type: change.type,
    risk: change.risk,
    submitted: isoInstant(change.submittedMs),
    plannedStart: isoInstant(change.plannedStartMs),
    plannedEnd: isoInstant(change.plannedEndMs),
  });
  if (change.actualStartMs !== undefined) frontmatter['actualStart'] = isoInstant(change.actualStartMs);
  if (change.actualEndMs !== undefined) frontmatter['actualEnd'] = isoInstant(change.actualEndMs);
  Object.assign(frontmatter, {
    owner: change.owner,
    approvals: change.approvals.map((approval) => ({ by: approval.by, at: isoInstant(approval.atMs) })),
    cab: change.cab,
    releasesCode: change.releasesCode,
  });
  if (change.downtime !== undefined) frontmatter['downtime'] = { from: isoInstant(change.downtime.fromMs), to: isoInstant(change.downtime.toMs) };
  frontmatter['outcome'] = change.outcome;
  if (change.public !== undefined) frontmatter['public'] = { title: change.public.title, summary: change.public.summary };

  const app = requireApp(context, change.applications[0] ?? '');
  const steps = implementationSteps(change).map((step, index) => `${index + 1}. ${step}`);
  const downtime = change.downtime === undefined ? 'No downtime: the service stays up on the other site.' : `${app.name} is unavailable from ${dayAndClock(change.downtime.fromMs)} to ${dayAndClock(change.downtime.toMs)} (scheduled maintenance).`;
  const outcome: Record<ChangeDraft['outcome'], string> = {
    pending: 'Not yet implemented.',
    successful: 'Implemented and validated.',
    failed: 'The change failed validation; the service was left on the previous version while the team investigates.',
    'backed-out': 'Validation found a problem and the change was backed out within the window.',
    cancelled: 'Cancelled before the window: a dependency was not ready.',
  };
  const sections = [
    `${change.title} on ${app.name} (\`${change.component}\`). Owner: ${change.owner}. ${outcome[change.outcome]}`,
    '## Implementation plan',
    steps.join('\n'),
    '## Backout plan',
    `Restore the previous ${change.releasesCode ? 'build from the release repository' : 'configuration from version control'} and restart \`${change.component}\`; expected to take 20 minutes. Decision point: 45 minutes into the window, or at any failed validation step.`,
    '## Validation plan',
    `FX support runs the ${app.name} checklist: processes up, no new errors in the logs, a test transaction end to end, dashboards green for 15 minutes. The desk confirms before the window is closed.`,
    '## Risk assessment',
    `Risk ${change.risk}. ${RISK_NOTES[change.risk]} ${downtime}${change.cab ? ' Reviewed by the Change Advisory Board.' : ''}${change.note === undefined ? '' : ` ${change.note}`}`,
  ];
  return markdownRecord(frontmatter, sections.join('\n\n'));
}

/** The Markdown file of a generated problem ticket. */
export function problemFile(context: GenerationContext, problem: ProblemDraft): string {
  const frontmatter: Record<string, unknown> = {
    id: problem.id,
    title: problem.title,
    source: problem.source,
    priority: problem.priority,
    status: problem.status,
    opened: isoDate(problem.openedMs),
  };
  if (problem.closedMs !== undefined) frontmatter['closed'] = isoDate(problem.closedMs);
  Object.assign(frontmatter, {
    owner: problem.owner,
    incidents: problem.incidents,
    rootCause: problem.rootCause,
    actions: problem.actions.map((action) => ({ title: action.title, owner: action.owner, due: isoDate(action.dueMs), done: action.done })),
  });
  const app = requireApp(context, problem.application);
  const paragraphs = [problem.summary, `Application: ${app.name}, component \`${problem.component}\`.`];
  if (problem.incidents.length > 0) paragraphs.push(`Incidents: ${problem.incidents.join(', ')}.`);
  const notes: Record<ProblemDraft['status'], string> = {
    open: 'Waiting for the weekly problem review to assign an investigator.',
    investigating: 'Under investigation; findings are discussed at the weekly problem review.',
    'known-error': 'Root cause known; a workaround is in the SOP while the permanent fix is scheduled.',
    resolved: 'Permanent fix in production; watching for recurrence before closing.',
    closed: 'Fix verified; no recurrence since.',
  };
  paragraphs.push(notes[problem.status]);
  return markdownRecord(frontmatter, paragraphs.join('\n\n'));
}

/** The Markdown file of a generated post-mortem, with all five sections. */
export function postmortemFile(
  context: GenerationContext,
  postmortem: PostmortemDraft,
  incidentsById: ReadonlyMap<string, IncidentDraft>,
  problemsById: ReadonlyMap<string, ProblemDraft>,
): string {
  const frontmatter = {
    id: postmortem.id,
    title: postmortem.title,
    incidents: postmortem.incidents,
    date: isoDate(postmortem.dateMs),
    status: postmortem.status,
    authors: postmortem.authors,
    followUps: postmortem.followUps,
  };
  const incidents = postmortem.incidents.map((id) => incidentsById.get(id)).filter((incident) => incident !== undefined);
  const main = incidents[0];
  if (main === undefined) throw new Error(`${postmortem.id} reviews no known incident`);
  const app = requireApp(context, main.applications[0] ?? '');
  const restoredMs = main.restoredMs ?? main.startedMs;
  const duration = minutesBetween(main.startedMs, restoredMs);
  const [story = ''] = main.narrative;
  const timeline = [
    `- ${clock(main.startedMs)} impact starts`,
    `- ${clock(main.detectedMs)} detected (${main.channel})`,
    ...(main.acknowledgedMs === undefined ? [] : [`- ${clock(main.acknowledgedMs)} acknowledged; bridge opened`]),
    ...main.updates.filter((update) => update.kind === 'update').slice(0, 4).map((update) => `- ${clock(update.atMs)} ${update.text.replace(/^\{id\} update: /, '')}`),
    `- ${clock(restoredMs)} service restored (resolved at ${main.resolvedAt ?? 'L2'})`,
  ];
  const actions = postmortem.followUps.flatMap((id) => {
    const problem = problemsById.get(id);
    if (problem === undefined) return [`- ${id}`];
    return [`- ${id}: ${problem.title}`, ...problem.actions.map((action) => `  - ${action.title} (${action.owner}, due ${isoDate(action.dueMs)}${action.done ? ', done' : ''})`)];
  });
  const sections = [
    '## Executive summary',
    `On ${isoDate(main.startedMs)} ${app.name} had a ${main.severity} incident for ${duration} minutes (${clock(main.startedMs)} to ${clock(restoredMs)}): ${main.title.charAt(0).toLowerCase()}${main.title.slice(1)}. Service is restored; follow-up is tracked in ${postmortem.followUps.join(', ')}.`,
    '## Impact',
    `${describeImpact(context, main).replace(/^./, (first) => first.toUpperCase())}.${incidents.length > 1 ? ` Related incident: ${incidents.slice(1).map((incident) => incident.id).join(', ')}.` : ''}`,
    '## Timeline',
    timeline.join('\n'),
    '## Root cause',
    story,
    '## Follow-up actions',
    actions.join('\n'),
  ];
  return markdownRecord(frontmatter, sections.join('\n\n'));
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { ChangeDraft, IncidentDraft, PostmortemDraft, ProblemDraft } from './model.ts';
import { parseInstant } from './instants.ts';

/** The hand-written records: copied verbatim, and read so the generators can number and link around them. */
export interface HandwrittenSet {
  /** Paths relative to the handwritten folder, e.g. `content/incidents/2026/INC-2026-0031.md`. */
  files: { relativePath: string; absolutePath: string }[];
  incidents: IncidentDraft[];
  changes: ChangeDraft[];
  problems: ProblemDraft[];
  postmortems: PostmortemDraft[];
}

function listMarkdown(directory: string): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...listMarkdown(path));
    else if (entry.name.endsWith('.md')) found.push(path);
  }
  return found;
}

function frontmatter(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (match === null) throw new Error(`${path}: no frontmatter`);
  const data: unknown = parse(match[1] ?? '');
  if (data === null || typeof data !== 'object') throw new Error(`${path}: frontmatter is not a map`);
  return data as Record<string, unknown>;
}

const text = (data: Record<string, unknown>, key: string): string => {
  const value = data[key];
  if (typeof value !== 'string') throw new Error(`hand-written ${String(data['id'])}: ${key} must be a string`);
  return value;
};
const optionalInstant = (data: Record<string, unknown>, key: string): number | undefined =>
  typeof data[key] === 'string' ? parseInstant(data[key]) : undefined;
const list = (data: Record<string, unknown>, key: string): string[] => {
  const value = data[key];
  return Array.isArray(value) ? value.map(String) : [];
};

export function loadHandwritten(folder: string): HandwrittenSet {
  const set: HandwrittenSet = { files: [], incidents: [], changes: [], problems: [], postmortems: [] };
  for (const absolutePath of listMarkdown(join(folder, 'content'))) {
    const relativePath = relative(folder, absolutePath).split('\\').join('/');
    set.files.push({ relativePath, absolutePath });
    const data = frontmatter(absolutePath);
    const id = text(data, 'id');
    if (relativePath.startsWith('content/incidents/')) {
      const applications = typeof data['application'] === 'string' ? [data['application']] : list(data, 'applications');
      const incident: IncidentDraft = {
        id,
        handwritten: true,
        title: text(data, 'title'),
        applications,
        severity: text(data, 'severity') as IncidentDraft['severity'],
        status: text(data, 'status') as IncidentDraft['status'],
        startedMs: parseInstant(text(data, 'started')),
        detectedMs: parseInstant(text(data, 'detected')),
        impact: [],
        component: text(data, 'component'),
        cause: text(data, 'cause') as IncidentDraft['cause'],
        channel: text(data, 'channel') as IncidentDraft['channel'],
        updates: [],
        narrative: [],
      };
      const restoredMs = optionalInstant(data, 'restored');
      if (restoredMs !== undefined) incident.restoredMs = restoredMs;
      if (typeof data['problem'] === 'string') incident.problem = data['problem'];
      if (typeof data['change'] === 'string') incident.change = data['change'];
      set.incidents.push(incident);
    } else if (relativePath.startsWith('content/changes/')) {
      const applications = typeof data['application'] === 'string' ? [data['application']] : list(data, 'applications');
      const change: ChangeDraft = {
        id,
        handwritten: true,
        title: text(data, 'title'),
        applications,
        component: '',
        type: text(data, 'type') as ChangeDraft['type'],
        risk: text(data, 'risk') as ChangeDraft['risk'],
        submittedMs: parseInstant(text(data, 'submitted')),
        plannedStartMs: parseInstant(text(data, 'plannedStart')),
        plannedEndMs: parseInstant(text(data, 'plannedEnd')),
        owner: text(data, 'owner'),
        approvals: [],
        cab: data['cab'] === true,
        releasesCode: data['releasesCode'] === true,
        outcome: text(data, 'outcome') as ChangeDraft['outcome'],
      };
      set.changes.push(change);
    } else if (relativePath.startsWith('content/problems/')) {
      const closed = data['closed'];
      const problem: ProblemDraft = {
        id,
        handwritten: true,
        title: text(data, 'title'),
        source: text(data, 'source') as ProblemDraft['source'],
        priority: text(data, 'priority') as ProblemDraft['priority'],
        status: text(data, 'status') as ProblemDraft['status'],
        openedMs: parseInstant(text(data, 'opened')),
        owner: text(data, 'owner'),
        application: '',
        component: '',
        incidents: list(data, 'incidents'),
        rootCause: text(data, 'rootCause'),
        actions: [],
        summary: '',
      };
      if (typeof closed === 'string') problem.closedMs = parseInstant(closed);
      set.problems.push(problem);
    } else if (relativePath.startsWith('content/postmortems/')) {
      set.postmortems.push({
        id,
        handwritten: true,
        title: text(data, 'title'),
        incidents: list(data, 'incidents'),
        dateMs: parseInstant(text(data, 'date')),
        status: text(data, 'status') as PostmortemDraft['status'],
        authors: list(data, 'authors'),
        followUps: list(data, 'followUps'),
      });
    }
  }
  return set;
}

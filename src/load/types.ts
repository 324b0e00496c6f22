// The shapes the loader returns: records as validated plus where they came from, and the repository that holds them.
import type { Application, ChangeData, Customer, IncidentData, PersonSkills, PostmortemData, ProblemData, SiteConfig, Team } from '../schema/index.ts';
import type { CapacitySeries as CoreCapacitySeries } from '../core/capacity.ts';
import type { ImpactSpan } from '../core/types.ts';
import type { AlertRow, TimeEntryRow } from './csv.ts';
import type { Section } from './markdown.ts';
import type { Diagnostic } from './diagnostics.ts';

export interface RecordSource {
  /** Path relative to the content root, with forward slashes. */
  file: string;
  /** Markdown body, rendered by the site (raw HTML escaped). */
  body: string;
}

export type Incident = Omit<IncidentData, 'impact'> &
  RecordSource & {
    impact: ImpactSpan[];
    /** The component per application, from impact entries that name one; others take `component`. */
    componentByApplication?: Record<string, string> | undefined;
  };
export type Postmortem = PostmortemData & RecordSource & { sections: Section[] };
export type Change = ChangeData & RecordSource & { sections: Section[] };
export type Problem = ProblemData & RecordSource;
export type { AlertRow, Application, Customer, PersonSkills, SiteConfig, Team, TimeEntryRow, Section };

/** A capacity series as the core analyses it, plus the file it came from. */
export type CapacitySeries = CoreCapacitySeries & { file: string };

export interface Repository {
  root: string;
  site: SiteConfig;
  applications: Application[];
  teams: Team[];
  customers: Customer[];
  incidents: Incident[];
  postmortems: Postmortem[];
  changes: Change[];
  problems: Problem[];
  timeEntries: TimeEntryRow[];
  capacity: CapacitySeries[];
  /** Monitoring-tool alert exports (data/alerts/*.csv), file by file, rows in file order. */
  alerts: AlertRow[];
  /** data/skills.yaml: who is trained on which application; empty when the file is absent. */
  skills: PersonSkills[];
}

export interface LoadResult {
  repository: Repository;
  diagnostics: Diagnostic[];
  /** Files read, for the check summary. */
  fileCount: number;
}

import type { Region, SupportLevel } from './catalogue.ts';

export type Severity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
export type Cause = 'change' | 'capacity' | 'hardware' | 'software' | 'data' | 'network' | 'third-party' | 'human' | 'unknown';
export type Channel = 'monitoring' | 'phone' | 'email' | 'ticket' | 'chat';
export type ChangeType = 'normal' | 'emergency' | 'standard' | 'bau';
export type Risk = 'low' | 'medium' | 'high';
export type ChangeOutcome = 'pending' | 'successful' | 'failed' | 'backed-out' | 'cancelled';
export type ProblemStatus = 'open' | 'investigating' | 'known-error' | 'resolved' | 'closed';
export type ProblemSource = 'incident' | 'recurring' | 'enhancement' | 'automation';

export interface ImpactDraft {
  applications?: string[];
  regions?: Region[];
  fraction?: number;
  fromMs?: number;
  toMs?: number;
}

export interface UpdateDraft {
  atMs: number;
  text: string;
  kind?: 'acknowledge' | 'update' | 'restored';
  /** Shown on the public status page. */
  public?: boolean;
}

/** A record's text for the public status page. */
export interface PublicTextDraft {
  title: string;
  summary: string;
}

/** An incident before and after numbering; hand-written ones only carry what the other generators read. */
export interface IncidentDraft {
  id: string;
  handwritten: boolean;
  title: string;
  applications: string[];
  severity: Severity;
  status: 'open' | 'monitoring' | 'resolved';
  startedMs: number;
  detectedMs: number;
  acknowledgedMs?: number;
  restoredMs?: number;
  impact: ImpactDraft[];
  component: string;
  cause: Cause;
  change?: string;
  problem?: string;
  channel: Channel;
  resolvedAt?: SupportLevel;
  updates: UpdateDraft[];
  /** Sentences for the body, filled once ids are known. */
  narrative: string[];
  /** Generated incidents in a recurring cluster share a key. */
  cluster?: { key: string; withProblem: boolean };
  public?: PublicTextDraft;
}

export interface ChangeDraft {
  id: string;
  handwritten: boolean;
  title: string;
  applications: string[];
  component: string;
  type: ChangeType;
  risk: Risk;
  submittedMs: number;
  plannedStartMs: number;
  plannedEndMs: number;
  actualStartMs?: number;
  actualEndMs?: number;
  owner: string;
  approvals: { by: string; atMs: number }[];
  cab: boolean;
  releasesCode: boolean;
  downtime?: { fromMs: number; toMs: number };
  outcome: ChangeOutcome;
  /** Why the change is special in the demo (lead time, bau code release …), for the body. */
  note?: string;
  public?: PublicTextDraft;
}

export interface ActionDraft {
  title: string;
  owner: string;
  dueMs: number;
  done: boolean;
}

export interface ProblemDraft {
  id: string;
  handwritten: boolean;
  title: string;
  source: ProblemSource;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  status: ProblemStatus;
  openedMs: number;
  closedMs?: number;
  owner: string;
  application: string;
  component: string;
  incidents: string[];
  rootCause: string;
  actions: ActionDraft[];
  summary: string;
}

export interface PostmortemDraft {
  id: string;
  handwritten: boolean;
  title: string;
  incidents: string[];
  dateMs: number;
  status: 'draft' | 'final';
  authors: string[];
  followUps: string[];
}

/**
 * Plain input shapes of the domain core. The loader's validated records are
 * assignable to them; timestamps are epoch milliseconds. Enumerations are the schema's own lists.
 */
import type { incidentStatuses, severities } from '../schema/records.ts';
import type { weekdays } from '../schema/zod.ts';

export type Weekday = (typeof weekdays)[number];

/** Recurring service hours: `hours` is "HH:MM-HH:MM" wall clock in `timezone`, end after start, "24:00" allowed. */
export interface WeeklyWindow {
  timezone: string;
  days: Weekday[];
  hours: string;
}

/** Round the clock, or the union of one or more weekly windows. */
export type Calendar = '24x7' | WeeklyWindow[];

/** Half-open span of time [fromMs, toMs) in epoch milliseconds. */
export interface Interval {
  fromMs: number;
  toMs: number;
}

/** What availability needs to know about one application. */
export interface ApplicationTerms {
  id: string;
  /** Availability SLA in percent, e.g. 99.9. */
  target: number;
  calendar: Calendar;
  /** User share by region, summing to 1. */
  regions: Record<string, number>;
  excludeMaintenance: boolean;
}

/** One stretch of degraded service; `fraction` is the share of work users could not do (1 = full outage). */
export interface ImpactSpan {
  applications: string[];
  regions: string[];
  fraction: number;
  /** The component this span concerns, when the record names one per impact entry. */
  component?: string | undefined;
  fromMs: number;
  /** null while the incident is still open: counts to the as-of instant. */
  toMs: number | null;
}

export type Severity = (typeof severities)[number];
export type IncidentStatus = (typeof incidentStatuses)[number];

/** The timing and classification of an incident, impact already normalised by the loader. */
export interface IncidentTimes {
  id: string;
  title: string;
  applications: string[];
  severity: Severity;
  status: IncidentStatus;
  started: number;
  detected: number;
  acknowledged?: number | undefined;
  restored?: number | undefined;
  cause: string;
  channel: string;
  resolvedAt?: string | undefined;
  change?: string | undefined;
  impact: ImpactSpan[];
}

/** A change's scheduled downtime for some applications. */
export interface MaintenanceWindow {
  changeId: string;
  applications: string[];
  fromMs: number;
  toMs: number;
}

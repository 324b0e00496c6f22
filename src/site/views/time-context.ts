// The hotspots views' context: the time entries bucketed once per build, the sorted lists every month's
// section slices from, and the names a component or application key reads as.
import { memoise, type BuildContext } from '../context.ts';
import { bucketEffortByMonth, type EffortEntry, type EffortLedger } from '../../core/effort.ts';
import type { IncidentOccurrence, ProblemCoverage } from '../../core/recurring-incidents.ts';
import { monthOf } from '../../core/period.ts';
import { formatDay } from '../format.ts';
import { compareRecordIds } from '../../core/ids.ts';
import { compareText } from '../../core/compare.ts';

/** What the hotspots views read from the repository; plain arrays, so tests build it by hand. */
export interface TimeInputs {
  fteHoursPerMonth: number;
  reportingTimezone: string;
  timeEntries: readonly EffortEntry[];
  incidents: readonly (IncidentOccurrence & { title: string })[];
  problems: readonly ProblemCoverage[];
  applications: readonly { id: string; name: string }[];
  asOfMs: number;
}

/** The inputs with the one-pass month ledger and the sorted lists every month's section slices from. */
export interface TimeContext extends TimeInputs {
  ledger: EffortLedger;
  asOfMonth: string;
  /** The as-of instant's date in the reporting zone: entries after it are not counted yet. */
  asOfDate: string;
  /** Service-request entries up to the as-of date, oldest first. */
  serviceRequests: EffortEntry[];
  /** Incidents by start, oldest first. */
  incidentsByStart: (IncidentOccurrence & { title: string })[];
  incidentTitles: Map<string, string>;
  applicationNames: Map<string, string>;
}

/** Builds the ledger and the sorted lists once; everything else reads from them. */
export function timeContext(inputs: TimeInputs): TimeContext {
  const asOfDate = formatDay(inputs.asOfMs, inputs.reportingTimezone);
  const serviceRequests = inputs.timeEntries
    .filter((entry) => entry.category === 'service-request' && entry.date <= asOfDate)
    .sort((a, b) => compareText(a.date, b.date));
  const incidentsByStart = [...inputs.incidents].sort((a, b) => a.started - b.started || compareRecordIds(a.id, b.id));
  return {
    ...inputs,
    ledger: bucketEffortByMonth(inputs.timeEntries, { throughDate: asOfDate }),
    asOfMonth: monthOf(inputs.asOfMs, inputs.reportingTimezone),
    asOfDate,
    serviceRequests,
    incidentsByStart,
    incidentTitles: new Map(inputs.incidents.map((incident) => [incident.id, incident.title])),
    applicationNames: new Map(inputs.applications.map((app) => [app.id, app.name])),
  };
}

/** This build's hotspots context: the time entries are bucketed once, not once per page. */
export function timeContextOfBuild(ctx: BuildContext): TimeContext {
  const repo = ctx.repository;
  return memoise(ctx, 'time.context', () =>
    timeContext({
      fteHoursPerMonth: repo.site.fteHoursPerMonth,
      reportingTimezone: repo.site.reportingTimezone,
      timeEntries: repo.timeEntries,
      incidents: repo.incidents,
      problems: repo.problems,
      applications: repo.applications,
      asOfMs: ctx.asOfMs,
    }),
  );
}

/** "settlement/batch" → "Settlement / batch". */
export function componentLabel(context: TimeContext, key: string): string {
  const slash = key.indexOf('/');
  const application = key.slice(0, slash);
  return `${context.applicationNames.get(application) ?? application} / ${key.slice(slash + 1)}`;
}

export function applicationLabel(context: TimeContext, id: string): string {
  return context.applicationNames.get(id) ?? id;
}

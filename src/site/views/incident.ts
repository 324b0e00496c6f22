// The incident page: facts, impact spans, the updates that were sent and what they add up to
// (time to acknowledge, update cadence, restored notice), key customers' windows hit; the
// incident list rows and the incidents JSON.
import type { Incident } from '../../load/repository.ts';
import { formatInstant, formatMinutes, isoInstant } from '../format.ts';
import { recordIndex } from '../model.ts';
import { url } from '../urls.ts';
import { incidentLostMinutesTotal } from './availability.ts';
import { communicationsOf, incidentCommunicationsView } from './communications.ts';
import { customerOverlapsOf, customerWindowFlags, customerWindowMarker } from './customers.ts';
import { externalFacts, incidentDurationMinutes, incidentRow, type Fact, type IncidentRow } from './records.ts';
import { compareRecordIds } from '../../core/ids.ts';
import type { BuildContext } from '../context.ts';

export function incidentPage(ctx: BuildContext, incident: Incident) {
  const repo = ctx.repository;
  const zone = repo.site.reportingTimezone;
  const index = recordIndex(ctx);
  const at = (ms: number | undefined) => (ms === undefined ? '—' : formatInstant(ms, zone));
  const facts: Fact[] = [
    { label: 'Applications', text: incident.applications.join(', ') },
    { label: 'Component', text: incident.component },
    { label: 'Impact started', text: at(incident.started) },
    { label: 'Detected', text: at(incident.detected) },
    { label: 'Acknowledged', text: at(incident.acknowledged) },
    { label: 'Restored', text: incident.restored === undefined ? 'not yet (open)' : at(incident.restored) },
    { label: 'Duration', text: formatMinutes(incidentDurationMinutes(incident, ctx.asOfMs)) + (incident.restored === undefined ? ' so far' : '') },
    { label: 'Cause', text: incident.cause },
    { label: 'Reported via', text: incident.channel },
    { label: 'Resolved at', text: incident.resolvedAt ?? '—' },
  ];
  if (incident.change) facts.push({ label: 'Caused by change', text: `${incident.change} ${index.changes.get(incident.change)?.title ?? ''}`.trim(), href: url(`changes/${incident.change}/`) });
  if (incident.problem) facts.push({ label: 'Problem ticket', text: `${incident.problem} ${index.problems.get(incident.problem)?.title ?? ''}`.trim(), href: url(`problems/${incident.problem}/`) });
  facts.push(...externalFacts(incident.external));
  const impact = incident.impact.map((span) => ({
    applications: span.applications.join(', ') + (span.component === undefined ? '' : ` (${span.component})`),
    regions: span.regions.join(', '),
    fractionText: `${Math.round(span.fraction * 1000) / 10} %`,
    fromText: at(span.fromMs),
    toText: span.toMs === null ? 'ongoing' : at(span.toMs),
  }));
  return {
    facts,
    impact,
    communications: incidentCommunicationsView(ctx, incident),
    customerFlags: customerWindowFlags(ctx, incident),
    customersHref: url('customers/'),
  };
}

/** An incident list row with the key customers whose windows it overlapped ('' when none). */
export interface IncidentListRow extends IncidentRow {
  href: string;
  customerText: string;
}

/** Rows of the /incidents/ tables. */
export function incidentListRows(ctx: BuildContext, incidents: readonly Incident[]): IncidentListRow[] {
  const zone = ctx.repository.site.reportingTimezone;
  return incidents.map((i) => ({ ...incidentRow(i, zone, ctx.asOfMs), href: url(`incidents/${i.id}/`), customerText: customerWindowMarker(ctx, i) }));
}

const iso = (ms: number | undefined) => (ms === undefined ? null : isoInstant(ms));

/** Body of /api/v1/incidents.json: every incident, by start then id. */
export function incidentsJson(ctx: BuildContext) {
  const repo = ctx.repository;
  const list = [...repo.incidents].sort((a, b) => a.started - b.started || compareRecordIds(a.id, b.id));
  return {
    asOf: isoInstant(ctx.asOfMs),
    incidents: list.map((i) => {
      const comms = communicationsOf(ctx, i);
      return {
        id: i.id,
        title: i.title,
        severity: i.severity,
        status: i.status,
        applications: i.applications,
        component: i.component,
        cause: i.cause,
        channel: i.channel,
        resolvedAt: i.resolvedAt ?? null,
        change: i.change ?? null,
        problem: i.problem ?? null,
        started: isoInstant(i.started),
        detected: isoInstant(i.detected),
        acknowledged: iso(i.acknowledged),
        restored: iso(i.restored),
        durationMinutes: incidentDurationMinutes(i, ctx.asOfMs),
        lostMinutes: incidentLostMinutesTotal(ctx, i),
        communications: {
          acknowledgeMinutes: comms.acknowledgeMinutes,
          longestGapMinutes: comms.longestGapMinutes,
          metCadence: comms.metCadence,
          restoredNotice: comms.hasRestoredNotice,
        },
        customerWindows: customerOverlapsOf(ctx, i).map((o) => ({ customer: o.customer, minutes: o.minutes })),
        external: i.external === undefined ? null : { system: i.external.system, id: i.external.id, url: i.external.url ?? null },
      };
    }),
  };
}

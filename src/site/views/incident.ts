// The incident page: facts, impact spans and the updates that were sent.
import type { Incident } from '../../load/repository.ts';
import { formatMinutes } from '../../core/percent.ts';
import { formatInstant, isoInstant } from '../format.ts';
import { asOf, recordIndex, repository } from '../model.ts';
import { url } from '../urls.ts';
import { incidentDurationMinutes, type Fact } from './records.ts';

export function incidentPage(incident: Incident) {
  const repo = repository();
  const zone = repo.site.reportingTimezone;
  const index = recordIndex();
  const at = (ms: number | undefined) => (ms === undefined ? '—' : formatInstant(ms, zone));
  const facts: Fact[] = [
    { label: 'Applications', text: incident.applications.join(', ') },
    { label: 'Component', text: incident.component },
    { label: 'Impact started', text: at(incident.started) },
    { label: 'Detected', text: at(incident.detected) },
    { label: 'Acknowledged', text: at(incident.acknowledged) },
    { label: 'Restored', text: incident.restored === undefined ? 'not yet (open)' : at(incident.restored) },
    { label: 'Duration', text: formatMinutes(incidentDurationMinutes(incident, asOf())) + (incident.restored === undefined ? ' so far' : '') },
    { label: 'Cause', text: incident.cause },
    { label: 'Reported via', text: incident.channel },
    { label: 'Resolved at', text: incident.resolvedAt ?? '—' },
  ];
  if (incident.change) facts.push({ label: 'Caused by change', text: `${incident.change} ${index.changes.get(incident.change)?.title ?? ''}`.trim(), href: url(`changes/${incident.change}/`) });
  if (incident.problem) facts.push({ label: 'Problem ticket', text: `${incident.problem} ${index.problems.get(incident.problem)?.title ?? ''}`.trim(), href: url(`problems/${incident.problem}/`) });
  const impact = incident.impact.map((span) => ({
    applications: span.applications.join(', '),
    regions: span.regions.join(', '),
    fractionText: `${Math.round(span.fraction * 1000) / 10} %`,
    fromText: at(span.fromMs),
    toText: span.toMs === null ? 'ongoing' : at(span.toMs),
  }));
  const updates = [...incident.updates]
    .sort((a, b) => a.at - b.at)
    .map((u) => ({ iso: isoInstant(u.at), atText: at(u.at), kind: u.kind, text: u.text }));
  const description = `${incident.severity} ${incident.status} incident on ${incident.applications.join(', ')}: ${incident.title}`;
  return { facts, impact, updates, description };
}

// The demo's public status page: which applications it shows under which names, and the customer-facing texts
// of the incidents and maintenance windows it publishes. Written for customers, never copied from the internal
// texts, so the public build's leak test has a large and varied set of internal strings to look for.
import type { Application } from './catalogue.ts';
import type { ChangeDraft, IncidentDraft, UpdateDraft } from './model.ts';
import { isoInstant } from './instants.ts';

interface PublicService {
  id: string;
  name: string;
  /** What customers notice when it fails, as a noun phrase. */
  symptom: string;
}

/** The applications every demo size has that the status page shows; market data shows as a feed, risk not at all. */
export const publicServices: readonly PublicService[] = [
  { id: 'pricing', name: 'Streaming prices', symptom: 'delayed or missing streaming prices' },
  { id: 'order-routing', name: 'Order execution', symptom: 'slow or rejected orders' },
  { id: 'settlement', name: 'Trade settlement', symptom: 'late settlement confirmations' },
  { id: 'client-portal', name: 'Client web portal', symptom: 'slow or failing pages in the client web portal' },
  { id: 'market-data', name: 'Market data feeds', symptom: 'delayed market data' },
];

/** The `public:` block of data/site.yaml for the applications that exist in this corpus. */
export function publicSiteBlock(applications: readonly Application[]): Record<string, unknown> {
  const present = new Set(applications.map((app) => app.id));
  return {
    title: 'Northwind FX service status',
    baseUrl: 'https://status.northwind.example/',
    base: '/',
    support: 'https://support.northwind.example/status-help',
    applications: publicServices.filter((service) => present.has(service.id)).map((service) => ({ id: service.id, name: service.name })),
  };
}

function clock(ms: number): string {
  return `${isoInstant(ms).slice(11, 16)} UTC`;
}

function regionsPhrase(incident: IncidentDraft): string {
  const regions = [...new Set(incident.impact.flatMap((entry) => entry.regions ?? []))].sort();
  return regions.length === 0 ? '' : ` for clients in ${regions.join(' and ')}`;
}

/**
 * Opts the generated incidents on public applications into the status page: every SEV1 and SEV2, and every third
 * SEV3, get public text and two public updates at the instants of their acknowledgement and restored notices
 * (so the update cadence the report measures is unchanged). Hand-written incidents are left as written.
 */
export function publishIncidents(incidents: readonly IncidentDraft[]): void {
  let sev3 = 0;
  for (const incident of incidents) {
    if (incident.handwritten || incident.status !== 'resolved' || incident.restoredMs === undefined) continue;
    const service = publicServices.find((candidate) => incident.applications.includes(candidate.id));
    if (service === undefined) continue;
    if (incident.severity === 'SEV3') sev3 += 1;
    const published = incident.severity === 'SEV1' || incident.severity === 'SEV2' || (incident.severity === 'SEV3' && sev3 % 3 === 1);
    if (!published) continue;
    const where = regionsPhrase(incident);
    incident.public = {
      title: `${service.name}: ${service.symptom}${where}`,
      summary: `From ${clock(incident.startedMs)} to ${clock(incident.restoredMs)} some clients saw ${service.symptom}${where}. The service has been working normally since ${clock(incident.restoredMs)}.`,
    };
    const acknowledged = incident.updates.find((update) => update.kind === 'acknowledge');
    const restored = incident.updates.find((update) => update.kind === 'restored');
    const extra: UpdateDraft[] = [];
    if (acknowledged) extra.push({ atMs: acknowledged.atMs, kind: 'acknowledge', text: `We are looking into reports of ${service.symptom}${where}.`, public: true });
    if (restored) extra.push({ atMs: restored.atMs, kind: 'restored', text: `${service.name} is working normally again. We are sorry for the disruption.`, public: true });
    incident.updates = [...incident.updates, ...extra].sort((a, b) => a.atMs - b.atMs);
  }
}

/** Changes with a downtime window on a public application, not cancelled, become scheduled maintenance. */
export function publishMaintenance(changes: readonly ChangeDraft[]): void {
  for (const change of changes) {
    if (change.handwritten || change.downtime === undefined || change.outcome === 'cancelled') continue;
    const service = publicServices.find((candidate) => change.applications.includes(candidate.id));
    if (service === undefined) continue;
    change.public = {
      title: `Planned maintenance of ${service.name}`,
      summary: `${service.name} is unavailable during this window while we carry out planned maintenance.`,
    };
  }
}

// Incident communications: how fast an incident was acknowledged, whether stakeholders heard from
// the support team often enough while users were impacted, and whether they were told it was over.
//
// The cadence rule: the silence clock starts at `detected` — from then on the team knows, so a slow
// acknowledgement is silence too — and runs through every update sent to the end of the impact
// (`restored`, or the as-of instant while the incident is still open). The gaps are detected → first
// update, update → update, and last update → end; the longest of them must not exceed the site's
// `updateCadenceMinutes` for SEV1 and SEV2 incidents. Updates after the end do not shorten any gap.
// Timestamps are epoch milliseconds.
import type { Severity } from './types.ts';
import { compareRecordIds } from './ids.ts';
import { MS_PER_MINUTE } from './units.ts';

export type UpdateKind = 'acknowledge' | 'update' | 'restored';

/** What communications need of an incident. */
export interface IncidentCommunicationsInput {
  id: string;
  severity: Severity;
  detected: number;
  acknowledged?: number | undefined;
  restored?: number | undefined;
  updates: readonly { at: number; kind: UpdateKind }[];
}

/** A stretch without any communication while the impact lasted. */
export interface CommunicationGap {
  fromMs: number;
  toMs: number;
  minutes: number;
  /** Longer than the cadence on a SEV1 or SEV2 incident. */
  isLate: boolean;
}

/** The communication record of one incident. */
export interface IncidentCommunications {
  /** detected → acknowledged in minutes; null while not acknowledged. */
  acknowledgeMinutes: number | null;
  /** Every gap from detection to the end of impact, in order. */
  gaps: CommunicationGap[];
  /** The longest gap in minutes (0 when impact ended before detection). */
  longestGapMinutes: number;
  /** Where the clock stopped: restored, or the as-of instant while open. */
  endMs: number;
  /** true while the incident has no restore time, so the last gap is still growing. */
  isOngoing: boolean;
  /** SEV1/SEV2: longest gap ≤ cadence; null for SEV3/SEV4, which have no cadence. */
  metCadence: boolean | null;
  /** A restored notice went out; null while not restored. */
  hasRestoredNotice: boolean | null;
}

/**
 * Whether the severity carries an update cadence (SEV1 and SEV2 do).
 *
 * @example hasCadence('SEV2') // true
 */
export function hasCadence(severity: Severity): boolean {
  return severity === 'SEV1' || severity === 'SEV2';
}

/**
 * Whether users were told the service is back: an update of kind `restored`, or any update sent at or
 * after the restore time. null while not restored.
 *
 * @example hasRestoredNotice({ restored: Date.parse('2026-03-09T11:30Z'), updates: [{ at: Date.parse('2026-03-09T11:32Z'), kind: 'update' }] }) // true
 */
export function hasRestoredNotice(incident: Pick<IncidentCommunicationsInput, 'restored' | 'updates'>): boolean | null {
  const { restored } = incident;
  if (restored === undefined) return null;
  return incident.updates.some((u) => u.kind === 'restored' || u.at >= restored);
}

/**
 * The communication record of an incident against a cadence of `cadenceMinutes`, as of `asOfMs`
 * (the end of impact for an incident that is still open). See the rule at the top of this module.
 *
 * @example
 * // SEV1 detected 10:00, updates 10:10 and 10:40, restored 10:50, cadence 15:
 * incidentCommunications(incident, 15, asOfMs) // { longestGapMinutes: 30, metCadence: false, gaps: [10, 30 (late), 10], … }
 */
export function incidentCommunications(incident: IncidentCommunicationsInput, cadenceMinutes: number, asOfMs: number): IncidentCommunications {
  const isOngoing = incident.restored === undefined;
  const endMs = incident.restored ?? Math.max(asOfMs, incident.detected);
  const cadenceApplies = hasCadence(incident.severity);
  const times = incident.updates
    .map((u) => u.at)
    .filter((at) => at > incident.detected && at < endMs)
    .sort((a, b) => a - b);
  const points = endMs > incident.detected ? [incident.detected, ...times, endMs] : [];
  const gaps: CommunicationGap[] = [];
  for (let i = 1; i < points.length; i++) {
    const fromMs = points[i - 1] as number;
    const toMs = points[i] as number;
    if (toMs === fromMs) continue;
    const minutes = (toMs - fromMs) / MS_PER_MINUTE;
    gaps.push({ fromMs, toMs, minutes, isLate: cadenceApplies && minutes > cadenceMinutes });
  }
  const longestGapMinutes = gaps.reduce((longest, gap) => Math.max(longest, gap.minutes), 0);
  return {
    acknowledgeMinutes: incident.acknowledged === undefined ? null : (incident.acknowledged - incident.detected) / MS_PER_MINUTE,
    gaps,
    longestGapMinutes,
    endMs,
    isOngoing,
    metCadence: cadenceApplies ? longestGapMinutes <= cadenceMinutes : null,
    hasRestoredNotice: hasRestoredNotice(incident),
  };
}

/** How the SEV1 and SEV2 incidents of a period kept to the cadence. */
export interface CadenceCompliance {
  /** SEV1 and SEV2 incidents considered. */
  total: number;
  met: number;
  /** met / total, 0–1; null when there was no SEV1 or SEV2 incident. */
  share: number | null;
  /** The incidents that did not keep to it, with their longest gap, longest gap first, then id. */
  missed: { id: string; longestGapMinutes: number }[];
  /** Restored SEV1/SEV2 incidents with no restored notice, by id. */
  withoutRestoredNotice: string[];
}

/**
 * Share of the SEV1 and SEV2 incidents given that kept to the update cadence, and the ones that did not.
 *
 * @example cadenceCompliance(incidentsOfOctober, 15, asOfMs) // { total: 6, met: 5, share: 0.833…, missed: [{ id: 'INC-2026-0140', longestGapMinutes: 42 }], … }
 */
export function cadenceCompliance(incidents: readonly IncidentCommunicationsInput[], cadenceMinutes: number, asOfMs: number): CadenceCompliance {
  const considered = incidents.filter((i) => hasCadence(i.severity));
  const missed: CadenceCompliance['missed'] = [];
  const withoutRestoredNotice: string[] = [];
  for (const incident of considered) {
    const record = incidentCommunications(incident, cadenceMinutes, asOfMs);
    if (record.metCadence === false) missed.push({ id: incident.id, longestGapMinutes: record.longestGapMinutes });
    if (record.hasRestoredNotice === false) withoutRestoredNotice.push(incident.id);
  }
  missed.sort((a, b) => b.longestGapMinutes - a.longestGapMinutes || compareRecordIds(a.id, b.id));
  withoutRestoredNotice.sort();
  const met = considered.length - missed.length;
  return { total: considered.length, met, share: considered.length === 0 ? null : met / considered.length, missed, withoutRestoredNotice };
}

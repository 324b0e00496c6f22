// Incident communications on the incident page and in the monthly report: numbers from
// core/communications.ts, turned into timeline rows and sentences here.
import { cadenceCompliance, hasCadence, incidentCommunications, type IncidentCommunications } from '../../core/communications.ts';
import type { Incident } from '../../load/repository.ts';
import { formatInstant, formatMinutes, isoInstant, monthTitle, rateText } from '../format.ts';
import { recordIndex } from '../model.ts';
import { url } from '../urls.ts';
import { monthReport } from './availability.ts';
import { capFirst, incidentYearPath } from './records.ts';
import { memoise, type BuildContext } from '../context.ts';
import { compareText } from '../../core/compare.ts';

/** The communication record of an incident at this build's as-of instant, computed once. */
export function communicationsOf(ctx: BuildContext, incident: Incident): IncidentCommunications {
  const memo = memoise(ctx, 'communications.byIncident', () => new Map<string, IncidentCommunications>());
  let record = memo.get(incident.id);
  if (!record) {
    record = incidentCommunications(incident, ctx.repository.site.updateCadenceMinutes, ctx.asOfMs);
    memo.set(incident.id, record);
  }
  return record;
}

/** One line of the communications timeline. */
export interface TimelineRow {
  iso: string;
  atText: string;
  /** 'detected', 'acknowledge', 'update', 'restored', 'impact ended', 'still open'. */
  kind: string;
  text: string;
  /** The silence before this line while impact lasted, e.g. "30 min since the previous update". */
  gapText: string;
  isLate: boolean;
}

/** The incident page's communications: findings first, then the timeline with late gaps flagged. */
export function incidentCommunicationsView(ctx: BuildContext, incident: Incident) {
  const zone = ctx.repository.site.reportingTimezone;
  const cadence = ctx.repository.site.updateCadenceMinutes;
  const record = communicationsOf(ctx, incident);
  const gapEndingAt = new Map(record.gaps.map((g) => [g.toMs, g]));
  const gapRow = (ms: number): Pick<TimelineRow, 'gapText' | 'isLate'> => {
    const gap = gapEndingAt.get(ms);
    if (!gap) return { gapText: '', isLate: false };
    gapEndingAt.delete(ms);
    const since = gap.fromMs === incident.detected ? 'after detection' : 'since the previous update';
    return { gapText: `${formatMinutes(gap.minutes)} ${since}${gap.isLate ? ` — over the ${cadence}-minute cadence` : ''}`, isLate: gap.isLate };
  };
  const rows: TimelineRow[] = [{ iso: isoInstant(incident.detected), atText: formatInstant(incident.detected, zone), kind: 'detected', text: 'The support team knew: the update clock starts.', gapText: '', isLate: false }];
  const updates = [...incident.updates].sort((a, b) => a.at - b.at);
  let endShown = false as boolean; // set by endRow
  const endRow = () => {
    endShown = true;
    const kind = record.isOngoing ? 'still open' : 'impact ended';
    const text = record.isOngoing ? 'No restore yet: the silence runs to the as-of time of this report.' : 'Service restored.';
    rows.push({ iso: isoInstant(record.endMs), atText: formatInstant(record.endMs, zone), kind, text, ...gapRow(record.endMs) });
  };
  for (const update of updates) {
    if (!endShown && update.at >= record.endMs && record.endMs > incident.detected) endRow();
    rows.push({ iso: isoInstant(update.at), atText: formatInstant(update.at, zone), kind: update.kind, text: update.text, ...gapRow(update.at) });
  }
  if (!endShown && record.endMs > incident.detected) endRow();
  // An update sent before detection (a status page ahead of the ticket) still reads in time order.
  rows.sort((a, b) => compareText(a.iso, b.iso));
  const severityHasCadence = hasCadence(incident.severity);
  const cadenceText = !severityHasCadence
    ? `No update cadence for ${incident.severity}; longest silence ${formatMinutes(record.longestGapMinutes)}.`
    : record.metCadence
      ? `Met: the longest silence was ${formatMinutes(record.longestGapMinutes)}, within ${cadence} minutes.`
      : `Missed: the longest silence was ${formatMinutes(record.longestGapMinutes)}, over the ${cadence}-minute cadence for ${incident.severity}.`;
  const restoredText =
    record.hasRestoredNotice === null ? 'Not due yet: the incident is not restored.' : record.hasRestoredNotice ? 'Sent.' : 'Missing: no update at or after the restore said service was back.';
  return {
    acknowledgeText: record.acknowledgeMinutes === null ? 'not acknowledged yet' : formatMinutes(record.acknowledgeMinutes),
    cadenceText,
    isCadenceMissed: record.metCadence === false,
    restoredText,
    isRestoredNoticeMissing: record.hasRestoredNotice === false,
    lateGaps: record.gaps.filter((g) => g.isLate).length,
    rows,
  };
}

/** How many SEV1/SEV2 incidents the report names in each of its lists (longest silence first; no restored notice). */
export const COMMUNICATIONS_SHOWN = 20;

/** The monthly report's communications part: SEV1/SEV2 incidents that kept the cadence, and the ones that did not. */
export function communicationsSectionView(ctx: BuildContext, month: string) {
  const repo = ctx.repository;
  const cadence = repo.site.updateCadenceMinutes;
  const incidents = monthReport(ctx, month).incidents;
  const compliance = cadenceCompliance(incidents, cadence, ctx.asOfMs);
  const byId = recordIndex(ctx).incidents;
  const link = (id: string) => ({ id, title: byId.get(id)?.title ?? '', severity: byId.get(id)?.severity ?? '', href: url(`incidents/${id}/`) });
  // A desk that logs thousands a month names the worst and counts the rest; each incident's page has its timeline.
  const missed = capFirst(compliance.missed, COMMUNICATIONS_SHOWN, 'incident');
  const withoutRestored = capFirst(compliance.withoutRestoredNotice, COMMUNICATIONS_SHOWN, 'incident');
  return {
    monthText: monthTitle(month),
    cadence,
    total: compliance.total,
    met: compliance.met,
    shareText: rateText(compliance.share),
    missed: missed.shown.map((m) => ({ ...link(m.id), gapText: formatMinutes(m.longestGapMinutes) })),
    missedCount: missed.total,
    missedMoreText: missed.moreText,
    withoutRestoredNotice: withoutRestored.shown.map(link),
    withoutRestoredNoticeCount: withoutRestored.total,
    withoutRestoredNoticeMoreText: withoutRestored.moreText,
    /** Where the rest are: the month's year in the incident list. */
    yearHref: url(incidentYearPath(month.slice(0, 4), 1)),
  };
}

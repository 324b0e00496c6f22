// Monitoring health in words: the monitoring layers, the board's statuses and a component's badge text.
import type { BoardCause, ComponentBoardEntry, MonitoringLayer } from '../../core/health.ts';
import { statusWords } from '../format.ts';


/** What each monitoring layer is called on the page. */
export const layerLabels: Record<MonitoringLayer, string> = {
  machine: 'Machine',
  application: 'Application',
  business: 'Business process',
  middleware: 'Middleware',
};

/** A cause of a component's status, in one short phrase: "INC-2026-0042 SEV2 open", "critical alert quote-latency in the last hour". */
export function causeText(cause: BoardCause): string {
  return cause.kind === 'incident' ? `${cause.id} ${cause.severity} ${cause.status}` : `critical alert ${cause.rule} in the last hour`;
}

/** The causes of a component's status, one phrase each, in the board's order. */
export function boardReasons(entry: Pick<ComponentBoardEntry, 'causes'>): string[] {
  return entry.causes.map(causeText);
}

/** Per-component status badge: a shields-style label and value, coloured by the board's status. */
export function componentBadgeText(entry: Pick<ComponentBoardEntry, 'applicationId' | 'component' | 'status' | 'causes'>, applicationName: string) {
  return {
    label: `${applicationName} ${entry.component}`,
    value: statusWords[entry.status],
    status: entry.status,
    title: `${applicationName} ${entry.component}: ${statusWords[entry.status].toLowerCase()}${entry.causes.length > 0 ? ` (${boardReasons(entry).join('; ')})` : ''}`,
  };
}

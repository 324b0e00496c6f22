// The words of the public status page: statuses, banners and update kinds as customers read them.
import type { AvailabilityStatus } from '../../core/availability.ts';
import type { ServiceStatus } from '../../core/service-status.ts';

/** Each status as one application's line reads it. */
export const serviceStatusText: Record<ServiceStatus, string> = {
  operational: 'Operational',
  degraded: 'Degraded performance',
  'partial-outage': 'Partial outage',
  'major-outage': 'Major outage',
};

/** The page's banner for the worst status of its applications. */
export const bannerText: Record<ServiceStatus, string> = {
  operational: 'All systems operational',
  degraded: 'Some systems are degraded',
  'partial-outage': 'Partial outage',
  'major-outage': 'Major outage',
};

/** The banner of a page that lists no service yet: "all operational" would be a claim about nothing. */
export const noServiceBannerText = 'No service status is published yet';

/** This month's availability against the target, by the report's own red/amber/green status. */
export const monthVerdictText: Record<AvailabilityStatus, string> = {
  red: 'below target',
  amber: 'on target, most of the error budget used',
  green: 'on target',
  none: 'not scheduled',
};

/** What an open incident without public text says, and nothing more. */
export const investigatingText = 'We are investigating an issue';

/** An incident's state as customers read it, from its internal status. */
export const publicIncidentStateText = { open: 'Investigating', monitoring: 'Monitoring', resolved: 'Resolved' } as const;

/** A public update's heading, from its kind. */
export const updateKindText = { acknowledge: 'Investigating', update: 'Update', restored: 'Resolved' } as const;

/** A maintenance window's state at the as-of instant. */
export const maintenanceStateText = { upcoming: 'Scheduled', 'in-progress': 'In progress', completed: 'Completed' } as const;

/** A day on which the application had no service hours. */
export const notScheduledText = 'not scheduled';

/**
 * How a day of the uptime bar reads: its availability, or that the application was not scheduled.
 *
 * @example dayUptimeText('2026-11-03', '99.93 %', 12) // '2026-11-03: 99.93 %, 12 minutes lost'
 */
export function dayUptimeText(date: string, availability: string | null, lostMinutesText: string | null): string {
  if (availability === null) return `${date}: ${notScheduledText}`;
  return lostMinutesText === null ? `${date}: ${availability}` : `${date}: ${availability}, ${lostMinutesText} lost`;
}

/** What the colours of the uptime bars mean, said once above them. */
export const uptimeLegendText =
  'Each bar is one day: green when no minute was lost, amber when minutes were lost but the day stayed on target, red when the day fell below target, grey when the service was not scheduled. The table under each bar gives the figures.';

// Key customers: their windows in their own zone and in the reporting zone for the as-of week, and
// the incidents that hit those windows (incident page, /incidents/, monthly report, JSON).
import { customerExposure, customerWindowOverlaps, type CustomerOverlap } from '../../core/customers.ts';
import { weekContaining } from '../../core/escalation.ts';
import { describeWindow, hoursInZone } from '../words/hours.ts';
import { daysBefore } from '../../core/recurrence.ts';
import { reportInterval } from '../../core/period.ts';
import type { Incident } from '../../load/repository.ts';
import { formatDay, formatInstant, formatMinutes, monthTitle } from '../format.ts';
import { recordIndex } from '../model.ts';
import { mailHref, phoneHref, url } from '../urls.ts';
import { incidentsTouchingMonth } from './availability.ts';
import { memoise, type BuildContext } from '../context.ts';
import { compareText } from '../../core/compare.ts';

/** Each incident's overlaps with key customers' windows over its whole impact, computed once per build. */
export function customerOverlapsOf(ctx: BuildContext, incident: Incident): CustomerOverlap[] {
  const overlapsMemo = memoise(ctx, 'customers.overlapsByIncident', () => {
    const repo = ctx.repository;
    return new Map(repo.incidents.map((i) => [i.id, customerWindowOverlaps(i, repo.customers, ctx.asOfMs)]));
  });
  return overlapsMemo.get(incident.id) ?? [];
}

/**
 * One sentence per overlapped window, e.g. "overlapped Acme Asset Management's 15:00–16:00
 * America/New_York window for 12 min".
 */
export function customerWindowFlags(ctx: BuildContext, incident: Incident): string[] {
  return customerOverlapsOf(ctx, incident).flatMap((overlap) =>
    overlap.windows.map((w) => `overlapped ${overlap.customer}'s ${w.window.hours.replace('-', '–')} ${w.window.timezone} window for ${formatMinutes(w.minutes)}`),
  );
}

/** A short marker for incident lists: the customers hit and the minutes, or '' when none. */
export function customerWindowMarker(ctx: BuildContext, incident: Incident): string {
  return customerOverlapsOf(ctx, incident)
    .map((o) => `${o.customer} ${formatMinutes(o.minutes)}`)
    .join('; ');
}

/** The /customers/ page: each key customer with its applications, windows and recent hits. */
export function customersPage(ctx: BuildContext) {
  const repo = ctx.repository;
  const zone = repo.site.reportingTimezone;
  const week = weekContaining(ctx.asOfMs, zone);
  const apps = new Map(repo.applications.map((a) => [a.id, a]));
  const incidents = recordIndex(ctx).incidents;
  const recent = daysBefore(ctx.asOfMs, 90);
  const exposure = new Map(customerExposure(repo.incidents, repo.customers, recent, ctx.asOfMs).map((e) => [e.customer, e]));
  const customers = [...repo.customers]
    .sort((a, b) => compareText(a.name, b.name))
    .map((customer) => {
      const hits = exposure.get(customer.name);
      return {
        name: customer.name,
        applications: customer.applications.map((id) => ({ id, name: apps.get(id)?.name ?? id, href: url(`applications/${id}/`) })),
        windows: customer.windows.map((window) => ({
          ownText: describeWindow(window),
          reportingLines: hoursInZone([window], week, zone).lines,
        })),
        contacts: customer.contacts.map((c) => ({
          name: c.name,
          phone: c.phone === undefined ? null : { text: c.phone, href: phoneHref(c.phone) },
          email: c.email === undefined ? null : { text: c.email, href: mailHref(c.email) },
        })),
        recentMinutesText: formatMinutes(hits?.minutes ?? 0),
        recent: (hits?.incidents ?? []).map((h) => ({
          id: h.id,
          title: incidents.get(h.id)?.title ?? '',
          href: url(`incidents/${h.id}/`),
          minutesText: formatMinutes(h.minutes),
          startedText: formatInstant(incidents.get(h.id)?.started ?? 0, zone),
        })),
      };
    });
  return {
    zone,
    weekText: `${formatDay(week.fromMs, zone)} to ${formatDay(week.toMs - 1, zone)}`,
    recentText: `the 90 days to ${formatInstant(ctx.asOfMs, zone)}`,
    customers,
  };
}

/** The monthly report's part on key customers' critical windows hit by incidents. */
export function customerWindowsSectionView(ctx: BuildContext, month: string) {
  const repo = ctx.repository;
  const range = reportInterval(month, repo.site.reportingTimezone, ctx.asOfMs);
  const incidents = recordIndex(ctx).incidents;
  const rows = customerExposure(incidentsTouchingMonth(ctx, month), repo.customers, range, ctx.asOfMs).map((e) => ({
    customer: e.customer,
    minutesText: formatMinutes(e.minutes),
    isHit: e.incidents.length > 0,
    incidents: e.incidents.map((h) => ({ id: h.id, title: incidents.get(h.id)?.title ?? '', href: url(`incidents/${h.id}/`), minutesText: formatMinutes(h.minutes) })),
  }));
  return {
    monthText: monthTitle(month),
    hasCustomers: repo.customers.length > 0,
    hitCount: rows.filter((r) => r.isHit).length,
    rows: rows.filter((r) => r.isHit),
    untouched: rows.filter((r) => !r.isHit).map((r) => r.customer).sort(),
    customersHref: url('customers/'),
  };
}

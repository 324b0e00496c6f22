// The escalation directory: every team with its rotation in its own zone and in the reporting zone
// for the as-of week, contact links, escalation order, managers and review age; who supports what.
import { isStale, reviewAgeDays, supportMatrix, supportsApplication, weekContaining } from '../../core/escalation.ts';
import { describeCalendar, hoursInZone } from '../words/hours.ts';
import { daysAgoText, formatDay } from '../format.ts';
import { mailHref, phoneHref, url } from '../urls.ts';
import type { BuildContext } from '../context.ts';
import { compareText } from '../../core/compare.ts';

function link(text: string | undefined, href: (text: string) => string) {
  return text === undefined ? null : { text, href: href(text) };
}

/** Teams with their review status, by name then id. */
function teamsInOrder(ctx: BuildContext) {
  const repo = ctx.repository;
  const { site } = repo;
  return [...repo.teams]
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id))
    .map((team) => ({
      team,
      ageDays: reviewAgeDays(team.reviewed, ctx.asOfMs, site.reportingTimezone),
      stale: isStale(team.reviewed, ctx.asOfMs, site.staleReviewDays, site.reportingTimezone),
    }));
}

/** The /escalation/ page. */
export function escalationPage(ctx: BuildContext) {
  const repo = ctx.repository;
  const zone = repo.site.reportingTimezone;
  const week = weekContaining(ctx.asOfMs, zone);
  const teamNames = new Map(repo.teams.map((t) => [t.id, t.name]));
  const teams = teamsInOrder(ctx).map(({ team, ageDays, stale }) => ({
    id: team.id,
    anchor: `team-${team.id}`,
    name: team.name,
    scope: team.scope,
    ownHours: describeCalendar(team.rotation),
    reportingHours: hoursInZone(team.rotation, week, zone).lines,
    phone: { text: team.phone, href: phoneHref(team.phone) },
    email: { text: team.email, href: mailHref(team.email) },
    escalation: team.escalation.map((c) => ({ name: c.name, phone: link(c.phone, phoneHref), email: link(c.email, mailHref) })),
    managers: team.managers,
    reviewed: team.reviewed,
    reviewText: daysAgoText(ageDays),
    isStale: stale,
    applications: repo.applications
      .filter((a) => supportsApplication(a, team.id))
      .map((a) => ({ id: a.id, name: a.name, href: url(`applications/${a.id}/`) }))
      .sort((a, b) => compareText(a.id, b.id)),
  }));
  const appNames = new Map(repo.applications.map((a) => [a.id, a.name]));
  const level = (assignment: { team: string; isFallback: boolean }) => ({
    name: teamNames.get(assignment.team) ?? assignment.team,
    href: `#team-${assignment.team}`,
    isFallback: assignment.isFallback,
  });
  const support = supportMatrix(repo.applications).map((line) => ({
    id: line.application,
    name: appNames.get(line.application) ?? line.application,
    href: url(`applications/${line.application}/`),
    L1: level(line.L1),
    L2: level(line.L2),
    L3: level(line.L3),
  }));
  return {
    zone,
    weekText: `${formatDay(week.fromMs, zone)} to ${formatDay(week.toMs - 1, zone)}`,
    staleDays: repo.site.staleReviewDays,
    staleCount: teams.filter((t) => t.isStale).length,
    teams,
    support,
  };
}

/** The overview's stale-entry notice. */
export function staleEscalationView(ctx: BuildContext) {
  const stale = teamsInOrder(ctx).filter((t) => t.stale);
  return {
    count: stale.length,
    teams: stale.map(({ team, ageDays }) => ({ name: team.name, href: url(`escalation/#team-${team.id}`), ageDays })),
    staleDays: ctx.repository.site.staleReviewDays,
    href: url('escalation/'),
  };
}

/** Body of /api/v1/escalation.json. */
export function escalationJson(ctx: BuildContext) {
  const repo = ctx.repository;
  return {
    asOf: new Date(ctx.asOfMs).toISOString(),
    staleReviewDays: repo.site.staleReviewDays,
    teams: [...repo.teams]
      .sort((a, b) => compareText(a.id, b.id))
      .map((team) => ({
        id: team.id,
        reviewed: team.reviewed,
        reviewAgeDays: reviewAgeDays(team.reviewed, ctx.asOfMs, repo.site.reportingTimezone),
        stale: isStale(team.reviewed, ctx.asOfMs, repo.site.staleReviewDays, repo.site.reportingTimezone),
      })),
  };
}

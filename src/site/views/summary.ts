// The month on one phone screen, and the same words as plain text and as an e-mail fragment: what a
// manager forwards to executives. Every figure comes from the month's report.
import { dateInZone } from '../../core/period.ts';
import { overdueActions } from '../../core/problems.ts';
import { reportMonths } from '../model.ts';
import { absoluteUrl, url } from '../urls.ts';
import { escapeHtml } from '../xml.ts';
import { isMonthToDate, monthReport, previousReport } from './availability.ts';
import { amberThresholdText, availabilityText, formatCount, formatMinutes, minutesText, monthTitle, nounFor } from '../format.ts';
import type { AvailabilityStatus } from '../../core/availability.ts';
import type { StatusCard } from '../status-card.ts';
import { compareRecordIds } from '../../core/ids.ts';
import { memoise, type BuildContext } from '../context.ts';

export interface SummaryApplication {
  name: string;
  status: 'red' | 'amber';
  availabilityText: string;
  targetText: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${nounFor(n, one, many)}`;
const joinWords = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
/** How many names a summary sentence or list gives before it counts the rest: it must read on a phone. */
const NAMES_SHOWN = 3;
const SERIOUS_SHOWN = 10;
/** "A, B, C and 27 other applications": the first names, the others counted. */
const someNames = (items: string[], noun: string) =>
  items.length <= NAMES_SHOWN ? joinWords(items) : `${items.slice(0, NAMES_SHOWN).join(', ')} and ${plural(items.length - NAMES_SHOWN, `other ${noun}`)}`;

/** The month's summary, computed once per build: its page, card, plain-text and e-mail twins all read it. */
export function monthSummary(ctx: BuildContext, month: string) {
  const summaries = memoise(ctx, 'summary.byMonth', () => new Map<string, ReturnType<typeof summaryOf>>());
  let summary = summaries.get(month);
  if (!summary) {
    summary = summaryOf(ctx, month);
    summaries.set(month, summary);
  }
  return summary;
}

function summaryOf(ctx: BuildContext, month: string) {
  const repo = ctx.repository;
  const zone = repo.site.reportingTimezone;
  const report = monthReport(ctx, month);
  const before = previousReport(ctx, month, reportMonths(ctx));
  const apps = new Map(repo.applications.map((a) => [a.id, a]));
  const rows = report.availability.applications;
  const flagged: SummaryApplication[] = rows
    .filter((r) => r.status === 'red' || r.status === 'amber')
    .sort((a, b) => (a.status === b.status ? (a.availability ?? 1) - (b.availability ?? 1) : a.status === 'red' ? -1 : 1))
    .map((r) => ({
      name: apps.get(r.id)?.name ?? r.id,
      status: r.status as 'red' | 'amber',
      availabilityText: availabilityText(r.availability),
      targetText: `${r.target} %`,
    }));
  const red = flagged.filter((f) => f.status === 'red');
  const amber = flagged.filter((f) => f.status === 'amber');
  const topTalkers = report.topTalkers.slice(0, 3).map((t) => ({
    id: t.id,
    title: t.title,
    href: url(`incidents/${t.id}/`),
    lostText: minutesText(t.lostMinutes),
    applications: t.applications.map((id) => apps.get(id)?.name ?? id).join(', '),
  }));
  const isCurrent = isMonthToDate(ctx, month);
  // SEV1/SEV2 of the month, and any still open at as-of.
  const serious = report.incidents
    .filter((i) => i.severity === 'SEV1' || i.severity === 'SEV2')
    .sort((a, b) => a.started - b.started || compareRecordIds(a.id, b.id))
    .map((i) => ({ id: i.id, title: i.title, severity: i.severity, status: i.status, href: url(`incidents/${i.id}/`) }));
  const openSerious = repo.incidents.filter((i) => i.status !== 'resolved' && (i.severity === 'SEV1' || i.severity === 'SEV2'));
  const overdue = overdueActions(repo.problems, dateInZone(ctx.asOfMs, zone));
  const portfolio = report.availability.portfolio.availability;
  const portfolioText = availabilityText(portfolio);
  const status: AvailabilityStatus = red.length > 0 ? 'red' : amber.length > 0 ? 'amber' : portfolio === null ? 'none' : 'green';

  const sentences: string[] = [];
  const period = isCurrent ? `So far in ${monthTitle(month)}` : `In ${monthTitle(month)}`;
  sentences.push(
    portfolio === null
      ? `${period} no application had scheduled service hours.`
      : `${period} the portfolio was available ${portfolioText} of scheduled time${before ? ` (month before ${availabilityText(before.availability.portfolio.availability)})` : ''}.`,
  );
  if (red.length === 0) sentences.push(`Every application met its availability target${amber.length > 0 ? `, though ${someNames(amber.map((a) => a.name), 'application')} used ${amberThresholdText} or more of ${nounFor(amber.length, 'its', 'their')} error budget` : ''}.`);
  else sentences.push(`${someNames(red.map((r) => `${r.name} (${r.availabilityText} against ${r.targetText})`), 'application')} missed ${nounFor(red.length, 'its target', 'their targets')}.`);
  if (topTalkers[0]) sentences.push(`The largest single loss was ${topTalkers[0].id}, ${topTalkers[0].title}, at ${topTalkers[0].lostText} lost minutes.`);
  const m = report.metrics;
  sentences.push(
    `${plural(m.count, 'incident')} started, ${plural(serious.length, 'SEV1 or SEV2', 'SEV1 or SEV2')}${m.mttr.medianMinutes === null ? '' : `; median time to restore ${formatMinutes(m.mttr.medianMinutes)}`}.`,
  );
  sentences.push(overdue.length === 0 ? 'No problem follow-up action is overdue.' : `${plural(overdue.length, 'problem follow-up action')} ${nounFor(overdue.length, 'is', 'are')} overdue.`);
  const paragraph = sentences.join(' ');

  const title = `${repo.site.title}: ${monthTitle(month)}${isCurrent ? ' to date' : ''}`;
  const description = `Portfolio availability ${portfolioText}; ${plural(red.length, 'application')} below target, ${amber.length} amber; ${plural(m.count, 'incident')}.`;
  const card: StatusCard = {
    eyebrow: `Monthly summary · ${monthTitle(month)}${isCurrent ? ' (to date)' : ''}`,
    title: repo.site.title,
    figure: portfolioText,
    figureLabel: `portfolio availability · ${red.length} red, ${amber.length} amber`,
    status,
    footer: new URL(repo.site.baseUrl).host,
  };
  return {
    month,
    title,
    monthTitle: monthTitle(month),
    isCurrent,
    status,
    portfolioText,
    red,
    amber,
    topTalkers,
    serious,
    /** The latest SEV1/SEV2 by name; the rest are counted in `seriousMoreText` and listed in the full report. */
    seriousShown: serious.slice(-SERIOUS_SHOWN),
    seriousMoreText: serious.length > SERIOUS_SHOWN ? `${plural(serious.length - SERIOUS_SHOWN, 'earlier SEV1 or SEV2', 'earlier SEV1 or SEV2')} not listed here` : '',
    openSerious: openSerious.length,
    overdue: overdue.slice(0, 5).map((a) => ({ problemId: a.problemId, title: a.title, due: a.due, href: url(`problems/${a.problemId}/`) })),
    overdueCount: overdue.length,
    paragraph,
    description,
    card,
    reportHref: url(`reports/${month}/`),
    pageUrl: absoluteUrl(`reports/${month}/summary/`),
    imageUrl: absoluteUrl(`reports/${month}/summary.png`),
    reportUrl: absoluteUrl(`reports/${month}/`),
  };
}

export type MonthSummary = ReturnType<typeof monthSummary>;

/** The plain-text twin, to paste into a mail. */
export function summaryText(s: MonthSummary): string {
  const lines = [s.title, '='.repeat(s.title.length), '', s.paragraph, '', `Portfolio availability: ${s.portfolioText}`];
  lines.push('', 'Below target:', ...(s.red.length ? s.red.map((r) => `- ${r.name}: ${r.availabilityText} (target ${r.targetText})`) : ['- none']));
  lines.push('', `Amber (${amberThresholdText} or more of the error budget used):`, ...(s.amber.length ? s.amber.map((r) => `- ${r.name}: ${r.availabilityText} (target ${r.targetText})`) : ['- none']));
  lines.push('', 'Top talkers:', ...(s.topTalkers.length ? s.topTalkers.map((t, i) => `${i + 1}. ${t.id} ${t.title} (${t.applications}): ${t.lostText} lost minutes`) : ['- none']));
  lines.push('', `SEV1/SEV2 incidents this month: ${s.serious.length}`, ...s.serious.map((i) => `- ${i.id} ${i.severity} ${i.status}: ${i.title}`));
  lines.push('', `Overdue problem actions now: ${s.overdueCount}`, ...s.overdue.map((a) => `- ${a.problemId} ${a.title} (due ${a.due})`));
  lines.push('', `Full report: ${s.reportUrl}`, '');
  return lines.join('\n');
}

const statusColour = { red: '#b42318', amber: '#8a5300', green: '#1a7f37', none: '#57606a' } as const;

/** Every colour of the e-mail, each dark enough on white (and light enough on black when a client inverts it) to read. */
const mail = { ink: '#1b1f24', paper: '#ffffff', line: '#d0d7de', link: '#0b57b0' } as const;
/** Mail clients set no width on the message: the summary keeps to the 600 px column every client shows whole. */
const mailWidthPx = 600;

/** An e-mail-ready HTML fragment: tables and inline styles only, every colour with its background, as mail clients need. */
export function summaryEmailHtml(s: MonthSummary): string {
  const font = 'font-family:Arial,sans-serif';
  const cell = `style="padding:4px 8px;border-bottom:1px solid ${mail.line};${font};font-size:14px;color:${mail.ink};background-color:${mail.paper}"`;
  const row = (label: string, value: string) => `<tr><td ${cell}>${label}</td><td ${cell} align="right">${value}</td></tr>`;
  const list = (items: string[]) => (items.length ? items.join('<br>') : 'none');
  return `<table role="presentation" width="${mailWidthPx}" cellpadding="0" cellspacing="0" bgcolor="${mail.paper}" style="width:100%;max-width:${mailWidthPx}px;border-collapse:collapse;background-color:${mail.paper};color:${mail.ink}">
<tr><td colspan="2" style="padding:8px;${font};font-size:18px;font-weight:bold;color:${mail.ink};background-color:${mail.paper};border-left:6px solid ${statusColour[s.status]}">${escapeHtml(s.title)}</td></tr>
<tr><td colspan="2" style="padding:8px;${font};font-size:14px;line-height:1.5;color:${mail.ink};background-color:${mail.paper}">${escapeHtml(s.paragraph)}</td></tr>
${row('Portfolio availability', `<strong>${escapeHtml(s.portfolioText)}</strong>`)}
${row('Below target', list(s.red.map((r) => `${escapeHtml(r.name)} ${escapeHtml(r.availabilityText)} (target ${escapeHtml(r.targetText)})`)))}
${row('Amber', list(s.amber.map((r) => `${escapeHtml(r.name)} ${escapeHtml(r.availabilityText)}`)))}
${row('Top talkers', list(s.topTalkers.map((t) => `${escapeHtml(t.id)} ${escapeHtml(t.title)}: ${escapeHtml(t.lostText)} min`)))}
${row('SEV1/SEV2 this month', formatCount(s.serious.length))}
${row('Overdue problem actions', formatCount(s.overdueCount))}
<tr><td colspan="2" style="padding:8px;${font};font-size:14px;color:${mail.ink};background-color:${mail.paper}"><a href="${escapeHtml(s.reportUrl)}" style="color:${mail.link}">Read the full report</a></td></tr>
</table>
`;
}

/**
 * The subject of the monthly e-mail: the month and its portfolio availability.
 *
 * @example summaryEmailSubject(monthSummary(ctx, '2026-10')) // 'Availability report, October 2026: 99.97 %'
 */
export function summaryEmailSubject(s: MonthSummary): string {
  return `Availability report, ${s.monthTitle}${s.isCurrent ? ' to date' : ''}: ${s.portfolioText}`;
}

/**
 * The whole HTML part of the monthly e-mail around the built fragment (summary.email.html): light colours
 * declared so clients that honour it keep them, the fragment centred on an explicit white background.
 */
export function summaryEmailDocument(fragmentHtml: string, subject: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:${mail.paper};color:${mail.ink}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" bgcolor="${mail.paper}" style="border-collapse:collapse;background-color:${mail.paper}">
<tr><td align="center" style="padding:16px 8px;background-color:${mail.paper}">
${fragmentHtml.trim()}
</td></tr>
</table>
</body>
</html>
`;
}

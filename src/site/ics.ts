// The change calendar as iCalendar (RFC 5545), so change managers can subscribe from their mail client.
// Deterministic: events in planned-start order, DTSTAMP taken from the as-of instant, never the clock.
import { absoluteUrl } from './urls.ts';
import type { ChangeRequest } from '../core/changes.ts';
import { compareRecordIds } from '../core/ids.ts';

/** Where the calendar's links point and which instant stamps it. */
export interface CalendarOptions {
  /** Absolute site URL from site.yaml, e.g. https://ops.example.org/. */
  baseUrl: string;
  /** Sub-path the site is served under, e.g. /ops/. */
  base: string;
  /** The report's as-of instant (epoch ms): every DTSTAMP. */
  asOfMs: number;
  /** Calendar name shown by clients. */
  name: string;
}

const MAX_OCTETS = 75;

/**
 * A TEXT value escaped per RFC 5545 §3.3.11: backslash, semicolon, comma and newlines.
 *
 * @example escapeText('a,b;c\\d\ne') // 'a\\,b\\;c\\\\d\\ne'
 */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A content line folded at 75 octets (RFC 5545 §3.1): CRLF plus one space before each continuation,
 * never inside a UTF-8 character. Returns the line with its CRLF.
 *
 * @example foldLine('DESCRIPTION:' + 'x'.repeat(100)).split('\r\n').map((l) => l.length) // [75, 38, 0]
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return `${parts.join('\r\n ')}\r\n`;
}

/**
 * An instant as an iCalendar UTC DATE-TIME.
 *
 * @example icsInstant(Date.parse('2026-11-24T12:00:00Z')) // '20261124T120000Z'
 */
export function icsInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * STATUS of a change's event: cancelled → CANCELLED, pending → TENTATIVE, anything that happened → CONFIRMED.
 *
 * @example eventStatus('backed-out') // 'CONFIRMED'
 */
export function eventStatus(outcome: ChangeRequest['outcome']): 'CANCELLED' | 'TENTATIVE' | 'CONFIRMED' {
  if (outcome === 'cancelled') return 'CANCELLED';
  if (outcome === 'pending') return 'TENTATIVE';
  return 'CONFIRMED';
}

/**
 * The absolute URL of a change's page: baseUrl + base + `changes/<id>/`, as the site's other feeds build theirs.
 *
 * @example changePageUrl('CHG-2026-0001', 'https://ops.example.org/', '/ops/') // 'https://ops.example.org/ops/changes/CHG-2026-0001/'
 */
export function changePageUrl(id: string, baseUrl: string, base: string): string {
  return absoluteUrl(`changes/${id}/`, { baseUrl, base });
}

/**
 * The change calendar: one VEVENT per change, UID `<id>@<host of baseUrl>`, planned start and end in
 * UTC, STATUS from the outcome, and the change page as URL. CRLF line ends, lines folded at 75 octets.
 *
 * @example changesCalendar(changes, { baseUrl: 'https://ops.example.org/', base: '/', asOfMs, name: 'Changes' }).startsWith('BEGIN:VCALENDAR\r\n') // true
 */
export function changesCalendar(changes: readonly ChangeRequest[], options: CalendarOptions): string {
  const host = new URL(options.baseUrl).hostname;
  const stamp = icsInstant(options.asOfMs);
  const ordered = [...changes].sort((a, b) => a.plannedStart - b.plannedStart || compareRecordIds(a.id, b.id));
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//opsledger//change calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const change of ordered) {
    const description = [
      `Type: ${change.type}`,
      `Risk: ${change.risk}`,
      `Outcome: ${change.outcome}`,
      `Applications: ${change.applications.join(', ')}`,
      `Owner: ${change.owner}`,
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${change.id}@${host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsInstant(change.plannedStart)}`,
      `DTEND:${icsInstant(change.plannedEnd)}`,
      `SUMMARY:${escapeText(`${change.id} ${change.title}`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `STATUS:${eventStatus(change.outcome)}`,
      `CATEGORIES:${escapeText(change.type)}`,
      `URL:${changePageUrl(change.id, options.baseUrl, options.base)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}

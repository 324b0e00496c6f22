// Finds internal text in a built site: every string value of every internal field of a repository, looked for in
// the readable text of every file (HTML and XML entities decoded, JSON strings parsed, iCalendar unfolded and
// unescaped, gzip-compressed search fragments inflated, PNG text chunks read).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, inflateSync } from 'node:zlib';
import type { Repository } from '../../src/load/repository.ts';
import { distFiles } from './dist-files.ts';

/** Internal strings by the field they come from, e.g. `teams.escalation.phone`. */
export type InternalStrings = Map<string, Set<string>>;

/** Strings shorter than this are too common to mean anything when found (ids such as `ops`, levels such as L2). */
export const shortestInternalString = 6;

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Plain sentences of a Markdown body: markup dropped, split at line ends and full stops, long enough to be telling. */
export function bodySentences(body: string): string[] {
  return body
    .replace(/[`*_>#|]/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/\n|(?<=[.!?])\s+/)
    .map(squeeze)
    .filter((sentence) => sentence.length >= 20);
}

/**
 * Every string of every internal field of `repo`, by field: the escalation database, customers and their windows,
 * people (skills, time tracking, owners, approvers, authors, action owners), causes and root causes, record bodies,
 * internal titles and the texts of updates not marked public, alert rules, monitors, internal application names and
 * components, and the internal site's own title, address and report recipients. Strings that the records' public
 * texts themselves contain are left out: those are the public page's to say.
 */
export function internalStrings(repo: Repository): InternalStrings {
  const found: InternalStrings = new Map();
  const add = (field: string, value: unknown) => {
    if (typeof value !== 'string') return;
    const text = squeeze(value);
    if (text.length < shortestInternalString) return;
    const set = found.get(field) ?? new Set<string>();
    set.add(text);
    found.set(field, set);
  };
  const { site } = repo;
  add('site.title', site.title);
  add('site.baseUrl', site.baseUrl);
  for (const recipient of site.report?.recipients ?? []) add('site.report.recipients', recipient);
  const publicNames = new Map((site.public?.applications ?? []).map((entry) => [entry.id, entry.name]));
  for (const team of repo.teams) {
    add('teams.name', team.name);
    add('teams.scope', team.scope);
    add('teams.phone', team.phone);
    add('teams.email', team.email);
    for (const contact of team.escalation) {
      add('teams.escalation.name', contact.name);
      add('teams.escalation.phone', contact.phone);
      add('teams.escalation.email', contact.email);
    }
    for (const manager of team.managers) add('teams.managers', manager);
  }
  for (const customer of repo.customers) {
    add('customers.name', customer.name);
    for (const window of customer.windows) add('customers.windows.hours', `${window.days.join(', ')} ${window.hours} ${window.timezone}`);
    for (const contact of customer.contacts) {
      add('customers.contacts.name', contact.name);
      add('customers.contacts.email', contact.email);
      add('customers.contacts.phone', contact.phone);
    }
  }
  for (const person of repo.skills) add('skills.person', person.person);
  for (const app of repo.applications) {
    if (publicNames.get(app.id) !== app.name) add('applications.name', app.name);
    for (const component of app.components) add('applications.components', component);
    for (const monitor of app.monitoring ?? []) {
      add('applications.monitoring.name', monitor.name);
      add('applications.monitoring.tool', monitor.tool);
    }
  }
  for (const incident of repo.incidents) {
    add('incidents.title', incident.title);
    for (const update of incident.updates) if (!update.public) add('incidents.updates.text', update.text);
    for (const sentence of bodySentences(incident.body)) add('incidents.body', sentence);
  }
  for (const pm of repo.postmortems) {
    add('postmortems.title', pm.title);
    for (const author of pm.authors) add('postmortems.authors', author);
    for (const sentence of bodySentences(pm.body)) add('postmortems.body', sentence);
  }
  for (const change of repo.changes) {
    add('changes.title', change.title);
    add('changes.owner', change.owner);
    for (const approval of change.approvals) add('changes.approvals.by', approval.by);
    for (const sentence of bodySentences(change.body)) add('changes.body', sentence);
  }
  for (const problem of repo.problems) {
    add('problems.title', problem.title);
    add('problems.rootCause', problem.rootCause);
    for (const action of problem.actions) {
      add('problems.actions.title', action.title);
      add('problems.actions.owner', action.owner);
    }
    for (const sentence of bodySentences(problem.body)) add('problems.body', sentence);
  }
  for (const row of repo.timeEntries) add('time.person', row.person);
  for (const row of repo.alerts) add('alerts.rule', row.rule);

  const allowed = publicTexts(repo);
  for (const [field, set] of found) {
    for (const text of set) if (allowed.some((publicText) => publicText.includes(text))) set.delete(text);
    if (set.size === 0) found.delete(field);
  }
  return found;
}

/** The texts the records and site.yaml mark public: what the public site may say. */
export function publicTexts(repo: Repository): string[] {
  const texts: string[] = [];
  const block = repo.site.public;
  if (block) texts.push(block.title, block.support ?? '', block.baseUrl ?? '', ...block.applications.map((entry) => entry.name));
  for (const incident of repo.incidents) {
    if (incident.public) texts.push(incident.public.title, incident.public.summary ?? '');
    for (const update of incident.updates) if (update.public) texts.push(update.text);
  }
  for (const change of repo.changes) if (change.public) texts.push(change.public.title, change.public.summary ?? '');
  return texts.filter((text) => text !== '').map(squeeze);
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML and XML text with its character references decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

function jsonStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) jsonStrings(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      jsonStrings(item, out);
    }
  }
}

/** The text chunks (tEXt, zTXt, iTXt) of a PNG, keyword and text. */
export function pngTextChunks(bytes: Buffer): string[] {
  const texts: string[] = [];
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'tEXt') texts.push(data.toString('latin1').replace('\0', ' '));
    if (type === 'zTXt') {
      const nul = data.indexOf(0);
      texts.push(`${data.toString('latin1', 0, nul)} ${inflateSync(data.subarray(nul + 2)).toString('latin1')}`);
    }
    if (type === 'iTXt') {
      const nul = data.indexOf(0);
      const compressed = data[nul + 1] === 1;
      let rest = nul + 3;
      rest = data.indexOf(0, rest) + 1; // language tag
      rest = data.indexOf(0, rest) + 1; // translated keyword
      const text = data.subarray(rest);
      texts.push(`${data.toString('utf8', 0, nul)} ${(compressed ? inflateSync(text) : text).toString('utf8')}`);
    }
    at += 12 + length;
  }
  return texts;
}

/** Every readable text of one built file, in the forms a reader or a crawler would get out of it. */
export function readableTexts(file: string, bytes: Buffer): string[] {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const raw = gzipped ? gunzipSync(bytes) : bytes;
  if (file.endsWith('.png')) return pngTextChunks(raw);
  const text = raw.toString('utf8');
  const texts = [text, decodeEntities(text)];
  const jsonStart = text.indexOf('{');
  if (file.endsWith('.json') || file.endsWith('.pf_fragment') || file.endsWith('.pf_meta')) {
    try {
      const strings: string[] = [];
      jsonStrings(JSON.parse(text.slice(Math.max(0, jsonStart))), strings);
      texts.push(...strings, ...strings.map(decodeEntities));
    } catch {
      // Not JSON (a binary index part): its raw text is still searched.
    }
  }
  if (file.endsWith('.ics')) {
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    texts.push(unfolded.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1'));
  }
  return texts.map(squeeze);
}

export interface Leak {
  file: string;
  field: string;
  text: string;
}

/** Every internal string found in a file under `dir`, with the file (relative to `dir`) and the field it comes from. */
export function findLeaks(dir: string, internal: InternalStrings): Leak[] {
  const needles: { field: string; text: string }[] = [];
  for (const [field, set] of internal) for (const text of set) needles.push({ field, text });
  const leaks: Leak[] = [];
  for (const relative of distFiles(dir)) {
    const haystack = [relative, ...readableTexts(relative, readFileSync(path.join(dir, relative)))].join('\n');
    for (const needle of needles) if (haystack.includes(needle.text)) leaks.push({ file: relative, field: needle.field, text: needle.text });
  }
  return leaks;
}

// Reads one Markdown record: frontmatter split by gray-matter, YAML parsed once (core schema, so
// timestamps stay text and a missing offset can be told apart), positions only when needed.
import matter from 'gray-matter';
import type { Diagnostic } from './diagnostics.ts';
import { yamlValues } from './yaml-values.ts';
import { YamlSource } from './yaml-source.ts';

export interface RawRecord {
  file: string;
  data: unknown;
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
  source: YamlSource;
}

/**
 * A record's frontmatter text as values: strings stay strings (timestamps included), numbers, booleans and
 * nulls as YAML 1.2's core schema says; an empty frontmatter is an empty mapping.
 *
 * @example loadFrontmatter('impact: +.5\nid: 0b101') // { impact: 0.5, id: '0b101' }
 */
export function loadFrontmatter(text: string): object {
  return (yamlValues(text) ?? {});
}
const matterOptions = { engines: { yaml: loadFrontmatter } };

function fileError(file: string, line: number, column: number, rule: string, message: string): Diagnostic {
  return { file, line, column, severity: 'error', rule, field: '', message };
}

/** Split and parse a record's text; a file without usable frontmatter is an error, never skipped. */
export function parseRecordText(file: string, text: string): { ok: true; record: RawRecord } | { ok: false; diagnostics: Diagnostic[] } {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (withoutBom.trim() === '') return { ok: false, diagnostics: [fileError(file, 1, 1, 'empty', 'empty file: a record starts with --- and YAML frontmatter')] };
  if (!/^---[ \t]*\r?\n/.test(withoutBom)) {
    return { ok: false, diagnostics: [fileError(file, 1, 1, 'yaml', 'no frontmatter: a record starts with a line "---", its YAML fields, then "---"')] };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(withoutBom, matterOptions);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return { ok: false, diagnostics: [fileError(file, mark ? mark.line + 1 : 1, mark ? mark.column + 1 : 1, 'yaml', `invalid YAML: ${reason}`)] };
  }
  const source = new YamlSource(parsed.matter, 1);
  // gray-matter types the frontmatter as an object, but a YAML scalar or list parses too.
  const data: unknown = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, diagnostics: [fileError(file, 2, 1, 'yaml', 'frontmatter must be a mapping of field: value')] };
  }
  // gray-matter's content is a suffix of the text; the lines before it are the frontmatter and both fences.
  const prefix = withoutBom.slice(0, withoutBom.length - parsed.content.length);
  const bodyLine = prefix.split('\n').length;
  return { ok: true, record: { file, data, body: parsed.content, bodyLine, source } };
}

export interface Section {
  heading: string;
  /** File line of the heading. */
  line: number;
  markdown: string;
}

/** The `## …` sections of a body, in order; headings inside fenced code do not count. */
export function sectionsOf(body: string, bodyLine: number): Section[] {
  const sections: Section[] = [];
  const lines = body.split(/\r?\n/);
  let fence: string | null = null;
  let current: { heading: string; line: number; lines: string[] } | null = null;
  const flush = () => {
    if (current) sections.push({ heading: current.heading, line: current.line, markdown: current.lines.join('\n').trim() });
  };
  lines.forEach((text, i) => {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(text);
    if (fenceMatch) fence = fence === null ? fenceMatch[1]!.slice(0, 3) : text.trim().startsWith(fence) ? null : fence;
    const heading = fence === null ? /^##\s+(.+?)\s*#*\s*$/.exec(text) : null;
    if (heading) {
      flush();
      current = { heading: heading[1]!, line: bodyLine + i, lines: [] };
    } else if (current) {
      current.lines.push(text);
    }
  });
  flush();
  return sections;
}

/** Case- and space-insensitive heading lookup. */
export function findSection(sections: readonly Section[], heading: string): Section | undefined {
  const key = heading.toLowerCase().replace(/\s+/g, ' ');
  return sections.find((s) => s.heading.toLowerCase().replace(/\s+/g, ' ') === key);
}

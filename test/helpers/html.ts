// A small HTML tokenizer for tests over dist/: start tags with their decoded attributes, as a browser would read them
// (comments, raw-text elements such as <script> and <style>, RCDATA such as <title>, quoted and unquoted values).

export interface Attribute {
  name: string;
  value: string;
}

export interface StartTag {
  name: string;
  attributes: Attribute[];
  /** 1-based line of the `<`, for failure messages. */
  line: number;
}

const rawTextElements = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes']);
const rcdataElements = new Set(['title', 'textarea']);
const namedEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', Tab: '\t', NewLine: '\n', colon: ':', sol: '/',
  lpar: '(', rpar: ')', period: '.', comma: ',', semi: ';', excl: '!', num: '#', equals: '=', bsol: '\\',
};

/** Decodes character references the way an attribute value or text is read (numeric, and the named ones an attack would use). */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z]+);)/g, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? '', 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return namedEntities[name ?? ''] ?? whole;
  });
}

/** True for a URL a browser would run as script: `javascript:`/`vbscript:` after stripping what URL parsing ignores, or an HTML `data:` URL. */
export function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- URL parsing strips these, so must the check
  const url = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
  return /^(?:javascript|vbscript):/.test(url) || /^data:(?:text\/html|application\/xhtml|image\/svg)/.test(url);
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/** Every start tag of a document, in order, with lower-case names and entity-decoded attribute values. */
export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  let foreignDepth = 0; // inside <svg> or <math>, <title> and <style> are ordinary elements
  let i = 0;
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (; counted < offset; counted++) if (html.charCodeAt(counted) === 10) line++;
    return line;
  };

  // Reads attributes from `j` to the closing `>`; returns them and the index after `>`.
  const readAttributes = (start: number): { attributes: Attribute[]; end: number; selfClosing: boolean } => {
    const attributes: Attribute[] = [];
    let j = start;
    let selfClosing = false;
    while (j < html.length) {
      while (isSpace(html[j])) j++;
      const c = html[j];
      if (c === undefined) break;
      if (c === '>') return { attributes, end: j + 1, selfClosing };
      if (c === '/') {
        selfClosing = html[j + 1] === '>';
        j++;
        continue;
      }
      let nameEnd = j + 1; // a name may start with '=' (a parse error the browser keeps)
      while (nameEnd < html.length && !isSpace(html[nameEnd]) && !'/>='.includes(html[nameEnd] ?? '')) nameEnd++;
      const name = html.slice(j, nameEnd).toLowerCase();
      j = nameEnd;
      while (isSpace(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (isSpace(html[j])) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, j + 1);
          const stop = close === -1 ? html.length : close;
          value = html.slice(j + 1, stop);
          j = stop + 1;
        } else {
          let k = j;
          while (k < html.length && !isSpace(html[k]) && html[k] !== '>') k++;
          value = html.slice(j, k);
          j = k;
        }
      }
      if (!attributes.some((a) => a.name === name)) attributes.push({ name, value: decodeEntities(value) });
      selfClosing = false;
    }
    return { attributes, end: html.length, selfClosing };
  };

  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
    } else if (foreignDepth > 0 && html.startsWith('<![CDATA[', lt)) {
      const close = html.indexOf(']]>', lt + 9);
      i = close === -1 ? html.length : close + 3;
    } else if (next === '!' || next === '?') {
      const close = html.indexOf('>', lt + 2);
      i = close === -1 ? html.length : close + 1;
    } else if (next === '/' && /[A-Za-z]/.test(html[lt + 2] ?? '')) {
      const match = /^[^\s/>]+/.exec(html.slice(lt + 2, lt + 80));
      const name = (match?.[0] ?? '').toLowerCase();
      if ((name === 'svg' || name === 'math') && foreignDepth > 0) foreignDepth--;
      i = readAttributes(lt + 2 + name.length).end;
    } else if (/[A-Za-z]/.test(next)) {
      const match = /^[^\s/>]+/.exec(html.slice(lt + 1, lt + 80));
      const name = (match?.[0] ?? '').toLowerCase();
      const { attributes, end, selfClosing } = readAttributes(lt + 1 + name.length);
      tags.push({ name, attributes, line: lineAt(lt) });
      i = end;
      if ((name === 'svg' || name === 'math') && !selfClosing) foreignDepth++;
      const isRaw = rawTextElements.has(name) || (foreignDepth === 0 && rcdataElements.has(name));
      if (isRaw && !selfClosing) {
        const close = html.toLowerCase().indexOf(`</${name}`, i);
        i = close === -1 ? html.length : close;
      }
      if (name === 'plaintext') break;
    } else {
      i = lt + 1; // a lone '<' is text
    }
  }
  return tags;
}

/** The value of an attribute, or undefined. */
export function attribute(tag: StartTag, name: string): string | undefined {
  return tag.attributes.find((a) => a.name === name)?.value;
}

/** Attributes that hold a URL the browser follows or loads. */
export const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'srcset']);

/**
 * The only client JavaScript the site may ship, by emitted page: the search page's Pagefind UI (`src:` plus the path
 * below the site root) and the inline lines that start it. Every other page ships none.
 */
export const allowedScripts: Readonly<Record<string, readonly string[]>> = {
  'search/index.html': ['src:pagefind/pagefind-ui.js', 'inline'],
};

export interface ScriptFinding {
  line: number;
  what: string;
  /** For a `<script>` element: `inline`, or `src:` and its path below the site's base. */
  script?: string;
}

/** Everything in a document that could run script: `<script>` elements, `on*` handler attributes, script URLs. */
export function executableContent(html: string, base = '/'): ScriptFinding[] {
  const findings: ScriptFinding[] = [];
  for (const tag of startTags(html)) {
    if (tag.name === 'script') {
      const src = attribute(tag, 'src');
      const script = src === undefined ? 'inline' : `src:${src.startsWith(base) ? src.slice(base.length) : src}`;
      findings.push({ line: tag.line, what: `<script${src === undefined ? '' : ` src="${src}"`}>`, script });
    }
    for (const a of tag.attributes) {
      if (/^on/.test(a.name)) findings.push({ line: tag.line, what: `<${tag.name} ${a.name}="${a.value}">` });
      if (urlAttributes.has(a.name) && isScriptUrl(a.value)) findings.push({ line: tag.line, what: `<${tag.name} ${a.name}="${a.value}">` });
    }
    if (tag.name === 'meta' && attribute(tag, 'http-equiv')?.toLowerCase() === 'refresh' && /url\s*=\s*['"]?\s*(?:javascript|vbscript|data):/i.test(attribute(tag, 'content') ?? '')) {
      findings.push({ line: tag.line, what: `<meta http-equiv="refresh" content="${attribute(tag, 'content')}">` });
    }
  }
  return findings;
}

/** What in an emitted page could run script, less the scripts `allowedScripts` grants that page (each once). */
export function unexpectedScripts(file: string, html: string, base = '/'): ScriptFinding[] {
  const allowance = [...(allowedScripts[file] ?? [])];
  return executableContent(html, base).filter((finding) => {
    const index = finding.script === undefined ? -1 : allowance.indexOf(finding.script);
    if (index === -1) return true;
    allowance.splice(index, 1);
    return false;
  });
}

/**
 * The same question asked of the raw text without the tokenizer, as a cross-check. Escaped output may hold a raw `<`
 * only inside a quoted attribute value, so quoted values other than URLs are blanked before looking for `<script` and
 * `on…=` inside a tag; a URL attribute is flagged when its raw scheme is `javascript:`/`vbscript:` or is obfuscated
 * with a character reference.
 */
export function rawExecutableContent(html: string): string[] {
  const blanked = html.replace(/([\w:-]+)(\s*=\s*)("[^"]*"|'[^']*')/g, (whole, name: string, equals: string) =>
    urlAttributes.has(name.toLowerCase()) ? whole : `${name}${equals}""`,
  );
  const findings = [...blanked.matchAll(/<script\b[^>]*>?|<[a-z][^<>]*?[\s/"']on[a-z]+\s*=[^<>]*>?/gi)].map((match) => match[0]);
  for (const [tag] of blanked.matchAll(/<[a-z][^<>]*>?/gi)) {
    for (const match of tag.matchAll(/\s(?:href|src|action|formaction|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
      const value = (match[1] ?? '').replace(/^["']|["']$/g, '');
      const scheme = value.replace(/\s/g, '').toLowerCase().split(/:|&colon;/)[0] ?? '';
      if (/^(?:javascript|vbscript)$/.test(scheme) || (value.includes(':') && scheme.includes('&'))) findings.push(tag);
    }
  }
  return findings;
}

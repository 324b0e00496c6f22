// A strict XML 1.0 well-formedness check for the documents the site emits (RSS, sitemap, SVG), returning
// a small element tree to query. No XML parser is installed; this covers what those documents use:
// declaration, comments, CDATA, elements, attributes, predefined and numeric character references.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text content of this element and its descendants, references decoded. */
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export class XmlError extends Error {}

/** Parses `source`, throwing XmlError with the offset of the first well-formedness error. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  const fail = (message: string): never => {
    const line = source.slice(0, pos).split('\n').length;
    throw new XmlError(`${message} at line ${line} (offset ${pos})`);
  };
  if (INVALID_CHAR.test(source)) {
    pos = source.search(INVALID_CHAR);
    fail('character not allowed in XML');
  }
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const readName = (): string => {
    const match = NAME.exec(source.slice(pos));
    if (!match) return fail('expected a name');
    pos += match[0].length;
    return match[0];
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);/g, (_, ref: string) => {
      if (ref in PREDEFINED) return PREDEFINED[ref]!;
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!numeric) return fail(`unknown entity &${ref};`);
      const code = numeric[1] !== undefined ? Number.parseInt(numeric[1], 16) : Number(numeric[2]);
      return String.fromCodePoint(code);
    });
  const checkAmpersands = (raw: string) => {
    if (/&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)/.test(raw)) fail('bare "&" (write &amp;)');
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos + 4);
        if (end < 0) fail('unclosed comment');
        if (source.slice(pos + 4, end).includes('--')) fail('"--" inside a comment');
        pos = end + 3;
      } else if (source.startsWith('<?', pos) && !source.startsWith('<?xml ', pos)) {
        const end = source.indexOf('?>', pos);
        if (end < 0) fail('unclosed processing instruction');
        pos = end + 2;
      } else return;
    }
  };

  const parseElement = (): XmlElement => {
    if (source[pos] !== '<') fail('expected "<"');
    pos++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = pos;
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('expected whitespace between attributes');
      const attribute = readName();
      skipSpace();
      if (source[pos] !== '=') fail(`attribute ${attribute} without "="`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") return fail(`attribute ${attribute} value not quoted`);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) fail('unclosed attribute value');
      const raw = source.slice(pos + 1, end);
      if (raw.includes('<')) fail(`"<" in the value of ${attribute}`);
      checkAmpersands(raw);
      if (attribute in attributes) fail(`duplicate attribute ${attribute}`);
      attributes[attribute] = decode(raw);
      pos = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= source.length) fail(`<${name}> never closed`);
      if (source.startsWith('</', pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (source[pos] !== '>') fail('expected ">"');
        pos++;
        return { name, attributes, children, text };
      }
      if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos + 4);
        if (end < 0) fail('unclosed comment');
        pos = end + 3;
      } else if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos);
        if (end < 0) fail('unclosed CDATA section');
        text += source.slice(pos + 9, end);
        pos = end + 3;
      } else if (source[pos] === '<') {
        const child = parseElement();
        children.push(child);
        text += child.text;
      } else {
        const end = source.indexOf('<', pos);
        const raw = source.slice(pos, end < 0 ? source.length : end);
        if (raw.includes(']]>')) fail('"]]>" in text');
        checkAmpersands(raw);
        text += decode(raw);
        pos += raw.length;
      }
    }
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  if (source.startsWith('<?xml', pos)) {
    const end = source.indexOf('?>', pos);
    if (end < 0) fail('unclosed XML declaration');
    if (!/^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z][A-Za-z0-9._-]*")?(\s+standalone="(yes|no)")?\s*$/.test(source.slice(pos, end))) fail('malformed XML declaration');
    pos = end + 2;
  }
  skipMisc();
  if (source.startsWith('<!DOCTYPE', pos)) fail('DOCTYPE not expected');
  const root = parseElement();
  skipMisc();
  if (pos < source.length) fail('content after the root element');
  return root;
}

/** Every descendant element named `name`, in document order. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** The first child element named `name`, or throws. */
export function childNamed(element: XmlElement, name: string): XmlElement {
  const child = element.children.find((c) => c.name === name);
  if (!child) throw new XmlError(`<${element.name}> has no <${name}>`);
  return child;
}

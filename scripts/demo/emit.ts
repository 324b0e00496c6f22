import { Document, isMap, isScalar, isSeq, visit } from 'yaml';

function isScalarList(node: unknown): boolean {
  return isSeq(node) && node.items.every((item) => isScalar(item));
}

/** Short maps of scalars read best on one line: `{regions: [APAC], fraction: 0.2}`. */
function fitsOnOneLine(node: unknown): boolean {
  if (!isMap(node)) return false;
  let length = 0;
  for (const pair of node.items) {
    const value = pair.value;
    if (isScalar(value)) {
      const text = String(value.value);
      if (typeof value.value === 'string' && text.length > 90) return false;
      length += text.length;
    } else if (isSeq(value) && isScalarList(value)) {
      for (const item of value.items) length += String(isScalar(item) ? item.value : '').length + 2;
    } else {
      return false;
    }
    length += String(isScalar(pair.key) ? pair.key.value : '').length + 4;
  }
  return length <= 140;
}

/**
 * YAML text for a catalogue or a frontmatter block: block style at the top, flow style
 * for short lists and small maps, `hours` always double-quoted, no line folding.
 */
export function toYaml(value: unknown): string {
  const document = new Document(value);
  const root = document.contents;
  visit(document, {
    Map(_, node, path) {
      // Maps inside a list are styled together by the list, so that a list reads uniformly.
      if (node === root || isSeq(path[path.length - 1])) return;
      if (fitsOnOneLine(node)) node.flow = true;
    },
    Seq(_, node) {
      if (node.items.length === 0) return;
      if (node !== root && isScalarList(node)) node.flow = true;
      else if (node.items.every((item) => fitsOnOneLine(item))) for (const item of node.items) if (isMap(item)) item.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'hours' && isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE';
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A Markdown record: frontmatter between `---` lines, a blank line, then the body. */
export function markdownRecord(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${toYaml(frontmatter)}---\n\n${body.trim()}\n`;
}

// Positions of YAML keys, from the yaml package's own source map.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { FieldPath } from './diagnostics.ts';

export interface Position {
  line: number;
  column: number;
}

/**
 * A YAML text whose positions can be asked for. `firstLine` is the file line of the text's first line
 * (frontmatter text starts on the line of the opening `---`, so it is 1 there too).
 */
export class YamlSource {
  private readonly text: string;
  private readonly firstLine: number;
  private parsed: { contents: Node | null; counter: LineCounter } | undefined;

  constructor(text: string, firstLine = 1) {
    this.text = text;
    this.firstLine = firstLine;
  }

  private document() {
    if (this.parsed === undefined) {
      const counter = new LineCounter();
      const doc = parseDocument(this.text, { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false });
      this.parsed = { contents: doc.contents as Node | null, counter };
    }
    return this.parsed;
  }

  private at(offset: number): Position {
    const pos = this.document().counter.linePos(offset);
    return { line: pos.line + this.firstLine - 1, column: pos.col };
  }

  /**
   * The position of the deepest node on `path`: the key itself where the path ends at a map key
   * (so a missing field points at its parent), otherwise the value.
   */
  locate(path: FieldPath): Position {
    const { contents } = this.document();
    let node: unknown = contents;
    let best: Position = this.firstContentPosition();
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) best = this.at(node.range[0] as number);
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
        if (!pair) return best;
        if (isScalar(pair.key) && pair.key.range) best = this.at(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part];
        if (!item) return best;
        if (typeof item === 'object' && 'range' in item && Array.isArray(item.range)) best = this.at(item.range[0] as number);
        node = item;
      } else {
        return best;
      }
    }
    return best;
  }

  private firstContentPosition(): Position {
    const offset = this.text.search(/\S/);
    return offset < 0 ? { line: this.firstLine, column: 1 } : this.at(offset);
  }
}

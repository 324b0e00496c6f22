// Markdown from pull requests is rendered with raw HTML escaped and unsafe link schemes refused.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** HTML for a record body or section; `<script>` and friends come out as text. */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}

/** The words of a record body or section without markup, for the search index: text and inline code, one space between blocks. */
export function markdownText(markdown: string): string {
  const words: string[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type !== 'inline' && token.type !== 'code_block' && token.type !== 'fence') continue;
    if (token.type !== 'inline') {
      words.push(token.content);
      continue;
    }
    let line = '';
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') line += child.content;
      else if (child.type === 'softbreak' || child.type === 'hardbreak') line += ' ';
    }
    words.push(line);
  }
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

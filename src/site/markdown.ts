// Markdown from pull requests is rendered with raw HTML escaped and unsafe link schemes refused.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** HTML for a record body or section; `<script>` and friends come out as text. */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}

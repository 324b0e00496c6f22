// The checks the safe-rendering and link tests rely on must see what a browser sees, and nothing that is only text.
import { describe, expect, it } from 'vitest';
import { decodeEntities, executableContent, isScriptUrl, rawExecutableContent, startTags, unexpectedScripts } from './html.ts';

describe('startTags', () => {
  it('reads quoted, unquoted and bare attributes, lower-cases names and decodes values', () => {
    const [tag] = startTags(`<A HREF='/x?a=1&amp;b=2' data-x=plain hidden title="a &quot;b&quot;">`);
    expect(tag).toEqual({
      name: 'a',
      attributes: [
        { name: 'href', value: '/x?a=1&b=2' },
        { name: 'data-x', value: 'plain' },
        { name: 'hidden', value: '' },
        { name: 'title', value: 'a "b"' },
      ],
      line: 1,
    });
  });

  it('sees no tags inside comments, <style>, <title> or attribute values, and counts lines', () => {
    const html = '<!-- <img onerror=x> -->\n<title><img onerror=x></title><style>a{b:"<img>"}</style>\n<meta content="<img onerror=x>"><p>';
    expect(startTags(html).map((t) => [t.name, t.line])).toEqual([
      ['title', 2],
      ['style', 2],
      ['meta', 3],
      ['p', 3],
    ]);
  });

  it('reads <title> inside SVG as an element, not as raw text', () => {
    expect(startTags('<svg><title>x</title><text>y</text></svg><a href="/">').map((t) => t.name)).toEqual(['svg', 'title', 'text', 'a']);
  });
});

describe('script detection', () => {
  it('decodes the character references an attacker uses to hide a scheme', () => {
    expect(decodeEntities('java&Tab;script&colon;alert&lpar;1&rpar;')).toBe('java\tscript:alert(1)');
    expect(decodeEntities('&#106;&#x61;vascript:')).toBe('javascript:');
  });

  it('treats a URL as script the way URL parsing does', () => {
    expect(isScriptUrl(' JavaScript:alert(1)')).toBe(true);
    expect(isScriptUrl('java\tscr\nipt:alert(1)')).toBe(true);
    expect(isScriptUrl('data:text/html;base64,xx')).toBe(true);
    expect(isScriptUrl('/incidents/javascript:x/')).toBe(false);
    expect(isScriptUrl('https://example.org/')).toBe(false);
  });

  it('finds script elements, handlers and script URLs, and nothing in escaped text', () => {
    const html = `<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>
<meta name="description" content="<script>alert(1)</script> <img src=x onerror=alert(1)>">
<a href="java&#x09;script:alert(1)">x</a><svg onload=alert(1)></svg><SCRIPT src="/x.js"></SCRIPT>`;
    expect(executableContent(html)).toEqual([
      { line: 3, what: '<a href="java\tscript:alert(1)">' },
      { line: 3, what: '<svg onload="alert(1)">' },
      { line: 3, what: '<script src="/x.js">', script: 'src:x.js' },
    ]);
    expect(rawExecutableContent(html)).toEqual(['<svg onload=alert(1)>', '<SCRIPT src="/x.js">', '<a href="java&#x09;script:alert(1)">']);
  });

  it('finds nothing in a clean page', () => {
    const html = '<!doctype html><html><head><meta name="description" content="a <b> &quot;c&quot;"></head><body><a href="/x/#y" title="javascript: a guide">x</a></body></html>';
    expect(executableContent(html)).toEqual([]);
    expect(rawExecutableContent(html)).toEqual([]);
  });

  it('lets only the allowed scripts through, each once, and only on their page', () => {
    const search = '<script src="/ops/pagefind/pagefind-ui.js"></script><script>start()</script>';
    expect(unexpectedScripts('search/index.html', search, '/ops/')).toEqual([]);
    expect(unexpectedScripts('search/index.html', `${search}<script>more()</script>`, '/ops/').map((f) => f.what)).toEqual(['<script>']);
    expect(unexpectedScripts('index.html', search, '/ops/').map((f) => f.script)).toEqual(['src:pagefind/pagefind-ui.js', 'inline']);
  });
});

// The one place markup is escaped: text for XML documents (RSS, sitemap, SVG badges), escaped and stripped of
// characters XML 1.0 cannot carry, and text for HTML (e-mail, PDF header and footer, HTML inside a feed).

// Control characters other than tab, newline and carriage return, lone surrogates and U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe inside an XML element or a double- or single-quoted attribute.
 *
 * @example escapeXml('Q&A <ops> "x"') // 'Q&amp;A &lt;ops&gt; &quot;x&quot;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Text safe inside an HTML element or a double-quoted attribute. Unlike `escapeXml` it leaves `'` as it is
 * (`&apos;` is not HTML 4, which some mail readers still follow).
 *
 * @example escapeHtml('Q&A <ops> "x"') // 'Q&amp;A &lt;ops&gt; &quot;x&quot;'
 */
export function escapeHtml(text: string): string {
  return escapeHtmlText(text).replace(/"/g, '&quot;');
}

/**
 * Text safe as the content of an HTML element (not an attribute): `&`, `<` and `>` only, quotes kept as written,
 * e.g. for Pagefind's search page, which puts a record's title, excerpt and filter values into the page as HTML.
 *
 * @example escapeHtmlText('<svg onload="x"> & co') // '&lt;svg onload="x"&gt; &amp; co'
 */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An instant as RSS wants it (RFC 822 with a four-digit year, always GMT).
 *
 * @example rfc822Date(Date.parse('2026-11-24T12:00:00Z')) // 'Tue, 24 Nov 2026 12:00:00 GMT'
 */
export function rfc822Date(ms: number): string {
  return new Date(ms).toUTCString();
}

// The feed, badges and sitemap as documents: exact wording, order, absolute links, escaping, well-formed XML.
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/load/repository.ts';
import { absoluteUrl } from '../../src/site/urls.ts';
import { applicationBadge, badgeColours, badgeSvg } from '../../src/site/views/badges.ts';
import { incidentFeedItems, rssDocument, type FeedChannel } from '../../src/site/views/feed.ts';
import { sitemapPaths, sitemapXml } from '../../src/site/views/sitemap.ts';
import { escapeXml, rfc822Date } from '../../src/site/xml.ts';
import { childNamed, elementsNamed, parseXml } from '../helpers/xml.ts';

const ms = (iso: string) => Date.parse(iso);
const asOfMs = ms('2026-11-24T12:00:00Z');

function incident(id: string, started: string, overrides: Partial<Incident> = {}): Incident {
  return {
    id,
    title: `Incident ${id}`,
    applications: ['pricing'],
    severity: 'SEV2',
    status: 'resolved',
    started: ms(started),
    detected: ms(started),
    acknowledged: ms(started),
    restored: ms(started) + 90 * 60_000,
    impact: [],
    component: 'engine',
    cause: 'software',
    channel: 'monitoring',
    resolvedAt: 'L2',
    updates: [],
    file: `content/incidents/${id}.md`,
    body: '',
    ...overrides,
  };
}

const apps = [
  { id: 'pricing', name: 'FX pricing' },
  { id: 'settle', name: 'Settlement' },
];
const link = (i: Incident) => `https://ops.example.org/ops/incidents/${i.id}/`;
const channel: FeedChannel = {
  title: 'Reference Corp: incidents',
  link: 'https://ops.example.org/ops/incidents/',
  selfLink: 'https://ops.example.org/ops/incidents.xml',
  description: 'The latest incidents',
  lastBuildDateMs: asOfMs,
};

describe('XML text', () => {
  it('escapes the five special characters and drops characters XML cannot carry', () => {
    expect(escapeXml(`Q&A <ops> "x" 'y'\u0007\u0000\ud800 ok`)).toBe('Q&amp;A &lt;ops&gt; &quot;x&quot; &apos;y&apos; ok');
    expect(escapeXml('tab\tnew\nline 😀')).toBe('tab\tnew\nline 😀');
  });

  it('writes RFC 822 dates in GMT', () => {
    expect(rfc822Date(asOfMs)).toBe('Tue, 24 Nov 2026 12:00:00 GMT');
    expect(rfc822Date(ms('2026-03-01T01:02:03+01:00'))).toBe('Sun, 01 Mar 2026 00:02:03 GMT');
  });

  it('the test parser rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a>x & y</a>')).toThrow(/bare "&"/);
    expect(() => parseXml('<a b=1/>')).toThrow(/not quoted/);
    expect(() => parseXml('<a b="1" b="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<a/><b/>')).toThrow(/after the root/);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/bare "&"/);
    expect(() => parseXml('<a b="<"/>')).toThrow(/"<" in the value/);
    expect(parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="&amp;">1 &lt; 2<![CDATA[&]]></a>\n')).toMatchObject({ name: 'a', attributes: { x: '&' }, text: '1 < 2&' });
  });
});

describe('absolute URLs', () => {
  it('join baseUrl, base and path with one slash each', () => {
    expect(absoluteUrl('incidents.xml', { baseUrl: 'https://ops.example.org/', base: '/ops/' })).toBe('https://ops.example.org/ops/incidents.xml');
    expect(absoluteUrl('/incidents/', { baseUrl: 'https://ops.example.org', base: '/ops' })).toBe('https://ops.example.org/ops/incidents/');
    expect(absoluteUrl('', { baseUrl: 'https://example.org/', base: '/' })).toBe('https://example.org/');
  });
});

describe('incident feed', () => {
  const incidents = [
    incident('INC-2026-0002', '2026-10-01T10:00:00Z'),
    incident('INC-2026-0001', '2026-10-01T10:00:00Z'),
    incident('INC-2026-0003', '2026-11-24T11:00:00Z', { status: 'open', restored: undefined, acknowledged: undefined, applications: ['pricing', 'settle'], severity: 'SEV1' }),
    incident('INC-2026-0004', '2026-09-30T23:00:00Z', { title: 'Prices <b>stale</b> & "wrong"' }),
  ];

  it('lists newest first by impact start, ties by id, with title, status, applications and duration', () => {
    const items = incidentFeedItems(incidents, apps, asOfMs, link);
    expect(items.map((i) => i.title)).toEqual([
      'INC-2026-0003 [SEV1, open] Incident INC-2026-0003',
      'INC-2026-0001 [SEV2, resolved] Incident INC-2026-0001',
      'INC-2026-0002 [SEV2, resolved] Incident INC-2026-0002',
      'INC-2026-0004 [SEV2, resolved] Prices <b>stale</b> & "wrong"',
    ]);
    expect(items[0]).toEqual({
      title: 'INC-2026-0003 [SEV1, open] Incident INC-2026-0003',
      link: 'https://ops.example.org/ops/incidents/INC-2026-0003/',
      description: 'Status: open. Applications: FX pricing, Settlement. Duration: 1 h 0 min so far.',
      pubDateMs: ms('2026-11-24T11:00:00Z'),
      categories: ['pricing', 'settle'],
    });
    expect(items[1]?.description).toBe('Status: resolved. Applications: FX pricing. Duration: 1 h 30 min.');
  });

  it('keeps only the latest 200', () => {
    const many = Array.from({ length: 250 }, (_, n) => incident(`INC-2026-${String(n + 1).padStart(4, '0')}`, new Date(ms('2026-01-01T00:00:00Z') + n * 3_600_000).toISOString()));
    const items = incidentFeedItems(many, apps, asOfMs, link);
    expect(items).toHaveLength(200);
    expect(items[0]?.title.slice(0, 13)).toBe('INC-2026-0250');
    expect(items[199]?.title.slice(0, 13)).toBe('INC-2026-0051');
  });

  it('is well-formed RSS 2.0 with escaped text, permalink guids, RFC 822 dates and a category per application', () => {
    const xml = rssDocument(channel, incidentFeedItems(incidents, apps, asOfMs, link));
    const rss = parseXml(xml);
    expect(rss.name).toBe('rss');
    expect(rss.attributes.version).toBe('2.0');
    const feed = childNamed(rss, 'channel');
    expect(childNamed(feed, 'lastBuildDate').text).toBe('Tue, 24 Nov 2026 12:00:00 GMT');
    expect(childNamed(feed, 'atom:link').attributes).toEqual({ href: 'https://ops.example.org/ops/incidents.xml', rel: 'self', type: 'application/rss+xml' });
    const items = elementsNamed(feed, 'item');
    expect(items).toHaveLength(4);
    const first = items[0]!;
    expect(childNamed(first, 'guid').attributes.isPermaLink).toBe('true');
    expect(childNamed(first, 'guid').text).toBe(childNamed(first, 'link').text);
    expect(childNamed(first, 'pubDate').text).toBe('Tue, 24 Nov 2026 11:00:00 GMT');
    expect(elementsNamed(first, 'category').map((c) => c.text)).toEqual(['pricing', 'settle']);
    expect(childNamed(items[3]!, 'title').text).toBe('INC-2026-0004 [SEV2, resolved] Prices <b>stale</b> & "wrong"');
    expect(xml).toContain('<title>INC-2026-0004 [SEV2, resolved] Prices &lt;b&gt;stale&lt;/b&gt; &amp; &quot;wrong&quot;</title>');
  });

  it('is an empty channel without incidents', () => {
    const feed = childNamed(parseXml(rssDocument(channel, [])), 'channel');
    expect(elementsNamed(feed, 'item')).toEqual([]);
  });
});

describe('availability badge', () => {
  it('reads the truncated month-to-date figure, target and status', () => {
    const badge = applicationBadge({ name: 'FX pricing', target: 99.9 }, { availability: 0.99959, status: 'green' });
    expect(badge).toEqual({
      label: 'FX pricing',
      value: '99.95 %',
      status: 'green',
      title: 'FX pricing availability month to date: 99.95 % (target 99.9 %), green',
    });
  });

  it('says n/a when the month has no scheduled time', () => {
    expect(applicationBadge({ name: 'Settlement', target: 99.5 }, { availability: null, status: 'none' }).title).toBe(
      'Settlement availability month to date: n/a (target 99.5 %), none',
    );
  });

  it.each(['red', 'amber', 'green', 'none'] as const)('is a titled, well-formed image coloured %s', (status) => {
    const svg = badgeSvg(applicationBadge({ name: 'R&D <tools>', target: 99 }, { availability: 0.98, status }));
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attributes.role).toBe('img');
    expect(root.attributes['aria-label']).toBe(`R&D <tools> availability month to date: 98.00 % (target 99 %), ${status}`);
    expect(childNamed(root, 'title').text).toBe(root.attributes['aria-label']);
    expect(elementsNamed(root, 'rect').map((r) => r.attributes.fill)).toContain(badgeColours[status]);
    expect(elementsNamed(root, 'text').map((t) => t.text)).toEqual(['R&D <tools>', 'R&D <tools>', '98.00 %', '98.00 %']);
  });

  it('grows with its text', () => {
    const width = (name: string) => Number(parseXml(badgeSvg(applicationBadge({ name, target: 99 }, { availability: 1, status: 'green' }))).attributes.width);
    expect(width('A much longer application name')).toBeGreaterThan(width('FX'));
  });
});

describe('sitemap', () => {
  it('lists the pages Astro built, sorted by path', () => {
    expect(sitemapPaths(['reports/2026-03/', '', 'incidents/'])).toEqual(['', 'incidents/', 'reports/2026-03/']);
  });

  it('is a well-formed urlset of absolute URLs without lastmod', () => {
    const urls = ['', 'incidents/'].map((p) => absoluteUrl(p, { baseUrl: 'https://ops.example.org/', base: '/ops/' }));
    const root = parseXml(sitemapXml(urls));
    expect(root.name).toBe('urlset');
    expect(root.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(elementsNamed(root, 'loc').map((l) => l.text)).toEqual(['https://ops.example.org/ops/', 'https://ops.example.org/ops/incidents/']);
    expect(elementsNamed(root, 'lastmod')).toEqual([]);
  });
});

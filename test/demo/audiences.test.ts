// The two audiences of one set of records, on the generated demo: the public build is a status page that holds
// none of the internal strings of the records (searched in every file, decoded), and the internal build tells
// every crawler to stay away.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRepository, type Repository } from '../../src/load/repository.ts';
import { buildSite, projectRoot } from '../helpers/build-site.ts';
import { distFiles } from '../helpers/dist-files.ts';
import { findLeaks, internalStrings, pngTextChunks, type InternalStrings } from '../helpers/leaks.ts';
import { escapeHtmlText } from '../../src/site/xml.ts';
import { demoOutDir, demoRoot } from './global-setup.ts';

const publicOut = path.join(projectRoot, 'test-output/demo-public');
let repository: Repository;
let internal: InternalStrings;
let buildOutput = '';

beforeAll(() => {
  const result = buildSite({ root: demoRoot, outDir: publicOut, env: { OPSLEDGER_AUDIENCE: 'public' } });
  buildOutput = result.output;
  if (result.status !== 0) throw new Error(`public build failed:\n${result.output.slice(-4000)}`);
  repository = loadRepository(demoRoot).repository;
  internal = internalStrings(repository);
});

describe('the public audience', () => {
  it('says which audience it builds in its first log line', () => {
    const first = buildOutput.split('\n').find((line) => line.trim() !== '');
    expect(first).toMatch(/audience: public/);
  });

  it('has a large and varied set of internal strings to look for', () => {
    const fields = [...internal.keys()];
    const count = fields.reduce((sum, field) => sum + (internal.get(field)?.size ?? 0), 0);
    expect(count).toBeGreaterThan(2000);
    for (const field of [
      'teams.phone', 'teams.escalation.name', 'teams.escalation.phone', 'teams.email', 'customers.name', 'customers.windows.hours', 'customers.contacts.email',
      'skills.person', 'time.person', 'changes.owner', 'changes.approvals.by', 'postmortems.authors', 'problems.rootCause', 'problems.actions.owner',
      'incidents.title', 'incidents.updates.text', 'incidents.body', 'changes.body', 'alerts.rule', 'site.baseUrl', 'applications.name',
    ]) {
      expect(internal.get(field)?.size ?? 0, field).toBeGreaterThan(0);
    }
  });

  it('publishes none of them, in any file', () => {
    expect(findLeaks(publicOut, internal)).toEqual([]);
  });

  it('holds only status pages, feeds and the search bundle', () => {
    const publicIds = new Set(repository.site.public?.applications.map((entry) => entry.id));
    const publicIncidents = new Set(repository.incidents.filter((incident) => incident.public).map((incident) => incident.id));
    const unexpected = distFiles(publicOut).filter((file) => {
      const incident = /^incidents\/([^/]+)\/index\.html$/.exec(file);
      if (incident) return !publicIncidents.has(incident[1] as string);
      const badge = /^badges\/([^/]+)\.svg$/.exec(file);
      if (badge) return !publicIds.has(badge[1] as string);
      return !/^(index\.html|history\/(\d{4}\/)?index\.html|maintenance\/index\.html|search\/index\.html|incidents\.xml|maintenance\.ics|api\/v1\/status\.json|robots\.txt|sitemap\.xml|favicon\.svg|_astro\/[^/]+\.css|pagefind\/.+)$/.test(file);
    });
    expect(unexpected).toEqual([]);
    expect(distFiles(publicOut).filter((file) => file.startsWith('incidents/')).length).toBe(publicIncidents.size);
  });

  it('shows each public application with the month figure and verdict of the internal report', () => {
    const summary = JSON.parse(readFileSync(path.join(publicOut, 'api/v1/status.json'), 'utf8')) as {
      components: { id: string; name: string; status: string }[];
      incidents: { name: string; status: string }[];
      scheduled_maintenances: { name: string; status: string }[];
      status: { indicator: string };
    };
    const names = repository.site.public?.applications ?? [];
    expect(summary.components.map((c) => [c.id, c.name])).toEqual(names.map((entry) => [entry.id, entry.name]));
    // The demo's open SEV2 on market data has no public text: it is announced, degraded, and nothing more.
    expect(summary.components.find((c) => c.id === 'market-data')?.status).toBe('degraded_performance');
    expect(summary.incidents.map((i) => i.name)).toContain('We are investigating an issue');
    expect(summary.status.indicator).toBe('minor');
    expect(summary.scheduled_maintenances.length).toBeGreaterThan(0);

    const month = JSON.parse(readFileSync(path.join(demoOutDir, 'api/v1/availability/2026-11.json'), 'utf8')) as { applications: { id: string; availability: number; status: string }[] };
    const home = readFileSync(path.join(publicOut, 'index.html'), 'utf8');
    for (const entry of names) {
      const row = month.applications.find((r) => r.id === entry.id);
      expect(row).toBeDefined();
      const verdict = { red: 'below target', amber: 'on target, most of the error budget used', green: 'on target', none: 'not scheduled' }[row!.status as 'red'];
      const shown = `${(Math.trunc(row!.availability * 10000 + 1e-9) / 100).toFixed(2)} %`;
      expect(home, entry.id).toContain(`November 2026 so far: ${shown} against a target of`);
      expect(home, entry.id).toContain(`(${verdict})`);
    }
  });

  it('lets crawlers in and lists its pages under its own address', () => {
    expect(readFileSync(path.join(publicOut, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://status.northwind.example/sitemap.xml\n');
    const sitemap = readFileSync(path.join(publicOut, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://status.northwind.example/history/</loc>');
    expect(sitemap).not.toContain('ops.northwind.example');
  });
});

describe('the leak test itself', () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(path.join(os.tmpdir(), 'opsledger-leak-'));
    cpSync(publicOut, copy, { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('fails when a page shows the internal title instead of the public one', () => {
    const incident = repository.incidents.find((i) => i.public !== undefined && i.title.includes(' '))!;
    const file = path.join(copy, 'incidents', incident.id, 'index.html');
    const html = readFileSync(file, 'utf8');
    const publicTitle = escapeHtmlText(incident.public!.title);
    expect(html).toContain(`<h1>${publicTitle}</h1>`);
    writeFileSync(file, html.replace(`<h1>${publicTitle}</h1>`, `<h1>${escapeHtmlText(incident.title)}</h1>`));
    expect(findLeaks(copy, internal)).toEqual([{ file: `incidents/${incident.id}/index.html`, field: 'incidents.title', text: incident.title }]);
    writeFileSync(file, html);
  });

  it('finds an escalation phone inside a compressed search fragment', () => {
    const phone = repository.teams[0]!.escalation[0]!.phone!;
    const fragment = distFiles(copy).find((f) => f.endsWith('.pf_fragment'))!;
    writeFileSync(path.join(copy, fragment), gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url: '/x/', content: `Call ${phone}` })}`)));
    expect(findLeaks(copy, internal)).toContainEqual({ file: fragment, field: 'teams.escalation.phone', text: phone });
  });

  it('reads the text chunks of an image', () => {
    const person = [...internal.get('skills.person')!][0]!;
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, data, Buffer.alloc(4)]);
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('zTXt', Buffer.concat([Buffer.from('Author\0\0', 'latin1'), deflateSync(Buffer.from(person, 'latin1'))])),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    expect(pngTextChunks(png)).toEqual([`Author ${person}`]);
    writeFileSync(path.join(copy, 'favicon.png'), png);
    expect(findLeaks(copy, internal)).toContainEqual({ file: 'favicon.png', field: 'skills.person', text: person });
  });
});

describe('the internal audience', () => {
  it('disallows every crawler and marks every page noindex, keeping its sitemap', () => {
    expect(readFileSync(path.join(demoOutDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
    const pages = distFiles(demoOutDir).filter((file) => file.endsWith('index.html'));
    expect(pages.length).toBeGreaterThan(300);
    const missing = pages.filter((file) => !readFileSync(path.join(demoOutDir, file), 'utf8').includes('<meta name="robots" content="noindex, nofollow">'));
    expect(missing).toEqual([]);
    expect(readFileSync(path.join(demoOutDir, 'sitemap.xml'), 'utf8')).toContain('/escalation/</loc>');
  });
});

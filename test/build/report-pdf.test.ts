// The printed report published beside its page, on a site under a sub-path: the hand-calculated corpus built with
// `base: /ops/` and OPSLEDGER_REPORT_PDF naming one month. Only that month's report page links report.pdf;
// `npm run pdf` then writes the file the link names, whose own links point at the published site; the e-mail's
// URLs carry the sub-path too. A month the site has no report for stops the build with a clear message.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { extractLinks, extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site.ts';
import { runScript } from '../cli/run.ts';

const origin = 'https://ops.example.org';
const base = '/ops/';
const publishedRoot = `${origin}${base}`;
const asOf = '2026-11-24T12:00:00Z';
let root = '';
let outDir = '';
let build: ReturnType<typeof buildSite>;

const page = (month: string) => readFileSync(path.join(outDir, `reports/${month}/index.html`), 'utf8');
const pdfLinks = (html: string) => [...html.matchAll(/href="([^"]*\.pdf)"/g)].map((m) => m[1]);

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'opsledger-pdf-root-'));
  cpSync(path.join(projectRoot, 'test/fixtures/availability-corpus'), root, { recursive: true });
  const site = readFileSync(path.join(root, 'data/site.yaml'), 'utf8');
  writeFileSync(path.join(root, 'data/site.yaml'), `${site.trimEnd()}\nbaseUrl: ${origin}/\nbase: ${base}\n`);
  outDir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-pdf-site-'));
  build = buildSite({ root, outDir, asOf, env: { OPSLEDGER_REPORT_PDF: '2026-03' } });
});

describe('OPSLEDGER_REPORT_PDF=2026-03', () => {
  it('builds', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  it("links report.pdf from March's report page alone, under the base path", () => {
    expect(pdfLinks(page('2026-03'))).toEqual([`${base}reports/2026-03/report.pdf`]);
    for (const month of ['2026-01', '2026-02', '2026-04', '2026-11']) expect(pdfLinks(page(month)), month).toEqual([]);
  });

  it('npm run pdf writes the file that link names, with links to the published site', async () => {
    const target = path.join(outDir, 'reports/2026-03/report.pdf');
    expect(existsSync(target)).toBe(false);
    const run = runScript('pdf.ts', ['2026-03', '--dist', outDir, '--out', target], { OPSLEDGER_ROOT: root, OPSLEDGER_AS_OF: asOf });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(existsSync(target)).toBe(true);
    const bytes = new Uint8Array(readFileSync(target));
    const { text } = await extractText(bytes.slice(), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain('Availability report, March 2026');
    const { links } = await extractLinks(bytes.slice());
    expect(links).toContain(`${publishedRoot}reports/2026-03/summary/`);
    for (const link of links) expect(link.startsWith(publishedRoot), link).toBe(true);
  });

  it("e-mails with URLs under the base path and attaches the published PDF; with no recipients in site.yaml, To is empty", async () => {
    const eml = path.join(outDir, 'march.eml');
    const run = runScript('mail.ts', ['2026-03', '--dry-run', '--dist', outDir, '--out', eml], { OPSLEDGER_ROOT: root, OPSLEDGER_AS_OF: asOf, OPSLEDGER_MAIL_FROM: 'Ops <ops@example.org>' });
    expect([run.status, run.stderr, run.lines]).toEqual([0, '', [eml]]);
    const mail = await simpleParser(readFileSync(eml));
    expect(mail.to).toBeUndefined();
    expect(mail.from?.value).toEqual([{ name: 'Ops', address: 'ops@example.org' }]);
    expect(mail.subject).toMatch(/^Availability report, March 2026: \d+\.\d\d %$/);
    expect(mail.attachments[0]!.content.equals(readFileSync(path.join(outDir, 'reports/2026-03/report.pdf')))).toBe(true);
    const urls = [...`${String(mail.html)}\n${mail.text}`.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(urls).toContain(`${publishedRoot}reports/2026-03/`);
    for (const found of urls) expect(found.startsWith(publishedRoot), found).toBe(true);
  });
});

describe('sending for a site without report.recipients', () => {
  it('sends nothing, says why in one line, and succeeds', () => {
    const run = runScript('mail.ts', ['2026-03', '--dist', outDir], { OPSLEDGER_ROOT: root, OPSLEDGER_AS_OF: asOf, OPSLEDGER_SMTP_HOST: '127.0.0.1', OPSLEDGER_MAIL_FROM: 'ops@example.org' });
    expect([run.status, run.stderr, run.lines]).toEqual([0, '', ['Not sent: data/site.yaml lists no report.recipients for the 2026-03 report.']]);
  });
});

describe('OPSLEDGER_REPORT_PDF naming a month without a report', () => {
  it('stops the build and says which months have one', () => {
    const failed = buildSite({ root, outDir: mkdtempSync(path.join(os.tmpdir(), 'opsledger-pdf-bad-')), asOf, env: { OPSLEDGER_REPORT_PDF: '2026-03,2031-01' } });
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('OPSLEDGER_REPORT_PDF="2026-03,2031-01": "2031-01" is not a report month (YYYY-MM; reports run from 2026-01 to 2026-11)');
  });
});

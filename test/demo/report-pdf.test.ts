// npm run pdf over the demo site (test-output/demo/): an A4 PDF of the monthly report whose text holds the month's
// portfolio availability and every application, with the running header and page numbers, links to the published
// site and the chart as vector drawing; the executive summary on one page; clear errors for what cannot be printed.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { extractLinks, extractText, getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRepository, loadSiteConfig } from '../../src/load/repository.ts';
import { availabilityText } from '../../src/site/views/report.ts';
import { defaultAsOf, projectRoot } from '../helpers/build-site.ts';
import { runScript } from '../cli/run.ts';
import { demoOutDir, demoRoot } from './global-setup.ts';

const outDir = path.join(projectRoot, 'test-output/pdf');
const site = loadSiteConfig(demoRoot);
const publishedRoot = new URL(site.base, site.baseUrl).href;
const env = { OPSLEDGER_ROOT: demoRoot, OPSLEDGER_AS_OF: defaultAsOf };
const portfolio = (month: string) =>
  availabilityText((JSON.parse(readFileSync(path.join(demoOutDir, `api/v1/availability/${month}.json`), 'utf8')) as { portfolio: { availability: number | null } }).portfolio.availability);
/** Text as a reader sees it: the PDF's text runs joined, whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

interface Printed {
  pages: string[];
  links: string[];
  pageSizesPt: Array<[number, number]>;
  imagesOnFirstPage: number;
}

async function printed(file: string): Promise<Printed> {
  const bytes = new Uint8Array(readFileSync(file));
  const document = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(document, { mergePages: false });
  const { links } = await extractLinks(await getDocumentProxy(bytes.slice()));
  const pageSizesPt: Array<[number, number]> = [];
  for (let n = 1; n <= document.numPages; n++) {
    const viewport = (await document.getPage(n)).getViewport({ scale: 1 });
    pageSizesPt.push([Math.round(viewport.width), Math.round(viewport.height)]);
  }
  const { OPS } = await getResolvedPDFJS();
  const operators = await (await document.getPage(1)).getOperatorList();
  const imagesOnFirstPage = operators.fnArray.filter((fn: number) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject).length;
  return { pages: text.map(flat), links, pageSizesPt, imagesOnFirstPage };
}

let report: Printed;
let summary: Printed;
let reportRun: ReturnType<typeof runScript>;

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  reportRun = runScript('pdf.ts', ['2026-10', '--dist', demoOutDir, '--out', path.join(outDir, 'report-2026-10.pdf')], env);
  expect(reportRun.stderr).toBe('');
  expect(reportRun.status).toBe(0);
  report = await printed(path.join(outDir, 'report-2026-10.pdf'));
  const summaryRun = runScript('pdf.ts', ['2026-10', '--summary', `--dist=${demoOutDir}`, `--out=${path.join(outDir, 'summary-2026-10.pdf')}`], env);
  expect(summaryRun.status).toBe(0);
  summary = await printed(path.join(outDir, 'summary-2026-10.pdf'));
});

describe('npm run pdf -- 2026-10', () => {
  it('prints the same bytes again, dated at the as-of instant rather than the clock', () => {
    const again = path.join(outDir, 'report-2026-10-again.pdf');
    expect(runScript('pdf.ts', ['2026-10', '--dist', demoOutDir, '--out', again], env).status).toBe(0);
    const first = readFileSync(path.join(outDir, 'report-2026-10.pdf'));
    expect(readFileSync(again).equals(first)).toBe(true);
    const stamp = defaultAsOf.replace(/[-:TZ]/g, '').slice(0, 14);
    expect(first.toString('latin1')).toContain(`/CreationDate (D:${stamp}+00'00')`);
    expect(first.toString('latin1')).toContain(`/ModDate (D:${stamp}+00'00')`);
  });

  it('says where the PDF went, its size and how long it took', () => {
    expect(reportRun.lines).toHaveLength(1);
    expect(reportRun.lines[0]).toMatch(new RegExp(`^${path.join(outDir, 'report-2026-10.pdf').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  \\d+ KiB  \\d+\\.\\d s$`));
  });

  it('prints the month on A4 pages, several of them', () => {
    expect(report.pages.length).toBeGreaterThan(1);
    for (const size of report.pageSizesPt) expect(size).toEqual([596, 843]);
  });

  it("holds the month's portfolio availability and every application's name", () => {
    const text = report.pages.join(' ');
    expect(portfolio('2026-10')).toBe('99.97 %');
    expect(text).toContain(`Portfolio availability ${portfolio('2026-10')}`);
    for (const application of loadRepository(demoRoot).repository.applications) expect(text).toContain(application.name);
  });

  it('carries the site title and month at the top of every page and "Page n of N" at the foot', () => {
    report.pages.forEach((page, i) => {
      expect(page).toContain(site.title);
      expect(page).toContain('Availability report, October 2026');
      expect(page).toContain(`Page ${i + 1} of ${report.pages.length}`);
    });
  });

  it('keeps the links, pointing at the published site', () => {
    expect(report.links).toContain(`${publishedRoot}incidents/INC-2026-0090/`);
    expect(report.links).toContain(`${publishedRoot}reports/2026-10/summary/`);
    for (const link of report.links) expect(link.startsWith(publishedRoot), link).toBe(true);
  });

  it('draws the chart as vectors: its axis title is text and the first page paints no image', () => {
    expect(report.pages[0]).toContain('availability %');
    expect(report.imagesOnFirstPage).toBe(0);
  });
});

describe('npm run pdf -- 2026-10 --summary', () => {
  it('prints the executive summary on one page', () => {
    expect(summary.pages).toHaveLength(1);
    expect(summary.pages[0]).toContain('Executive summary, October 2026');
    expect(summary.pages[0]).toContain(`October 2026: ${portfolio('2026-10')} available`);
    expect(summary.pages[0]).toContain('Page 1 of 1');
  });
});

describe('what cannot be printed', () => {
  it('names the missing page when the site was not built there', () => {
    const run = runScript('pdf.ts', ['2026-10', '--dist', path.join(outDir, 'nowhere'), '--out', path.join(outDir, 'never.pdf')], env);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `${path.join(outDir, 'nowhere', 'reports/2026-10/index.html')} does not exist: build the site first (npm run build), or point --dist at the built site; reports exist for the months from the first record to the as-of month`,
    );
  });

  it('refuses a month that is not YYYY-MM, and a missing one, with the usage', () => {
    const wrong = runScript('pdf.ts', ['2026-13'], env);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.split('\n')[0]).toBe('"2026-13" is not a month as YYYY-MM');
    const none = runScript('pdf.ts', [], env);
    expect(none.status).toBe(2);
    expect(none.stderr.trim()).toBe('usage: npm run pdf -- <YYYY-MM> [--summary] [--out file.pdf] [--dist folder]   (the built site, default dist/)');
  });
});

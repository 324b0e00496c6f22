// npm run pdf -- <YYYY-MM> [--summary] [--out file.pdf] [--dist folder]: prints the built monthly report (or its
// executive summary) to an A4 PDF with chromium, and says where it went, how large it is and how long it took.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asOfFromEnvironment } from '../site/as-of.ts';
import { exitUnlessInternal } from '../site/audience.ts';
import { printReportPdf, ReportPdfError } from '../browser/report-pdf.ts';
import { monthArguments, UsageError } from './month-arguments.ts';
import { loadSiteConfig, resolveRoot } from '../load/repository.ts';

const usage = 'usage: npm run pdf -- <YYYY-MM> [--summary] [--out file.pdf] [--dist folder]   (the built site, default dist/)';

interface PdfArguments {
  month: string;
  summary: boolean;
  out: string;
  dist: string;
}

/** Reads the command line; `--out` defaults to report-YYYY-MM.pdf (summary-YYYY-MM.pdf with --summary). */
function pdfArguments(args: readonly string[]): PdfArguments {
  const { month, flags, options } = monthArguments(args, ['summary'], ['out', 'dist'], usage);
  return { month, summary: flags.summary, out: options.out ?? `${flags.summary ? 'summary' : 'report'}-${month}.pdf`, dist: options.dist ?? 'dist' };
}

async function main(args: readonly string[]): Promise<void> {
  const options = pdfArguments(args);
  const site = loadSiteConfig(resolveRoot());
  const startedMs = performance.now();
  const pdf = await printReportPdf({ distDir: options.dist, month: options.month, summary: options.summary, site, asOfMs: asOfFromEnvironment() });
  mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  writeFileSync(options.out, pdf);
  const seconds = (performance.now() - startedMs) / 1000;
  const kib = statSync(options.out).size / 1024;
  console.log(`${options.out}  ${kib.toFixed(0)} KiB  ${seconds.toFixed(1)} s`);
}


// The report, its PDF and its figures are the internal audience's; a public job gets a refusal, not them.
exitUnlessInternal('pdf');

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError) && !(error instanceof ReportPdfError)) throw error;
  console.error(error.message);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}

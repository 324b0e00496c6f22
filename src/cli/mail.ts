// npm run mail -- <YYYY-MM> [--dry-run] [--out file.eml] [--dist folder] [--pdf file]: the month's executive
// summary from the built site (summary.email.html as the HTML part, summary.txt as the plain-text part) with the
// printed report attached, to data/site.yaml `report.recipients` through the SMTP server in OPSLEDGER_SMTP_*.
// --dry-run writes the exact message to a .eml file instead and prints its path.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asOfFromEnvironment } from '../site/as-of.ts';
import { exitUnlessInternal } from '../site/audience.ts';
import { createTransport } from 'nodemailer';
import { printReportPdf, ReportPdfError } from '../browser/report-pdf.ts';
import { monthArguments, UsageError } from './month-arguments.ts';
import { formatDiagnostic, ValidationError } from '../load/diagnostics.ts';
import { reportMessageBytes } from '../mail/report-message.ts';
import { reportMonths } from '../site/model.ts';
import { reportPdfPath } from '../site/views/report-pdf.ts';
import { monthSummary, summaryEmailDocument, summaryEmailSubject } from '../site/views/summary.ts';
import { buildContext } from '../site/repository-cache.ts';
import { validationErrorsText } from '../load/words.ts';


const usage = 'usage: npm run mail -- <YYYY-MM> [--dry-run] [--out file.eml] [--dist folder] [--pdf file]';

interface MailArguments {
  month: string;
  dryRun: boolean;
  out: string;
  dist: string;
  pdf: string | undefined;
}

function mailArguments(args: readonly string[]): MailArguments {
  const { month, flags, options } = monthArguments(args, ['dry-run'], ['out', 'dist', 'pdf'], usage);
  const dryRun = flags['dry-run'];
  if (options.out !== undefined && !dryRun) throw new UsageError(`--out names the .eml file of a dry run: add --dry-run\n${usage}`);
  return { month, dryRun, out: options.out ?? `report-${month}.eml`, dist: options.dist ?? 'dist', pdf: options.pdf };
}

/** The SMTP settings from the environment (the workflow fills them from repository secrets). */
function smtpSettings(env: NodeJS.ProcessEnv) {
  const host = env.OPSLEDGER_SMTP_HOST?.trim() || undefined;
  const portText = env.OPSLEDGER_SMTP_PORT?.trim() || '587';
  const port = Number(portText);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`OPSLEDGER_SMTP_PORT="${portText}" is not a port number`);
  const user = env.OPSLEDGER_SMTP_USER?.trim() || undefined;
  const password = env.OPSLEDGER_SMTP_PASSWORD ?? '';
  const from = env.OPSLEDGER_MAIL_FROM?.trim() || undefined;
  return { host, port, user, password, from };
}

function readBuilt(dist: string, sitePath: string): string {
  const file = path.join(dist, sitePath);
  if (!existsSync(file)) throw new UsageError(`${file} does not exist: build the site first (npm run build), or point --dist at the built site`);
  return readFileSync(file, 'utf8');
}

async function main(args: readonly string[]): Promise<void> {
  const options = mailArguments(args);
  const smtp = smtpSettings(process.env);
  if (!options.dryRun && smtp.host === undefined) {
    console.log(`Not sent: OPSLEDGER_SMTP_HOST is not set, so there is no mail server to send the ${options.month} report through.`);
    return;
  }
  const ctx = buildContext();
  const repo = ctx.repository;
  const recipients = repo.site.report?.recipients ?? [];
  const from = smtp.from ?? (options.dryRun ? { name: repo.site.title, address: `reports@${new URL(repo.site.baseUrl).hostname}` } : undefined);
  if (!options.dryRun) {
    if (recipients.length === 0) {
      console.log(`Not sent: data/site.yaml lists no report.recipients for the ${options.month} report.`);
      return;
    }
    if (from === undefined) throw new UsageError('OPSLEDGER_MAIL_FROM is not set: the sender address of the report, e.g. "Ops reports <ops-reports@example.org>"');
  }
  const months = reportMonths(ctx);
  if (!months.includes(options.month)) throw new UsageError(`${options.month} has no report: reports run from ${months[0]} to ${months.at(-1)}`);
  const summary = monthSummary(ctx, options.month);
  const subject = summaryEmailSubject(summary);

  const fragment = readBuilt(options.dist, `reports/${options.month}/summary.email.html`);
  const text = readBuilt(options.dist, `reports/${options.month}/summary.txt`);
  // The body comes from the built site and the subject from the records: they must be the same figures.
  if (!fragment.includes(summary.portfolioText)) {
    throw new UsageError(`${options.dist} does not show ${summary.portfolioText} for ${options.month}, as the records do: build the site again from these records (same OPSLEDGER_ROOT and OPSLEDGER_AS_OF)`);
  }

  const published = path.join(options.dist, reportPdfPath(options.month));
  const pdfFile = options.pdf ?? (existsSync(published) ? published : undefined);
  if (options.pdf !== undefined && !existsSync(options.pdf)) throw new UsageError(`--pdf ${options.pdf} does not exist`);
  const pdf = pdfFile !== undefined ? readFileSync(pdfFile) : await printReportPdf({ distDir: options.dist, month: options.month, summary: false, site: repo.site, asOfMs: asOfFromEnvironment() });


  const bytes = await reportMessageBytes({
    from: from!,
    to: recipients,
    subject,
    html: summaryEmailDocument(fragment, subject),
    text,
    pdf,
    pdfFileName: `availability-report-${options.month}.pdf`,
    date: new Date(),
  });

  if (options.dryRun) {
    mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    writeFileSync(options.out, bytes);
    console.log(options.out);
    return;
  }
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    requireTLS: smtp.port !== 465 && smtp.port !== 25,
    ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: smtp.password } }),
  });
  const sent = await transport.sendMail({ envelope: { from: smtp.from!, to: [...recipients] }, raw: bytes });
  console.log(`Sent "${subject}" to ${sent.accepted.length} of ${recipients.length} recipients through ${smtp.host}:${smtp.port}`);
  if (sent.rejected.length > 0) {
    console.error(`Refused by the server: ${sent.rejected.join(', ')}`);
    process.exitCode = 1;
  }
}


// The report, its PDF and its figures are the internal audience's; a public job gets a refusal, not them.
exitUnlessInternal('mail');

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ValidationError) {
    for (const d of error.diagnostics) console.error(formatDiagnostic(d));
    console.error(`✖ ${validationErrorsText(error.diagnostics.length)}: nothing was sent`);
    process.exitCode = 1;
  } else if (error instanceof UsageError || error instanceof ReportPdfError) {
    console.error(error.message);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } else throw error;
}

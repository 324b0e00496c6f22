// npm run mail -- 2026-10 --dry-run over the demo site (test-output/demo/): the written .eml parsed back with
// mailparser. One message: multipart/alternative with the summary's plain-text and HTML twins, the printed report
// attached, the subject computed from the month's figures, every absolute URL pointing into the published site,
// and HTML that holds up in mail clients (inline styles, table layout, no script, ≤ 640 px, colours that read
// on light and on inverted dark backgrounds). Without SMTP settings, sending does nothing and says so.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/load/repository.ts';
import { availabilityText } from '../../src/site/views/report.ts';
import { defaultAsOf, projectRoot } from '../helpers/build-site.ts';
import { attribute, startTags, type StartTag } from '../helpers/html.ts';
import { runScript } from '../cli/run.ts';
import { demoOutDir, demoRoot } from './global-setup.ts';

const outDir = path.join(projectRoot, 'test-output/mail');
const emlFile = path.join(outDir, 'report-2026-10.eml');
const site = loadSiteConfig(demoRoot);
const publishedRoot = new URL(site.base, site.baseUrl).href;
const env = { OPSLEDGER_ROOT: demoRoot, OPSLEDGER_AS_OF: defaultAsOf, OPSLEDGER_SMTP_HOST: '', OPSLEDGER_MAIL_FROM: '' };
const portfolioOctober = availabilityText(
  (JSON.parse(readFileSync(path.join(demoOutDir, 'api/v1/availability/2026-10.json'), 'utf8')) as { portfolio: { availability: number | null } }).portfolio.availability,
);

let run: ReturnType<typeof runScript>;
let raw = '';
let mail: ParsedMail;
let html = '';

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  run = runScript('mail.ts', ['2026-10', '--dry-run', '--dist', demoOutDir, '--out', emlFile], env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  raw = readFileSync(emlFile, 'latin1');
  mail = await simpleParser(readFileSync(emlFile));
  html = typeof mail.html === 'string' ? mail.html : '';
});

describe('npm run mail -- 2026-10 --dry-run', () => {
  it('prints the path of the .eml it wrote, and nothing else', () => {
    expect(run.lines).toEqual([emlFile]);
  });

  it("is addressed to report.recipients in site.yaml, with the month's availability in the subject", () => {
    expect(portfolioOctober).toBe('99.97 %');
    expect(mail.subject).toBe(`Availability report, October 2026: ${portfolioOctober}`);
    expect(mail.subject).toBe('Availability report, October 2026: 99.97 %');
    const to = mail.to as AddressObject;
    expect(to.value.map((a) => a.address)).toEqual(site.report?.recipients);
    expect(site.report?.recipients.length).toBeGreaterThan(0);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('is multipart/mixed: a multipart/alternative of plain text then HTML, and the PDF', () => {
    const top = /^Content-Type: multipart\/mixed;\s+boundary="([^"]+)"/im.exec(raw);
    const alternative = /^Content-Type: multipart\/alternative;\s+boundary="([^"]+)"/im.exec(raw);
    expect(top).not.toBeNull();
    expect(alternative).not.toBeNull();
    const inAlternative = raw.split(`--${alternative![1]}`).slice(1, -1);
    expect(inAlternative.map((part) => /Content-Type: ([^;\r\n]+)/i.exec(part)?.[1])).toEqual(['text/plain', 'text/html']);
    const inMixed = raw.split(`--${top![1]}`).slice(1, -1);
    expect(inMixed.map((part) => /Content-Type: ([^;\r\n]+)/i.exec(part)?.[1])).toEqual(['multipart/alternative', 'application/pdf']);
  });

  it("carries the built summary.txt as the plain-text part and summary.email.html inside the HTML part", () => {
    const built = (file: string) => readFileSync(path.join(demoOutDir, 'reports/2026-10', file), 'utf8');
    expect(mail.text?.trim()).toBe(built('summary.txt').trim());
    expect(html).toContain(built('summary.email.html').trim());
    expect(html).toMatch(/^<!doctype html>/i);
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe('Availability report, October 2026: 99.97 %');
  });

  it('attaches the printed report of the month', async () => {
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.contentDisposition])).toEqual([['availability-report-2026-10.pdf', 'application/pdf', 'attachment']]);
    const pdf = mail.attachments[0]!.content;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain(`Portfolio availability ${portfolioOctober}`);
  });

  it('has no absolute URL that does not start with baseUrl + base', () => {
    const urls = [...`${html}\n${mail.text ?? ''}`.matchAll(/\b(?:https?:)?\/\/[^\s"'<>)]+/gi)].map((m) => m[0]);
    expect(urls).toContain(`${publishedRoot}reports/2026-10/`);
    for (const found of urls) expect(found.startsWith(publishedRoot), found).toBe(true);
  });
});

// --- the HTML part against mail clients' constraints ---------------------------------------------------------

interface Element {
  tag: StartTag;
  parent: Element | undefined;
  text: string;
}

const voidElements = new Set(['meta', 'br', 'img', 'hr', 'link', 'input']);

/** The elements of the HTML part with their parents and own text; the part is this project's output, so simple nesting holds. */
function elementsOf(source: string): Element[] {
  const tags = startTags(source);
  const elements: Element[] = [];
  const open: Element[] = [];
  let next = 0;
  for (const token of source.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|([^<]+)/g)) {
    if (token[3] !== undefined) {
      const current = open.at(-1);
      if (current) current.text += token[3];
    } else if (token[1] === '/') {
      const name = token[2]!.toLowerCase();
      while (open.length > 0 && open.pop()!.tag.name !== name);
    } else if (token[0].startsWith('<!')) {
      continue;
    } else {
      const element: Element = { tag: tags[next++]!, parent: open.at(-1), text: '' };
      elements.push(element);
      if (!voidElements.has(element.tag.name) && !token[0].endsWith('/>')) open.push(element);
    }
  }
  return elements;
}

const declarations = (element: Element) =>
  new Map(
    (attribute(element.tag, 'style') ?? '')
      .split(';')
      .map((d) => d.split(':').map((s) => s.trim().toLowerCase()))
      .filter((d) => d.length === 2 && d[0] !== '')
      .map((d) => [d[0]!, d[1]!] as const),
  );

function backgroundOf(element: Element | undefined): string | undefined {
  for (let at = element; at; at = at.parent) {
    const colour = declarations(at).get('background-color') ?? attribute(at.tag, 'bgcolor');
    if (colour !== undefined) return colour;
  }
  return undefined;
}

function colourOf(element: Element | undefined): string | undefined {
  for (let at = element; at; at = at.parent) {
    const colour = declarations(at).get('color');
    if (colour !== undefined) return colour;
  }
  return undefined;
}

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
/** What clients that force a dark theme by inverting colours (Gmail's and Outlook's apps) show instead. */
const inverted = (hex: string) => `#${(0xffffff ^ Number.parseInt(hex.slice(1), 16)).toString(16).padStart(6, '0')}`;

describe('the HTML part in mail clients', () => {
  let elements: Element[] = [];
  beforeAll(() => {
    elements = elementsOf(html);
  });

  it('has no script, no style sheet, no frame or form, no event handler and no class: styles are inline', () => {
    expect(elements.map((e) => e.tag.name).filter((n) => ['script', 'style', 'link', 'iframe', 'form', 'object', 'embed', 'svg'].includes(n))).toEqual([]);
    expect(elements.flatMap((e) => e.tag.attributes.filter((a) => a.name.startsWith('on') || a.name === 'class').map((a) => `${e.tag.name} ${a.name}`))).toEqual([]);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('lays out with tables alone', () => {
    const layout = new Set(['html', 'head', 'meta', 'title', 'body', 'table', 'tr', 'td', 'strong', 'br', 'a']);
    expect(elements.map((e) => e.tag.name).filter((n) => !layout.has(n))).toEqual([]);
    expect(elements.filter((e) => /display\s*:\s*(flex|grid)|position\s*:|float\s*:/i.test(attribute(e.tag, 'style') ?? '')).map((e) => e.tag.line)).toEqual([]);
  });

  it('styles every cell with text inline: font, size and colour', () => {
    const cells = elements.filter((e) => e.tag.name === 'td' && e.text.trim() !== '');
    expect(cells.length).toBeGreaterThan(5);
    for (const cell of cells) {
      const style = declarations(cell);
      expect([style.has('font-family'), style.has('font-size'), style.has('color')], cell.text.trim()).toEqual([true, true, true]);
    }
  });

  it('is never wider than 640 px, and its column is capped at 640 px for clients that let it grow', () => {
    for (const element of elements) {
      const width = attribute(element.tag, 'width');
      if (width !== undefined) expect(width === '100%' || Number(width) <= 640, `${element.tag.name} width=${width}`).toBe(true);
      for (const [property, value] of declarations(element)) {
        if (/(^|-)width$/.test(property) && !property.startsWith('border')) {
          expect(/^\d+(\.\d+)?px$/.test(value) ? Number.parseFloat(value) <= 640 : value === '100%', `${property}:${value}`).toBe(true);
        }
      }
    }
    const column = elements.find((e) => e.tag.name === 'table' && declarations(e).has('max-width'))!;
    expect(Number.parseFloat(declarations(column).get('max-width')!)).toBeLessThanOrEqual(640);
    expect(Number(attribute(column.tag, 'width'))).toBeLessThanOrEqual(640);
  });

  it('declares a light colour scheme and gives every coloured element an explicit background', () => {
    const meta = (name: string) => elements.find((e) => e.tag.name === 'meta' && attribute(e.tag, 'name') === name);
    expect(attribute(meta('color-scheme')!.tag, 'content')).toBe('light');
    expect(attribute(meta('supported-color-schemes')!.tag, 'content')).toBe('light');
    const body = elements.find((e) => e.tag.name === 'body')!;
    expect(backgroundOf(body)).toBeDefined();
    for (const element of elements.filter((e) => declarations(e).has('color'))) expect(backgroundOf(element), element.tag.name).toBeDefined();
  });

  it('keeps text at 4.5 : 1 and borders at 3 : 1 against their background, as sent and as a dark-mode client inverts them', () => {
    const pairs: Array<{ what: string; fg: string; bg: string; min: number }> = [];
    for (const element of elements) {
      const bg = backgroundOf(element);
      const fg = element.tag.name === 'a' ? (declarations(element).get('color') ?? colourOf(element)) : colourOf(element);
      if (element.text.trim() !== '' && fg && bg) pairs.push({ what: `${element.tag.name} "${element.text.trim().slice(0, 30)}"`, fg, bg, min: 4.5 });
      for (const [property, value] of declarations(element)) {
        const border = /^border(-\w+)?$/.test(property) ? /#[0-9a-f]{6}/i.exec(value)?.[0] : undefined;
        // The status stripe is the only border that carries meaning; cell rules are decoration.
        if (border && /^\d+px/.test(value) && Number.parseFloat(value) >= 4 && bg) pairs.push({ what: `${element.tag.name} ${property}`, fg: border, bg, min: 3 });
      }
    }
    expect(pairs.filter((p) => p.what.startsWith('a ')).length).toBe(1);
    expect(pairs.filter((p) => p.min === 3).length).toBe(1);
    for (const pair of pairs) {
      expect(contrast(pair.fg, pair.bg), `${pair.what}: ${pair.fg} on ${pair.bg}`).toBeGreaterThanOrEqual(pair.min);
      expect(contrast(inverted(pair.fg), inverted(pair.bg)), `${pair.what} inverted: ${inverted(pair.fg)} on ${inverted(pair.bg)}`).toBeGreaterThanOrEqual(pair.min);
    }
  });
});

describe('npm run mail -- 2026-10 (sending) and its errors', () => {
  it('without OPSLEDGER_SMTP_HOST sends nothing, says so in one line, and succeeds', () => {
    const sent = runScript('mail.ts', ['2026-10', '--dist', demoOutDir], env);
    expect([sent.status, sent.stderr, sent.lines]).toEqual([0, '', ['Not sent: OPSLEDGER_SMTP_HOST is not set, so there is no mail server to send the 2026-10 report through.']]);
  });

  it('with a mail server but no sender address refuses before composing anything', () => {
    const result = runScript('mail.ts', ['2026-10', '--dist', demoOutDir], { ...env, OPSLEDGER_SMTP_HOST: '127.0.0.1' });
    expect([result.status, result.stdout, result.stderr.trim()]).toEqual([2, '', 'OPSLEDGER_MAIL_FROM is not set: the sender address of the report, e.g. "Ops reports <ops-reports@example.org>"']);
  });

  it('names a PDF given with --pdf that does not exist', () => {
    const missing = path.join(outDir, 'missing.pdf');
    const result = runScript('mail.ts', ['2026-10', '--dry-run', '--dist', demoOutDir, '--pdf', missing, '--out', path.join(outDir, 'never.eml')], env);
    expect([result.status, result.stderr.trim()]).toEqual([2, `--pdf ${missing} does not exist`]);
  });

  it('refuses a month without a report', () => {
    const result = runScript('mail.ts', ['2020-01', '--dry-run', '--dist', demoOutDir, '--out', path.join(outDir, 'never.eml')], env);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^2020-01 has no report: reports run from \d{4}-\d{2} to 2026-11$/);
  });
});

describe('npm run mail -- 2026-10 (sending through SMTP)', () => {
  it('hands the message to the server over STARTTLS with the login, for every recipient, and says so', async () => {
    const received: Array<{ from: string; to: string[]; user: string | undefined; secure: boolean; data: Buffer }> = [];
    const server = new SMTPServer({
      // smtp-server's built-in self-signed certificate; the child process is told to accept it below.
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth(auth, _session, callback) {
        if (auth.username === 'reports' && auth.password === 'secret with spaces') callback(null, { user: auth.username });
        else callback(new Error('wrong login'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            secure: session.secure,
            data: Buffer.concat(chunks),
          });
          callback();
        });
      },
      logger: false,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    try {
      const result = await runScriptAsync('mail.ts', ['2026-10', '--dist', demoOutDir, '--pdf', pdfOfDryRun()], {
        ...env,
        OPSLEDGER_SMTP_HOST: '127.0.0.1',
        OPSLEDGER_SMTP_PORT: String(port),
        OPSLEDGER_SMTP_USER: 'reports',
        OPSLEDGER_SMTP_PASSWORD: 'secret with spaces',
        OPSLEDGER_MAIL_FROM: 'Northwind ops reports <ops-reports@northwind.example>',
        NODE_TLS_REJECT_UNAUTHORIZED: '0',
      });
      expect(result.stderr.replace(/^.*NODE_TLS_REJECT_UNAUTHORIZED.*\n?|^\(Use `node --trace-warnings.*\n?/gm, '')).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe(`Sent "Availability report, October 2026: 99.97 %" to 2 of 2 recipients through 127.0.0.1:${port}`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(received).toHaveLength(1);
    const [message] = received;
    expect({ from: message!.from, to: message!.to, user: message!.user, secure: message!.secure }).toEqual({
      from: 'ops-reports@northwind.example',
      to: site.report?.recipients,
      user: 'reports',
      secure: true,
    });
    const parsed = await simpleParser(message!.data);
    expect(parsed.subject).toBe('Availability report, October 2026: 99.97 %');
    expect(parsed.from?.value).toEqual([{ name: 'Northwind ops reports', address: 'ops-reports@northwind.example' }]);
    expect(parsed.text?.trim()).toBe(mail.text?.trim());
    expect(parsed.html).toBe(mail.html);
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['availability-report-2026-10.pdf']);
  });
});

/** The dry run's attachment as a file, so sending needs no second print. */
function pdfOfDryRun(): string {
  const file = path.join(outDir, 'attached.pdf');
  writeFileSync(file, mail.attachments[0]!.content);
  return file;
}

/** Like runScript, without blocking this process: the SMTP server above must answer while the command runs. */
function runScriptAsync(script: string, args: string[], childEnv: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { OPSLEDGER_ROOT: _root, ...rest } = process.env;
  const child = spawn(process.execPath, [path.join('src/cli', script), ...args], { cwd: projectRoot, env: { ...rest, NO_COLOR: '1', ...childEnv } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

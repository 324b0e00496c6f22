// opsledger <command> [options]: the one way in. Reads the command line (each command's options are declared here
// once, so --help and the usage error say the same thing), resolves the content root (--root, else
// OPSLEDGER_ROOT, else the working directory) into OPSLEDGER_ROOT for everything below, and runs the command's
// own module with the rest of the line. Exit statuses: 0 done, 1 the command ran and failed (validation errors,
// a failed build, a file it refused to overwrite), 2 the command line is wrong (unknown command or option).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `.ts` when run from the sources (this repository), `.js` when run compiled (the installed package). */
const ext = path.extname(new URL(import.meta.url).pathname);
const here = (file: string) => new URL(`${file}${ext}`, import.meta.url);

interface OptionSpec {
  /** A value follows (`--out dist` or `--out=dist`); else an on/off flag. */
  value?: string;
  description: string;
}
interface CommandSpec {
  summary: string;
  /** What follows the command name, for the usage line. */
  args: string;
  options: Record<string, OptionSpec>;
  /** How many positional arguments it takes at most (Infinity: any). */
  positionals: number;
  /** The module run with the rest of the command line in process.argv. */
  module: URL;
  /** The module serves several commands and takes the command's name as its first argument. */
  named?: boolean;
  /** Notes printed under the options in --help. */
  notes?: string[];
  /** Told with `--root DIR` when the command line named the content root (bench: time that root, not its own corpora). */
  passRoot?: boolean;
}

const rootOption: Record<string, OptionSpec> = {
  root: { value: 'DIR', description: 'the content root holding content/ and data/ (default: OPSLEDGER_ROOT, else the working directory)' },
};

export const commands: Record<string, CommandSpec> = {
  init: {
    summary: 'write a new records repository (never overwrites a file)',
    args: '[folder]',
    options: {
      pin: { value: 'SPEC', description: 'what package.json asks npm for (default: exactly this version; e.g. file:../opsledger-0.1.0.tgz)' },
    },
    positionals: 1,
    module: here('./init'),
  },
  check: {
    summary: 'validate every record, catalogue and export (or only the given files) without building',
    args: '[file…]',
    options: {
      format: { value: 'text|github', description: 'github prints GitHub Actions annotations (default text)' },
      'max-warnings': { value: 'N', description: 'also fail on more than N warnings (default: warnings never fail)' },
    },
    positionals: Infinity,
    module: here('./check'),
  },
  build: {
    summary: 'validate, then build the site',
    args: '',
    options: {
      out: { value: 'DIR', description: 'where the site goes (default: dist/ in the content root)' },
      force: { description: 'a cold build: use none of the build caches (Astro\'s and opsledger\'s), and fill them again' },
    },
    positionals: 0,
    module: here('./site'),
    named: true,
    notes: [
      'OPSLEDGER_CACHE_DIR=<folder> keeps the build caches there (default: node_modules/.astro in the content root)',
      'OPSLEDGER_AUDIENCE=internal (default: the whole report, for the team) or public (the status page only)',
      'OPSLEDGER_AS_OF=<ISO instant> fixes the figures\' instant (default: now), for a reproducible site',
    ],
  },
  dev: {
    summary: 'serve the site while you edit: every change re-validates and reloads the open page',
    args: '',
    options: {
      port: { value: 'N', description: 'the port to listen on (default 4321)' },
      host: { value: 'ADDRESS', description: 'the address to listen on (default localhost)' },
    },
    positionals: 0,
    module: here('./site'),
    named: true,
  },
  preview: {
    summary: 'serve a built site',
    args: '',
    options: {
      out: { value: 'DIR', description: 'the built site (default: dist/ in the content root)' },
      port: { value: 'N', description: 'the port to listen on (default 4321)' },
      host: { value: 'ADDRESS', description: 'the address to listen on (default localhost)' },
    },
    positionals: 0,
    module: here('./site'),
    named: true,
  },
  new: {
    summary: 'write a new record with the next free id and every required field stubbed',
    args: 'incident|change|problem|postmortem "Title"',
    options: {},
    positionals: Infinity,
    module: here('./new'),
  },
  import: {
    summary: "bring another tool's incident history into the content root",
    args: 'statuspage|servicenow|csv <file>',
    options: {},
    positionals: Infinity,
    module: here('./import'),
    notes: [
      'statuspage, servicenow: --map <yaml>, --timezone <IANA zone>, --encoding latin1|windows-1252, --allow-skips',
      'csv: --kind incident|change|problem --map <yaml> (columns, values, dates), --encoding, --allow-skips',
      'exit status: 0 imported, 1 records skipped, 2 nothing written, 3 another import is running (see the README, "Importing history")',
    ],
  },
  diff: {
    summary: 'print, as Markdown, every published figure that differs between <git-ref> and the working tree',
    args: '<git-ref> | --save FILE | --against FILE',
    options: {
      save: { value: 'FILE', description: "write the working tree's figures as JSON instead" },
      against: { value: 'FILE', description: 'compare the figures saved in FILE (perhaps by another opsledger version) with the working tree’s' },
    },
    positionals: 1,
    module: here('./diff'),
  },
  schema: {
    summary: 'write the JSON Schema of every record kind and catalogue',
    args: '',
    options: { out: { value: 'DIR', description: 'where they go (default: schemas/ in the content root)' } },
    positionals: 0,
    module: here('./schema'),
  },
  pdf: {
    summary: 'print the built monthly report (or its executive summary) to an A4 PDF',
    args: '<YYYY-MM>',
    options: {
      summary: { description: 'the one-page executive summary instead of the whole report' },
      out: { value: 'FILE', description: 'the PDF to write (default report-YYYY-MM.pdf)' },
      dist: { value: 'DIR', description: 'the built site (default dist/)' },
    },
    positionals: 1,
    module: here('./pdf'),
  },
  mail: {
    summary: "e-mail the month's executive summary with the report PDF to report.recipients",
    args: '<YYYY-MM>',
    options: {
      'dry-run': { description: 'write the exact message to a .eml file instead of sending it' },
      out: { value: 'FILE', description: 'the .eml file of --dry-run (default report-YYYY-MM.eml)' },
      dist: { value: 'DIR', description: 'the built site (default dist/)' },
      pdf: { value: 'FILE', description: 'the PDF to attach (default: the published one, else printed now)' },
    },
    positionals: 1,
    module: here('./mail'),
  },
  'report-month': {
    summary: 'print the last complete month (YYYY-MM), or nothing while the records start after it',
    args: '',
    options: {},
    positionals: 0,
    module: here('./report-month'),
  },
  generate: {
    summary: 'write the demo records (deterministic) into an empty content root, or one holding exactly the demo',
    args: '',
    options: {
      out: { value: 'DIR', description: 'write there instead of the content root' },
      size: { value: 'NAME', description: 'demo (default), small, large, incidents-500, incidents-4000, incidents-20000' },
      seed: { value: 'N', description: 'the random seed (default: the demo’s)' },
      end: { value: 'YYYY-MM-DD', description: 'the last day of the records (default: the demo’s)' },
    },
    positionals: 0,
    module: here('../../scripts/generate-demo'),
  },
  bench: {
    summary: 'time check and build on generated corpora in temporary folders (or on --root), against the budgets',
    args: '',
    options: {
      size: { value: 'LIST', description: 'comma-separated: 500, small, large, 4000, 20000 (default 500,small,large)' },
      repeat: { value: 'N', description: 'runs of each timed step (default 3)' },
      'no-build': { description: 'time loading and checking only' },
    },
    positionals: 0,
    module: here('../../scripts/bench'),
    passRoot: true,
    notes: [
      'bench makes its own corpora in temporary folders and does not read OPSLEDGER_ROOT; with --root DIR it times that content root as it is (an imported estate, say; set OPSLEDGER_AS_OF to its last month). It writes bench-output/ beside the tool',
    ],
  },
};

/** A command line that cannot be run: printed with the usage, exit status 2. */
class UsageError extends Error {}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function generalUsage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'usage: opsledger <command> [options]',
    '',
    'commands:',
    ...Object.entries(commands).map(([name, spec]) => `  ${name.padEnd(width)}  ${spec.summary}`),
    '',
    'options of every command:',
    `  --root DIR  ${rootOption.root!.description}`,
    '  -h, --help  this text, or a command’s own with `opsledger <command> --help`',
    '',
    'exit status: 0 done, 1 the command failed (e.g. validation errors), 2 the command line is wrong',
  ].join('\n');
}

export function commandUsage(name: string): string {
  const spec = commands[name]!;
  const options = { ...spec.options, ...rootOption };
  const shown = Object.entries(options).map(([option, o]) => [`--${option}${o.value ? ` ${o.value}` : ''}`, o.description] as const);
  const width = Math.max(...shown.map(([left]) => left.length), '-h, --help'.length);
  return [
    `usage: opsledger ${name}${spec.args ? ` ${spec.args}` : ''} [options]`,
    '',
    spec.summary,
    '',
    'options:',
    ...shown.map(([left, description]) => `  ${left.padEnd(width)}  ${description}`),
    `  ${'-h, --help'.padEnd(width)}  this text`,
    ...(spec.notes ?? []).map((note) => `\n${note}`),
  ].join('\n');
}

/** Splits off --root and --help and checks the rest against the command's declared options. */
export function readCommandLine(argv: readonly string[]): { name: string; help: boolean; root: string | undefined; rest: string[] } {
  const [name, ...args] = argv;
  if (name === undefined) throw new UsageError('no command given');
  const spec = commands[name];
  if (spec === undefined) throw new UsageError(`unknown command "${name}"`);
  let root: string | undefined;
  let help = false;
  const rest: string[] = [];
  // --root and --help are taken out wherever they stand (before a `--`); the rest goes to the command as written.
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--root') {
      root = args[++i];
      if (root === undefined) throw new UsageError('--root needs a folder');
    } else if (arg.startsWith('--root=')) root = arg.slice('--root='.length);
    else rest.push(arg);
  }
  if (help) return { name, help, root, rest };
  // import reads its own options (and says what is wrong with them, exit 2); every other command is checked here.
  if (name !== 'import') {
    try {
      const parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        strict: true,
        options: Object.fromEntries(Object.entries(spec.options).map(([option, o]) => [option, { type: o.value ? ('string' as const) : ('boolean' as const) }])),
      });
      if (parsed.positionals.length > spec.positionals) throw new UsageError(`too many arguments: ${parsed.positionals.join(' ')}`);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError((error as Error).message);
    }
  }
  return { name, help, root, rest };
}

export async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--version' || argv[0] === '-v') {
    console.log(packageVersion());
    return;
  }
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    const topic = argv[0] === 'help' ? argv[1] : undefined;
    console.log(topic !== undefined && commands[topic] ? commandUsage(topic) : generalUsage());
    if (argv.length === 0) process.exitCode = 2;
    return;
  }
  let line: ReturnType<typeof readCommandLine>;
  try {
    line = readCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const known = argv[0] !== undefined && commands[argv[0]] !== undefined;
    console.error(`opsledger: ${error.message}\n\n${known ? commandUsage(argv[0]!) : generalUsage()}`);
    process.exitCode = 2;
    return;
  }
  if (line.help) {
    console.log(commandUsage(line.name));
    return;
  }
  const root = path.resolve(line.root ?? process.env.OPSLEDGER_ROOT ?? '.');
  process.env.OPSLEDGER_ROOT = root;
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  const spec = commands[line.name]!;
  // Each command's module reads process.argv as when it was run by itself: [node, its file, …arguments].
  const file = fileURLToPath(spec.module);
  process.argv = [process.argv[0]!, file, ...(spec.named ? [line.name] : []), ...(spec.passRoot && line.root !== undefined ? ['--root', root] : []), ...line.rest];
  await import(pathToFileURL(file).href);
}

// Run directly (`node src/cli/opsledger.ts …`, this repository's npm scripts); the installed bin calls main() itself.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));

// npm run diff -- <git-ref>: the published figures that differ between the records at <git-ref> and the
// working tree, as Markdown (CI appends it to the pull request's job summary). Numbers only, no pages.
// --save FILE writes the working tree's figures as JSON, and --against FILE compares them with the working tree's:
// the two sides may come from two versions of opsledger (a dependency upgrade changes figures, not records).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffFigures, figureChangesMarkdown, figureMonths, reportFigures, type Figure, type FigureMap } from '../site/figures.ts';
import { loadRepository, resolveRoot, type LoadResult } from '../load/repository.ts';
import { asOfFromEnvironment } from '../site/as-of.ts';
import { exitUnlessInternal } from '../site/audience.ts';
import { validationErrorsText } from '../load/words.ts';

class UsageError extends Error {}

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new UsageError(`git could not run: ${result.error.message}`);
  if (result.status !== 0) throw new UsageError(`git ${args.join(' ')}: ${result.stderr.trim() || `exit ${result.status}`}`);
  return result.stdout;
}

/** Writes the content/ and data/ folders of `commit` (below the root's place in its repository) into `target`. */
function extractRecords(root: string, commit: string, target: string): void {
  const prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  // From the top of the repository: git reads paths relative to the working directory.
  const top = git(root, ['rev-parse', '--show-toplevel']).trim();
  const tree = `${commit}:${prefix}`;
  const present = new Set(git(top, ['ls-tree', '--name-only', tree]).split('\n'));
  const folders = ['content', 'data'].filter((name) => present.has(name));
  if (folders.length === 0) return;
  const archive = path.join(target, '.records.tar');
  git(top, ['archive', '--format=tar', `--output=${archive}`, tree, ...folders]);
  const untar = spawnSync('tar', ['-x', '-f', archive, '-C', target], { encoding: 'utf8' });
  if (untar.status !== 0) throw new UsageError(`tar: ${untar.stderr.trim()}`);
  rmSync(archive);
}

function validationNote(name: string, load: LoadResult): string[] {
  const count = load.diagnostics.filter((d) => d.severity === 'error').length;
  if (count === 0) return [];
  return [`> ${name} has ${validationErrorsText(count)} (npm run check lists them); its figures come from the records that validate.`, ''];
}

const usage =
  'usage: opsledger diff <git-ref>   (e.g. origin/main): figures that differ between <git-ref> and the working tree\n' +
  '       opsledger diff --save FILE      writes the working tree\'s figures as JSON\n' +
  '       opsledger diff --against FILE   figures that differ between FILE and the working tree';

/** What --save writes: the figures in report order, the instant they are as of and the version that computed them. */
interface SavedFigures {
  opsledger: string;
  asOf: string;
  months: string[];
  figures: [string, Figure][];
}

function toolVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function save(file: string, root: string, asOfMs: number): number {
  const { repository } = loadRepository(root);
  const months = figureMonths(repository, asOfMs);
  const saved: SavedFigures = { opsledger: toolVersion(), asOf: new Date(asOfMs).toISOString(), months, figures: [...reportFigures(repository, asOfMs, months)] };
  writeFileSync(file, `${JSON.stringify(saved, null, 1)}\n`);
  console.error(`wrote ${saved.figures.length} figures as of ${saved.asOf} to ${file}`);
  return 0;
}

function against(file: string, root: string, asOfMs: number): number {
  let saved: SavedFigures;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as SavedFigures;
  } catch (error) {
    throw new UsageError(`${file}: not figures written by opsledger diff --save (${(error as Error).message})`);
  }
  if (!Array.isArray(saved.figures) || typeof saved.asOf !== 'string') throw new UsageError(`${file}: not figures written by opsledger diff --save`);
  const asOf = new Date(asOfMs).toISOString();
  if (saved.asOf !== asOf) throw new UsageError(`${file} is as of ${saved.asOf}, the working tree as of ${asOf}: set the same OPSLEDGER_AS_OF for both`);
  const after = loadRepository(root);
  const months = [...new Set([...saved.months, ...figureMonths(after.repository, asOfMs)])].sort();
  const before: FigureMap = new Map(saved.figures);
  const changes = diffFigures(before, reportFigures(after.repository, asOfMs, months));
  const lines = [
    `## Figures changed against ${path.basename(file)}`,
    '',
    `${path.basename(file)} (opsledger ${saved.opsledger}) compared with the working tree (opsledger ${toolVersion()}), both as of ${asOf}.`,
    '',
    ...validationNote('The working tree', after),
  ];
  process.stdout.write(`${lines.join('\n')}\n${figureChangesMarkdown(changes)}`);
  return 0;
}

function main(args: readonly string[]): number {
  let parsed: { values: { save?: string; against?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { save: { type: 'string' }, against: { type: 'string' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const { values, positionals } = parsed;
  const ref = positionals[0];
  const modes = [ref !== undefined, values.save !== undefined, values.against !== undefined].filter(Boolean).length;
  if (modes !== 1 || positionals.length > 1) {
    console.error(usage);
    return 2;
  }
  const root = resolveRoot();
  const asOfMs = asOfFromEnvironment();
  if (values.save !== undefined) return save(values.save, root, asOfMs);
  if (values.against !== undefined) return against(values.against, root, asOfMs);
  if (ref === undefined) return 2;
  const resolved = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' });
  if (resolved.status !== 0) throw new UsageError(`"${ref}" is not a commit of the git repository at ${root}`);
  const commit = resolved.stdout.trim();
  const short = git(root, ['rev-parse', '--short', commit]).trim();

  const refRoot = mkdtempSync(path.join(os.tmpdir(), 'opsledger-diff-'));
  try {
    extractRecords(root, commit, refRoot);
    const before = loadRepository(refRoot);
    const after = loadRepository(root);
    // Both sides over the same months, so a record that moves the first month shows as changed figures.
    const months = [...new Set([...figureMonths(before.repository, asOfMs), ...figureMonths(after.repository, asOfMs)])].sort();
    const changes = diffFigures(reportFigures(before.repository, asOfMs, months), reportFigures(after.repository, asOfMs, months));
    const lines = [
      `## Figures changed against ${ref}`,
      '',
      `${ref} (${short}) compared with the working tree, both as of ${new Date(asOfMs).toISOString()}.`,
      '',
      ...validationNote(ref, before),
      ...validationNote('The working tree', after),
    ];
    process.stdout.write(`${lines.join('\n')}\n${figureChangesMarkdown(changes)}`);
    return 0;
  } finally {
    rmSync(refRoot, { recursive: true, force: true });
  }
}


// The report, its PDF and its figures are the internal audience's; a public job gets a refusal, not them.
exitUnlessInternal('diff');

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}

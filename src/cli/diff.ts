// npm run diff -- <git-ref>: the published figures that differ between the records at <git-ref> and the
// working tree, as Markdown (CI appends it to the pull request's job summary). Numbers only, no pages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffFigures, figureChangesMarkdown, figureMonths, reportFigures } from '../core/figures.ts';
import { loadRepository, resolveRoot, type LoadResult } from '../load/repository.ts';
import { asOfFromEnvironment } from '../site/as-of.ts';
import { exitUnlessInternal } from '../site/audience.ts';

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
  return [`> ${name} has ${count} validation error${count === 1 ? '' : 's'} (npm run check lists them); its figures come from the records that validate.`, ''];
}

function main(args: readonly string[]): number {
  const ref = args.find((a) => !a.startsWith('-'));
  if (ref === undefined || args.length !== 1) {
    console.error('usage: npm run diff -- <git-ref>   (e.g. origin/main): figures that differ between <git-ref> and the working tree');
    return 2;
  }
  const root = resolveRoot();
  const asOfMs = asOfFromEnvironment();
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

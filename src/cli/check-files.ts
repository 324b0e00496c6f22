// npm run check -- <file…>: the given records only, for editors and pre-commit hooks (src/load/load-files.ts).
import { formatDiagnostic, formatGithubAnnotation } from '../load/diagnostics.ts';
import { loadFiles } from '../load/load-files.ts';
import { countText } from '../load/words.ts';

/** Options of `npm run check` that take a value: the word after them is not a file. */
const optionsWithValue = new Set(['--format', '--max-warnings']);

/** The file arguments: every argument that is neither an option nor an option's value. */
export function givenFiles(args: readonly string[]): string[] {
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsWithValue.has(arg)) i++;
    else if (!arg.startsWith('--')) files.push(arg);
  }
  return files;
}

/** Prints the diagnostics of the given files and a summary; returns the exit code. Paths are read from where npm was started. */
export function checkGivenFiles(root: string, files: readonly string[], format: string): number {
  const { diagnostics, files: checked } = loadFiles(root, files, process.env.INIT_CWD ?? process.cwd());
  const prefix = format === 'github' ? (process.env.OPSLEDGER_ANNOTATION_PREFIX ?? '') : '';
  for (const d of diagnostics) console.log(format === 'github' ? formatGithubAnnotation(d, prefix) : formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const inFiles = new Set(errors.map((d) => d.file)).size;
    console.log(`✖ ${countText(errors.length, 'error')} in ${countText(inFiles, 'file')} (${countText(checked.length, 'given file')} checked under ${root})`);
    return 1;
  }
  console.log(`✔ ${countText(checked.length, 'given file')} checked under ${root}: no errors`);
  return 0;
}

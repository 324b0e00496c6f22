// npm run check [-- --format github] [--max-warnings N] [-- file…]: validate the content root (or only the given
// files) without building. Errors fail the check; warnings are printed where the author works and fail it only
// past --max-warnings.
import { diagnosticsOf, formatDiagnostic, formatGithubAnnotation } from '../load/diagnostics.ts';
import { checkGivenFiles, givenFiles } from './check-files.ts';
import { loadRepository, resolveRoot } from '../load/repository.ts';
import { countText } from '../load/words.ts';

const args = process.argv.slice(2);
/** The value of `--name value` or `--name=value`. */
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const format = option('--format') ?? 'text';
if (format !== 'text' && format !== 'github') {
  console.error(`unknown --format "${format}" (text or github)`);
  process.exit(2);
}
const maxWarningsText = option('--max-warnings');
// As ESLint: fail when there are more warnings than this; -1 (the default) never fails on warnings.
const maxWarnings = maxWarningsText === undefined ? -1 : Number(maxWarningsText);
if (maxWarningsText !== undefined && (!/^-?\d+$/.test(maxWarningsText) || maxWarnings < -1)) {
  console.error(`--max-warnings must be a whole number ≥ -1, not "${maxWarningsText}"`);
  process.exit(2);
}

const root = resolveRoot();
const fileArgs = givenFiles(args);
if (fileArgs.length > 0) {
  process.exitCode = checkGivenFiles(root, fileArgs, format);
  process.exit();
}
const { diagnostics, fileCount } = loadRepository(root);
// Annotations need paths relative to the repository checkout, which is the working directory in CI.
const prefix = format === 'github' ? (process.env.OPSLEDGER_ANNOTATION_PREFIX ?? '') : '';
for (const d of diagnostics) console.log(format === 'github' ? formatGithubAnnotation(d, prefix) : formatDiagnostic(d));

const errors = diagnosticsOf(diagnostics, 'error');
const warnings = diagnosticsOf(diagnostics, 'warning');
const files = new Set(diagnostics.map((d) => d.file)).size;
const tooManyWarnings = maxWarnings >= 0 && warnings.length > maxWarnings;
if (errors.length > 0) {
  const counts = warnings.length > 0 ? `${countText(errors.length, 'error')} and ${countText(warnings.length, 'warning')}` : countText(errors.length, 'error');
  console.log(`✖ ${counts} in ${countText(files, 'file')} (${fileCount} files checked under ${root})`);
} else if (warnings.length > 0) {
  const mark = tooManyWarnings ? '✖' : '✔';
  const limit = tooManyWarnings ? `, more than --max-warnings ${maxWarnings} allows` : '';
  console.log(`${mark} ${fileCount} files checked under ${root}: no errors, ${countText(warnings.length, 'warning')} in ${countText(files, 'file')}${limit}`);
} else {
  console.log(`✔ ${fileCount} files checked under ${root}: no errors`);
}
if (errors.length > 0 || tooManyWarnings) process.exitCode = 1;

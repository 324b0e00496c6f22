// npm run check [-- --format github] [-- file…]: validate the content root (or only the given files) without building.
import { formatDiagnostic, formatGithubAnnotation } from '../load/diagnostics.ts';
import { checkGivenFiles, givenFiles } from './check-files.ts';
import { loadRepository, resolveRoot } from '../load/repository.ts';

const args = process.argv.slice(2);
const formatIndex = args.indexOf('--format');
const format = formatIndex >= 0 ? args[formatIndex + 1] : (args.find((a) => a.startsWith('--format='))?.split('=')[1] ?? 'text');
if (format !== 'text' && format !== 'github') {
  console.error(`unknown --format "${format}" (text or github)`);
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
const files = new Set(diagnostics.map((d) => d.file)).size;
if (diagnostics.length > 0) {
  console.log(`✖ ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${fileCount} files checked under ${root})`);
  process.exitCode = 1;
} else {
  console.log(`✔ ${fileCount} files checked under ${root}: no errors`);
}

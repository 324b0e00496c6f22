// opsledger init [folder] [--pin SPEC]: writes a records repository from templates/init/ into the folder (default:
// the working directory): the catalogues of a minimal estate, an example incident, the workflows, Dependabot,
// editor settings, the pre-commit hook and a README, with package.json pinning this version of opsledger (or
// SPEC). Never overwrites a file: into a folder that is not empty it writes only what is missing and lists what it
// left alone.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const templateDir = fileURLToPath(new URL('../../templates/init/', import.meta.url));

/** Template files whose name npm would not pack as it is: stored under another name, written under this one. */
const renamed: Record<string, string> = { gitignore: '.gitignore' };

/** The files of the template, relative to it, with forward slashes, sorted. */
export function templateFiles(): string[] {
  return (readdirSync(templateDir, { recursive: true }) as string[])
    .filter((file) => statSync(path.join(templateDir, file)).isFile())
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** Where a template file goes in the new repository. */
export function targetName(file: string): string {
  const base = path.posix.basename(file);
  return path.posix.join(path.posix.dirname(file), renamed[base] ?? base).replace(/^\.\//, '');
}

/** A package name from the folder's name: lower case, letters, digits and dashes. */
export function packageName(folder: string): string {
  const name = path
    .basename(folder)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return name === '' ? 'ops-records' : name;
}

export interface InitResult {
  written: string[];
  leftAlone: string[];
}

export function initRepository(folder: string, version: string): InitResult {
  const result: InitResult = { written: [], leftAlone: [] };
  const values: Record<string, string> = { name: packageName(folder), version };
  const files = templateFiles().map((file) => ({ file, target: targetName(file) }));
  files.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  for (const { file, target } of files) {
    const destination = path.join(folder, target);
    if (existsSync(destination)) {
      result.leftAlone.push(target);
      continue;
    }
    const source = path.join(templateDir, file);
    const text = readFileSync(source, 'utf8').replace(/\{\{(name|version)\}\}/g, (_, key: string) => values[key]!);
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, text, { flag: 'wx' });
    chmodSync(destination, statSync(source).mode & 0o777);
    result.written.push(target);
  }
  return result;
}

function main(args: string[]): void {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { pin: { type: 'string' } } });
  const folder = path.resolve(positionals[0] ?? '.');
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  let result: InitResult;
  try {
    // A tarball or folder given relative to where init runs is written relative to the new package.json.
    const pin = values.pin?.startsWith('file:') ? `file:${path.relative(folder, path.resolve(values.pin.slice('file:'.length))) || '.'}` : values.pin;
    result = initRepository(folder, pin ?? version);
  } catch (error) {
    console.error(`opsledger init: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const where = path.relative(process.cwd(), folder) || '.';
  console.log(`wrote ${result.written.length} file${result.written.length === 1 ? '' : 's'} into ${where}${result.written.length > 0 ? ':' : ''}`);
  for (const file of result.written) console.log(`  ${file}`);
  if (result.leftAlone.length > 0) {
    console.log(`left ${result.leftAlone.length} file${result.leftAlone.length === 1 ? '' : 's'} alone, already there:`);
    for (const file of result.leftAlone) console.log(`  ${file}`);
  }
  console.log('');
  console.log('next:');
  if (where !== '.') console.log(`  cd ${where}`);
  console.log('  npm install');
  console.log('  git init && git config core.hooksPath .githooks');
  console.log('  npx opsledger check && npx opsledger build');
}

main(process.argv.slice(2));

// opsledger init: a records repository that passes check at once, from templates/init/, never overwriting a file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/cli/written-files.ts';
import { projectDir, runScript } from './run.ts';

const expected = [
  '.githooks/pre-commit',
  '.github/dependabot.yml',
  '.github/workflows/deploy.yml',
  '.github/workflows/monthly-report.yml',
  '.github/workflows/pull-request.yml',
  '.gitignore',
  '.vscode/extensions.json',
  '.vscode/settings.json',
  'README.md',
  'content/incidents/2026/INC-2026-0001.md',
  'data/applications.yaml',
  'data/capacity/settlement.csv',
  'data/customers.yaml',
  'data/site.yaml',
  'data/teams.yaml',
  'package.json',
];
const version = (JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { version: string }).version;
const opsledger = (args: string[], env: Record<string, string> = {}) => runScript('opsledger.ts', args, { OPSLEDGER_AS_OF: '2026-11-25T00:00:00Z', ...env });

let folder = '';
afterEach(() => {
  if (folder !== '') rmSync(folder, { recursive: true, force: true });
});

describe('opsledger init', () => {
  it('writes a records repository that passes opsledger check at once', () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'opsledger-init-'));
    const target = path.join(folder, 'Ops Records');
    const run = opsledger(['init', target]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.lines[0]).toBe(`wrote ${expected.length} files into ${path.relative(projectDir, target)}:`);
    expect(run.lines.slice(1, 1 + expected.length)).toEqual(expected.map((file) => `  ${file}`));
    expect(filesUnder(target, ['.'])).toEqual(expected.slice().sort());
    const check = opsledger(['check', '--root', target]);
    expect(check.lines).toEqual([`✔ 6 files checked under ${target}: no errors`]);
    expect(check.status).toBe(0);
  });

  it('pins this version of opsledger, and names the package after the folder', () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'opsledger-init-'));
    const target = path.join(folder, 'Ops Records');
    opsledger(['init', target]);
    const pkg = JSON.parse(readFileSync(path.join(target, 'package.json'), 'utf8')) as { name: string; private: boolean; dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.name).toBe('ops-records');
    expect(pkg.private).toBe(true);
    expect(pkg.dependencies).toEqual({ opsledger: version });
    expect(Object.values(pkg.scripts).every((script) => script.startsWith('opsledger '))).toBe(true);
  });

  it('takes the catalogues from the minimal fixture, byte for byte', () => {
    for (const file of ['site.yaml', 'applications.yaml', 'teams.yaml', 'customers.yaml', 'capacity/settlement.csv']) {
      expect(readFileSync(path.join(projectDir, 'templates/init/data', file), 'utf8'), file).toBe(readFileSync(path.join(projectDir, 'test/fixtures/minimal/data', file), 'utf8'));
    }
  });

  it('maps the catalogues to JSON Schemas the package ships, and writes an executable pre-commit hook that checks the staged files', () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'opsledger-init-'));
    opsledger(['init', folder]);
    const settings = JSON.parse(readFileSync(path.join(folder, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    const mapped = Object.entries(settings['yaml.schemas']);
    expect(mapped.map(([, glob]) => glob)).toEqual(['data/site.yaml', 'data/teams.yaml', 'data/applications.yaml', 'data/customers.yaml', 'data/skills.yaml']);
    for (const [schema] of mapped) {
      expect(schema).toMatch(/^\.\/node_modules\/opsledger\/schemas\/[a-z]+\.schema\.json$/);
      expect(existsSync(path.join(projectDir, schema.replace('./node_modules/opsledger/', ''))), schema).toBe(true);
    }
    const hook = path.join(folder, '.githooks/pre-commit');
    expect(statSync(hook).mode & 0o111).toBe(0o111);
    expect(readFileSync(hook, 'utf8')).toContain('exec npx --no-install opsledger check $files');
    expect(readFileSync(path.join(folder, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'dist/']));
  });

  it('into a folder that is not empty writes only what is missing, lists what it left alone, and changes nothing there', () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'opsledger-init-'));
    mkdirSync(path.join(folder, 'data'));
    writeFileSync(path.join(folder, 'data/site.yaml'), 'title: Our Desk\n');
    writeFileSync(path.join(folder, 'package.json'), '{"name": "ours"}\n');
    const run = opsledger(['init', folder]);
    expect(run.status).toBe(0);
    expect(run.lines[0]).toBe(`wrote ${expected.length - 2} files into ${path.relative(projectDir, folder)}:`);
    const left = run.lines.indexOf('left 2 files alone, already there:');
    expect(run.lines.slice(left + 1, left + 3)).toEqual(['  data/site.yaml', '  package.json']);
    expect(readFileSync(path.join(folder, 'data/site.yaml'), 'utf8')).toBe('title: Our Desk\n');
    expect(readFileSync(path.join(folder, 'package.json'), 'utf8')).toBe('{"name": "ours"}\n');
    const again = opsledger(['init', folder]);
    expect(again.lines[0]).toBe(`wrote 0 files into ${path.relative(projectDir, folder)}`);
    expect(again.lines).toContain(`left ${expected.length} files alone, already there:`);
  });
});

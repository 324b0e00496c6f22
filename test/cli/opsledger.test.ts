// The one command line: every command answers --help, a wrong command line prints the usage and exits 2, --root
// names the content root, and this repository's npm scripts are thin calls of the same CLI.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectDir, runScript } from './run.ts';

const commands = ['init', 'check', 'build', 'dev', 'preview', 'new', 'import', 'diff', 'schema', 'pdf', 'mail', 'report-month', 'generate', 'bench'];
const opsledger = (args: string[], env: Record<string, string> = {}) => runScript('opsledger.ts', args, env);

describe('opsledger <command>', () => {
  it('lists every command, and exits 2 when none is given', () => {
    const help = opsledger(['--help']);
    expect(help.status).toBe(0);
    expect(help.lines[0]).toBe('usage: opsledger <command> [options]');
    const listed = help.lines.filter((line) => /^ {2}\S/.test(line) && !line.trimStart().startsWith('-')).map((line) => line.trim().split(/\s+/)[0]);
    expect(listed).toEqual(commands);
    expect(help.stdout).toContain('exit status: 0 done, 1 the command failed (e.g. validation errors), 2 the command line is wrong');
    const none = opsledger([]);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe(help.stdout);
  });

  it.each(commands)('%s --help prints its usage and options, and runs nothing', (command) => {
    const run = opsledger([command, '--help'], { OPSLEDGER_ROOT: '/nonexistent' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.lines[0]).toMatch(new RegExp(`^usage: opsledger ${command}( |$)`));
    expect(run.stdout).toContain('--root DIR');
    expect(run.stdout).toContain('-h, --help');
  });

  it('refuses an unknown command with the general usage, exit 2', () => {
    const run = opsledger(['biuld']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('opsledger: unknown command "biuld"');
    expect(run.stderr).toContain('usage: opsledger <command> [options]');
    expect(run.stdout).toBe('');
  });

  it.each(commands.filter((c) => c !== 'import'))('%s refuses an unknown option with its usage, exit 2, before doing anything', (command) => {
    const run = opsledger([command, '--frobnicate'], { OPSLEDGER_ROOT: '/nonexistent' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--frobnicate'");
    expect(run.stderr).toContain(`usage: opsledger ${command}`);
    expect(run.stdout).toBe('');
  });

  it('import, whose options its own module reads, refuses an unknown one with exit 2 too', () => {
    const run = opsledger(['import', 'statuspage', 'x.json', '--frobnicate'], { OPSLEDGER_ROOT: '/nonexistent' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage:');
  });

  it('refuses arguments a command does not take', () => {
    const run = opsledger(['build', 'extra']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('opsledger: too many arguments: extra');
  });

  it('reads the content root from --root, before OPSLEDGER_ROOT', () => {
    const minimal = path.join(projectDir, 'test/fixtures/minimal');
    for (const args of [['check', '--root', minimal], ['check', `--root=${minimal}`], ['check', '--format', 'text', '--root', minimal]]) {
      const run = opsledger(args, { OPSLEDGER_ROOT: '/nonexistent' });
      expect(run.lines.at(-1)).toBe(`✔ 12 files checked under ${minimal}: no errors`);
      expect(run.status).toBe(0);
    }
    const fromEnv = opsledger(['check'], { OPSLEDGER_ROOT: minimal });
    expect(fromEnv.lines.at(-1)).toBe(`✔ 12 files checked under ${minimal}: no errors`);
  });

  it('prints its version', () => {
    const pkg = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { version: string };
    expect(opsledger(['--version']).stdout.trim()).toBe(pkg.version);
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
    private?: boolean;
    bin: Record<string, string>;
    scripts: Record<string, string>;
    engines: Record<string, string>;
    files: string[];
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it('every command is an npm script that calls the CLI and nothing else', () => {
    for (const command of commands) expect(pkg.scripts[command], command).toBe(`node src/cli/opsledger.ts ${command}`);
  });

  it('is publishable: a bin, the files the installed package needs, an engines range the installed package runs on', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ opsledger: 'bin/opsledger.js' });
    for (const needed of ['bin/', 'src/', 'templates/', 'schemas/', 'public/', 'astro.config.mjs']) expect(pkg.files).toContain(needed);
    expect(pkg.engines.node).toBe('^22.12.0 || ^24.0.0 || >=26.0.0');
    // The Node this repository's scripts run on is a tool of this repository, not of the package.
    expect(pkg.devDependencies.node).toBeDefined();
    expect(pkg.dependencies.node).toBeUndefined();
  });
});

// The README's dependencies table says why each package is here: every dependency of package.json has a row,
// dev ones marked "(dev)" and runtime ones not, and no row names a package the project does not install.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** package name → whether its row says "(dev)". */
function tableRows(): Map<string, boolean> {
  const section = readme.slice(readme.indexOf('## Dependencies and why each is here'));
  const table = section.slice(0, section.indexOf('\n## '));
  const rows = new Map<string, boolean>();
  for (const line of table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| package') && !l.startsWith('| ---'))) {
    const cell = line.split('|')[1]!.trim();
    const isDev = cell.endsWith('(dev)');
    for (const name of cell.replace(/\(dev\)$/, '').split(',')) rows.set(name.trim(), isDev);
  }
  return rows;
}

describe('README dependencies table', () => {
  it('has a row for every dependency, marked dev exactly when package.json says so', () => {
    const rows = tableRows();
    const expected = new Map([...Object.keys(pkg.dependencies).map((n) => [n, false] as const), ...Object.keys(pkg.devDependencies).filter((n) => !n.startsWith('@types/')).map((n) => [n, true] as const)]);
    expect(Object.fromEntries([...rows].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });
});

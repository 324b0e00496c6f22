// The layer and cycle rules of eslint.config.js, run on a small tree that keeps and breaks them on purpose: the
// rules must flag exactly the files that break them, so a config that stops seeing an upward import fails here.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';

const fixtureRoot = path.join(projectRoot, 'test/fixtures/lint/layers');

async function findings(): Promise<Record<string, string[]>> {
  const config = (await import(pathToFileURL(path.join(projectRoot, 'eslint.config.js')).href)) as {
    layerRules: (root: string) => Linter.Config;
  };
  const eslint = new ESLint({
    cwd: projectRoot,
    overrideConfigFile: true,
    // The main run ignores the fixture tree; here it is the point.
    ignore: false,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, ...config.layerRules(fixtureRoot) }],
  });
  const results = await eslint.lintFiles([path.join(fixtureRoot, 'src/**/*.ts')]);
  return Object.fromEntries(
    results.map((result) => [path.relative(fixtureRoot, result.filePath), result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`)]),
  );
}

describe('layer rules', () => {
  it('flag an upward import, an import from an edge and a cycle, and nothing else', async () => {
    expect(await findings()).toEqual({
      'src/cli/run.ts': [],
      'src/core/figure.ts': [
        "import-x/no-restricted-paths: Unexpected path \"../site/label.ts\" imported in restricted zone. src/core may import only from src/core, src/schema (see eslint.config.js: mayImport)",
      ],
      'src/core/share.ts': [],
      'src/load/first.ts': ['import-x/no-cycle: Dependency cycle detected'],
      'src/load/second.ts': ['import-x/no-cycle: Dependency cycle detected'],
      'src/site/edge.ts': [
        "import-x/no-restricted-paths: Unexpected path \"../cli/run.ts\" imported in restricted zone. src/site may import only from src/site, src/schema, src/core, src/load (see eslint.config.js: mayImport)",
      ],
      'src/site/label.ts': [],
    });
  });
});

// ESLint: typescript-eslint's type-aware rules, and the layers of src/ kept by eslint-plugin-import-x.
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

/**
 * What each folder of src/ may import, besides itself. The layers run schema → core → load → site →
 * pages/components/layouts; cli, import, browser and mail sit at the edges and nothing in a layer
 * imports them. scripts/ and test/ are outside src/ and may import anything.
 */
const layers = ['schema', 'core', 'load', 'site'];
export const mayImport = {
  schema: [],
  core: ['schema'],
  load: ['schema', 'core'],
  site: ['schema', 'core', 'load'],
  components: [...layers],
  layouts: [...layers, 'components'],
  pages: [...layers, 'components', 'layouts'],
  // The public status page's own pages (astro.config.mjs builds them instead of src/pages for OPSLEDGER_AUDIENCE=public).
  status: [...layers, 'components', 'layouts'],
  import: ['schema', 'core', 'load'],
  browser: [...layers],
  mail: [...layers, 'browser'],
  cli: [...layers, 'import', 'browser', 'mail'],
};

/** The boundary and cycle rules for a tree whose src/ lies under `root`. */
export function layerRules(root) {
  const folders = Object.keys(mayImport);
  const zones = folders.map((folder) => {
    const allowed = new Set([folder, ...mayImport[folder]]);
    return {
      target: path.join(root, 'src', folder),
      from: folders.filter((other) => !allowed.has(other)).map((other) => path.join(root, 'src', other)),
      message: `src/${folder} may import only from ${[...allowed].map((f) => `src/${f}`).join(', ')} (see eslint.config.js: mayImport)`,
    };
  });
  return {
    plugins: { 'import-x': importX },
    settings: {
      // Without these the plugin reads no .ts file it follows, and sees no cycle through one.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  };
}

const root = import.meta.dirname;

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.astro/**',
      'test-output/**',
      'bench-output/**',
      'schemas/**',
      'public/**',
      // Fixture trees that break the layer rules on purpose; test/lint runs the linter on them.
      'test/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // noUncheckedIndexedAccess types every index read as possibly undefined; `!` after a read the code has just
      // bounded (an index below length, a key taken from the same map) is how this code says it knows better.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `(x) => set.add(x)` and `() => void run()` are clear; braces on every callback would only add noise.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidOperator: true }],
      // Numbers and booleans in template literals are how messages and paths are written here.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read published JSON and HTML as untyped data and assert on its shape: a wrong shape fails the
      // assertion, which is the check these rules would otherwise ask for by hand.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Test doubles implement async interfaces (Astro's prerenderer) without anything to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['**/*.ts'], ...layerRules(root) },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);

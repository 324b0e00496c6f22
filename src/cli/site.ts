// opsledger build|dev|preview [--out DIR] [--port N] [--host ADDRESS]: Astro, run in this process on the package's own
// pages (Astro's project root is the folder this file ships in), for the content root in OPSLEDGER_ROOT. The site
// goes to dist/ in the content root (or --out); Astro's and Vite's caches live in the content root's node_modules,
// so the package folder is only read.
import { cpSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig } from 'astro';
import { resolveRoot } from '../load/repository.ts';
import { forceNextBuild } from '../site/build-cache.ts';

/** The folder holding astro.config.mjs, src/pages and public/: this repository, or the installed package. */
export const packageDir = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteOptions {
  /** The content root (content/ and data/). */
  root: string;
  /** The built site's folder. */
  outDir: string;
  port?: number | undefined;
  host?: string | undefined;
  /** `build --force`: no build cache is read (each is filled again). */
  force?: boolean;
}

/** Astro's inline configuration for a content root: everything it writes goes under the content root. */
export function astroConfigFor(options: SiteOptions): AstroInlineConfig {
  const cache = path.join(options.root, 'node_modules');
  return {
    root: packageDir,
    outDir: options.outDir,
    force: options.force === true,
    vite: { cacheDir: path.join(cache, '.vite') },
    server: { ...(options.port === undefined ? {} : { port: options.port }), ...(options.host === undefined ? {} : { host: options.host }) },
  };
}

function siteArguments(args: string[]): { command: string; options: SiteOptions } {
  const [command, ...rest] = args;
  const { values } = parseArgs({ args: rest, strict: true, options: { out: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, force: { type: 'boolean' } } });
  const root = resolveRoot();
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    console.error(`--port must be a port number, not "${values.port}"`);
    process.exit(2);
  }
  return { command: command!, options: { root, outDir: path.resolve(root, values.out ?? 'dist'), port, host: values.host, force: values.force === true } };
}

/** The nearest folder of `file` that exists (itself included). */
function existingAncestor(file: string): string {
  let dir = file;
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Astro stages a site whose outDir lies outside the working folder in `.astro/` of the working folder, where its
 * bundle finds node_modules, then renames the files into outDir: across file systems (a site built into /dev/shm
 * or onto another disk) that fails with EXDEV. Such a site is built beside the staging folder and copied over.
 */
function crossesFileSystems(outDir: string): boolean {
  const cwd = process.cwd();
  if (outDir.startsWith(cwd + path.sep)) return false;
  return statSync(existingAncestor(path.dirname(outDir))).dev !== statSync(cwd).dev;
}

async function run(): Promise<void> {
  const { command, options } = siteArguments(process.argv.slice(2));
  const astro = await import('astro');
  const config = astroConfigFor(options);
  if (command === 'build') {
    if (options.force === true) forceNextBuild();
    // No type generation: the package folder may be read-only, and the pages need none at build time.
    const build = (outDir: string) => astro.build({ ...config, outDir }, { sync: false } as Parameters<typeof astro.build>[1]);
    if (!crossesFileSystems(options.outDir)) {
      await build(options.outDir);
    } else {
      const staged = path.join(process.cwd(), '.astro', `site-${process.pid}`);
      try {
        await build(staged);
        rmSync(options.outDir, { recursive: true, force: true });
        cpSync(staged, options.outDir, { recursive: true });
      } finally {
        rmSync(staged, { recursive: true, force: true });
      }
    }
  } else if (command === 'dev') {
    await astro.dev(config);
  } else if (command === 'preview') {
    await astro.preview(config);
  }
}

await run();

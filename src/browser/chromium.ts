// The one way opsledger starts a browser (browser tests, `npm run pdf`): the machine's chromium when it has
// one, else the headless chromium that `npm install` brought (@sparticuz/chromium). Never a downloaded one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { extract } from 'tar-stream';

const systemChromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const quietArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// Run as one process, the bundled chromium crashes when a second browser context opens; and the pages
// are checked for what a reader's browser would do, so its serverless relaxations of web security go too.
const bundledArgsLeftOut = new Set(['--single-process', '--no-zygote', '--disable-web-security', '--allow-running-insecure-content', "--headless='shell'"]);

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  source: 'CHROMIUM_PATH' | 'system' | 'bundled';
  /** Variables the browser process needs on top of the caller's environment. */
  env: Record<string, string>;
}

const require = createRequire(import.meta.url);

/** Writes a folder once per machine: built beside its final place under a unique name, then renamed into it. */
async function materialise(folder: string, write: (into: string) => unknown): Promise<string> {
  if (existsSync(folder)) return folder;
  const building = `${folder}.${process.pid}.${Date.now()}`;
  mkdirSync(building, { recursive: true });
  await write(building);
  try {
    renameSync(building, folder);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another process got there first
  }
  return folder;
}

/**
 * Writes the regular files of a tar archive into `into`, each under its base name and executable (shared
 * libraries); folders, links and other entries are skipped. tar-stream parses the archive: the parser the
 * chromium package itself unpacks its archives with (through tar-fs).
 */
export async function unpackFilesFlat(archive: Buffer, into: string): Promise<string[]> {
  const written: string[] = [];
  const entries = extract();
  entries.end(archive);
  for await (const entry of entries) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    if (entry.header.type !== 'file') continue;
    const name = path.basename(entry.header.name);
    writeFileSync(path.join(into, name), Buffer.concat(chunks), { mode: 0o755 });
    written.push(name);
  }
  return written;
}

/**
 * The shared libraries the bundled chromium links against (NSS, NSPR, expat), which a bare machine lacks:
 * the package carries them for Amazon Linux and unpacks them only there, so they are unpacked here for every machine.
 */
function bundledLibraryDir(packageDir: string): Promise<string> {
  return materialise(path.join(tmpdir(), 'opsledger-chromium-lib'), (into) =>
    unpackFilesFlat(brotliDecompressSync(readFileSync(path.join(packageDir, 'bin/al2023.tar.br'))), into),
  );
}

/** A fontconfig setup of the fonts the bundled chromium unpacks and the DejaVu fonts npm installs, so pages show text with no system fonts. */
function bundledFontConfigDir(): Promise<string> {
  const dejavu = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const bundledFonts = path.join(tmpdir(), 'fonts');
  const config = `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${dejavu}</dir>\n  <dir>${bundledFonts}</dir>\n  <cachedir>${path.join(tmpdir(), 'opsledger-fontconfig-cache')}</cachedir>\n</fontconfig>\n`;
  // Named by its content: checkouts in different folders on one machine each get their own, none rewrites another's.
  const dir = path.join(tmpdir(), `opsledger-fontconfig-${createHash('sha256').update(config).digest('hex').slice(0, 12)}`);
  return materialise(dir, (into) => writeFileSync(path.join(into, 'fonts.conf'), config));
}

/**
 * Which chromium to launch: `CHROMIUM_PATH`, else a system chromium (the first of `systemPaths` that exists),
 * else the npm-bundled one, unpacked to the temp folder on first use with the libraries and fonts it needs.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env, systemPaths: readonly string[] = systemChromiumPaths): Promise<ChromiumChoice> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv, args: quietArgs, source: 'CHROMIUM_PATH', env: {} };
  }
  const system = systemPaths.find((candidate) => existsSync(candidate));
  if (system) return { executablePath: system, args: quietArgs, source: 'system', env: {} };
  const bundled = (await import('@sparticuz/chromium')).default;
  bundled.setGraphicsMode = false;
  const args = [...new Set([...bundled.args.filter((arg) => !bundledArgsLeftOut.has(arg)), ...quietArgs])];
  const executablePath = await bundled.executablePath();
  // The package exports only its entry (build/<format>/index), two folders below its own.
  const packageDir = path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '../..');
  const libraryPath = [await bundledLibraryDir(packageDir), env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter);
  return { executablePath, args, source: 'bundled', env: { LD_LIBRARY_PATH: libraryPath, FONTCONFIG_PATH: await bundledFontConfigDir() } };
}

export async function launchChromium(env: NodeJS.ProcessEnv = process.env, systemPaths: readonly string[] = systemChromiumPaths): Promise<Browser> {
  const choice = await findChromium(env, systemPaths);
  const browserEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) browserEnv[key] = value;
  return chromium.launch({ executablePath: choice.executablePath, args: choice.args, env: { ...browserEnv, ...choice.env } });
}

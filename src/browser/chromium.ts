// The one way opsledger starts a browser (browser tests, `npm run pdf`): the machine's chromium when it has
// one, else the headless chromium that `npm install` brought (@sparticuz/chromium). Never a downloaded one.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const systemChromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const quietArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// Run as one process, the bundled chromium crashes when a second browser context opens; and the pages
// are checked for what a reader's browser would do, so its serverless relaxations of web security go too.
const bundledArgsLeftOut = new Set(['--single-process', '--no-zygote', '--disable-web-security', '--allow-running-insecure-content', "--headless='shell'"]);

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  source: 'CHROMIUM_PATH' | 'system' | 'bundled';
}

/** Which chromium to launch: `CHROMIUM_PATH`, else a system chromium, else the npm-bundled one (unpacked to /tmp on first use). */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv, args: quietArgs, source: 'CHROMIUM_PATH' };
  }
  const system = systemChromiumPaths.find((candidate) => existsSync(candidate));
  if (system) return { executablePath: system, args: quietArgs, source: 'system' };
  const bundled = (await import('@sparticuz/chromium')).default;
  bundled.setGraphicsMode = false;
  const args = [...new Set([...bundled.args.filter((arg) => !bundledArgsLeftOut.has(arg)), ...quietArgs])];
  return { executablePath: await bundled.executablePath(), args, source: 'bundled' };
}

export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const choice = await findChromium(env);
  return chromium.launch({ executablePath: choice.executablePath, args: choice.args });
}

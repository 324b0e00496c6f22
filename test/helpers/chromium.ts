// Debian's chromium driven by playwright-core: never a browser downloaded by the test tool.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium` (what `.ci/run` installs). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`no chromium at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

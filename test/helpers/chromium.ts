// Tests start chromium the way every opsledger command does.
export { launchChromium, findChromium } from '../../src/browser/chromium.ts';

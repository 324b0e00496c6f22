// Tests start chromium the way every opsledger command does.
export { launchChromium, findChromium, unpackFilesFlat } from '../../src/browser/chromium.ts';

// The chromium `npm install` brings starts on a machine with no browser, no NSS libraries and no fonts of
// its own, and shows text; CHROMIUM_PATH and a system chromium come first when there is one.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../helpers/chromium.ts';

const { CHROMIUM_PATH, ...withoutChromiumPath } = process.env;
const scratch = mkdtempSync(path.join(tmpdir(), 'opsledger-chromium-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, and refuses one that does not exist', async () => {
    const fake = path.join(scratch, 'chromium');
    writeFileSync(fake, '');
    expect(await findChromium({ CHROMIUM_PATH: fake }, [])).toMatchObject({ executablePath: fake, source: 'CHROMIUM_PATH', env: {} });
    await expect(findChromium({ CHROMIUM_PATH: path.join(scratch, 'none') })).rejects.toThrow(`CHROMIUM_PATH is ${path.join(scratch, 'none')}, which does not exist`);
  });

  it("takes the machine's chromium before the bundled one", async () => {
    const system = path.join(scratch, 'system-chromium');
    writeFileSync(system, '');
    expect(await findChromium(withoutChromiumPath, [path.join(scratch, 'absent'), system])).toMatchObject({ executablePath: system, source: 'system' });
  });

  it('falls back to the bundled chromium with its own NSS libraries and a font setup, in one process per context', async () => {
    const choice = await findChromium(withoutChromiumPath, []);
    expect(choice.source).toBe('bundled');
    expect(existsSync(choice.executablePath)).toBe(true);
    const [libraries] = choice.env.LD_LIBRARY_PATH!.split(path.delimiter);
    for (const library of ['libnss3.so', 'libnspr4.so', 'libnssutil3.so', 'libsoftokn3.so']) expect(existsSync(path.join(libraries!, library)), library).toBe(true);
    expect(existsSync(path.join(choice.env.FONTCONFIG_PATH!, 'fonts.conf'))).toBe(true);
    expect(choice.args).not.toContain('--single-process');
    expect(choice.args).not.toContain('--no-zygote');
  });
});

describe('the bundled chromium', () => {
  it('opens two contexts and renders text, accents and symbols as glyphs', async () => {
    const browser = await launchChromium(withoutChromiumPath, []);
    try {
      const widths: number[] = [];
      for (let i = 0; i < 2; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.setContent('<p><span id="t" style="font: 20px sans-serif">café Σ ≤ ✔ →</span></p><canvas id="c" width="200" height="40"></canvas>');
        widths.push(await page.locator('#t').evaluate((el) => el.getBoundingClientRect().width));
        // Ink on the canvas, not only layout width: a missing font would leave the pixels blank.
        const inked = await page.evaluate(() => {
          const canvas = document.getElementById('c') as HTMLCanvasElement;
          const ctx = canvas.getContext('2d')!;
          ctx.font = '20px sans-serif';
          ctx.fillText('café Σ ≤ ✔', 0, 30);
          return ctx.getImageData(0, 0, 200, 40).data.filter((_, j) => j % 4 === 3).filter((alpha) => alpha > 0).length;
        });
        expect(inked).toBeGreaterThan(100);
        await context.close();
      }
      expect(widths[0]).toBeGreaterThan(60);
      expect(widths[1]).toBe(widths[0]);
    } finally {
      await browser.close();
    }
  });
});

// The chromium `npm install` brings starts on a machine with no browser, no NSS libraries and no fonts of
// its own, and shows text; CHROMIUM_PATH and a system chromium come first when there is one.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, unpackFilesFlat } from '../helpers/chromium.ts';

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

/** A tar archive of `entries`, written by tar-stream's packer. */
async function tarOf(entries: { name: string; type?: 'file' | 'directory' | 'symlink'; body?: string; linkname?: string }[]): Promise<Buffer> {
  const archive = pack();
  for (const { body, ...header } of entries) archive.entry(header, body ?? '');
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('unpackFilesFlat', () => {
  it('writes the regular files under their base names, executable, and skips folders and links', async () => {
    const into = path.join(scratch, 'flat');
    mkdirSync(into);
    const deep = `${'long-folder-name/'.repeat(8)}libdeep.so`; // past ustar's 100-byte name: it goes into the prefix field
    const archive = await tarOf([
      { name: 'lib', type: 'directory' },
      { name: 'lib/libnss3.so', body: 'nss' },
      { name: 'lib/libnss.so', type: 'symlink', linkname: 'libnss3.so' },
      { name: deep, body: 'x'.repeat(1500) },
    ]);
    expect(await unpackFilesFlat(archive, into)).toEqual(['libnss3.so', 'libdeep.so']);
    expect(readdirSync(into).sort()).toEqual(['libdeep.so', 'libnss3.so']);
    expect(readFileSync(path.join(into, 'libnss3.so'), 'utf8')).toBe('nss');
    expect(readFileSync(path.join(into, 'libdeep.so'), 'utf8')).toBe('x'.repeat(1500));
    expect(statSync(path.join(into, 'libnss3.so')).mode & 0o777).toBe(0o755);
  });

  it("unpacks the chromium package's own library archive", async () => {
    const into = path.join(scratch, 'al2023');
    mkdirSync(into);
    const packageDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '../..');
    const written = await unpackFilesFlat(brotliDecompressSync(readFileSync(path.join(packageDir, 'bin/al2023.tar.br'))), into);
    expect(written).toEqual(expect.arrayContaining(['libnss3.so', 'libnspr4.so', 'libnssutil3.so', 'libsoftokn3.so', 'libexpat.so.1']));
    for (const name of written) expect(statSync(path.join(into, name)).size, name).toBeGreaterThan(0);
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

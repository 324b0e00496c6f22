// The build's prerenderer: which paths Astro renders in which order, and the files written after the pages.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AstroPrerenderer, PathWithRoute } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { isBulkFile, opsledgerPrerenderer, renderOrder } from '../../src/site/prerenderer.ts';


const page = (pathname: string, component: string) => ({ pathname, route: { type: 'page' as const, component } });
const endpoint = (pathname: string, component: string) => ({ pathname, route: { type: 'endpoint' as const, component } });

// The site's routes in the order Astro lists them (by route priority, then name).
const astroOrder = [
  endpoint('/api/v1/availability/2026-10.json', 'src/pages/api/v1/availability/[month].json.ts'),
  page('/applications/fx/', 'src/pages/applications/[id].astro'),
  endpoint('/badges/fx.svg', 'src/pages/badges/[app].svg.ts'),
  endpoint('/cards/incident-sev1-open.png', 'src/pages/cards/[card].png.ts'),
  page('/incidents/INC-2026-0001/', 'src/pages/incidents/[id].astro'),
  endpoint('/incidents/INC-2026-0001/index.txt', 'src/pages/incidents/[id]/index.txt.ts'),
  page('/reports/2026-10/', 'src/pages/reports/[month]/index.astro'),
  page('/reports/2026-10/summary/', 'src/pages/reports/[month]/summary/index.astro'),
  endpoint('/reports/2026-10/summary.png', 'src/pages/reports/[month]/summary.png.ts'),
  endpoint('/reports/2026-10/summary.txt', 'src/pages/reports/[month]/summary.txt.ts'),
  page('/reports/', 'src/pages/reports/index.astro'),
  page('/time/', 'src/pages/time/index.astro'),
  page('/', 'src/pages/index.astro'),
];

describe('render order', () => {
  it('holds back every endpoint but the PNG images', () => {
    expect(astroOrder.filter(isBulkFile).map((entry) => entry.pathname)).toEqual([
      '/api/v1/availability/2026-10.json',
      '/badges/fx.svg',
      '/incidents/INC-2026-0001/index.txt',
      '/reports/2026-10/summary.txt',
    ]);
  });

  it('renders the pages and PNG images in the order Astro gave, the held-back files apart', () => {
    const { pages, files } = renderOrder(astroOrder);
    expect(pages.map((entry) => entry.pathname)).toEqual([
      '/applications/fx/',
      '/cards/incident-sev1-open.png',
      '/incidents/INC-2026-0001/',
      '/reports/2026-10/',
      '/reports/2026-10/summary/',
      '/reports/2026-10/summary.png',
      '/reports/',
      '/time/',
      '/',
    ]);
    expect(files).toEqual(astroOrder.filter(isBulkFile));
    // Nothing lost, nothing twice.
    expect([...pages, ...files].map((entry) => entry.pathname).sort()).toEqual(astroOrder.map((entry) => entry.pathname).sort());
  });
});

describe('files written after the pages', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const listedImages = { staticImages: [], referencedImages: ['/src/images/logo.png'] };

  /** A stand-in for Astro's prerenderer: answers each endpoint with its URL, or `status` for one pathname. */
  function fakeAstro(answers: Record<string, { status: number; body: string }> = {}) {
    const requested: string[] = [];
    let tornDown = false;
    const astro: AstroPrerenderer = {
      name: 'astro:default',
      // As Astro 7.4 answers: the paths with the images they resolved, and each render with its metadata.
      getStaticPaths: async () => ({ paths: astroOrder as unknown as PathWithRoute[], metadata: listedImages }),
      render: async (request) => {
        requested.push(request.url);
        const pathname = new URL(request.url).pathname.replace(/^\/ops/, '');
        if (pathname === '/broken/') throw new Error('page failed');
        const answer = answers[pathname] ?? { status: 200, body: `body of ${request.url}` };
        return { response: new Response(answer.body, { status: answer.status }), metadata: { contentEntryKeys: [], staticImages: [] } };
      },
      teardown: async () => {
        tornDown = true;
      },
    };
    return { astro, requested, tornDown: () => tornDown };
  }

  function site() {
    const outDir = mkdtempSync(path.join(tmpdir(), 'opsledger-prerender-'));
    dirs.push(outDir);
    const logged: string[] = [];
    return { outDir, logged, site: () => ({ origin: 'https://ops.example.org', base: '/ops/', outDir, logger: { info: (message: string) => logged.push(message) } }) };
  }

  it('renders each held-back file through Astro under the base, writes its bytes where Astro would, then tears Astro down', async () => {
    const fake = fakeAstro({ '/badges/fx.svg': { status: 200, body: '<svg>é</svg>' } });
    const { outDir, logged, site: at } = site();
    const prerenderer = opsledgerPrerenderer(fake.astro, at);
    const listed = await prerenderer.getStaticPaths();
    // The pages Astro renders, and the image metadata Astro listed, passed on unchanged.
    expect(Array.isArray(listed) ? listed : listed.paths).toHaveLength(9);
    expect(Array.isArray(listed) ? undefined : listed.metadata).toBe(listedImages);
    expect(fake.requested).toEqual([]);
    await prerenderer.teardown!();
    expect(fake.requested).toEqual([
      'https://ops.example.org/ops/api/v1/availability/2026-10.json',
      'https://ops.example.org/ops/badges/fx.svg',
      'https://ops.example.org/ops/incidents/INC-2026-0001/index.txt',
      'https://ops.example.org/ops/reports/2026-10/summary.txt',
    ]);
    expect(readFileSync(path.join(outDir, 'badges/fx.svg'), 'utf8')).toBe('<svg>é</svg>');
    expect(readFileSync(path.join(outDir, 'incidents/INC-2026-0001/index.txt'), 'utf8')).toBe('body of https://ops.example.org/ops/incidents/INC-2026-0001/index.txt');
    expect(readdirSync(outDir, { recursive: true }).filter((entry) => String(entry).includes('.')).sort()).toEqual([
      'api/v1/availability/2026-10.json',
      'badges/fx.svg',
      'incidents/INC-2026-0001/index.txt',
      'reports/2026-10/summary.txt',
    ]);
    expect(logged).toEqual(['4 files written after the pages, from 4 endpoints']);
    expect(fake.tornDown()).toBe(true);
  });

  it('fails the build when an endpoint answers with an error', async () => {
    const fake = fakeAstro({ '/reports/2026-10/summary.txt': { status: 500, body: 'no' } });
    const prerenderer = opsledgerPrerenderer(fake.astro, site().site);
    await prerenderer.getStaticPaths();
    await expect(prerenderer.teardown!()).rejects.toThrow('/reports/2026-10/summary.txt: src/pages/reports/[month]/summary.txt.ts answered 500');
  });

  it('writes no file once a page has failed, and still tears Astro down', async () => {
    const fake = fakeAstro();
    const { outDir, site: at } = site();
    const prerenderer = opsledgerPrerenderer(fake.astro, at);
    await prerenderer.getStaticPaths();
    await expect(prerenderer.render(new Request('https://ops.example.org/ops/broken/'), { routeData: astroOrder[4]!.route as PathWithRoute['route'] })).rejects.toThrow('page failed');
    await prerenderer.teardown!();
    expect(readdirSync(outDir)).toEqual([]);
    expect(fake.tornDown()).toBe(true);
  });
});

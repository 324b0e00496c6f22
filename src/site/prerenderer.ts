// The build's prerenderer: Astro's own, with two changes of order that keep the main thread busy.
// - Endpoints that emit files rather than pages (text twins, the JSON API, badges, feeds) are held back from
//   Astro's page pipeline and written here in one pass after the pages. There each cost about 1.5 ms of
//   bookkeeping (a request, a log line, a conflict check, an awaited mkdir and write), more than most take to
//   compute, and the large corpus has 21,000 of them. They are still rendered by Astro's renderer, so an endpoint
//   answers as it does in `astro dev`, and the files and their bytes are the same.
// - Pages that wait for the render workers' drawings (application pages, monthly reports, the capacity, health,
//   problems and time pages, the PNG images) go last: every drawing is queued when Astro lists the pages
//   (src/site/drawings.ts), and the workers draw while the main thread renders everything else.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegrationLogger, AstroPrerenderer } from 'astro';

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];
type PathEntry = { pathname: string; route: Pick<PathWithRoute['route'], 'type' | 'component'> };

/** Where the build serves and writes: the site's origin and base, the output folder, and the log. */
export interface PrerenderSite {
  origin: string;
  base: string;
  outDir: string;
  logger: Pick<AstroIntegrationLogger, 'info'>;
}

/** An endpoint written in bulk after the pages: every endpoint but the PNG images, which wait for the render workers. */
export function isBulkFile(entry: PathEntry): boolean {
  return entry.route.type === 'endpoint' && !entry.pathname.endsWith('.png');
}

/** The pages that show charts from the render workers (src/site/drawings.ts); every PNG image waits for one too. */
const drawingPages: readonly string[] = [
  'src/pages/applications/[id].astro',
  'src/pages/capacity/index.astro',
  'src/pages/health/index.astro',
  'src/pages/problems/index.astro',
  'src/pages/reports/[month]/index.astro',
  'src/pages/time/index.astro',
];

/** A path whose page or image waits for a drawing from the render workers. */
export function waitsForDrawing(entry: PathEntry): boolean {
  return drawingPages.includes(entry.route.component) || entry.pathname.endsWith('.png');
}

/** The order Astro renders in: pages that wait for drawings last, bulk files held back; otherwise Astro's order. */
export function renderOrder<T extends PathEntry>(paths: readonly T[]): { pages: T[]; files: T[] } {
  const pages = paths.filter((entry) => !isBulkFile(entry));
  return {
    pages: [...pages.filter((entry) => !waitsForDrawing(entry)), ...pages.filter(waitsForDrawing)],
    files: paths.filter(isBulkFile),
  };
}

/**
 * Astro's prerenderer, reordered. The held-back files are written when Astro tears the prerenderer down, after the
 * last page and before it removes the bundle the endpoints run from; a build whose pages failed writes no more.
 */
export function opsledgerPrerenderer(astro: AstroPrerenderer, site: () => PrerenderSite): AstroPrerenderer {
  let files: PathWithRoute[] = [];
  let failed = false;
  return {
    ...astro,
    name: 'opsledger',
    async getStaticPaths() {
      const order = renderOrder(await astro.getStaticPaths());
      files = order.files;
      return order.pages;
    },
    async render(request, options) {
      try {
        return await astro.render(request, options);
      } catch (error) {
        failed = true;
        throw error;
      }
    },
    async teardown() {
      if (!failed) await writeFiles(astro, files, site());
      await astro.teardown?.();
    },
  };
}

/** Writes in flight at once: the main thread renders the next file while the thread pool creates the last ones. */
const writesInFlight = 32;

async function writeFiles(astro: AstroPrerenderer, files: readonly PathWithRoute[], site: PrerenderSite): Promise<void> {
  const folders = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<void>>();
  try {
    for (const { pathname, route } of files) {
      const request = new Request(new URL(site.base.replace(/\/$/, '') + pathname, site.origin));
      const rendered = await astro.render(request, { routeData: route });
      const response = rendered instanceof Response ? rendered : rendered.response;
      if (!response.ok) throw new Error(`${pathname}: ${route.component} answered ${response.status} ${response.statusText}`);
      const body = new Uint8Array(await response.arrayBuffer());
      const file = path.join(site.outDir, ...pathname.split('/'));
      const folder = path.dirname(file);
      let made = folders.get(folder);
      if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
      const write: Promise<void> = made.then(() => writeFile(file, body)).finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= writesInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    // However the loop ends, no write is left running (or failing unobserved) behind it.
    await Promise.allSettled(inFlight);
  }
  site.logger.info(`${files.length} files written after the pages, from ${new Set(files.map((entry) => entry.route.component)).size} endpoints`);
}

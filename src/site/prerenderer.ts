// The build's prerenderer: Astro's own, with the endpoints that emit files rather than pages (text twins, the JSON
// API, badges, feeds) held back from Astro's page pipeline and written here in one pass after the pages. There each
// costs bookkeeping (a request, a log line, a conflict check, an awaited mkdir and write), more than most take to
// compute, and the large corpus has 21,000 of them. They are still rendered by Astro's renderer, so an endpoint
// answers as it does in `astro dev`, and the files and their bytes are the same. Measured with Astro 7.4.8, output on
// tmpfs, interleaved: at 4,000 incidents the build took 10.9 s and 16.9 CPU-s with it, 11.7 s and 18.3 CPU-s without.
// (Rendering the pages that wait for drawings last, which it also did, no longer paid: 5.25 s either way at 500
// incidents, 10.9 against 11.2 s at 4,000; the drawings are queued when Astro lists the pages and are drawn early.)
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegrationLogger, AstroPrerenderer, PathWithRoute } from 'astro';
import { cachedBytes, storeBytes } from './build-cache.ts';
import { keyJson } from './digest.ts';

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

/** The order Astro renders in: its own, with the bulk files held back. */
export function renderOrder<T extends PathEntry>(paths: readonly T[]): { pages: T[]; files: T[] } {
  return { pages: paths.filter((entry) => !isBulkFile(entry)), files: paths.filter(isBulkFile) };
}

/**
 * Astro's prerenderer, with the bulk files held back. They are written when Astro tears the prerenderer down, after
 * the last page and before it removes the bundle the endpoints run from; a build whose pages failed writes no more.
 */
export function opsledgerPrerenderer(astro: AstroPrerenderer, site: () => PrerenderSite): AstroPrerenderer {
  let files: PathWithRoute[] = [];
  let failed = false;
  return {
    ...astro,
    name: 'opsledger',
    async getStaticPaths() {
      const listed = await astro.getStaticPaths();
      const { paths, metadata } = Array.isArray(listed) ? { paths: listed, metadata: undefined } : listed;
      const order = renderOrder(paths);
      files = order.files;
      return metadata === undefined ? { paths: order.pages } : { paths: order.pages, metadata };
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
    for (const { pathname, route, cacheKey } of files) {
      // A file with a cacheKey (a record's text twin) is taken from opsledger's build cache when its key is unchanged.
      const key = cacheKey === undefined ? undefined : keyJson([route.component, pathname, cacheKey]);
      let body: Uint8Array | undefined = key === undefined ? undefined : cachedBytes('files', key);
      if (body === undefined) {
        const request = new Request(new URL(site.base.replace(/\/$/, '') + pathname, site.origin));
        const rendered = await astro.render(request, { routeData: route });
        const response = rendered instanceof Response ? rendered : rendered.response;
        if (!response.ok) throw new Error(`${pathname}: ${route.component} answered ${response.status} ${response.statusText}`);
        body = new Uint8Array(await response.arrayBuffer());
        if (key !== undefined) storeBytes('files', key, body);
      }
      const file = path.join(site.outDir, ...pathname.split('/'));
      const folder = path.dirname(file);
      let made = folders.get(folder);
      if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
      const bytes = body;
      const write: Promise<void> = made.then(() => writeFile(file, bytes)).finally(() => inFlight.delete(write));
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

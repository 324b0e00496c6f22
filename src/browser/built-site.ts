// A built site (dist/) as a web host would serve it: which file answers a path, with which content type.
// The test server and `npm run pdf` both read the site through here.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file that answers `relative` (a path below the site root, starting with "/") in `root`: a file, or a folder's index.html; never outside `root`. */
export function builtFileFor(root: string, relative: string): string | undefined {
  const resolved = path.resolve(root, `.${relative}`);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return undefined;
  try {
    const stat = statSync(resolved);
    if (stat.isFile()) return resolved;
    if (stat.isDirectory()) {
      const index = path.join(resolved, 'index.html');
      if (statSync(index, { throwIfNoEntry: false })?.isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export interface RoutedSite {
  /** URLs below the published root that had no file in the built site, in request order. */
  notFound: string[];
  /** URLs elsewhere that the page asked for and was refused. */
  refused: string[];
}

/**
 * Answers every request of `context` under `publishedRoot` (e.g. `https://ops.example.org/ops/`) from the
 * files in `distDir`, and refuses every other request. Pages then carry their published addresses (a PDF's
 * links point at the real site) without a server or any network.
 */
export async function routeBuiltSite(context: BrowserContext, distDir: string, publishedRoot: string): Promise<RoutedSite> {
  const root = path.resolve(distDir);
  const site: RoutedSite = { notFound: [], refused: [] };
  await context.route('**/*', async (route) => {
    const requested = route.request().url();
    const url = new URL(requested);
    if (!requested.startsWith(publishedRoot)) {
      if (url.protocol !== 'data:') site.refused.push(requested);
      await route.abort('blockedbyclient');
      return;
    }
    let relative: string;
    try {
      relative = `/${decodeURIComponent(url.pathname).slice(new URL(publishedRoot).pathname.length)}`;
    } catch {
      await route.fulfill({ status: 400 });
      return;
    }
    const file = builtFileFor(root, relative);
    if (file === undefined) {
      site.notFound.push(requested);
      await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' });
      return;
    }
    await route.fulfill({ status: 200, contentType: contentTypeOf(file), body: readFileSync(file) });
  });
  return site;
}

// A static file server for a built site on 127.0.0.1, under the site's base path, as a plain web host serves dist/.
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { builtFileFor, contentTypeOf } from '../../src/browser/built-site.ts';

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a path. */
  origin: string;
  /** The site's root URL, ending in the base path, e.g. `http://127.0.0.1:41234/ops/`. */
  siteUrl: string;
  /** Paths (below the origin) that were requested but not found, in request order. */
  notFound: string[];
  close(): Promise<void>;
}

/** Serves `dir` at `http://127.0.0.1:<free port><base>`; a folder without its trailing slash is redirected, as static hosts do. */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const root = path.resolve(dir);
  const basePath = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const notFound: string[] = [];
  const server = createServer((request, response) => {
    const requestUrl = new URL(request.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(requestUrl.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = pathname.startsWith(basePath) ? builtFileFor(root, `/${pathname.slice(basePath.length)}`) : undefined;
    if (file === undefined) {
      notFound.push(requestUrl.pathname);
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    if (path.basename(file) === 'index.html' && !pathname.endsWith('/') && !pathname.endsWith('.html')) {
      response.writeHead(301, { location: `${requestUrl.pathname}/${requestUrl.search}` }).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentTypeOf(file) });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    siteUrl: origin + basePath,
    notFound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

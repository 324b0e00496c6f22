// The test server behaves like a plain static host under a sub-path: folders need their slash, nothing leaks outside.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './static-server.ts';

let dir = '';
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'opsledger-static-'));
  mkdirSync(path.join(dir, 'site/incidents'), { recursive: true });
  writeFileSync(path.join(dir, 'site/index.html'), '<p>home</p>');
  writeFileSync(path.join(dir, 'site/incidents/index.html'), '<p>incidents</p>');
  writeFileSync(path.join(dir, 'site/badge.svg'), '<svg/>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the site');
  server = await serveStatic(path.join(dir, 'site'), '/ops/');
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string) => fetch(server.origin + url, { redirect: 'manual' });
/** The status of a request path sent as written (fetch would resolve `..` before sending). */
const rawStatus = (requestPath: string) =>
  new Promise<number | undefined>((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port: new URL(server.origin).port, path: requestPath }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', reject);
  });

describe('serveStatic', () => {
  it('serves the site under its base path with content types', async () => {
    expect(server.siteUrl).toBe(`${server.origin}/ops/`);
    const home = await get('/ops/');
    expect([home.status, home.headers.get('content-type'), await home.text()]).toEqual([200, 'text/html; charset=utf-8', '<p>home</p>']);
    expect((await get('/ops/badge.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect(await (await get('/ops/incidents/')).text()).toBe('<p>incidents</p>');
  });

  it('redirects a folder without its slash, and answers 404 outside the base or the folder', async () => {
    const folder = await get('/ops/incidents?x=1');
    expect([folder.status, folder.headers.get('location')]).toEqual([301, '/ops/incidents/?x=1']);
    expect((await get('/incidents/')).status).toBe(404);
    expect(await rawStatus('/ops/../secret.txt')).toBe(404);
    expect(await rawStatus('/ops/%2e%2e/secret.txt')).toBe(404);
    expect(server.notFound).toEqual(['/incidents/', '/secret.txt', '/secret.txt']); // the URL parser resolves '..' first
  });
});

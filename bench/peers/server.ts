/**
 * A tiny loopback server for the peer pages: the pages themselves (bench/peers/*.html), the
 * peers' own builds from node_modules, and the run's data, held in memory under /data/.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** URL prefix → the folder it serves. */
const FOLDERS: Record<string, string> = {
  '/pages/': fileURLToPath(new URL('.', import.meta.url)),
  '/vis/': resolve('node_modules/vis-timeline/standalone/umd') + sep,
  '/tl/': resolve('node_modules/@knight-lab/timelinejs/dist') + sep,
};
const JSON_TYPE = 'application/json';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': JSON_TYPE,
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
};

export interface PeerServer {
  readonly origin: string;
  /** Serves `text` as JSON at /data/<name> until replaced. */
  setData(name: string, text: string): void;
  close(): Promise<void>;
}

export async function startPeerServer(): Promise<PeerServer> {
  const data = new Map<string, string>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://loopback').pathname);
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    if (path.startsWith('/data/')) {
      const text = data.get(path.slice('/data/'.length));
      return text === undefined ? notFound(response) : send(response, JSON_TYPE, text);
    }
    const prefix = Object.keys(FOLDERS).find((candidate) => path.startsWith(candidate));
    if (prefix === undefined) return notFound(response);
    const folder = FOLDERS[prefix]!;
    const file = normalize(join(folder, path.slice(prefix.length)));
    if (!file.startsWith(folder)) return notFound(response);
    readFile(file).then(
      (body) => send(response, TYPES[extname(file)] ?? 'application/octet-stream', body),
      () => notFound(response),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setData: (name, text) => data.set(name, text),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function send(response: ServerResponse, type: string, body: string | Buffer): void {
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
}

/**
 * The browser harness: serves the real renderer build and runs the real main-process services
 * in this Node process, bridged over loopback HTTP in place of IPC. "Export JSON" writes into
 * <dataDir>/exports/.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

import { type AppServices, startAppServices } from '../../src/main/app-services';
import { isCommandName } from '../../src/shared/command-names';
import { API_PREFIX, BRIDGE_PATH, bridgeScript, injectBridge } from './bridge';

export interface HarnessOptions {
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly rendererDir?: string;
  readonly writeDelayMs?: number;
}

export interface Harness {
  readonly url: string;
  readonly dataDir: string;
  readonly exportsDir: string;
  readonly services: AppServices;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 60 * 1024 * 1024;
const JS = 'text/javascript; charset=utf-8';
const JSON_TYPE = 'application/json';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': JS,
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': JSON_TYPE,
};

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const dataDir = resolve(options.dataDir);
  const exportsDir = join(dataDir, 'exports');
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  await stat(join(rendererDir, 'index.html')).catch(() => {
    throw new Error(`No renderer build at ${rendererDir}: run "npm run build" first.`);
  });
  const services = await startAppServices({
    dataDir,
    writeDelayMs: options.writeDelayMs,
    host: { chooseExportPath: (name) => freeExportPath(exportsDir, name) },
  });
  const server = createServer((request, response) => {
    handle(request, response, services, rendererDir).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error');
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    dataDir,
    exportsDir,
    services,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await services.close();
    },
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  services: AppServices,
  rendererDir: string,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (request.method === 'POST' && url.pathname.startsWith(API_PREFIX)) {
    // Only pages of this origin may call the services (no cross-site requests).
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${request.headers.host}`) {
      return send(response, 403, 'text/plain', 'Forbidden');
    }
    const name = url.pathname.slice(API_PREFIX.length);
    if (!isCommandName(name)) return send(response, 404, 'text/plain', 'No such command');
    const body = await readBody(request);
    let input: unknown;
    try {
      input = (JSON.parse(body) as { input?: unknown }).input;
    } catch {
      return sendJson(response, { ok: false, error: { code: 'invalid', message: 'Bad request' } });
    }
    return sendJson(response, await services.dispatch(name, input));
  }
  if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
  if (url.pathname === BRIDGE_PATH) return send(response, 200, JS, bridgeScript());
  if (url.pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
  const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const file = normalize(join(rendererDir, relative));
  if (!file.startsWith(rendererDir + sep)) return send(response, 404, 'text/plain', 'Not found');
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return send(response, 404, 'text/plain', 'Not found');
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (relative === 'index.html')
    return send(response, 200, type, injectBridge(content.toString('utf8')));
  send(response, 200, type, content);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, value: unknown): void {
  send(response, 200, JSON_TYPE, JSON.stringify(value));
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/** A path in the exports folder that does not overwrite an earlier export. */
async function freeExportPath(dir: string, name: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const ext = name.endsWith('.timeline.json') ? '.timeline.json' : extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? name : `${stem}-${n}${ext}`);
    const taken = await stat(candidate).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

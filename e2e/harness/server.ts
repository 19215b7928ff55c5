/**
 * The browser harness: serves the real renderer build and runs the real main-process services
 * in this Node process, bridged over loopback HTTP in place of IPC. "Export JSON" writes into
 * <dataDir>/exports/. It answers only its own page (request-guard.ts): users run it as a preview.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';

import { type AppServices, startAppServices } from '../../src/main/app-services';
import { isCommandName } from '../../src/shared/command-names';
import { API_PREFIX, BRIDGE_PATH, bridgeScript, injectBridge } from './bridge';
import {
  GUARD_HEADERS,
  loopbackHosts,
  newToken,
  refuseCommand,
  refuseHost,
  refuseScript,
} from './request-guard';
import { staticTarget } from './static-path';

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
const TEXT = 'text/plain; charset=utf-8';
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
  // No Host is answered until the port is known.
  const site: Site = { services, rendererDir, token: newToken(), hosts: new Set() };
  // A request without Host reaches refuseHost, which answers it with a reason and our headers.
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    handle(request, response, site).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, TEXT, 'Internal error');
    });
  });
  await new Promise<void>((done) =>
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      site.hosts = loopbackHosts((server.address() as AddressInfo).port);
      done();
    }),
  );
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

interface Site {
  readonly services: AppServices;
  readonly rendererDir: string;
  /** Per run; only the bridge script served to this origin's page carries it. */
  readonly token: string;
  /** The Host values this server answers. */
  hosts: ReadonlySet<string>;
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  site: Site,
): Promise<void> {
  const wrongHost = refuseHost(request.headers, site.hosts);
  if (wrongHost) return send(response, wrongHost.status, TEXT, wrongHost.reason);
  const target = request.url ?? '';
  // Only origin-form targets ("/path?query"): "//host/..." or "http://..." would name another.
  if (!target.startsWith('/') || target.startsWith('//'))
    return send(response, 400, TEXT, 'Bad request target');
  const path = target.split('?', 1)[0] ?? '/';
  if (request.method === 'POST' && path.startsWith(API_PREFIX)) {
    const refused = refuseCommand(request.headers, site.token);
    if (refused) return send(response, refused.status, TEXT, refused.reason);
    const name = path.slice(API_PREFIX.length);
    if (!isCommandName(name)) return send(response, 404, TEXT, 'No such command');
    const body = await readBody(request);
    let input: unknown;
    try {
      input = (JSON.parse(body) as { input?: unknown }).input;
    } catch {
      return sendJson(response, { ok: false, error: { code: 'invalid', message: 'Bad request' } });
    }
    return sendJson(response, await site.services.dispatch(name, input));
  }
  if (request.method !== 'GET') return send(response, 405, TEXT, 'Method not allowed');
  if (path === BRIDGE_PATH) {
    const refused = refuseScript(request.headers);
    if (refused) return send(response, refused.status, TEXT, refused.reason);
    return send(response, 200, JS, bridgeScript(site.token));
  }
  if (path === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
  const found = staticTarget(site.rendererDir, path);
  if ('status' in found) return send(response, found.status, TEXT, found.reason);
  let content: Buffer;
  try {
    content = await readFile(found.file);
  } catch {
    return send(response, 404, TEXT, 'Not found');
  }
  const type = TYPES[extname(found.file)] ?? 'application/octet-stream';
  if (found.isIndex) return send(response, 200, type, injectBridge(content.toString('utf8')));
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
  response.writeHead(status, { ...GUARD_HEADERS, 'content-type': type });
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

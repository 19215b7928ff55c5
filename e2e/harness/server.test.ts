/**
 * The preview server is offered to users, so any site they visit can try to reach it: these
 * tests send raw HTTP (node:http, so the Host header is ours to choose) to a real harness and
 * check that only its own page, on a loopback name and with the run's token, gets an answer.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { type OutgoingHttpHeaders, request as httpRequest } from 'node:http';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { useTempDirs } from '../../test/temp-dir';
import { type Harness, startHarness } from './server';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const SECRET = 'the-secret-next-to-the-build';
const tempDir = useTempDirs();
let harness: Harness;
let port: number;

beforeEach(async () => {
  const dir = await tempDir();
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(dir, 'secret.txt'), SECRET);
  harness = await startHarness({ dataDir: join(dir, 'data'), rendererDir, writeDelayMs: 5 });
  port = Number(new URL(harness.url).port);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await harness.close();
});

/** One request as a client that is not a browser would send it; `host: null` sends no Host. */
function send(
  path: string,
  options: {
    method?: string;
    host?: string | null;
    headers?: OutgoingHttpHeaders;
    body?: string;
  } = {},
): Promise<Answer> {
  const { method = 'GET', host = `127.0.0.1:${port}`, headers = {}, body } = options;
  return new Promise((done, fail) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        setHost: false,
        headers: host === null ? headers : { ...headers, host },
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () =>
          done({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }),
        );
      },
    );
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

/** The token as the page gets it: from the bridge script that index.html loads. */
async function tokenOfThePage(): Promise<{ header: string; token: string }> {
  const page = await send('/');
  const bridge = await send(/<script src="([^"]+)"><\/script>/.exec(page.body)?.[1] ?? '');
  const [, header = '', token = ''] = /"(x-[a-z-]+-token)": "([^"]+)"/.exec(bridge.body) ?? [];
  expect(token.length).toBeGreaterThanOrEqual(32);
  return { header, token };
}

/** The ids of the events the services hold (what a restart would find). */
async function storedEventIds(): Promise<string[]> {
  const result = await harness.services.dispatch('getTimeline', undefined);
  if (!result.ok) throw new Error(result.error.message);
  const { document } = result.value;
  return document.events.map((event) => event.id);
}

/** The headers a page of `origin` that holds the token would send. */
async function pageHeaders(origin: string): Promise<OutgoingHttpHeaders> {
  const { header, token } = await tokenOfThePage();
  return { [header]: token, origin };
}

/** Asks to delete the first stored event; `kept` says whether the services still hold it. */
async function deleteFirstEvent(headers: OutgoingHttpHeaders, host?: string) {
  const [id] = await storedEventIds();
  if (id === undefined) throw new Error('the seed timeline has no events');
  const answer = await send('/__harness/api/deleteEvent', {
    method: 'POST',
    host,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ input: { id } }),
  });
  return { status: answer.status, kept: (await storedEventIds()).includes(id) };
}

describe('the Host header', () => {
  it.each([null, 'evil.example:PORT', 'evil.example', '[::1]:PORT', '127.0.0.1:OTHER'])(
    'refuses the page to Host %s',
    async (host) => {
      const named = host?.replace('PORT', String(port)).replace('OTHER', String(port + 1));
      const answer = await send('/', { host: named ?? null });
      expect(answer.status).toBe(421);
      expect(answer.body).not.toContain('<script');
    },
  );

  it('refuses a command to a rebinding name even with the token, and runs nothing', async () => {
    const headers = await pageHeaders(`http://evil.example:${port}`);
    expect(await deleteFirstEvent(headers, `evil.example:${port}`)).toEqual({
      status: 421,
      kept: true,
    });
  });

  it('answers localhost:PORT as well as 127.0.0.1:PORT', async () => {
    const answer = await send('/', { host: `localhost:${port}` });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<script src="/__harness/bridge.js">');
  });
});

describe('commands', () => {
  it.each([
    ['without the token', {}],
    ['with a wrong token', { 'x-timeline-desk-token': 'A'.repeat(43) }],
    ['with a token of another length', { 'x-timeline-desk-token': 'short' }],
  ])('refuses a command %s, and runs nothing', async (_, headers) => {
    expect(await deleteFirstEvent(headers)).toEqual({ status: 403, kept: true });
  });

  it('refuses a command from another site even with the token', async () => {
    const headers = await pageHeaders('http://evil.example');
    expect(await deleteFirstEvent(headers)).toEqual({ status: 403, kept: true });
  });

  it("runs a command that carries the page's token", async () => {
    const headers = await pageHeaders(`http://127.0.0.1:${port}`);
    expect(await deleteFirstEvent(headers)).toEqual({ status: 200, kept: false });
  });

  it('gives the bridge script, and its token, to no other site', async () => {
    const { token } = await tokenOfThePage();
    const answer = await send('/__harness/bridge.js', {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain(token);
  });
});

describe('every response', () => {
  it.each([
    ['the page', '/', 200],
    ['a missing file', '/nothing.js', 404],
    ['a refused Host', '/', 421],
  ])('forbids framing, sniffing and caching: %s', async (_, path, status) => {
    const answer = await send(path, status === 421 ? { host: 'evil.example' } : {});
    expect(answer.status).toBe(status);
    expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('no-store');
  });
});

describe('paths', () => {
  it('answers a malformed percent-encoding with 400, logging nothing', async () => {
    const logged = vi.spyOn(console, 'error');
    const answer = await send('/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(logged).not.toHaveBeenCalled();
  });

  it.each([
    '/../secret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2F..%2Fsecret.txt',
    '/..\\secret.txt',
    '/..%5Csecret.txt',
    '/secret.txt%00.js',
    '//../secret.txt',
    `http://127.0.0.1:PORT/../secret.txt`,
  ])('never serves a file outside the build: %s', async (path) => {
    const answer = await send(path.replace('PORT', String(port)));
    expect([400, 404]).toContain(answer.status);
    expect(answer.body).not.toContain(SECRET);
  });

  it('still serves the files of the build', async () => {
    const answer = await send('/assets/app.js');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
  });
});

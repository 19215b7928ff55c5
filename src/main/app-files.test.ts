/** The app's scheme on a real renderer folder: what it serves, and every way it refuses. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { APP_ENTRY_URL, appFilePath, serveAppFile } from './app-files';
import { CONTENT_SECURITY_POLICY } from './security';

let top: string;
let renderer: string;

beforeAll(async () => {
  top = await mkdtemp(join(tmpdir(), 'timeline-desk-app-files-'));
  renderer = join(top, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Timeline Desk</title>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'export {};');
  // Beside the build, not in it: must never be served.
  await writeFile(join(top, 'secret.txt'), 'the user’s private notes');
});
afterAll(() => rm(top, { recursive: true, force: true }));

const text = (body: Uint8Array | string): string =>
  typeof body === 'string' ? body : Buffer.from(body).toString('utf8');

describe('serveAppFile', () => {
  it('serves the page and its scripts with their types, the CSP and nosniff', async () => {
    const page = await serveAppFile(APP_ENTRY_URL, 'GET', renderer);
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain('<title>Timeline Desk</title>');
    expect(page.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(page.headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    const script = await serveAppFile('app://timeline-desk/assets/app.js', 'GET', renderer);
    expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect((await serveAppFile('app://timeline-desk/', 'GET', renderer)).status).toBe(200);
  });

  it('refuses every way out of the build folder, encoded or not', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      const answer = await serveAppFile(`app://timeline-desk${path}`, 'GET', renderer);
      expect(answer.status, path).toBe(404);
      expect(text(answer.body), path).not.toContain('private');
    }
  });

  it('answers a malformed path with 400, another host with 404, a POST with 405', async () => {
    for (const path of ['/%E0%A4%A', '/a%00b.html', '/assets%5C..%5C..%5Csecret.txt']) {
      expect((await serveAppFile(`app://timeline-desk${path}`, 'GET', renderer)).status).toBe(400);
    }
    expect((await serveAppFile('app://evil/index.html', 'GET', renderer)).status).toBe(404);
    expect((await serveAppFile('file:///etc/passwd', 'GET', renderer)).status).toBe(404);
    expect((await serveAppFile('app://timeline-desk/missing.js', 'GET', renderer)).status).toBe(
      404,
    );
    expect((await serveAppFile(APP_ENTRY_URL, 'POST', renderer)).status).toBe(405);
  });
});

describe('appFilePath', () => {
  it('maps the entry to index.html inside the folder', () => {
    expect(appFilePath(APP_ENTRY_URL, renderer)).toBe(join(renderer, 'index.html'));
    expect(appFilePath('not a url', renderer)).toBe(400);
  });
});

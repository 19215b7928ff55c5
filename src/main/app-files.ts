/**
 * The app's own scheme, app://timeline-desk/, serves the renderer build and nothing else: so the
 * CSP's 'self' means the app's files only (under file:// it meant every file on the disk). Pure
 * of Electron: electron/app-protocol.ts registers the scheme and hands requests here.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'timeline-desk';
/** The page the window loads in the built app. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface AppFileResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Sent with every answer: the page's CSP (frame-ancestors only works as a header). */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/** Answers a request of the app's scheme with a file of `rendererDir`, or a refusal. */
export async function serveAppFile(
  requestUrl: string,
  method: string,
  rendererDir: string,
): Promise<AppFileResponse> {
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'Method not allowed');
  const path = appFilePath(requestUrl, rendererDir);
  if (typeof path === 'number') return refusal(path, path === 400 ? 'Bad request' : 'Not found');
  let body: Uint8Array;
  try {
    body = await readFile(path);
  } catch {
    return refusal(404, 'Not found');
  }
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  return {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': type },
    body: method === 'HEAD' ? '' : body,
  };
}

/**
 * The file of `rendererDir` a URL names, or the status that refuses it: 400 for a path that
 * cannot be decoded or holds a NUL or backslash, 404 for another host or anything that would
 * leave the folder (`..`, encoded or not).
 */
export function appFilePath(requestUrl: string, rendererDir: string): string | 400 | 404 {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return 400;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return 404;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return 400;
  }
  if (/[\0\\]/.test(relative)) return 400;
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = normalize(rendererDir);
  const file = normalize(join(root, relative));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : 404;
}

function refusal(status: number, text: string): AppFileResponse {
  return {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: text,
  };
}

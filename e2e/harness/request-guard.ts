/**
 * Why the preview server answers only its own page: any site the user visits could otherwise
 * reach it, and a DNS-rebinding page (a foreign name that resolves to 127.0.0.1) could read,
 * delete and replace the whole timeline. A request must name this server in its Host header; a
 * command must come from this origin and carry the per-run token that only the served bridge
 * script holds.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header the bridge sends the token in. */
export const TOKEN_HEADER = 'x-timeline-desk-token';

/** On every response: never framed by another page, never sniffed, cached or loaded cross-origin. */
export const GUARD_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
} as const;

export interface Refusal {
  readonly status: 403 | 421;
  readonly reason: string;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The Host values a browser sends to a server listening on 127.0.0.1 at `port`. */
export function loopbackHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Refuses a request whose Host is not this server on loopback (missing included). */
export function refuseHost(
  headers: IncomingHttpHeaders,
  hosts: ReadonlySet<string>,
): Refusal | undefined {
  if (headers.host !== undefined && hosts.has(headers.host)) return undefined;
  return { status: 421, reason: 'This server answers only http://127.0.0.1 or localhost.' };
}

/** Refuses a command sent by another site, or without this run's token. */
export function refuseCommand(headers: IncomingHttpHeaders, token: string): Refusal | undefined {
  // A browser always sends Origin on a POST; only this origin may call the services.
  if (headers.origin !== undefined && headers.origin !== `http://${headers.host}`)
    return { status: 403, reason: 'Commands are accepted only from this page.' };
  if (!sameSecret(headers[TOKEN_HEADER], token))
    return { status: 403, reason: 'Commands need the token of this page.' };
  return undefined;
}

/**
 * Refuses the bridge script (it holds the token) to a page of another origin that includes it as
 * a script; Cross-Origin-Resource-Policy stops that too, in the browser, but only after sending.
 */
export function refuseScript(headers: IncomingHttpHeaders): Refusal | undefined {
  const site = headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return undefined;
  return { status: 403, reason: 'The bridge is only for this page.' };
}

/** Compares in constant time, so the answer's timing tells nothing about the token. */
function sameSecret(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

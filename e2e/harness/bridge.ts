/**
 * The harness's stand-in for the preload: the same `window.api` shape, built from the same
 * command list, but carried over HTTP on loopback instead of IPC.
 */
import { COMMAND_NAMES } from '../../src/shared/command-names';
import { TOKEN_HEADER } from './request-guard';

export const BRIDGE_PATH = '/__harness/bridge.js';
export const API_PREFIX = '/__harness/api/';

/**
 * The bridge as a classic script, served from the app's origin so the CSP allows it. It holds
 * the run's `token` in a closure, and the server gives the script only to pages of its origin.
 */
export function bridgeScript(token: string): string {
  return `'use strict';
(() => {
  const call = async (name, input) => {
    try {
      const response = await fetch(${JSON.stringify(API_PREFIX)} + name, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ${JSON.stringify(TOKEN_HEADER)}: ${JSON.stringify(token)},
        },
        body: JSON.stringify({ input }),
      });
      if (!response.ok) {
        const reason = (await response.text()).slice(0, 200);
        return { ok: false, error: { code: 'io', message: 'The app service refused the call: ' + reason } };
      }
      // As a Blob, Chromium takes the body in off the page's main thread (response.json() takes
      // it in there, chunk by chunk: 60 ms more for a 4.5 MB story): the stand-in for IPC
      // should not cost the page more than the IPC it stands in for.
      return JSON.parse(await (await response.blob()).text());
    } catch (error) {
      return { ok: false, error: { code: 'io', message: 'The app service did not answer: ' + error } };
    }
  };
  const api = {
    hasNativeMenu: false,
    platform: 'browser',
    onMenuCommand: () => () => {},
    onOpenFile: () => () => {},
  };
  for (const name of ${JSON.stringify(COMMAND_NAMES)}) api[name] = (input) => call(name, input);
  Object.defineProperty(window, 'api', { value: Object.freeze(api) });
})();
`;
}

/** Puts the bridge before the app's own scripts in index.html. */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const at = html.search(/<script\b/i);
  return at === -1
    ? html.replace('</head>', `${tag}</head>`)
    : html.slice(0, at) + tag + html.slice(at);
}

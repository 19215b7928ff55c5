/**
 * Rules for every web page the app creates: no navigation away from the app, no new windows
 * (http(s) links go to the system browser), no <webview>, no permissions, and the CSP header.
 */
import type { Event, Session, WebContents } from 'electron';

import { isAppUrl, isExternalWebUrl, withContentSecurityPolicy } from '../security';

export interface WebRulesOptions {
  readonly appEntryUrl: string;
  /** Opens a link in the system browser (shell.openExternal). */
  readonly openExternal: (url: string) => Promise<void>;
}

export function applyWebContentsRules(contents: WebContents, options: WebRulesOptions): void {
  const denyUnlessApp = (event: Event, url: string): void => {
    if (!isAppUrl(url, options.appEntryUrl)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => denyUnlessApp(event, event.url));
  contents.on('will-frame-navigate', (event) => denyUnlessApp(event, event.url));
  contents.on('will-redirect', (event) => denyUnlessApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      options.openExternal(url).catch((error: unknown) => {
        console.warn(`Could not open ${url} in the browser:`, error);
      });
    }
    return { action: 'deny' };
  });
}

/**
 * The one permission granted: writing plain text and sanitized HTML to the clipboard (Copy
 * chronology). Reading the clipboard stays denied.
 */
const GRANTED: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Denies every other permission a page could ask for, and sends the CSP with every response. */
export function hardenSession(session: Session, policy?: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(GRANTED.has(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => GRANTED.has(permission));
  // The built page carries the CSP in a meta tag; the dev server's responses need the header.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}

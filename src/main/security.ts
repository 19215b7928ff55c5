/**
 * The security rules of the window, as pure functions so they can be tested without Electron:
 * its webPreferences, its Content-Security-Policy, and which URLs and senders it trusts.
 */

/** The webPreferences of the window; structurally a subset of Electron's WebPreferences. */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly spellcheck: true;
  /** Only while developing: the production build has no DevTools, by menu or by keys. */
  readonly devTools: boolean;
}

export function secureWebPreferences(
  preloadPath: string,
  options: { readonly devTools: boolean },
): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    devTools: options.devTools,
  };
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** While developing, Vite injects styles as <style> elements; the built app loads CSS files. */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "style-src 'self'",
  "style-src 'self' 'unsafe-inline'",
);

export type ResponseHeaders = Record<string, string | string[]>;

/** The response headers with our CSP in place of any the server sent (any spelling of the name). */
export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): ResponseHeaders {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}

/**
 * The URL the window loads: the dev server's while developing (never in a packaged app, where an
 * environment variable must not be able to point the window elsewhere), else the built page on
 * the app's own scheme (app://timeline-desk/index.html).
 */
export function resolveAppEntryUrl(options: {
  readonly devServerUrl: string | undefined;
  readonly isPackaged: boolean;
  readonly builtEntryUrl: string;
}): string {
  const dev = options.isPackaged ? undefined : parseUrl(options.devServerUrl ?? '');
  return dev && isWebProtocol(dev.protocol) ? dev.href : options.builtEntryUrl;
}

/** True while the window shows the dev server's page (`npm run dev`): DevTools are offered. */
export function isDevelopment(appEntryUrl: string): boolean {
  const entry = parseUrl(appEntryUrl);
  return entry !== undefined && isWebProtocol(entry.protocol);
}

/** True for URLs that may be handed to the system browser: http and https only. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== undefined && isWebProtocol(parsed.protocol) && parsed.hostname !== '';
}

/**
 * True when `url` is the app's own page: the built entry on the app's scheme (any query or
 * hash), or, while developing, any page of the dev server's origin.
 */
export function isAppUrl(url: string, appEntryUrl: string): boolean {
  const target = parseUrl(url);
  const entry = parseUrl(appEntryUrl);
  if (!target || !entry) return false;
  if (isWebProtocol(entry.protocol)) return target.origin === entry.origin;
  // A custom scheme's URL has no origin to compare ('null'): scheme, host and page must match.
  return (
    target.protocol === entry.protocol &&
    target.host === entry.host &&
    target.pathname === entry.pathname
  );
}

/** IPC is answered only for the main frame of a page that is the app itself. */
export function isTrustedSender(
  frameUrl: string | undefined,
  isMainFrame: boolean,
  appEntryUrl: string,
): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl, appEntryUrl);
}

function isWebProtocol(protocol: string): boolean {
  return protocol === 'http:' || protocol === 'https:';
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

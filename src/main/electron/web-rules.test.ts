/** The web-page rules with a hand-made webContents and session: what is refused and opened. */
import { EventEmitter } from 'node:events';

import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { CONTENT_SECURITY_POLICY } from '../security';
import { applyWebContentsRules, hardenSession } from './web-rules';

const appUrl = 'file:///opt/timeline-desk/out/renderer/index.html';

interface OpenResponse {
  action: string;
}

function makeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => OpenResponse) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  });
  const openExternal = vi.fn<(url: string) => Promise<void>>(async () => undefined);
  applyWebContentsRules(contents as unknown as WebContents, { appEntryUrl: appUrl, openExternal });

  /** Emits an event as Electron does and tells whether a rule prevented it. */
  const prevented = (name: string, url?: string): boolean => {
    const event = { url, preventDefault: vi.fn() };
    emitter.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  const open = (url: string): OpenResponse => openHandler!({ url });
  return { prevented, open, openExternal };
}

describe('applyWebContentsRules', () => {
  it('refuses navigation and redirects away from the app page, in every frame', () => {
    const { prevented } = makeContents();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of [
        'https://example.com/',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'data:text/html,hi',
      ]) {
        expect(prevented(name, url), `${name} ${url}`).toBe(true);
      }
      expect(prevented(name, `${appUrl}#top`), `${name} to the app`).toBe(false);
    }
  });

  it('refuses every <webview>', () => {
    expect(makeContents().prevented('will-attach-webview')).toBe(true);
  });

  it('opens no window, and hands only http(s) links to the system browser', () => {
    const { open, openExternal } = makeContents();
    expect(open('https://www.reuters.com/world/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://www.reuters.com/world/');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/x', appUrl]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('hardenSession', () => {
  function makeSession() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (handler: never) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: never) => (handlers.check = handler),
      webRequest: { onHeadersReceived: (handler: never) => (handlers.headers = handler) },
    };
    hardenSession(session as unknown as Session);
    return handlers as Record<string, (...args: unknown[]) => unknown>;
  }

  it('denies every other permission request and check', () => {
    const handlers = makeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      handlers.request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(handlers.check!(null, permission, 'file://', {})).toBe(false);
    }
  });

  it('grants writing to the clipboard (Copy chronology), and nothing else about it', () => {
    const handlers = makeSession();
    const callback = vi.fn();
    handlers.request!({}, 'clipboard-sanitized-write', callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(true);
    expect(handlers.check!(null, 'clipboard-sanitized-write', 'app://timeline-desk', {})).toBe(
      true,
    );
    expect(handlers.check!(null, 'clipboard-read', 'app://timeline-desk', {})).toBe(false);
  });

  it('sends our CSP with every response, in place of the server one', () => {
    const handlers = makeSession();
    const callback = vi.fn();
    handlers.headers!(
      { responseHeaders: { 'content-security-policy': ['script-src *'], 'X-Other': ['1'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});

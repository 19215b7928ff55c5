import { describe, expect, it } from 'vitest';

import {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  isAppUrl,
  isDevelopment,
  isExternalWebUrl,
  isTrustedSender,
  resolveAppEntryUrl,
  secureWebPreferences,
  withContentSecurityPolicy,
} from './security';

const entry = 'app://timeline-desk/index.html';
const devEntry = 'http://localhost:5173/';

describe('secureWebPreferences', () => {
  it('isolates the page from Node and Electron and keeps the web sandbox on', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', { devTools: false })).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      devTools: false,
    });
  });
});

describe('isDevelopment', () => {
  it('is true for the dev server only: the built app has no DevTools', () => {
    expect(isDevelopment(devEntry)).toBe(true);
    expect(isDevelopment(entry)).toBe(false);
    expect(isDevelopment('file:///opt/timeline-desk/out/renderer/index.html')).toBe(false);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );

  it('allows scripts, styles and connections only from the app itself', () => {
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|\*|http:|https:/);
  });

  it('forbids plugins, base changes, form posts and framing', () => {
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
  });

  it('replaces whatever policy the server sent, in any spelling', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["script-src 'unsafe-inline'"],
      'CONTENT-SECURITY-POLICY': 'script-src *',
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('resolveAppEntryUrl', () => {
  it('loads the built page in a packaged app, whatever the environment says', () => {
    expect(
      resolveAppEntryUrl({ devServerUrl: devEntry, isPackaged: true, builtEntryUrl: entry }),
    ).toBe(entry);
  });

  it('loads the dev server while developing', () => {
    expect(
      resolveAppEntryUrl({
        devServerUrl: 'http://localhost:5173',
        isPackaged: false,
        builtEntryUrl: entry,
      }),
    ).toBe(devEntry);
  });

  it('ignores a dev server URL that is missing or not http(s)', () => {
    for (const devServerUrl of [undefined, '', 'not a url', 'file:///etc/passwd', 'javascript:1']) {
      expect(resolveAppEntryUrl({ devServerUrl, isPackaged: false, builtEntryUrl: entry })).toBe(
        entry,
      );
    }
  });
});

describe('isExternalWebUrl', () => {
  it('accepts http and https links', () => {
    expect(isExternalWebUrl('https://www.reuters.com/world/')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    expect(isExternalWebUrl('HTTPS://EXAMPLE.COM/a?b#c')).toBe(true);
  });

  it('refuses every other scheme and anything that is not a URL', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'mailto:desk@example.com',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'ms-msdt:/id PCWDiagnostic',
      'smb://attacker/share',
      'timeline-desk://open',
      'about:blank',
      'chrome://settings',
      '//example.com',
      'example.com',
      '',
      'https://',
    ]) {
      expect(isExternalWebUrl(url), url).toBe(false);
    }
  });
});

describe('isAppUrl', () => {
  it('accepts the built page with any query or hash', () => {
    expect(isAppUrl(entry, entry)).toBe(true);
    expect(isAppUrl(`${entry}#event-3`, entry)).toBe(true);
    expect(isAppUrl(`${entry}?x=1`, entry)).toBe(true);
  });

  it('refuses other pages, other hosts and schemes, including ones that only look alike', () => {
    expect(isAppUrl('app://timeline-desk/other.html', entry)).toBe(false);
    expect(isAppUrl('app://evil-host/index.html', entry)).toBe(false);
    expect(isAppUrl('app://timeline-desk.evil/index.html', entry)).toBe(false);
    expect(isAppUrl(`${entry}.evil.html`, entry)).toBe(false);
    expect(isAppUrl('file:///opt/timeline-desk/out/renderer/index.html', entry)).toBe(false);
    expect(isAppUrl('https://timeline-desk/index.html', entry)).toBe(false);
  });

  it('refuses web pages when the app is the built file', () => {
    expect(isAppUrl('https://example.com/', entry)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', entry)).toBe(false);
    expect(isAppUrl('about:blank', entry)).toBe(false);
    expect(isAppUrl('not a url', entry)).toBe(false);
  });

  it('accepts only the dev server origin while developing', () => {
    expect(isAppUrl('http://localhost:5173/', devEntry)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.ts', devEntry)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', devEntry)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', devEntry)).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', devEntry)).toBe(false);
    expect(isAppUrl(entry, devEntry)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the main frame of the app page', () => {
    expect(isTrustedSender(entry, true, entry)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', true, devEntry)).toBe(true);
  });

  it('refuses iframes, even of the app page', () => {
    expect(isTrustedSender(entry, false, entry)).toBe(false);
  });

  it('refuses other origins, other files and frames that are gone', () => {
    expect(isTrustedSender('https://example.com/', true, entry)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5173/', true, devEntry)).toBe(false);
    expect(isTrustedSender('file:///tmp/index.html', true, entry)).toBe(false);
    expect(isTrustedSender('data:text/html,hi', true, entry)).toBe(false);
    expect(isTrustedSender('about:blank', true, entry)).toBe(false);
    expect(isTrustedSender(undefined, true, entry)).toBe(false);
    expect(isTrustedSender('', true, entry)).toBe(false);
  });
});

describe('the development policy', () => {
  it('allows inline styles for the dev server and nothing else beyond the built policy', () => {
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("style-src 'self' 'unsafe-inline'");
    expect(DEV_CONTENT_SECURITY_POLICY.replace(" 'unsafe-inline'", '')).toBe(
      CONTENT_SECURITY_POLICY,
    );
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });
});

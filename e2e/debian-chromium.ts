/**
 * Debian's Chromium and the flags that work on these machines, for every Playwright launch: the
 * test projects (playwright.config.ts), the bench, and the Electron stand-in's windows.
 * Playwright's own browser downloads are not reachable here and are never used.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The window size of the journeys: the app's timeline, editor and toolbar all show. */
export const VIEWPORT = { width: 1400, height: 900 } as const;

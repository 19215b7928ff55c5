import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT } from './e2e/debian-chromium';

/** Debian's Chromium: Playwright's own browser downloads are not reachable here. */
const chromium = {
  browserName: 'chromium' as const,
  viewport: VIEWPORT,
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
};

export default defineConfig<{ shellKind: 'harness' | 'built-app' }>({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI, reported as "flaky", never hidden: a 2-core machine running the whole suite
  // has timed out single steps that pass alone (the built app's menu, the 10,000-event journeys).
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
  projects: [
    // The journeys on the browser harness: the renderer build with the services over loopback.
    { name: 'browser', testDir: 'e2e/browser', use: { ...chromium, shellKind: 'harness' } },
    // The same journeys on the built app (out/main/index.js, the Electron stand-in, the preload and
    // IPC handlers). Left out: what is about the harness itself, TimelineJS, and the bench-sized story.
    {
      name: 'built-app',
      testDir: 'e2e/browser',
      testIgnore: [
        'opening.spec.ts',
        'content-policy.spec.ts',
        'timelinejs.spec.ts',
        'big-timeline.spec.ts',
        'chronology-big.spec.ts',
      ],
      use: { ...chromium, shellKind: 'built-app' },
    },
    // The built app's start-up, menus, files and security, launched with the stand-in.
    { name: 'launch', testDir: 'e2e/built-app', use: chromium },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});

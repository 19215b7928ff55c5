/**
 * Fixtures for the built app's own tests: a fresh folder per test, and `launch`, which starts
 * out/main/index.js with the Electron stand-in there (launch.ts) and ends whatever is left
 * running when the test ends.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { test as base } from '@playwright/test';

import { WindowSteps } from '../window-steps';
import { BuiltApp, type LaunchOptions } from './launch';

/** A launched app and its window, driven by the shared window steps. */
export class Desk extends WindowSteps {
  constructor(
    readonly app: BuiltApp,
    page: WindowSteps['page'],
  ) {
    super(page);
  }
}

interface Fixtures {
  workDir: string;
  dataDir: string;
  home: string;
  /** Starts the built app; `ready` false when it ended before its Chromium was up. */
  start: (options?: Partial<LaunchOptions>) => Promise<{ app: BuiltApp; ready: boolean }>;
  /** Starts the built app and waits for its window to be ready. */
  launch: (options?: Partial<LaunchOptions>) => Promise<Desk>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
  workDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'timeline-desk-launch-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  dataDir: async ({ workDir }, use) => use(join(workDir, 'data')),
  home: async ({ workDir }, use) => use(join(workDir, 'home')),
  start: async ({ dataDir, home }, use) => {
    const started: BuiltApp[] = [];
    await use(async (options = {}) => {
      const result = await BuiltApp.start({ dataDir, home, ...options });
      started.push(result.app);
      return result;
    });
    for (const app of started) await app.kill();
  },
  launch: async ({ start }, use) => {
    await use(async (options = {}) => {
      const { app, ready } = await start(options);
      if (!ready) throw new Error(`The built app ended before it was ready:\n${app.log()}`);
      const desk = new Desk(app, await app.window());
      await desk.waitUntilReady();
      return desk;
    });
  },
});

export { expect } from '@playwright/test';

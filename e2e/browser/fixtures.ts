/**
 * Playwright fixtures for the journeys: each test gets its own data folder, the real renderer
 * build, and an app driver whose steps have names. The project decides the shell (app-shell.ts):
 * "browser" runs the harness; "built-app" launches out/main/index.js with the Electron stand-in,
 * and `page` is its window.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Page, test as base } from '@playwright/test';

import { deskWithStory } from '../../test/fixtures/on-disk';
import { BuiltApp } from '../built-app/launch';
import { type Harness, startHarness } from '../harness/server';
import { AppDriver } from './app-driver';
import { type AppShell, builtAppShell, harnessShell, type ShellKind } from './app-shell';

interface Fixtures {
  /** The text of timeline.json before the app starts; null starts with no store file. */
  initialStoreText: string | null;
  /** A fresh folder for the test: data/ and the user's home/ are below it. */
  workDir: string;
  dataDir: string;
  /** Starts the browser harness on the test's data folder once, however often it is asked. */
  startHarness: () => Promise<Harness>;
  /** The browser harness (its project only: the built app has none). */
  harness: Harness;
  shell: AppShell;
  app: AppDriver;
}

interface Options {
  shellKind: ShellKind;
}

/** The built app of a test, with the window page it shows. */
interface Launched {
  readonly app: BuiltApp;
  readonly page: Page;
  readonly home: string;
}

export const test = base.extend<Fixtures & Options & { launched: Launched | null }>({
  shellKind: ['harness', { option: true }],
  initialStoreText: [null, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
  workDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'timeline-desk-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  dataDir: async ({ workDir, initialStoreText }, use) => {
    const dataDir = join(workDir, 'data');
    await mkdir(dataDir, { recursive: true });
    if (initialStoreText !== null) await deskWithStory(dataDir, initialStoreText);
    await use(dataDir);
  },
  startHarness: async ({ dataDir }, use) => {
    const started: { harness?: Promise<Harness> } = {};
    await use(() => (started.harness ??= startHarness({ dataDir })));
    if (started.harness) await (await started.harness).close();
  },
  harness: async ({ startHarness: start, shellKind }, use) => {
    if (shellKind !== 'harness') throw new Error('This test needs the browser harness.');
    await use(await start());
  },
  launched: async ({ shellKind, dataDir, workDir }, use) => {
    if (shellKind !== 'built-app') return use(null);
    const home = join(workDir, 'home');
    const { app, page } = await BuiltApp.launch({ dataDir, home });
    await use({ app, page, home });
    // Quit as a user does, so the test also proves the app quits cleanly after it.
    const code = await Promise.race([app.quit(), new Promise((done) => setTimeout(done, 15_000))]);
    if (code !== 0) {
      await app.kill();
      throw new Error(`The built app did not quit cleanly (${String(code)}):\n${app.log()}`);
    }
  },
  page: async ({ page, launched }, use) => {
    await use(launched ? launched.page : page);
  },
  shell: async ({ launched, dataDir, startHarness: start }, use) => {
    await use(
      launched ? builtAppShell(launched.app, dataDir, launched.home) : harnessShell(await start()),
    );
  },
  app: async ({ page, shell }, use) => {
    const app = new AppDriver(page, shell);
    await app.open();
    await use(app);
    app.assertNothingWentWrong();
  },
});

export { expect } from '@playwright/test';

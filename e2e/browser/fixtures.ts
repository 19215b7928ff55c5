/**
 * Playwright fixtures for the browser harness: each test gets its own data folder, the real
 * services, the real renderer build, and an app driver whose steps have names.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { test as base } from '@playwright/test';

import { type Harness, startHarness } from '../harness/server';
import { AppDriver } from './app-driver';

interface Fixtures {
  /** The text of timeline.json before the app starts; null starts with no store file. */
  initialStoreText: string | null;
  harness: Harness;
  app: AppDriver;
}

export const test = base.extend<Fixtures>({
  initialStoreText: [null, { option: true }],
  harness: async ({ initialStoreText }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'timeline-desk-e2e-'));
    if (initialStoreText !== null)
      await writeFile(join(dataDir, 'timeline.json'), initialStoreText);
    const harness = await startHarness({ dataDir });
    await use(harness);
    await harness.close();
    await rm(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, harness }, use) => {
    const app = new AppDriver(page, harness);
    await app.open();
    await use(app);
    app.assertNothingWentWrong();
  },
});

export { expect } from '@playwright/test';

/**
 * Cold start of the built app on the launch harness: out/main/index.js in Node with the Electron
 * stand-in (e2e/built-app) and Debian's Chromium, from launch to the window's `data-ready` with
 * the story in its data folder. It times our main process, preload, IPC and renderer as built,
 * but not Electron's own start (the stand-in's TypeScript and Playwright's Chromium launch take
 * its place), so it is labelled as such and has no budget; the Electron figure needs the binary.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BuiltApp } from '../e2e/built-app/launch';
import type { TimelineDocument } from '../src/shared/schema';
import { deskWithStory } from '../test/fixtures/on-disk';
import type { Measurement } from './measurement';

export async function benchBuiltApp(doc: TimelineDocument, limitMs: number): Promise<Measurement> {
  const measurement = {
    name: 'built-app.cold-start',
    events: doc.events.length,
    unit: 'ms',
    budget: null,
    peers: {},
  } as const;
  const workDir = await mkdtemp(join(tmpdir(), 'timeline-desk-bench-built-'));
  const dataDir = join(workDir, 'data');
  await mkdir(dataDir);
  await deskWithStory(dataDir, JSON.stringify(doc));
  const started = Date.now();
  let app: BuiltApp | undefined;
  try {
    const launched = await BuiltApp.launch({ dataDir, home: join(workDir, 'home') });
    app = launched.app;
    await launched.page
      .locator('[data-ready]')
      .waitFor({ state: 'attached', timeout: Math.max(1, limitMs - (Date.now() - started)) });
    const value = Date.now() - started;
    return {
      ...measurement,
      value,
      note: 'launch → data-ready, measured with the Electron stand-in (Node + Chromium), not Electron',
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ...measurement, value: null, note: `failed: ${message}` };
  } finally {
    await app?.kill();
    await rm(workDir, { recursive: true, force: true });
  }
}

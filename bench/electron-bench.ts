/**
 * Cold start of the Electron app to an interactive timeline with 10,000 events: the built app
 * (out/main/index.js) launched with a data folder holding them, timed from launch to the
 * window's `data-ready`. Where no Electron binary is installed it is skipped, and says why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { _electron as electron, type ElectronApplication } from '@playwright/test';

import type { TimelineDocument } from '../src/shared/schema';
import { deskWithStory } from '../test/fixtures/on-disk';
import type { Measurement } from './measurement';

const root = fileURLToPath(new URL('../', import.meta.url));
export const ELECTRON_EVENTS = 10_000;
const BUDGET_MS = 2_000;

/** Looks for the binary as e2e/electron/desk.ts does (requiring electron would download it). */
function missingElectron(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const pathFile = join(root, 'node_modules/electron/path.txt');
  const found =
    existsSync(pathFile) &&
    existsSync(join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8')));
  return found
    ? null
    : 'no Electron binary installed (node_modules/electron/path.txt missing: the binary is downloaded from GitHub, unreachable on this machine)';
}

export async function benchElectron(doc: TimelineDocument, limitMs: number): Promise<Measurement> {
  const events = doc.events.length;
  const measurement = {
    name: 'electron.cold-start',
    events,
    unit: 'ms',
    budget: events === ELECTRON_EVENTS ? BUDGET_MS : null,
    peers: {},
  } as const;
  const missing = missingElectron();
  if (missing !== null) return { ...measurement, value: null, skipped: missing };
  const dataDir = await mkdtemp(join(tmpdir(), 'timeline-desk-bench-electron-'));
  await deskWithStory(dataDir, JSON.stringify(doc));
  const env = { ...process.env } as Record<string, string>;
  delete env.ELECTRON_RENDERER_URL; // the built page, never a dev server
  const started = Date.now();
  let app: ElectronApplication | undefined;
  try {
    app = await electron.launch({
      args: [
        // Chromium will not start its sandbox as root (containers, CI) without this switch.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        join(root, 'out/main/index.js'),
        '--data-dir',
        dataDir,
      ],
      env,
      timeout: limitMs,
    });
    const window = await app.firstWindow({ timeout: limitMs });
    await window
      .locator('[data-ready]')
      .waitFor({ timeout: Math.max(1, limitMs - (Date.now() - started)) });
    const value = Date.now() - started;
    return { ...measurement, value, note: 'launch → data-ready in the window, timed in Node' };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const note = timedOut ? `did not finish in ${limitMs / 1000} s` : `failed: ${message}`;
    return { ...measurement, value: null, note };
  } finally {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

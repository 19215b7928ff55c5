/**
 * What runs the window in a journey: the browser harness (renderer build + services in this
 * process, over loopback HTTP), or the built app (out/main/index.js with the Electron stand-in,
 * its preload and IPC handlers). The journeys read the same in both; what they need of the
 * shell (its data folder, where exports land, what the main process holds) is this interface.
 */
import { join } from 'node:path';

import { expect, type Page } from '@playwright/test';

import { channelOf, type CommandName } from '../../src/shared/command-names';
import type { CommandOutput } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { storeOnDisk } from '../../test/fixtures/on-disk';
import { APP_PAGE_ORIGIN, type BuiltApp } from '../built-app/launch';
import type { Harness } from '../harness/server';

export type ShellKind = 'harness' | 'built-app';

export interface AppShell {
  readonly kind: ShellKind;
  readonly dataDir: string;
  /** Where exports land: the harness's exports/ folder, or the Documents folder the save dialog offers. */
  readonly exportsDir: string;
  /** The origin of the window's page: requests elsewhere leave the app. */
  readonly origin: string;
  /** Runs a command as the window does, for reading what the main process holds. */
  dispatch<K extends CommandName>(name: K, input?: unknown): Promise<Result<CommandOutput<K>>>;
  /** Waits until every change so far, and the backup it makes, is on disk. */
  flush(): Promise<void>;
  /** Shows the app in the page (the harness's page is navigated; the built app's is its window). */
  open(page: Page): Promise<void>;
}

export function harnessShell(harness: Harness): AppShell {
  return {
    kind: 'harness',
    dataDir: harness.dataDir,
    exportsDir: harness.exportsDir,
    origin: new URL(harness.url).origin,
    dispatch: (name, input) => harness.services.dispatch(name, input),
    flush: () => harness.services.flush(),
    open: async (page) => {
      await page.goto(harness.url);
    },
  };
}

export function builtAppShell(app: BuiltApp, dataDir: string, home: string): AppShell {
  const shell: AppShell = {
    kind: 'built-app',
    dataDir,
    exportsDir: join(home, 'Documents'),
    origin: APP_PAGE_ORIGIN,
    // Through the IPC handler the main process registered, as the window's own call would go.
    dispatch: (name, input) => app.invoke(channelOf(name), input),
    flush: async () => {
      // No command flushes; the store is on disk once the snapshot and its journal, as the
      // next start reads them, hold what the app holds.
      const held = await shell.dispatch('getTimeline');
      if (!held.ok) throw new Error(held.error.message);
      const onDisk = (): Promise<unknown> => storeOnDisk(dataDir).catch(() => null);
      await expect.poll(onDisk).toEqual(JSON.parse(JSON.stringify(held.value.document)));
    },
    open: async () => undefined,
  };
  return shell;
}

/**
 * Launches the built app (out/main/index.js) in Electron with its own data folder, and drives it
 * as a user would. When no Electron binary is installed the tests are skipped, and say why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  _electron as electron,
  type ElectronApplication,
  expect,
  type Page,
  test as base,
} from '@playwright/test';

import { APP_ENTRY_URL } from '../../src/main/app-files';
import type { TimelineApi } from '../../src/shared/contract';
import { type TimelineDocument, TimelineDocumentSchema } from '../../src/shared/schema';
import { storeFileOf } from '../../test/fixtures/on-disk';
import { WindowSteps } from '../window-steps';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mainScript = join(root, 'out/main/index.js');
/** The page the window must show: the built renderer on the app's scheme, never a dev server. */
export const appEntryUrl = APP_ENTRY_URL;

export const NO_ELECTRON_REASON =
  'No Electron binary installed (node_modules/electron/path.txt missing: the binary is downloaded from GitHub, unreachable on this machine)';

/**
 * Looks for the binary the way the electron package would, without requiring that package
 * (requiring it starts a download when the binary is missing).
 */
function hasElectronBinary(): boolean {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8')));
}

export const electronAvailable = hasElectronBinary();
// Said once, when the runner loads the test files; the tests themselves skip with the reason.
if (!electronAvailable) {
  console.log(NO_ELECTRON_REASON);
}

/** The page's globals as the tests read them in page.evaluate (this tsconfig has no DOM types). */
export interface PageGlobals {
  readonly api: TimelineApi;
  readonly location: { href: string };
  open(url: string): unknown;
  readonly require?: unknown;
  readonly process?: unknown;
  readonly module?: unknown;
  readonly Buffer?: unknown;
}

export class Desk extends WindowSteps {
  private quitting: Promise<void> | undefined;

  private constructor(
    readonly app: ElectronApplication,
    page: Page,
    readonly dataDir: string,
  ) {
    super(page);
  }

  static async launch(dataDir: string): Promise<Desk> {
    const env = { ...process.env };
    // The window must load the built page: a dev server URL left in the environment would win.
    delete env.ELECTRON_RENDERER_URL;
    const app = await electron.launch({
      // Chromium will not start its sandbox as root (containers, CI) without this switch.
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        mainScript,
        '--data-dir',
        dataDir,
      ],
      env: env as Record<string, string>,
    });
    const desk = new Desk(app, await app.firstWindow(), dataDir);
    await desk.waitUntilReady();
    return desk;
  }

  /** Quits as the user would, so pending writes reach the disk. Once is enough. */
  async quit(): Promise<void> {
    this.quitting ??= this.app.close();
    await this.quitting;
  }

  // What the main process holds and does

  /** The timeline as it is on disk: what the next start of the app will find. */
  async stored(): Promise<TimelineDocument> {
    const text = await readFile(await storeFileOf(this.dataDir), 'utf8');
    return TimelineDocumentSchema.parse(JSON.parse(text));
  }

  async storedTitles(): Promise<string[]> {
    return (await this.stored()).events.map((event) => event.title);
  }

  /** Makes the save dialog answer `path` without showing itself. */
  async answerSaveDialogWith(path: string): Promise<void> {
    await this.app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = async () => ({ canceled: false, filePath });
    }, path);
  }

  /** Records the links handed to the system browser instead of opening them. */
  async recordExternalLinks(): Promise<() => Promise<string[]>> {
    await this.app.evaluate(({ shell }) => {
      const opened: string[] = [];
      Object.assign(globalThis, { openedExternally: opened });
      shell.openExternal = async (url) => {
        opened.push(url);
      };
    });
    return () =>
      this.app.evaluate(
        () => (globalThis as unknown as { openedExternally: string[] }).openedExternally,
      );
  }
}

interface Fixtures {
  dataDir: string;
  desk: Desk;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'timeline-desk-electron-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  desk: async ({ dataDir }, use) => {
    const desk = await Desk.launch(dataDir);
    await use(desk);
    await desk.quit();
    desk.assertNothingWentWrong();
  },
});

export { expect };

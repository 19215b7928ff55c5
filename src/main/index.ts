/**
 * The app's entry: one instance per data folder, the services, IPC, the menu and the window.
 * Everything that can be decided without Electron lives in modules that do not import it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { app, type BrowserWindow, dialog, ipcMain, session, shell } from 'electron';

import { APP_ENTRY_URL } from './app-files';
import { type AppServices, startAppServices } from './app-services';
import { resolveDataDir } from './data-dir';
import { registerAppScheme, serveAppScheme } from './electron/app-protocol';
import { createDialogHost } from './electron/dialogs';
import { registerIpcHandlers } from './electron/ipc';
import { installApplicationMenu, installContextMenu } from './electron/menu';
import { OpenFileDelivery } from './electron/open-files';
import { guardQuit } from './electron/quit';
import { applyWebContentsRules, hardenSession } from './electron/web-rules';
import { createMainWindow } from './electron/window';
import { filePathsInArgv } from './open-files';
import {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  isDevelopment,
  resolveAppEntryUrl,
} from './security';
import { DataFolderInUseError } from './store/folder-lock';
import { createWindowStateSaver, loadWindowState, windowStateFile } from './window-state';

const APP_NAME = 'Timeline Desk';
const isMac = process.platform === 'darwin';

app.setName(APP_NAME);
const defaultDataDir = app.getPath('userData');
const dataDir = resolveDataDir({
  argv: process.argv,
  env: process.env,
  cwd: process.cwd(),
  defaultDir: defaultDataDir,
});
// Chromium's profile, and so the single-instance lock, follow the data folder: two copies of
// the app with different folders are separate apps, and tests never touch the user's profile.
if (dataDir !== defaultDataDir) {
  const profileDir = join(dataDir, 'chromium-profile');
  // app.setPath throws for a folder that does not exist yet.
  mkdirSync(profileDir, { recursive: true });
  app.setPath('userData', profileDir);
}

const appEntryUrl = resolveAppEntryUrl({
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  isPackaged: app.isPackaged,
  builtEntryUrl: APP_ENTRY_URL,
});
// DevTools and the developer menu items only with `npm run dev`, never in the built app.
const development = isDevelopment(appEntryUrl);
const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
// macOS hands over files (a double-click in Finder) with open-file, possibly before ready.
let openFiles: OpenFileDelivery | null = null;
const filesBeforeReady: string[] = filePathsInArgv(process.argv, process.cwd());
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (openFiles) openFiles.open([path]);
  else filesBeforeReady.push(path);
});
registerAppScheme();

if (app.requestSingleInstanceLock()) {
  main().catch((error: unknown) => {
    console.error(`${APP_NAME} could not start:`, error);
    app.exit(1);
  });
} else {
  // Another instance has this data folder open; it brings its window forward (second-instance).
  app.quit();
}

async function main(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => {
    applyWebContentsRules(contents, {
      appEntryUrl,
      openExternal: (url) => shell.openExternal(url),
    });
  });
  await app.whenReady();
  serveAppScheme(rendererDir);
  hardenSession(
    session.defaultSession,
    development ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
  );

  let window: BrowserWindow | null = null;
  const services = await openServices(() => window);
  if (!services) return;
  registerIpcHandlers(ipcMain, services.dispatch, appEntryUrl);
  installApplicationMenu({ appName: APP_NAME, isMac, developerTools: development });
  const delivery = new OpenFileDelivery(() => window);
  openFiles = delivery;

  const stateFile = windowStateFile(dataDir);
  const stateSaver = createWindowStateSaver(stateFile);
  const openWindow = async (): Promise<void> => {
    const savedState = await loadWindowState(stateFile);
    const created = createMainWindow({
      appName: APP_NAME,
      appEntryUrl,
      preloadPath,
      savedState,
      stateSaver,
      devTools: development,
    });
    installContextMenu(created.webContents);
    delivery.watch(created);
    created.on('closed', () => {
      window = null;
    });
    window = created;
  };
  // One window only, even when activate or a second launch comes while it is being opened.
  let opening: Promise<void> | null = null;
  const showWindow = (): Promise<void> => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
      return Promise.resolve();
    }
    opening ??= openWindow().finally(() => {
      opening = null;
    });
    return opening;
  };
  // A second launch on this data folder: its window is ours, and so are the files it was given.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    void showWindow();
    delivery.open(filePathsInArgv(argv, workingDirectory));
  });
  app.on('activate', () => void showWindow());
  await showWindow();
  delivery.open(filesBeforeReady.splice(0));
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  guardQuit({
    save: () => Promise.all([stateSaver.flush(), services.close()]),
    window: () => window,
    storePath: () => services.storePath,
    stay: () => void showWindow(),
  });
}

/** Starts the store and commands; tells the user and exits when the data cannot be opened. */
async function openServices(window: () => BrowserWindow | null): Promise<AppServices | null> {
  const host = createDialogHost({ window, documentsDir: app.getPath('documents') });
  try {
    return await startAppServices({ dataDir, host });
  } catch (error) {
    // A folder in use names itself and says what to do; other failures show the folder.
    const detail =
      error instanceof DataFolderInUseError ? error.message : `${dataDir}\n\n${String(error)}`;
    dialog.showErrorBox(`${APP_NAME} could not open its data`, detail);
    app.exit(1);
    return null;
  }
}

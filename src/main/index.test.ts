/**
 * The app entry with a hand-made electron (the real binary cannot run here) and the real
 * services on a temp folder: start-up order, IPC, single instance, and quitting after saving.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { channelOf, COMMAND_NAMES } from '../shared/command-names';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { existsSync } = await import('node:fs');
  class FakeWindow extends Emitter {
    static all: FakeWindow[] = [];
    readonly webContents = Object.assign(new Emitter(), { send: () => undefined });
    loaded = '';
    focused = 0;
    constructor(readonly options: { webPreferences: { preload: string } }) {
      super();
      FakeWindow.all.push(this);
    }
    static getFocusedWindow = () => null;
    static fromWebContents = () => null;
    async loadURL(url: string) {
      this.loaded = url;
    }
    isMinimized = () => false;
    restore = () => undefined;
    focus = () => {
      this.focused++;
    };
    maximize = () => undefined;
    show = () => undefined;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    hasLock: true,
    setName: () => undefined,
    getPath: (name: string) => `/fake/${name}`,
    // As Electron does: the folder must exist.
    setPath: (_name: string, path: string) => {
      if (!existsSync(path)) throw new Error(`Failed to set path: ${path} does not exist`);
    },
    requestSingleInstanceLock: () => app.hasLock,
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    exit: () => undefined,
  });
  return { app, FakeWindow, handlers: new Map<string, Handler>() };
});

vi.mock('electron', () => {
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    app: fake.app,
    BrowserWindow: fake.FakeWindow,
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string, handler: Handler) => fake.handlers.set(channel, handler) },
    Menu: { buildFromTemplate: () => ({ popup: vi.fn() }), setApplicationMenu: vi.fn() },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea }),
      getAllDisplays: () => [{ id: 1, workArea }],
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    shell: { openExternal: vi.fn() },
  };
});

let dataDir: string;
const argv = process.argv;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'timeline-desk-main-'));
  process.argv = ['electron', 'out/main/index.js', '--data-dir', dataDir];
  fake.FakeWindow.all.length = 0;
  fake.handlers.clear();
  fake.app.removeAllListeners();
  fake.app.hasLock = true;
  vi.restoreAllMocks();
  vi.resetModules();
});

afterEach(async () => {
  process.argv = argv;
  await rm(dataDir, { recursive: true, force: true });
});

/** Imports the entry as Electron would run it, and waits for its window. */
async function start() {
  const setPath = vi.spyOn(fake.app, 'setPath');
  const quit = vi.spyOn(fake.app, 'quit');
  await import('./index');
  await vi.waitFor(() => expect(fake.FakeWindow.all).toHaveLength(1));
  return { window: fake.FakeWindow.all[0]!, setPath, quit };
}

/** Quits as Electron would and waits until the app has saved and quit. */
async function stop(quit: { mock: { calls: unknown[] } }): Promise<void> {
  const before = quit.mock.calls.length;
  beforeQuit();
  await vi.waitFor(() => expect(quit.mock.calls.length).toBe(before + 1));
}

/** Emits before-quit as Electron does; true when the app held the quit. */
function beforeQuit(): boolean {
  let prevented = false;
  fake.app.emit('before-quit', { preventDefault: () => (prevented = true) });
  return prevented;
}

function trustedEvent(url: string) {
  return { senderFrame: { url, parent: null } };
}

describe('the app entry', () => {
  it('keeps Chromium profile and instance lock with the data folder given', async () => {
    const { setPath, quit } = await start();
    expect(setPath).toHaveBeenCalledWith('userData', join(dataDir, 'chromium-profile'));
    await stop(quit);
  });

  it('opens one window on the built page, with the preload beside it', async () => {
    const { window, quit } = await start();
    expect(window.loaded).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
    expect(window.options.webPreferences.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    await stop(quit);
  });

  it('answers every contract command over IPC with the real services', async () => {
    const { window, quit } = await start();
    expect([...fake.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map(channelOf).sort());
    const result = await fake.handlers.get(channelOf('getTimeline'))!(
      trustedEvent(window.loaded),
      undefined,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { storePath: join(dataDir, 'timeline.json') },
    });
    await stop(quit);
  });

  it('brings its window forward when the app is launched again', async () => {
    const { window, quit } = await start();
    fake.app.emit('second-instance');
    await vi.waitFor(() => expect(window.focused).toBe(1));
    expect(fake.FakeWindow.all).toHaveLength(1);
    await stop(quit);
  });

  it('quits itself at once when another instance has the data folder', async () => {
    fake.app.hasLock = false;
    const quit = vi.spyOn(fake.app, 'quit');
    await import('./index');
    expect(quit).toHaveBeenCalledOnce();
    expect(fake.app.listenerCount('web-contents-created')).toBe(0);
    expect(fake.handlers.size).toBe(0);
  });

  it('holds the first quit until the store is closed, then quits', async () => {
    const { quit } = await start();
    expect(beforeQuit()).toBe(true);
    expect(beforeQuit()).toBe(true);
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
    expect(beforeQuit()).toBe(false);
    // The store was written and released before the app went.
    expect(JSON.parse(await readFile(join(dataDir, 'timeline.json'), 'utf8'))).toHaveProperty(
      'events',
    );
  });

  it('quits when the window is closed, except on macOS', async () => {
    const { quit } = await start();
    fake.app.emit('window-all-closed');
    expect(quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
    await stop(quit);
  });

  it('applies the web-page rules to every web contents the app creates', async () => {
    const { quit } = await start();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    await stop(quit);
  });
});

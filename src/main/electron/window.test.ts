/** The window adapter with a hand-made BrowserWindow and screen. */
import type { EventEmitter } from 'node:events';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import { secureWebPreferences } from '../security';
import type { WindowState, WindowStateSaver } from '../window-state';

const fake = vi.hoisted(() => ({ windows: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeWindow extends Emitter {
    maximized = false;
    shown = false;
    loaded: string | undefined;
    normalBounds = { x: 10, y: 20, width: 1000, height: 700 };
    constructor(readonly options: Record<string, unknown>) {
      super();
      fake.windows.push(this);
    }
    maximize() {
      this.maximized = true;
    }
    show() {
      this.shown = true;
    }
    isMaximized() {
      return this.maximized;
    }
    getNormalBounds() {
      return this.normalBounds;
    }
    async loadURL(url: string) {
      this.loaded = url;
    }
  }
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    BrowserWindow: FakeWindow,
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea }),
      getAllDisplays: () => [{ id: 1, workArea }],
    },
  };
});

import { createMainWindow } from './window';

interface FakeWindow extends EventEmitter {
  options: Record<string, unknown>;
  maximized: boolean;
  shown: boolean;
  loaded: string | undefined;
  normalBounds: { x: number; y: number; width: number; height: number };
}

const entry = 'app://timeline-desk/index.html';

function open(savedState: WindowState) {
  const saver = { schedule: vi.fn(), flush: vi.fn(async () => undefined) };
  createMainWindow({
    appName: 'Timeline Desk',
    appEntryUrl: entry,
    preloadPath: '/opt/timeline-desk/out/preload/index.cjs',
    savedState,
    stateSaver: saver satisfies WindowStateSaver,
    devTools: false,
  });
  return { window: fake.windows.at(-1) as FakeWindow, saver };
}

beforeEach(() => {
  fake.windows.length = 0;
});

describe('createMainWindow', () => {
  it('opens hidden with the secure preferences and the saved bounds, and loads the app', () => {
    const { window } = open({ x: 50, y: 60, width: 1200, height: 800, maximized: false });
    expect(window.options).toMatchObject({ x: 50, y: 60, width: 1200, height: 800, show: false });
    expect(window.options.webPreferences).toEqual(
      secureWebPreferences('/opt/timeline-desk/out/preload/index.cjs', { devTools: false }),
    );
    expect(window.loaded).toBe(entry);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
    expect(window.maximized).toBe(false);
  });

  it('maximizes a window that was maximized when it shows', () => {
    const { window } = open({ width: 1200, height: 800, maximized: true });
    window.emit('ready-to-show');
    expect(window.maximized).toBe(true);
    expect(window.shown).toBe(true);
  });

  it('remembers moves and resizes, and saves at once on close', () => {
    const { window, saver } = open({ width: 1200, height: 800, maximized: false });
    window.emit('move');
    window.emit('resize');
    expect(saver.schedule).toHaveBeenLastCalledWith({ ...window.normalBounds, maximized: false });
    window.maximized = true;
    window.emit('close');
    expect(saver.schedule).toHaveBeenLastCalledWith({ ...window.normalBounds, maximized: true });
    expect(saver.flush).toHaveBeenCalledOnce();
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  clampToWorkAreas,
  createWindowStateSaver,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  type Rectangle,
  saveWindowState,
  type WindowState,
  windowStateFile,
} from './window-state';

const laptop: Rectangle = { x: 0, y: 25, width: 1440, height: 875 };
const monitorOnTheLeft: Rectangle = { x: -1920, y: 0, width: 1920, height: 1080 };

function makeState(overrides: Partial<WindowState> = {}): WindowState {
  return { x: 100, y: 100, width: 1200, height: 800, maximized: false, ...overrides };
}

describe('loading and saving the window state', () => {
  let dataDir: string;
  let file: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'timeline-desk-window-'));
    file = windowStateFile(dataDir);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the file in the data folder', () => {
    expect(file).toBe(join(dataDir, 'window-state.json'));
  });

  it('gives the defaults when there is no file yet', async () => {
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('reads back what it saved, leaving no temporary file behind', async () => {
    const state = makeState({ x: -1500, maximized: true });
    await saveWindowState(file, state);
    expect(await loadWindowState(file)).toEqual(state);
    expect(await readdir(dataDir)).toEqual(['window-state.json']);
  });

  it('creates the data folder when it is missing', async () => {
    const nested = windowStateFile(join(dataDir, 'new', 'folder'));
    await saveWindowState(nested, makeState());
    expect(await loadWindowState(nested)).toEqual(makeState());
  });

  it('gives the defaults for a damaged or foreign file, without throwing', async () => {
    for (const text of [
      '',
      '{"width": 1200, "height"',
      'null',
      '[]',
      '{"width": "wide", "height": 800, "maximized": false}',
      '{"width": 1200.5, "height": 800, "maximized": false}',
      '{"width": 1e9, "height": 800, "maximized": false}',
      '{"width": -5, "height": 800, "maximized": false}',
      '{"width": 1200, "height": 800}',
      '\u0000\u0001binary',
    ]) {
      await writeFile(file, text);
      expect(await loadWindowState(file), text).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('gives the defaults when the path is a folder', async () => {
    expect(await loadWindowState(dataDir)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('waits for a quiet moment after a burst of moves, then saves the last state', async () => {
    vi.useFakeTimers();
    const saver = createWindowStateSaver(file, 500);
    for (let x = 0; x < 20; x++) saver.schedule(makeState({ x }));
    await vi.advanceTimersByTimeAsync(499);
    expect(await readdir(dataDir)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    await saver.flush();
    expect(await loadWindowState(file)).toEqual(makeState({ x: 19 }));
  });

  it('saves at once on flush (the window closing), and only the newest state', async () => {
    const saver = createWindowStateSaver(file, 60_000);
    saver.schedule(makeState({ width: 900 }));
    saver.schedule(makeState({ width: 1000, maximized: true }));
    await saver.flush();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(
      makeState({ width: 1000, maximized: true }),
    );
    await saver.flush();
    expect(await loadWindowState(file)).toEqual(makeState({ width: 1000, maximized: true }));
  });

  it('does not reject when the state cannot be written', async () => {
    const blocked = join(dataDir, 'a-file');
    await writeFile(blocked, 'not a folder');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const saver = createWindowStateSaver(windowStateFile(blocked));
    saver.schedule(makeState());
    await expect(saver.flush()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe('clampToWorkAreas', () => {
  it('keeps a window that fits on its screen where it was', () => {
    expect(clampToWorkAreas(makeState(), [laptop])).toEqual(makeState());
    const left = makeState({ x: -1800, y: 50 });
    expect(clampToWorkAreas(left, [laptop, monitorOnTheLeft])).toEqual(left);
  });

  it('centres a window that has never been placed on the primary screen', () => {
    expect(clampToWorkAreas(DEFAULT_WINDOW_STATE, [laptop, monitorOnTheLeft])).toEqual({
      ...DEFAULT_WINDOW_STATE,
      x: 80,
      y: 53,
    });
  });

  it('brings back a window from a screen that is gone, centred on the primary', () => {
    const lost = makeState({ x: -1800, y: 50 });
    expect(clampToWorkAreas(lost, [laptop])).toEqual({ ...lost, x: 120, y: 63 });
  });

  it('pulls a window that hangs over an edge fully onto the screen it is mostly on', () => {
    expect(clampToWorkAreas(makeState({ x: 1000, y: 500 }), [laptop])).toEqual(
      makeState({ x: 240, y: 100 }),
    );
    expect(clampToWorkAreas(makeState({ x: -100, y: 0 }), [laptop])).toEqual(
      makeState({ x: 0, y: 25 }),
    );
  });

  it('moves a window under the menu bar or taskbar into the work area', () => {
    expect(clampToWorkAreas(makeState({ y: 0 }), [laptop]).y).toBe(25);
  });

  it('shrinks a window larger than its screen, but not below the minimum size', () => {
    expect(
      clampToWorkAreas(makeState({ x: 0, y: 0, width: 3000, height: 2000 }), [laptop]),
    ).toEqual({ x: 0, y: 25, width: 1440, height: 875, maximized: false });
    const tiny = clampToWorkAreas(makeState({ width: 10, height: 10 }), [laptop]);
    expect([tiny.width, tiny.height]).toEqual([MIN_WIDTH, MIN_HEIGHT]);
  });

  it('keeps the maximized flag', () => {
    expect(clampToWorkAreas(makeState({ maximized: true }), [laptop]).maximized).toBe(true);
  });

  it('leaves the state alone when there are no screens to fit', () => {
    expect(clampToWorkAreas(makeState({ x: 99_999 }), [])).toEqual(makeState({ x: 99_999 }));
  });
});

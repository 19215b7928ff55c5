/**
 * The window's size, position and maximized state, kept in `<dataDir>/window-state.json`. A
 * damaged file gives the defaults; bounds are clamped so the window always opens on a screen.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 480;

const Size = z.number().int().min(1).max(100_000);
const Coordinate = z.number().int().min(-100_000).max(100_000);

const WindowStateSchema = z.object({
  x: Coordinate.optional(),
  y: Coordinate.optional(),
  width: Size,
  height: Size,
  maximized: z.boolean(),
});

/** The normal (not maximized) bounds; x and y are absent until the window has been placed. */
export type WindowState = z.output<typeof WindowStateSchema>;

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

export function windowStateFile(dataDir: string): string {
  return join(dataDir, WINDOW_STATE_FILE);
}

/** The saved state, or the defaults when the file is missing, unreadable or not a window state. */
export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Writes through a temporary file, so a crash leaves the old state or the new one. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  await writeFile(temporary, `${JSON.stringify(WindowStateSchema.parse(state), null, 2)}\n`);
  await rename(temporary, file);
}

/**
 * Fits the state to the screens: on the work area it overlaps most (the first, the primary
 * display, when it overlaps none), no larger than it, and wholly inside it.
 */
export function clampToWorkAreas(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const { x, y } = state;
  const bounds = x === undefined || y === undefined ? undefined : { ...state, x, y };
  const home = bounds && bestArea(bounds, workAreas);
  const area = home ?? primary;
  const width = Math.min(Math.max(state.width, MIN_WIDTH), area.width);
  const height = Math.min(Math.max(state.height, MIN_HEIGHT), area.height);
  // A window that is on no screen any more (a display was unplugged) is centred on the primary.
  const left = bounds && home ? bounds.x : centre(area.x, area.width, width);
  const top = bounds && home ? bounds.y : centre(area.y, area.height, height);
  return {
    x: clamp(left, area.x, area.x + area.width - width),
    y: clamp(top, area.y, area.y + area.height - height),
    width,
    height,
    maximized: state.maximized,
  };
}

export interface WindowStateSaver {
  /** Saves the state after a quiet moment: resize and move events come in bursts. */
  schedule(state: WindowState): void;
  /** Saves the last scheduled state now; resolves when every write is done. */
  flush(): Promise<void>;
}

export function createWindowStateSaver(file: string, delayMs = 500): WindowStateSaver {
  let pending: WindowState | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const state = pending;
    pending = undefined;
    if (state !== undefined) {
      // Writes run one after another, so an older state never lands after a newer one.
      writing = writing
        .then(() => saveWindowState(file, state))
        .catch((error: unknown) => console.warn('Could not save the window state:', error));
    }
    return writing;
  };

  return {
    schedule(state) {
      pending = state;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
  };
}

/** The work area that shows most of the bounds; undefined when none shows any of it. */
function bestArea(bounds: Rectangle, areas: readonly Rectangle[]): Rectangle | undefined {
  let best: Rectangle | undefined;
  let bestOverlap = 0;
  for (const area of areas) {
    const shown = overlap(bounds, area);
    if (shown > bestOverlap) [best, bestOverlap] = [area, shown];
  }
  return best;
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function centre(start: number, length: number, size: number): number {
  return Math.round(start + (length - size) / 2);
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

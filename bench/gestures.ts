/**
 * The gestures the bench makes with real input through Playwright (CDP input events, as a mouse
 * would send them), paced by the clock so a slow page gets fewer, larger steps rather than a
 * longer gesture. Each measured gesture records frames with the page probe around it.
 */
import type { CDPSession, Page } from '@playwright/test';

import { type GestureStats, gestureStats } from './frame-stats';
import { readProbe, startFrames, stopFrames } from './page-probe';

/** A fast mouse reports about this often; Chromium folds extra moves into the next frame. */
const MOVE_EVERY_MS = 16;
/** One wheel notch (Chromium sends deltaY 100; vis-timeline zooms 1.2 times a notch). */
export const NOTCH = 100;
const NOTCH_EVERY_MS = 40;
/** Work a page defers past the end of a gesture still belongs to it. */
const SETTLE_MS = 250;

/** Thrown when a gesture (or page) did not finish within the time it was given. */
export class OutOfTime extends Error {
  constructor(readonly limitMs: number) {
    super(`did not finish within ${limitMs / 1000} s`);
  }
}

export async function withinLimit<T>(limitMs: number, work: Promise<T>): Promise<T> {
  // Work abandoned at the limit fails later, when its browser closes: that is expected.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OutOfTime(limitMs)), limitMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, Math.max(0, ms)));

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The centre of the part of the first element matching `selector` that is in the viewport. */
export async function visibleCentre(page: Page, selector: string): Promise<Point> {
  const box = await page.locator(selector).first().boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error(`nothing visible matches ${selector}`);
  const [left, right] = [Math.max(box.x, 0), Math.min(box.x + box.width, viewport.width)];
  const [top, bottom] = [Math.max(box.y, 0), Math.min(box.y + box.height, viewport.height)];
  if (left >= right || top >= bottom) throw new Error(`${selector} is out of view`);
  return { x: (left + right) / 2, y: (top + bottom) / 2 };
}

/**
 * Presses at `from` and sweeps left and right by `amplitude` pixels for `durationMs` (one full
 * sine period), then lets go where it started, so the view ends where it began. Moves go out on
 * the clock and are not awaited one by one: Playwright's input resolves once the page has
 * handled the event, a frame or more, and a hand does not wait for the screen. Chromium folds
 * moves that queue up while the page is busy into one, as it does a real mouse's.
 */
export async function pan(page: Page, from: Point, amplitude: number, durationMs: number) {
  const mouse = page.mouse;
  await mouse.move(from.x, from.y);
  await mouse.down();
  const sent: Promise<void>[] = [];
  const started = Date.now();
  for (let tick = 1; Date.now() - started < durationMs; tick++) {
    const elapsed = Date.now() - started;
    sent.push(
      mouse.move(from.x + amplitude * Math.sin((2 * Math.PI * elapsed) / durationMs), from.y),
    );
    await pause(started + tick * MOVE_EVERY_MS - Date.now());
  }
  await Promise.all(sent);
  await mouse.move(from.x, from.y);
  await mouse.up();
}

/** Turns the wheel `notches` times at `at` (positive zooms out in vis-timeline), on the clock. */
export async function wheel(page: Page, at: Point, notches: number): Promise<void> {
  await page.mouse.move(at.x, at.y);
  const sent: Promise<void>[] = [];
  const started = Date.now();
  for (let n = 1; n <= Math.abs(notches); n++) {
    sent.push(page.mouse.wheel(0, Math.sign(notches) * NOTCH));
    await pause(started + n * NOTCH_EVERY_MS - Date.now());
  }
  await Promise.all(sent);
}

/** Records the frames of `gesture` and a short settling time after it; returns their figures. */
export async function measureGesture(
  page: Page,
  gesture: () => Promise<void>,
): Promise<GestureStats & { readonly coreShare: number | null }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await mainThreadTimes(cdp);
  const start = await startFrames(page);
  await gesture();
  await pause(SETTLE_MS);
  const end = await stopFrames(page);
  const after = await mainThreadTimes(cdp);
  await cdp.detach();
  const tasks = after.tasks - before.tasks;
  const coreShare = tasks > 0 ? (after.cpu - before.cpu) / tasks : null;
  return { ...gestureStats(await readProbe(page), { start, end }), coreShare };
}

/**
 * The renderer main thread's CPU time and its tasks' wall-clock time (Chromium's ThreadTime and
 * TaskDuration metrics, in s). Their ratio over a gesture is the share of a core the thread had
 * while it worked: below 1, other work on the machine stretched every wall-clock figure.
 */
async function mainThreadTimes(cdp: CDPSession): Promise<{ cpu: number; tasks: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? 0;
  return { cpu: metric('ThreadTime'), tasks: metric('TaskDuration') };
}

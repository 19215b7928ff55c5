/**
 * The instrument every page of the bench carries, ours and the peers' alike, installed with
 * page.addInitScript before the page's own scripts run. It records when the page said it was
 * ready, every long task (PerformanceObserver 'longtask'), and, while recording, the main-thread
 * work of each frame: the tasks seen since the previous frame (input events, timers), each from
 * its start to a MessageChannel message posted as it starts, plus the frame itself, from its
 * first requestAnimationFrame callback to a message posted from there, which runs once the
 * frame's style, layout and paint are done. A task or frame also ends where the next one starts,
 * so idle time between them is not counted and nothing is counted twice.
 */
import type { Page } from '@playwright/test';

export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

export interface Frame {
  /** When the frame's paint was done. */
  readonly end: number;
  /** Main-thread time spent on it: the tasks before it and its own rendering. */
  readonly work: number;
}

export interface ProbeState {
  /** performance.now() when the page said it was ready (navigation start is 0). */
  readonly readyAt: number | null;
  /** When the page first drew anything (the browser's first-paint entry). */
  readonly firstPaintAt: number | null;
  readonly longTasks: readonly LongTask[];
  readonly frames: readonly Frame[];
  /** Pointer moves and wheel events the page received while recording. */
  readonly inputs: number;
}

/** What the pages see on globalThis.__bench. */
export interface Probe extends ProbeState {
  markReady(): void;
  /** Both return the page's clock, so long tasks can be matched to the recorded span. */
  startFrames(): number;
  stopFrames(): number;
}

/** The browser globals the probe uses (the Node tsconfig has no DOM library). */
interface ProbeGlobals {
  __bench?: Probe;
  readonly performance: { now(): number };
  readonly document: object;
  setTimeout: (callback: unknown, ms?: number, ...args: unknown[]) => number;
  requestAnimationFrame: (callback: (time: number) => void) => number;
  addEventListener(type: string, listener: () => void, options: object): void;
  readonly MessageChannel: new () => {
    port1: { onmessage: ((event: { data: unknown }) => void) | null };
    port2: { postMessage(value: unknown): void };
  };
  readonly PerformanceObserver: new (
    callback: (list: {
      getEntries(): { name: string; startTime: number; duration: number }[];
    }) => void,
  ) => { observe(options: object): void };
  readonly MutationObserver: new (callback: () => void) => {
    observe(target: object, options: object): void;
    disconnect(): void;
  };
}

/** Runs in the page, before any of its scripts; must not close over anything in Node. */
function installProbe(readyAttribute: string | null): void {
  const page = globalThis as unknown as ProbeGlobals;
  const now = (): number => page.performance.now();
  const longTasks: LongTask[] = [];
  const frames: Frame[] = [];
  let readyAt: number | null = null;
  let firstPaintAt: number | null = null;
  let recording = false;
  let inputs = 0;
  /** Time of the tasks seen since the last frame ended. */
  let busy = 0;
  /** The task running now, until its message (or the next task or frame) ends it. */
  let task: { readonly id: number; readonly start: number } | null = null;
  /** The frame being drawn, until its message (or the next task) ends it. */
  let frame: { readonly id: number; readonly start: number } | null = null;
  let lastFrameTime = -1;
  let ids = 0;
  const channel = new page.MessageChannel();
  const endTask = (at: number): void => {
    if (task) busy += at - task.start;
    task = null;
  };
  const endFrame = (at: number): void => {
    if (!frame) return;
    frames.push({ end: at, work: busy + at - frame.start });
    [busy, frame] = [0, null];
  };
  /** An input event or a timer starts: it runs after any frame still open was drawn. */
  const onTask = (): void => {
    if (!recording) return;
    const at = now();
    endFrame(at);
    endTask(at);
    task = { id: ++ids, start: at };
    channel.port2.postMessage(task.id);
  };
  /** Any rAF callback: the first of a frame (by its time) starts the frame. */
  const onFrameCallback = (time: number): void => {
    if (!recording || time === lastFrameTime) return;
    lastFrameTime = time;
    const at = now();
    endFrame(at);
    endTask(at);
    frame = { id: ++ids, start: at };
    channel.port2.postMessage(frame.id);
  };
  channel.port1.onmessage = (event) => {
    const at = now();
    if (task?.id === event.data) endTask(at);
    if (frame?.id === event.data) endFrame(at);
  };

  new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-paint') firstPaintAt ??= entry.startTime;
  }).observe({ type: 'paint', buffered: true });

  // Capture listeners on the window run before any listener of the page's own elements.
  for (const type of ['pointerdown', 'pointermove', 'pointerup', 'mousemove', 'wheel', 'keydown'])
    page.addEventListener(type, onTask, { capture: true, passive: true });
  const onInput = (): void => {
    if (recording) inputs += 1;
  };
  for (const type of ['pointermove', 'wheel'])
    page.addEventListener(type, onInput, { capture: true, passive: true });
  const setTimeoutOfPage = page.setTimeout.bind(globalThis);
  page.setTimeout = (callback, ms, ...args) =>
    typeof callback === 'function'
      ? setTimeoutOfPage(
          (...values: unknown[]) => {
            onTask();
            (callback as (...values: unknown[]) => void)(...values);
          },
          ms,
          ...args,
        )
      : setTimeoutOfPage(callback, ms, ...args);
  const requestFrameOfPage = page.requestAnimationFrame.bind(globalThis);
  page.requestAnimationFrame = (callback) =>
    requestFrameOfPage((time) => {
      onFrameCallback(time);
      callback(time);
    });

  const onFrame = (time: number): void => {
    onFrameCallback(time);
    if (recording) requestFrameOfPage(onFrame);
  };

  const probe: Probe = {
    get readyAt() {
      return readyAt;
    },
    get firstPaintAt() {
      return firstPaintAt;
    },
    longTasks,
    frames,
    get inputs() {
      return inputs;
    },
    markReady: () => {
      readyAt ??= now();
    },
    startFrames: () => {
      frames.length = 0;
      [busy, task, frame, inputs] = [0, null, null, 0];
      if (!recording) requestFrameOfPage(onFrame);
      recording = true;
      return now();
    },
    stopFrames: () => {
      recording = false;
      return now();
    },
  };
  page.__bench = probe;

  if (readyAttribute !== null) {
    // Our app marks its root; a mutation callback runs in the same task, right after.
    const watcher = new page.MutationObserver(() => {
      probe.markReady();
      watcher.disconnect();
    });
    watcher.observe(page.document, {
      subtree: true,
      attributes: true,
      attributeFilter: [readyAttribute],
    });
  }
}

/**
 * Installs the probe in every document the page loads. With `readyAttribute`, the page is ready
 * when an element gets that attribute; otherwise the page calls `__bench.markReady()` itself.
 */
export async function addProbe(page: Page, readyAttribute: string | null): Promise<void> {
  // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(): a no-op here.
  await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await page.addInitScript(installProbe, readyAttribute);
}

export async function readProbe(page: Page): Promise<ProbeState> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as ProbeGlobals).__bench;
    if (!probe) throw new Error('The bench probe is not installed in this page.');
    const { readyAt, firstPaintAt, longTasks, frames, inputs } = probe;
    return { readyAt, firstPaintAt, longTasks: [...longTasks], frames: [...frames], inputs };
  });
}

export async function waitForReady(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    () => (globalThis as unknown as ProbeGlobals).__bench?.readyAt ?? null,
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * When the page first drew anything. A page that paints nothing until its data is in (a white
 * page, a hidden root) first draws at or after ready; null when it has not drawn in `timeoutMs`.
 */
export async function waitForFirstPaint(page: Page, timeoutMs: number): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(
      () => (globalThis as unknown as ProbeGlobals).__bench?.firstPaintAt ?? null,
      undefined,
      { timeout: timeoutMs, polling: 50 },
    );
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

/** Starts recording frames; returns the page's clock at the start. */
export async function startFrames(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as ProbeGlobals).__bench!.startFrames());
}

/** Stops recording frames; returns the page's clock at the end. */
export async function stopFrames(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as ProbeGlobals).__bench!.stopFrames());
}

/**
 * Waits until the page's main thread has had `quietMs` without a long task after `since`, and
 * returns when the last long task before that quiet ended (or `since`, when none did).
 */
export async function waitForQuiet(page: Page, since: number, quietMs = 1_000): Promise<number> {
  for (;;) {
    const { now, lastEnd } = await page.evaluate((after) => {
      const page = globalThis as unknown as ProbeGlobals;
      const ends = page.__bench!.longTasks.map((task) => task.start + task.duration);
      return { now: page.performance.now(), lastEnd: Math.max(after, ...ends) };
    }, since);
    if (now - lastEnd >= quietMs) return lastEnd;
    await new Promise((done) => setTimeout(done, Math.max(50, quietMs - (now - lastEnd))));
  }
}

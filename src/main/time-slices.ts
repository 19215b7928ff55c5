/**
 * Long work in the main process runs in slices: between slices it yields to the event loop, so
 * IPC messages, timers and file callbacks keep being handled and the window never waits long.
 */

/** How long one slice may run before yielding (well under a 60 Hz frame). */
export const SLICE_MS = 5;

export interface Slicer {
  /** Yields to the event loop when the current slice has run for its time; else returns at once. */
  pause(): Promise<void>;
}

export function createSlicer(sliceMs: number = SLICE_MS): Slicer {
  let sliceStart = performance.now();
  return {
    pause: async () => {
      if (performance.now() - sliceStart < sliceMs) return;
      await yieldToLoop();
      sliceStart = performance.now();
    },
  };
}

/** Lets everything waiting in the event loop run (timers, I/O, messages) before going on. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs work written as steps (src/shared/steps.ts), yielding to the event loop between slices. */
export async function runInSlices<Result>(
  steps: Generator<unknown, Result, undefined>,
  slicer: Slicer = createSlicer(),
): Promise<Result> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slicer.pause();
  }
}

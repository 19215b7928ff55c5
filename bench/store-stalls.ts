/**
 * The longest stretch the Node event loop was blocked: a 1 ms timer chain notes the gap between
 * its runs, and the widest gap is the longest time no timer, I/O callback or IPC message could
 * have been handled. We do not use perf_hooks.monitorEventLoopDelay: on Node 20 it missed a
 * 30 ms busy loop entirely when read soon after reset(), while this chain saw it to the
 * millisecond. An idle loop shows gaps of 1-2 ms here (more on a busy machine).
 */
export interface StallSampler {
  /** The widest gap between timer runs since start (ms), including one still open now. */
  longestMs(): number;
  stop(): number;
}

export function sampleStalls(): StallSampler {
  let last = performance.now();
  let longest = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  const longestMs = () => Math.max(longest, performance.now() - last);
  return {
    longestMs,
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      return longestMs();
    },
  };
}

/** Lets pending timers, I/O and immediates run before the next step of a measurement. */
export function settle(ms = 20): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

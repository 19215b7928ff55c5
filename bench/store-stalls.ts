/**
 * The longest stretch the Node event loop was blocked. A 1 ms timer chain notes the gap between
 * its runs: the widest gap is the longest time no timer, I/O callback or IPC message could have
 * been handled. We do not use perf_hooks.monitorEventLoopDelay: on Node 20 it missed a 30 ms
 * busy loop entirely when read soon after reset(), while this chain saw it to the millisecond.
 *
 * On a machine shared with other work, a gap also holds the time the OS ran other processes
 * instead of this one. On Linux the main thread's own CPU time (/proc/thread-self/schedstat)
 * tells the two apart: `busyMs` is the most CPU time the main thread spent between two timer
 * runs, which is the app's own blocking (its code and its garbage collection) however loaded
 * the machine is. On an idle machine the two figures agree.
 */
import { readFileSync } from 'node:fs';

export interface Stalls {
  /** The widest wall-clock gap between timer runs (ms). */
  readonly wallMs: number;
  /** The most main-thread CPU time between two timer runs (ms); null where unknown. */
  readonly busyMs: number | null;
}

export interface StallSampler {
  stop(): Stalls;
}

export function sampleStalls(): StallSampler {
  let lastWall = performance.now();
  let lastCpu = threadCpuMs();
  let wallMs = 0;
  let busyMs = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const note = () => {
    const wall = performance.now();
    const cpu = threadCpuMs();
    wallMs = Math.max(wallMs, wall - lastWall);
    if (cpu !== null && lastCpu !== null) busyMs = Math.max(busyMs, cpu - lastCpu);
    lastWall = wall;
    lastCpu = cpu;
  };
  const tick = () => {
    note();
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return {
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      note();
      return { wallMs, busyMs: lastCpu === null ? null : busyMs };
    },
  };
}

/** CPU time used from now on: by the main thread (null where unknown) and by all threads. */
export function cpuMeter(): () => { readonly mainMs: number | null; readonly allMs: number } {
  const thread = threadCpuMs();
  const all = process.cpuUsage();
  return () => {
    const now = threadCpuMs();
    const used = process.cpuUsage(all);
    return {
      mainMs: now === null || thread === null ? null : now - thread,
      allMs: (used.user + used.system) / 1000,
    };
  };
}

/** This thread's time on a CPU so far (ms), or null where the OS does not tell. */
function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** Lets pending timers, I/O and immediates run before the next step of a measurement. */
export function settle(ms = 20): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

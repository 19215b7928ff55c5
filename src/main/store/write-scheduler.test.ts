import { describe, expect, it } from 'vitest';

import { WriteScheduler } from './write-scheduler';

/** A scheduler whose writes take `writeMs` and are noted with their start and end times. */
function scheduler(spacingMs: number, writeMs = 5) {
  const writes: { start: number; end: number }[] = [];
  let running = 0;
  let overlapped = false;
  const schedule = new WriteScheduler(spacingMs, async () => {
    const start = performance.now();
    overlapped ||= running > 0;
    running++;
    await sleep(writeMs);
    running--;
    writes.push({ start, end: performance.now() });
  });
  return { schedule, writes, overlapped: () => overlapped };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('WriteScheduler', () => {
  it('writes a change after a quiet spell at once, and changes made together once', async () => {
    const { schedule, writes } = scheduler(10_000);
    const requested = performance.now();
    schedule.request();
    schedule.request();
    await sleep(40);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.start - requested).toBeLessThan(30);
  });

  it('waits the spacing before the next write, and writes what came meanwhile once', async () => {
    const { schedule, writes } = scheduler(10_000);
    schedule.request();
    await sleep(20);
    schedule.request();
    schedule.request();
    await sleep(40);
    expect(writes).toHaveLength(1);
    expect(schedule.busy).toBe(true);
    await schedule.now();
    expect(writes).toHaveLength(2);
    expect(schedule.busy).toBe(false);
  });

  it('never overlaps writes, and starts them at least the spacing apart', async () => {
    const { schedule, writes, overlapped } = scheduler(30, 20);
    const started = performance.now();
    while (performance.now() - started < 200) {
      schedule.request();
      await sleep(2);
    }
    while (schedule.busy) await sleep(5);
    expect(overlapped()).toBe(false);
    for (let i = 1; i < writes.length; i++) {
      // Timers keep whole milliseconds of loop time: a start may come up to 1 ms early.
      expect(writes[i]!.start - writes[i - 1]!.start).toBeGreaterThanOrEqual(28);
      expect(writes[i]!.start).toBeGreaterThanOrEqual(writes[i - 1]!.end);
    }
    // One write per spacing at most, plus the first one and the last one.
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(200 / 30) + 2);
  });

  it('makes 100 changes over 100 ms into at most 3 writes with a 60 ms spacing', async () => {
    const { schedule, writes } = scheduler(60);
    const started = performance.now();
    for (let i = 0; i < 100; i++) {
      const wait = started + i - performance.now();
      if (wait >= 1) await sleep(wait);
      schedule.request();
    }
    await schedule.now();
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.length).toBeLessThanOrEqual(3);
  });

  it('writes nothing when asked to write now with nothing requested', async () => {
    const { schedule, writes } = scheduler(60);
    await schedule.now();
    expect(writes).toEqual([]);
  });
});

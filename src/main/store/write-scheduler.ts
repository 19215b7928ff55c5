/**
 * When the store writes. The first change after a quiet spell is written at once (on the next
 * turn of the event loop, so changes made together are one write). After that, writes are at
 * least `spacingMs` apart, start to start, and never overlap: a burst of edits costs one write
 * per spacing, and whatever came during a write is written by the next one.
 */
export class WriteScheduler {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  #lastStart = -Infinity;
  /** Something changed since the last write started. */
  #wanted = false;

  /** `write` reports its own failures: its promise always resolves. */
  constructor(
    private readonly spacingMs: number,
    private readonly write: () => Promise<void>,
  ) {}

  /** A write runs now or one is due. */
  get busy(): boolean {
    return this.#running !== null || this.#timer !== null;
  }

  /** Something changed: write it as soon as the spacing allows. */
  request(): void {
    this.#wanted = true;
    this.#arm();
  }

  /** Waits for a running write, then writes what was requested at once. */
  async now(): Promise<void> {
    for (;;) {
      this.#disarm();
      const running = this.#running;
      if (running === null) break;
      await running;
    }
    if (this.#wanted) await this.#start();
  }

  #arm(): void {
    if (!this.#wanted || this.#timer !== null || this.#running !== null) return;
    const wait = Math.max(0, this.#lastStart + this.spacingMs - performance.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#start();
    }, wait);
  }

  #disarm(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #start(): Promise<void> {
    this.#wanted = false;
    this.#lastStart = performance.now();
    const run = this.write().finally(() => {
      this.#running = null;
      this.#arm();
    });
    this.#running = run;
    return run;
  }
}

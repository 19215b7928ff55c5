/**
 * When the mouse wheel is turning and when it has come to rest. vis zooms on each wheel notch,
 * each a gesture of its own to vis; the view lets its plans settle while the wheel turns (see
 * level-of-detail.ts) and plans in full once it rests, WHEEL_REST_MS after the last notch. The
 * host carries `data-settling` meanwhile (tests wait for it to go). No vis, no layout.
 */

/** The wheel rests once it has not turned for this long. */
export const WHEEL_REST_MS = 200;

export class WheelRest {
  readonly #host: Element;
  readonly #onRest: () => void;
  readonly #restMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(host: Element, onRest: () => void, restMs = WHEEL_REST_MS) {
    this.#host = host;
    this.#onRest = onRest;
    this.#restMs = restMs;
  }

  /** True from the first notch until the wheel rests. */
  get turning(): boolean {
    return this.#timer !== null;
  }

  /** A notch: the wheel turns, and rests `restMs` after the last one. */
  turned(): void {
    if (this.#timer === null) this.#host.setAttribute('data-settling', '');
    else clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#host.removeAttribute('data-settling');
      this.#onRest();
    }, this.#restMs);
  }
}

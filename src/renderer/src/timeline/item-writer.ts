/**
 * Hands vis-timeline's DataSet the difference between what it holds and what a plan wants. vis
 * redraws its whole item set after every DataSet call, and draws an item added in view at once,
 * measuring it alone (a layout per item). So many new items are added off screen, where vis
 * skips them, then moved into place with one update, which vis draws and measures as one batch.
 * During a gesture that second step waits for the next frame (with the removals, so no lane
 * stands empty in between), and when many items would appear in view they move in over a few
 * frames, a frame's worth at a time.
 */
import { diffItems } from './item-diff';

/** What the writer needs of a DataSet. */
export interface ItemSink<T> {
  add(items: T[]): unknown;
  update(items: T[]): unknown;
  remove(ids: string[]): unknown;
}

export interface Placed {
  readonly id: string;
  readonly type: string;
  readonly start: number;
  readonly end?: number;
}

/** About 270,000 BC: before any window vis can show (its zoom stops at 500 years). */
const OFF_SCREEN = -8.64e15;
/** Up to this many new items in view are simply added: vis measures them one by one. */
export const DIRECT_LIMIT = 8;
/** Items in view moved in per frame during a gesture. */
export const MOVE_IN_PER_FRAME = 20;

export class ItemWriter<T extends Placed> {
  readonly #sink: ItemSink<T>;
  readonly #nextFrame: (run: () => void) => unknown;
  /** What the DataSet will hold once everything is in place. */
  readonly #held = new Map<string, T>();
  /** What the DataSet holds now: id → the item last written (off-screen ones as they will be). */
  readonly #present = new Map<string, T>();
  /** Present off screen, waiting to move in. */
  readonly #parked = new Set<string>();
  /** Present, waiting for an update in place. */
  readonly #stale = new Set<string>();
  /** Present, no longer wanted. */
  readonly #doomed = new Set<string>();
  #inView: (item: T) => boolean = () => true;
  #scheduled = false;

  constructor(sink: ItemSink<T>, nextFrame: (run: () => void) => unknown) {
    this.#sink = sink;
    this.#nextFrame = nextFrame;
  }

  /** The items the DataSet holds once the last write is in place. */
  held(): IterableIterator<T> {
    return this.#held.values();
  }

  /** The item the DataSet holds (or will, once the last write is in place) of that id. */
  get(id: string): T | undefined {
    return this.#held.get(id);
  }

  /** True while some of the last write is not in place yet. */
  get pending(): boolean {
    return this.#parked.size + this.#stale.size + this.#doomed.size > 0;
  }

  /**
   * Brings the DataSet to `wanted`. Without `gradually`, everything is in place on return; with
   * it, many new items in view (as `inView` says) take the next frames.
   */
  write(wanted: readonly T[], inView: (item: T) => boolean, gradually: boolean): void {
    this.#inView = inView;
    const diff = diffItems(this.#held, wanted);
    for (const id of diff.remove) {
      this.#parked.delete(id);
      this.#stale.delete(id);
      if (this.#present.has(id)) this.#doomed.add(id);
    }
    const fresh: T[] = [];
    const replaced: string[] = [];
    for (const item of diff.add) {
      const present = this.#present.get(item.id);
      if (present === undefined) {
        fresh.push(item);
      } else if (present.type !== item.type) {
        // An update would keep fields the new type lacks (a DataSet update merges): replace it.
        replaced.push(item.id);
        fresh.push(item);
      } else {
        this.#doomed.delete(item.id);
        this.#present.set(item.id, item);
        if (!this.#parked.has(item.id)) this.#stale.add(item.id);
      }
    }
    for (const item of diff.update) {
      this.#present.set(item.id, item);
      if (!this.#parked.has(item.id)) this.#stale.add(item.id);
    }
    if (replaced.length > 0) this.#remove(replaced);

    const direct = fresh.filter(inView).length <= DIRECT_LIMIT;
    if (direct || !gradually) this.#remove([...this.#doomed]);
    if (fresh.length > 0) {
      this.#sink.add(direct ? fresh.map(copy) : fresh.map(offScreen));
      for (const item of fresh) {
        this.#present.set(item.id, item);
        if (!direct) this.#parked.add(item.id);
      }
    }
    if (direct || !gradually) this.#flush(Infinity);
    else this.#schedule();
  }

  /** Removes what is doomed, then moves in and updates with one call (up to `limit` in view). */
  #flush(limit: number): void {
    this.#remove([...this.#doomed]);
    const batch: T[] = [];
    for (const id of this.#stale) batch.push(copy(this.#present.get(id) as T));
    this.#stale.clear();
    let inView = 0;
    for (const id of this.#parked) {
      const item = this.#present.get(id) as T;
      if (this.#inView(item) && ++inView > limit) continue;
      batch.push(copy(item));
      this.#parked.delete(id);
    }
    if (batch.length > 0) this.#sink.update(batch);
    if (this.#parked.size > 0) this.#schedule();
  }

  #remove(ids: string[]): void {
    if (ids.length === 0) return;
    this.#sink.remove(ids);
    for (const id of ids) {
      this.#present.delete(id);
      this.#parked.delete(id);
      this.#stale.delete(id);
      this.#doomed.delete(id);
    }
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#nextFrame(() => {
      this.#scheduled = false;
      this.#flush(MOVE_IN_PER_FRAME);
    });
  }
}

function copy<T>(item: T): T {
  return { ...item };
}

function offScreen<T extends Placed>(item: T): T {
  return { ...item, start: OFF_SCREEN, ...(item.end === undefined ? {} : { end: OFF_SCREEN + 1 }) };
}

/**
 * A small number for each event id, the same for the whole run, shared by the search and the
 * views: "is this event shown?" is one byte per number. A search that hides 60,000 of 100,000
 * events then flips bytes, and no set or list of 60,000 ids is built (at 100,000 events each such
 * set cost tens of milliseconds a keystroke). Numbers are never reused, so an old number never
 * names a new event.
 */
import type { EventId } from '../../../shared/ids';

export class EventSlots {
  readonly #slots = new Map<EventId, number>();
  readonly #ids: EventId[] = [];

  /** The event's number, made on first asking. */
  of(id: EventId): number {
    let slot = this.#slots.get(id);
    if (slot === undefined) {
      slot = this.#ids.length;
      this.#slots.set(id, slot);
      this.#ids.push(id);
    }
    return slot;
  }

  /** The event's number, if it has one. */
  get(id: EventId): number | undefined {
    return this.#slots.get(id);
  }

  idOf(slot: number): EventId | undefined {
    return this.#ids[slot];
  }

  /** How many numbers are given: every slot is below this. */
  get count(): number {
    return this.#ids.length;
  }
}

/** One flag per slot, growing as slots are given. */
export class SlotFlags {
  #bytes: Uint8Array;

  /** Room for `capacity` slots to start with. */
  constructor(capacity = 1024) {
    this.#bytes = new Uint8Array(Math.max(capacity, 16));
  }

  /** Flags set at these slots, with room for `capacity` (one pass, no call per slot). */
  static of(slots: readonly number[], capacity: number): SlotFlags {
    const flags = new SlotFlags(capacity);
    const bytes = flags.#bytes;
    // Indexed, not for-of: run once per key typed, it is often still uncompiled, where an
    // iterator costs several times as much (5 ms for 40,000 slots).
    for (let i = 0; i < slots.length; i++) bytes[slots[i] as number] = 1;
    return flags;
  }

  /**
   * The flags as bytes (1: set), for a pass over many events without a call for each. Read it
   * afresh for each pass: it is replaced when the flags grow.
   */
  get bytes(): Uint8Array {
    return this.#bytes;
  }

  has(slot: number): boolean {
    return this.#bytes[slot] === 1;
  }

  set(slot: number, on: boolean): void {
    if (slot >= this.#bytes.length) {
      const grown = new Uint8Array(Math.max(slot + 1, this.#bytes.length * 2));
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
    this.#bytes[slot] = on ? 1 : 0;
  }
}

/** Which events the views show: the slots flagged; null: every event. */
export type ShownTest = Pick<SlotFlags, 'bytes' | 'has'> | null;

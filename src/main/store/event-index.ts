/**
 * The store's events in memory: by id, in the store's order, with each event's follow-ups.
 * Removed ids keep their place, so undo puts an event back exactly where it was.
 */
import type { EventId } from '../../shared/ids';
import type { TimelineEvent } from '../../shared/schema';
import { stepEnds } from '../../shared/steps';

export class EventIndex {
  /** Events in the store's order; see #position. */
  #byId = new Map<EventId, TimelineEvent>();
  /** Each id's place in the order, kept after it is removed so undo puts it back there. */
  readonly #position = new Map<EventId, number>();
  #outOfOrder = false;
  readonly #followUps = new Map<EventId, Set<EventId>>();

  get size(): number {
    return this.#byId.size;
  }

  /** An event came back (undo) out of its place: reorder() before the order is read. */
  get outOfOrder(): boolean {
    return this.#outOfOrder;
  }

  get(id: EventId): TimelineEvent | undefined {
    return this.#byId.get(id);
  }

  values(): IterableIterator<TimelineEvent> {
    return this.#byId.values();
  }

  followUpsOf(id: EventId): readonly EventId[] {
    return [...(this.#followUps.get(id) ?? [])];
  }

  put(event: TimelineEvent): void {
    const previous = this.#byId.get(event.id);
    const position = this.#position.get(event.id);
    if (position === undefined) this.#position.set(event.id, this.#position.size);
    else if (!previous) this.#outOfOrder = true; // an event coming back, e.g. by undo
    if (previous?.followUpOf) this.#followUps.get(previous.followUpOf)?.delete(event.id);
    this.#byId.set(event.id, event);
    if (event.followUpOf) {
      let children = this.#followUps.get(event.followUpOf);
      if (!children) this.#followUps.set(event.followUpOf, (children = new Set()));
      children.add(event.id);
    }
  }

  /**
   * Puts events that came back in their old places, so undo restores the document exactly.
   * Positions are distinct whole numbers below the number of ids ever seen: one pass puts
   * every event in its slot, without sorting (an undone import can bring 100,000 back).
   */
  *reorder(): Generator<void, void, undefined> {
    const slots = new Array<TimelineEvent | undefined>(this.#position.size);
    let i = 0;
    for (const [id, event] of this.#byId) {
      slots[this.#position.get(id) ?? slots.length] = event;
      if (stepEnds(i++)) yield;
    }
    const byId = new Map<EventId, TimelineEvent>();
    for (const [at, event] of slots.entries()) {
      if (event !== undefined) byId.set(event.id, event);
      if (stepEnds(at)) yield;
    }
    this.#byId = byId;
    this.#outOfOrder = false;
  }

  remove(id: EventId): void {
    const previous = this.#byId.get(id);
    if (previous?.followUpOf) this.#followUps.get(previous.followUpOf)?.delete(id);
    this.#byId.delete(id);
  }
}

/**
 * Which events the views show while a search or a filter is on: those that match the search and
 * pass the filter (event-filter.ts), kept as one flag per event slot (event-slots.ts). The views
 * keep every event and ask `test` which to draw, so a search that hides 60,000 of 100,000 events
 * flips flags and the views make one pass over what they hold: no list of what left. An edit is
 * judged for the edited events alone. Also the order of the shown events in time, for "next match"
 * and "previous match".
 */
import type { Change } from '../../../shared/contract';
import type { EventId } from '../../../shared/ids';
import type { TimelineEvent } from '../../../shared/schema';
import { UTC_ZONE } from '../../../shared/time-zone';
import { itemSpan } from '../timeline/items';
import type { EventFilter } from './event-filter';
import { compileFilter, NO_FILTER } from './event-filter';
import { EventSearch } from './event-search';
import { type EventSlots, type ShownTest, SlotFlags } from './event-slots';

export interface SearchSource {
  readonly size: number;
  get(id: EventId): TimelineEvent | undefined;
  all(): IterableIterator<TimelineEvent>;
}

export class ShownEvents {
  #query = '';
  #filter: EventFilter = NO_FILTER;
  #zone: string = UTC_ZONE;
  /** The filter's test of one event; null while no filter is on. */
  #passes: ((event: TimelineEvent) => boolean) | null = null;
  /** The events shown, by slot; null while neither a search nor a filter is on (all shown). */
  #shown: SlotFlags | null = null;
  #shownCount = 0;
  /**
   * Events made while a search or filter is on: shown, matching or not, so a new event never
   * vanishes from under the user.
   */
  readonly #made = new Set<EventId>();
  /** The shown events in time order, made when first asked for after a change. */
  #inTime: EventId[] | null = null;
  /**
   * Each event by its slot, made when a filter first needs the events and kept up to date after:
   * a filter then reads an array, not a lookup of each of 100,000 ids.
   */
  #bySlot: (TimelineEvent | undefined)[] | null = null;

  constructor(
    private readonly events: SearchSource,
    private readonly search: EventSearch,
    private readonly slots: EventSlots,
  ) {}

  get query(): string {
    return this.#query;
  }

  get filter(): EventFilter {
    return this.#filter;
  }

  /** How many events are shown: all of them while no search or filter is on. */
  get shownCount(): number {
    return this.#shown === null ? this.events.size : this.#shownCount;
  }

  get active(): boolean {
    return this.#shown !== null;
  }

  /** What the views ask of each event they hold; null while every event is shown. */
  get test(): ShownTest {
    return this.#shown;
  }

  isShown(id: EventId): boolean {
    if (this.#shown === null) return true;
    const slot = this.slots.get(id);
    return slot !== undefined && this.#shown.has(slot);
  }

  /** Prepares, while the page is idle, what the first filter would: each event by its slot. */
  prepare(): void {
    this.#eventsBySlot();
  }

  /** Sets the query; the views then show what `test` lets through. */
  setQuery(query: string): void {
    this.#query = query;
    this.#renew();
  }

  /** Sets the filter, as setQuery. */
  setFilter(filter: EventFilter): void {
    this.#filter = filter;
    this.#passes = compileFilter(filter, this.#zone);
    this.#renew();
  }

  /**
   * The zone the window shows times in: the date range's days begin at its midnights for dates
   * with a time. True when the events shown were judged again (a date range is set).
   */
  setZone(zone: string): boolean {
    if (zone === this.#zone) return false;
    this.#zone = zone;
    if (this.#filter.from === null && this.#filter.to === null) return false;
    this.setFilter(this.#filter);
    return true;
  }

  /** Every event judged again: the matches of the query that pass the filter. */
  #renew(): void {
    this.#made.clear();
    this.#inTime = null;
    const matches = this.search.match(this.#query);
    const passes = this.#passes;
    if (matches === null && passes === null) {
      this.#shown = null;
      return;
    }
    let shown: number[] = matches ?? [];
    if (passes !== null) {
      const bySlot = this.#eventsBySlot();
      shown = [];
      if (matches === null) {
        bySlot.forEach((event, slot) => {
          if (event !== undefined && passes(event)) shown.push(slot);
        });
      } else {
        for (const slot of matches) {
          const event = bySlot[slot];
          if (event !== undefined && passes(event)) shown.push(slot);
        }
      }
    }
    // Each slot once: the index answers an event once, and a pass reads each slot once.
    this.#shown = SlotFlags.of(shown, this.slots.count);
    this.#shownCount = shown.length;
  }

  /**
   * Follows a change to the timeline, before the views apply it: the search index takes it, and
   * while a search or filter is on each changed event is judged again (a new one is shown).
   */
  follow(change: Change): void {
    const shown = this.#shown;
    if (shown !== null) {
      for (const event of change.upserted) if (!this.search.has(event.id)) this.#made.add(event.id);
    }
    this.search.apply(change);
    const bySlot = this.#bySlot;
    if (bySlot !== null) {
      for (const id of change.removed) {
        const slot = this.slots.get(id);
        if (slot !== undefined) bySlot[slot] = undefined;
      }
      for (const event of change.upserted) bySlot[this.slots.of(event.id)] = event;
    }
    if (shown === null) return;
    this.#inTime = null;
    for (const id of change.removed) {
      this.#made.delete(id);
      this.#mark(shown, this.slots.get(id), false);
    }
    for (const event of change.upserted) {
      const is =
        this.#made.has(event.id) ||
        (EventSearch.matches(this.#query, event) && (this.#passes?.(event) ?? true));
      this.#mark(shown, this.slots.of(event.id), is);
    }
  }

  #eventsBySlot(): (TimelineEvent | undefined)[] {
    if (this.#bySlot === null) {
      const bySlot = new Array<TimelineEvent | undefined>(this.slots.count).fill(undefined);
      for (const event of this.events.all()) bySlot[this.slots.of(event.id)] = event;
      this.#bySlot = bySlot;
    }
    return this.#bySlot;
  }

  #mark(shown: SlotFlags, slot: number | undefined, is: boolean): void {
    if (slot === undefined || shown.has(slot) === is) return;
    shown.set(slot, is);
    this.#shownCount += is ? 1 : -1;
  }

  /**
   * The shown event after (or before) `from` in time, wrapping round; the first (or last) when
   * `from` is not shown. Null when nothing is.
   */
  step(from: EventId | null, direction: 1 | -1): EventId | null {
    const inTime = this.#shownInTime();
    if (inTime.length === 0) return null;
    const at = from === null ? -1 : inTime.indexOf(from);
    const next = at === -1 ? (direction === 1 ? 0 : inTime.length - 1) : at + direction;
    return inTime[(next + inTime.length) % inTime.length] ?? null;
  }

  #shownInTime(): EventId[] {
    if (this.#inTime !== null) return this.#inTime;
    const shown: { id: EventId; start: number }[] = [];
    for (const event of this.events.all()) {
      if (this.isShown(event.id)) shown.push({ id: event.id, start: itemSpan(event).start });
    }
    shown.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    return (this.#inTime = shown.map((match) => match.id));
  }
}

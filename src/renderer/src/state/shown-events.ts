/**
 * Which events the views show while a search or a filter is on: those that match the search and
 * pass the filter (event-filter.ts). The views are told the difference as a Change (events
 * leaving are "removed", events coming back "upserted"), so they update as they do for any edit;
 * a change to the timeline is passed on narrowed the same way. Also the order of the shown events
 * in time, for "next match" and "previous match".
 */
import type { Change } from '../../../shared/contract';
import type { EventId } from '../../../shared/ids';
import type { TimelineEvent } from '../../../shared/schema';
import { itemSpan } from '../timeline/items';
import type { EventFilter } from './event-filter';
import { compileFilter, NO_FILTER } from './event-filter';
import type { EventSearch } from './event-search';

export interface SearchSource {
  readonly size: number;
  get(id: EventId): TimelineEvent | undefined;
  all(): IterableIterator<TimelineEvent>;
}

export class ShownEvents {
  #query = '';
  #filter: EventFilter = NO_FILTER;
  /** The filter's test of one event; null while no filter is on. */
  #passes: ((event: TimelineEvent) => boolean) | null = null;
  /** The ids that match and pass; null while neither a search nor a filter is on (all shown). */
  #shown: ReadonlySet<EventId> | null = null;
  /**
   * Events made while a search or filter is on: shown, matching or not, so a new event never
   * vanishes from under the user.
   */
  readonly #made = new Set<EventId>();
  /** The matches in time order, made when first asked for after a change. */
  #inTime: EventId[] | null = null;

  constructor(
    private readonly events: SearchSource,
    private readonly search: EventSearch,
  ) {}

  get query(): string {
    return this.#query;
  }

  get filter(): EventFilter {
    return this.#filter;
  }

  /** How many events are shown: all of them while no search is on. */
  get shownCount(): number {
    if (this.#shown === null) return this.events.size;
    let made = 0;
    for (const id of this.#made) if (!this.#shown.has(id) && this.events.get(id)) made++;
    return this.#shown.size + made;
  }

  get active(): boolean {
    return this.#shown !== null;
  }

  isShown(id: EventId): boolean {
    return this.#shown === null || this.#shown.has(id) || this.#made.has(id);
  }

  /** Sets the query; returns what the views must do to show exactly what matches and passes. */
  setQuery(query: string): Change {
    this.#query = query;
    return this.#renew();
  }

  /** Sets the filter; returns what the views must do, as setQuery. */
  setFilter(filter: EventFilter): Change {
    this.#filter = filter;
    this.#passes = compileFilter(filter);
    return this.#renew();
  }

  #renew(): Change {
    const before = this.#visible();
    this.#made.clear();
    return this.#reshow(before, this.#matching());
  }

  /** The ids that match the query and pass the filter; null when every event does. */
  #matching(): ReadonlySet<EventId> | null {
    const matches = this.search.match(this.#query);
    const passes = this.#passes;
    if (passes === null) return matches;
    const shown = new Set<EventId>();
    if (matches === null) {
      for (const event of this.events.all()) if (passes(event)) shown.add(event.id);
    } else {
      for (const id of matches) {
        const event = this.events.get(id);
        if (event !== undefined && passes(event)) shown.add(id);
      }
    }
    return shown;
  }

  /**
   * A change made to the timeline, as the views must show it while a search or filter is on: the
   * search index follows it first, then the matches are found again.
   */
  narrow(change: Change): Change {
    if (this.#shown !== null) {
      for (const event of change.upserted) if (!this.search.has(event.id)) this.#made.add(event.id);
    }
    this.search.apply(change);
    if (this.#shown === null) return change;
    const before = this.#visible();
    const moved = this.#reshow(before, this.#matching());
    const removed = new Set([...change.removed, ...moved.removed]);
    const upserted = new Map<EventId, TimelineEvent>();
    for (const event of moved.upserted) upserted.set(event.id, event);
    for (const event of change.upserted) {
      if (this.isShown(event.id)) upserted.set(event.id, event);
      else if (before?.has(event.id) === true) removed.add(event.id);
    }
    return { ...change, upserted: [...upserted.values()], removed: [...removed] };
  }

  /**
   * The match after (or before) `from` in time, wrapping round; the first (or last) when
   * `from` is not a match. Null when nothing matches.
   */
  step(from: EventId | null, direction: 1 | -1): EventId | null {
    const inTime = this.#matchesInTime();
    if (inTime.length === 0) return null;
    const at = from === null ? -1 : inTime.indexOf(from);
    const next = at === -1 ? (direction === 1 ? 0 : inTime.length - 1) : at + direction;
    return inTime[(next + inTime.length) % inTime.length] ?? null;
  }

  #matchesInTime(): EventId[] {
    if (this.#inTime !== null) return this.#inTime;
    const matches: { id: EventId; start: number }[] = [];
    for (const event of this.events.all()) {
      if (this.isShown(event.id)) matches.push({ id: event.id, start: itemSpan(event).start });
    }
    matches.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    return (this.#inTime = matches.map((match) => match.id));
  }

  /** What is shown now, as a predicate (null: everything). */
  #visible(): ReadonlySet<EventId> | null {
    if (this.#shown === null) return null;
    return this.#made.size === 0 ? this.#shown : new Set([...this.#shown, ...this.#made]);
  }

  /** The ids shown now while narrowed: the matches and the events made meanwhile. */
  *#visibleIds(): Generator<EventId> {
    if (this.#shown !== null) yield* this.#shown;
    for (const id of this.#made) if (this.#shown?.has(id) !== true) yield id;
  }

  #reshow(before: ReadonlySet<EventId> | null, next: ReadonlySet<EventId> | null): Change {
    this.#shown = next;
    this.#inTime = null;
    const removed: EventId[] = [];
    const upserted: TimelineEvent[] = [];
    if (before === null && next === null) return { upserted, removed };
    if (before !== null && next !== null) {
      // Both narrowed (a search typed on): only the two sets need reading, not every event.
      for (const id of before) if (!this.isShown(id)) removed.push(id);
      for (const id of this.#visibleIds()) {
        if (before.has(id)) continue;
        const event = this.events.get(id);
        if (event !== undefined) upserted.push(event);
      }
      return { upserted, removed };
    }
    for (const event of this.events.all()) {
      const was = before === null || before.has(event.id);
      const is = this.isShown(event.id);
      if (was && !is) removed.push(event.id);
      else if (!was && is) upserted.push(event);
    }
    return { upserted, removed };
  }
}

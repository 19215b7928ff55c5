/**
 * Full-text search over the timeline's events, with FlexSearch: words in the title, description,
 * location, actors, tags, and the sources' titles, publishers and quotes; by word prefix ("vet"
 * finds "vetoes"), every word required, case and diacritics ignored ("cafe" finds "Café"), for
 * Indonesian and English alike. The index is built in chunks between frames (100,000 events must
 * not freeze the window) and follows every change.
 *
 * Why FlexSearch: the views show matches in time, not by relevance, so no score is wanted.
 * MiniSearch (used before) scored every match of every prefix and took 35-300 ms a keystroke at
 * 100,000 events; FlexSearch's prefix index answers a word in 1-2 ms. Each word is asked for on
 * its own and the answers intersected here, which is quicker than its own multi-word query.
 */
import { Index } from 'flexsearch';

import type { Change } from '../../../shared/contract';
import type { EventId } from '../../../shared/ids';
import type { TimelineEvent } from '../../../shared/schema';
import { type EventSlots, SlotFlags } from './event-slots';

/** Events indexed between two looks at the clock while the index is built (~2 ms). */
const BUILD_CHUNK = 100;
/** The most the index takes of a turn when the page is never idle (it is then built anyway). */
const BUSY_SLICE_MS = 8;
/** How long the index waits for the page to be idle before it takes a busy slice. */
const IDLE_WAIT_MS = 250;

/** "Café" and "cafe", "Kunjungan" and "kunjungan" are one term. */
export function searchTerm(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text as the index keeps them: folded, split at anything not a letter or digit. */
export function searchWords(text: string): string[] {
  return searchTerm(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** All of an event's words in one text: a search needs each word somewhere in the event. */
function eventText(event: TimelineEvent): string {
  const sources = event.sources.map(
    (source) => `${source.title} ${source.publisher} ${source.quote}`,
  );
  return [
    event.title,
    event.description,
    event.location,
    event.actors.join(' '),
    event.tags.join(' '),
    ...sources,
  ].join('\n');
}

export class EventSearch {
  /** Prefix search ("forward" indexes each word's beginnings) over the events' slots. */
  readonly #index = new Index({ tokenize: 'forward', encode: searchWords });
  /** The events indexed, or on their way into the index. */
  readonly #indexed = new SlotFlags();
  /** Per slot, the last query word that found it (match's intersection, without sets). */
  #marks = new Uint32Array(0);
  #pass = 0;
  /** Changes that came while the index was built: applied once it is. */
  #queued: Change[] | null = [];
  #stopped = false;
  readonly ready: Promise<void>;

  /**
   * Indexes `events` once `begin` has settled: the window's first draw of a story goes first,
   * as the index's chunks would otherwise take turns with it.
   */
  constructor(
    events: readonly TimelineEvent[],
    private readonly slots: EventSlots,
    begin: Promise<void> = Promise.resolve(),
  ) {
    const numbered = events.map((event) => ({ event, slot: this.#add(event.id) }));
    this.ready = begin
      .then(() => this.#build(numbered))
      .then(() => {
        const queued = this.#queued ?? [];
        this.#queued = null;
        for (const change of queued) this.apply(change);
        // FlexSearch's search code is compiled at its first call (~10 ms at 100,000 events on a
        // slow machine): one search now, while nobody waits, spares the user's first keystroke.
        this.match('e');
      });
  }

  /** Ends the index's building (the window is taken down): nobody will search it. */
  stop(): void {
    this.#stopped = true;
  }

  /**
   * Indexes in the page's idle time, a few ms at a time: a frame the page asks for (the first
   * one after a story opens, a key typed meanwhile) is never held up by more than a chunk.
   */
  async #build(numbered: readonly { event: TimelineEvent; slot: number }[]): Promise<void> {
    let at = 0;
    while (at < numbered.length && !this.#stopped) {
      const until = await idleUntil();
      // Stopped while it waited: the window was taken down.
      if (this.#stopped) return;
      do {
        const end = Math.min(at + BUILD_CHUNK, numbered.length);
        for (; at < end; at++) {
          const { event, slot } = numbered[at] as { event: TimelineEvent; slot: number };
          this.#index.add(slot, eventText(event));
        }
      } while (at < numbered.length && performance.now() < until && !this.#stopped);
    }
  }

  /** Follows a change of the timeline (queued while the index is still being built). */
  apply(change: Change): void {
    if (this.#queued !== null) {
      this.#queued.push(change);
      for (const event of change.upserted) this.#add(event.id);
      return;
    }
    for (const id of change.removed) {
      const slot = this.slots.get(id);
      if (slot === undefined || !this.#indexed.has(slot)) continue;
      this.#index.remove(slot);
      this.#indexed.set(slot, false);
    }
    for (const event of change.upserted) {
      const slot = this.slots.of(event.id);
      if (this.#indexed.has(slot)) this.#index.update(slot, eventText(event));
      else this.#index.add(slot, eventText(event));
      this.#indexed.set(slot, true);
    }
  }

  /** Whether the event is in the index (or on its way into it). */
  has(id: EventId): boolean {
    const slot = this.slots.get(id);
    return slot !== undefined && this.#indexed.has(slot);
  }

  /** The slots of the events that hold every word of the query, each once; null for a blank query. */
  match(query: string): number[] | null {
    const words = queryWords(query);
    if (words.length === 0) return null;
    if (this.#marks.length < this.slots.count) this.#marks = new Uint32Array(this.slots.count * 2);
    const limit = this.slots.count + 1;
    // The rarest word first would be quickest, but any order gives the same answer: an event
    // stays while it was found by every word so far (its mark counts the words that found it).
    let found: number[] = [];
    words.forEach((word, index) => {
      const pass = ++this.#pass;
      const hits = this.#index.search(word, { limit }) as number[];
      found = [];
      const marks = this.#marks;
      // Indexed: see SlotFlags.of.
      for (let i = 0; i < hits.length; i++) {
        const slot = hits[i] as number;
        // Each event once, and after the first word only those every word before found.
        const mark = marks[slot];
        if (mark === pass || (index > 0 && mark !== pass - 1)) continue;
        marks[slot] = pass;
        found.push(slot);
      }
    });
    return found;
  }

  /**
   * Whether one event holds every word of the query, read from the event itself (the index's
   * answer for that event, without asking the index for every match): how an edit made while a
   * search is on is judged.
   */
  static matches(query: string, event: TimelineEvent): boolean {
    const words = queryWords(query);
    if (words.length === 0) return true;
    const own = searchWords(eventText(event));
    return words.every((word) => own.some((held) => held.startsWith(word)));
  }

  #add(id: EventId): number {
    const slot = this.slots.of(id);
    this.#indexed.set(slot, true);
    return slot;
  }
}

/** The distinct words of a query. */
function queryWords(query: string): string[] {
  return [...new Set(searchWords(query))];
}

/**
 * Waits for the page's next idle time and says until when it lasts; a page that stays busy
 * gets a short slice after IDLE_WAIT_MS. Where there is no idle callback (Node), a short slice
 * at the next turn.
 */
function idleUntil(): Promise<number> {
  return new Promise((resolve) => {
    const slice = (): void => resolve(performance.now() + BUSY_SLICE_MS);
    if (typeof requestIdleCallback !== 'function') return void setTimeout(slice, 0);
    requestIdleCallback(
      (deadline) =>
        deadline.didTimeout ? slice() : resolve(performance.now() + deadline.timeRemaining()),
      { timeout: IDLE_WAIT_MS },
    );
  });
}

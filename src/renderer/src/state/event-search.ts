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

/** Events indexed per turn of the event loop while the index is built. */
const BUILD_CHUNK = 1000;

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
  /** Prefix search ("forward" indexes each word's beginnings) over numbered events. */
  readonly #index = new Index({ tokenize: 'forward', encode: searchWords });
  /** FlexSearch keys are numbers: each event's, and the event of each. */
  readonly #numbers = new Map<EventId, number>();
  readonly #ids: (EventId | undefined)[] = [];
  readonly #free: number[] = [];
  /** Per number, the last query word that found it (match's intersection, without sets). */
  #marks = new Uint32Array(0);
  #pass = 0;
  /** Changes that came while the index was built: applied once it is. */
  #queued: Change[] | null = [];
  readonly ready: Promise<void>;

  constructor(events: readonly TimelineEvent[]) {
    const numbered = events.map((event) => ({ event, number: this.#number(event.id) }));
    this.ready = this.#build(numbered).then(() => {
      const queued = this.#queued ?? [];
      this.#queued = null;
      for (const change of queued) this.apply(change);
    });
  }

  async #build(numbered: readonly { event: TimelineEvent; number: number }[]): Promise<void> {
    for (let at = 0; at < numbered.length; at += BUILD_CHUNK) {
      for (const { event, number } of numbered.slice(at, at + BUILD_CHUNK)) {
        this.#index.add(number, eventText(event));
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Follows a change of the timeline (queued while the index is still being built). */
  apply(change: Change): void {
    if (this.#queued !== null) {
      this.#queued.push(change);
      for (const event of change.upserted) this.#number(event.id);
      return;
    }
    for (const id of change.removed) {
      const number = this.#numbers.get(id);
      if (number === undefined) continue;
      this.#index.remove(number);
      this.#numbers.delete(id);
      this.#ids[number] = undefined;
      this.#free.push(number);
    }
    for (const event of change.upserted) {
      const known = this.#numbers.has(event.id);
      const number = this.#number(event.id);
      if (known) this.#index.update(number, eventText(event));
      else this.#index.add(number, eventText(event));
    }
  }

  /** Whether the event is in the index (or on its way into it). */
  has(id: EventId): boolean {
    return this.#numbers.has(id);
  }

  /** The ids of the events that hold every word of the query; null for a blank query. */
  match(query: string): ReadonlySet<EventId> | null {
    const words = [...new Set(searchWords(query))];
    if (words.length === 0) return null;
    if (this.#marks.length < this.#ids.length) this.#marks = new Uint32Array(this.#ids.length * 2);
    const limit = this.#ids.length + 1;
    // The rarest word first would be quickest, but any order gives the same answer: an event
    // stays while it was found by every word so far (its mark counts the words that found it).
    let found: number[] = [];
    words.forEach((word, index) => {
      const pass = ++this.#pass;
      const hits = this.#index.search(word, { limit }) as number[];
      found = [];
      for (const number of hits) {
        if (index === 0 || this.#marks[number] === pass - 1) {
          this.#marks[number] = pass;
          found.push(number);
        }
      }
    });
    const ids = new Set<EventId>();
    for (const number of found) {
      const id = this.#ids[number];
      if (id !== undefined) ids.add(id);
    }
    return ids;
  }

  #number(id: EventId): number {
    const known = this.#numbers.get(id);
    if (known !== undefined) return known;
    const number = this.#free.pop() ?? this.#ids.length;
    this.#numbers.set(id, number);
    this.#ids[number] = id;
    return number;
  }
}

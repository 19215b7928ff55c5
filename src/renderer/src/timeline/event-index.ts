/**
 * Where every event sits on the time axis, per lane, so the timeline can ask "what starts in this
 * period?" and "what is still running at this instant?" without walking every event. Entries are
 * kept sorted by start in runs of similar duration; each run knows its longest duration, so an
 * overlap query reads only the entries that can reach the instant. Pure: no vis, no DOM.
 */
import type { EventId, LaneId } from '../../../shared/ids';
import type { TimelineEvent } from '../../../shared/schema';
import { itemSpan } from './items';

export interface IndexEntry {
  readonly id: EventId;
  readonly lane: LaneId;
  readonly start: number;
  /** Exclusive end in epoch ms; equal to start for a point. */
  readonly end: number;
}

/** An entry that carries its event, and the event's slot (state/event-slots.ts). */
export interface EventEntry extends IndexEntry {
  readonly event: TimelineEvent;
  readonly slot: number;
}

/** Where an event is drawn: a month or a year covers its whole period, a point has no length. */
export function indexEntryOf(event: TimelineEvent, slot = -1): EventEntry {
  return indexEntryIn(undefined, event, slot);
}

/** The same, with calendar dates at the midnights of the zone the axis is in (items.ts). */
export function indexEntryIn(
  zone: string | undefined,
  event: TimelineEvent,
  slot = -1,
): EventEntry {
  const span = itemSpan(event, zone);
  return {
    id: event.id,
    lane: event.laneId,
    start: span.start,
    end: span.end ?? span.start,
    event,
    slot,
  };
}

/** Entries sorted by start whose durations are all at most `bound`. */
interface Run<T> {
  readonly bound: number;
  readonly entries: T[];
  /**
   * The entries' slots in the same order, made by the first subset after the run changed
   * (null until then): a subset reads these numbers instead of every entry object.
   */
  slots: Int32Array | null;
}

/** Whether a subset was made once in this page (see prepareSubsets). */
let subsetsWarm = false;

const HOUR = 3_600_000;
/** Durations up to 1 h, 4 h, 16 h, ~2.7 days, … ~120 years; longer ones share the last run. */
const BOUNDS: readonly number[] = [
  ...Array.from({ length: 11 }, (_, tier) => HOUR * 4 ** tier),
  Number.POSITIVE_INFINITY,
];

function tierOf(entry: IndexEntry): number {
  const duration = entry.end - entry.start;
  const tier = BOUNDS.findIndex((bound) => duration <= bound);
  return tier === -1 ? BOUNDS.length - 1 : tier;
}

/** Time order: by start, then by id, so events that start together keep one order. */
export function compareEntries(a: IndexEntry, b: IndexEntry): number {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The first position in a run at or after (start, id) in time order. */
export function boundOf(entries: readonly IndexEntry[], start: number, id: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const entry = entries[mid] as IndexEntry;
    if (entry.start < start || (entry.start === start && entry.id < id)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first position in a run whose start is at or after `at`. */
export function lowerBound(entries: readonly IndexEntry[], at: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((entries[mid] as IndexEntry).start < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class EventIndex<T extends IndexEntry = IndexEntry> {
  readonly #byId = new Map<EventId, T>();
  readonly #lanes = new Map<LaneId, Run<T>[]>();
  #extent: { min: number; max: number } | null | undefined = undefined;
  /** A subset's index and test (see subset); null for an index of its own. */
  #of: { readonly index: EventIndex<T>; keep(entry: T): boolean } | null = null;
  /**
   * Each entry's slot (state/event-slots.ts): what a subset is chosen by. A method, so an index of
   * EventEntry is still an index of IndexEntry to code that only reads it.
   */
  readonly #slots: { of(entry: T): number };
  #subsetSize = 0;

  /** `slotOf` gives an entry's slot, for subsets; without it an index has no subsets. */
  constructor(entries: Iterable<T> = [], slotOf: (entry: T) => number = noSlots) {
    this.#slots = { of: slotOf };
    this.reset(entries);
  }

  /**
   * The entries whose slot is 1 in `shown`, in the same order: one pass over the runs' slot
   * numbers (not their entry objects, scattered in memory), no sort, and no lookup of its own (it
   * reads this index's). A search that keeps 40,000 of 100,000 events costs that pass.
   * Read-only: make it again after this index or `shown` changes.
   */
  subset(shown: Uint8Array): EventIndex<T> {
    const slotOf = (entry: T): number => this.#slots.of(entry);
    const subset = new EventIndex<T>([], slotOf);
    subset.#of = { index: this, keep: (entry) => shown[slotOf(entry)] === 1 };
    for (const [lane, runs] of this.#lanes) {
      const kept = runs.map((run): Run<T> => {
        const slots = this.#slotsOf(run);
        const entries: T[] = [];
        for (let i = 0; i < slots.length; i++) {
          if (shown[slots[i] as number] === 1) entries.push(run.entries[i] as T);
        }
        subset.#subsetSize += entries.length;
        return { bound: run.bound, entries, slots: null };
      });
      subset.#lanes.set(lane, kept);
    }
    return subset;
  }

  /**
   * Reads the slots a subset needs now (while the page is idle), sparing the first subset; the
   * first time in a page, also makes one subset of every entry and drops it, so the first
   * search's runs code V8 has compiled (cold, that loop took 13 of the first key's ms at 100,000).
   */
  prepareSubsets(): void {
    const runs = [...this.#lanes.values()].flat();
    for (const run of runs) this.#slotsOf(run);
    if (subsetsWarm || this.#byId.size === 0) return;
    subsetsWarm = true;
    let top = 0;
    for (const run of runs) for (const slot of this.#slotsOf(run)) top = Math.max(top, slot);
    this.subset(new Uint8Array(top + 1).fill(1));
  }

  #slotsOf(run: Run<T>): Int32Array {
    return (run.slots ??= Int32Array.from(run.entries, (entry) => this.#slots.of(entry)));
  }

  get size(): number {
    return this.#of === null ? this.#byId.size : this.#subsetSize;
  }

  get(id: EventId): T | undefined {
    if (this.#of === null) return this.#byId.get(id);
    const entry = this.#of.index.get(id);
    return entry !== undefined && this.#of.keep(entry) ? entry : undefined;
  }

  *entries(): Generator<T> {
    if (this.#of === null) yield* this.#byId.values();
    else for (const runs of this.#lanes.values()) for (const run of runs) yield* run.entries;
  }

  /** Replaces every entry; sorts once, so a whole timeline loads in O(n log n). */
  reset(entries: Iterable<T>): void {
    this.#own();
    this.#byId.clear();
    this.#lanes.clear();
    this.#extent = undefined;
    for (const entry of entries) {
      this.#byId.set(entry.id, entry);
      this.#run(entry).entries.push(entry);
    }
    for (const runs of this.#lanes.values()) {
      for (const run of runs) run.entries.sort(compareEntries);
    }
  }

  /**
   * Many changes at once (an import or a restore of tens of thousands of events): the entries
   * that go are filtered out of their runs and the new ones sorted among themselves and merged
   * in, so the cost is a pass over the index plus a sort of what is new, never a sort of all.
   */
  applyMany(upserted: readonly T[], removed: Iterable<EventId>): void {
    this.#own();
    const gone = new Set<EventId>(removed);
    for (const entry of upserted) gone.add(entry.id);
    let left = 0;
    for (const id of gone) if (this.#byId.delete(id)) left++;
    if (left > 0) {
      for (const runs of this.#lanes.values()) {
        for (const run of runs) {
          run.slots = null;
          let kept = 0;
          for (const entry of run.entries) if (!gone.has(entry.id)) run.entries[kept++] = entry;
          run.entries.length = kept;
        }
      }
    }
    const added = new Map<Run<T>, T[]>();
    for (const entry of upserted) {
      this.#byId.set(entry.id, entry);
      const run = this.#run(entry);
      const list = added.get(run);
      if (list) list.push(entry);
      else added.set(run, [entry]);
    }
    for (const [run, entries] of added) {
      entries.sort(compareEntries);
      run.slots = null;
      const merged = mergeSorted(run.entries, entries);
      run.entries.length = 0;
      for (const entry of merged) run.entries.push(entry);
    }
    this.#extent = undefined;
  }

  /** Adds an entry or replaces the one with its id. */
  upsert(entry: T): void {
    this.#own();
    this.remove(entry.id);
    this.#byId.set(entry.id, entry);
    const run = this.#run(entry);
    run.slots = null;
    run.entries.splice(boundOf(run.entries, entry.start, entry.id), 0, entry);
    this.#extent = undefined;
  }

  remove(id: EventId): void {
    this.#own();
    const entry = this.#byId.get(id);
    if (!entry) return;
    this.#byId.delete(id);
    const run = this.#run(entry);
    run.slots = null;
    const entries = run.entries;
    for (let i = lowerBound(entries, entry.start); i < entries.length; i++) {
      if ((entries[i] as T).id === id) {
        entries.splice(i, 1);
        break;
      }
    }
    this.#extent = undefined;
  }

  /** A lane's runs: each sorted in time order (compareEntries), for stepping through them. */
  runsOf(lane: LaneId): readonly (readonly T[])[] {
    return (this.#lanes.get(lane) ?? []).map((run) => run.entries);
  }

  /** How many entries of a lane start in [from, to). */
  countStarting(lane: LaneId, from: number, to: number): number {
    let count = 0;
    for (const { entries } of this.#lanes.get(lane) ?? []) {
      count += lowerBound(entries, to) - lowerBound(entries, from);
    }
    return count;
  }

  /** The entries of a lane that start in [from, to), in no particular order. */
  starting(lane: LaneId, from: number, to: number): T[] {
    const found: T[] = [];
    for (const { entries } of this.#lanes.get(lane) ?? []) {
      const end = lowerBound(entries, to);
      for (let i = lowerBound(entries, from); i < end; i++) found.push(entries[i] as T);
    }
    return found;
  }

  /** The entries of a lane that start before `at` and end after it. */
  runningAt(lane: LaneId, at: number): T[] {
    const found: T[] = [];
    for (const { bound, entries } of this.#lanes.get(lane) ?? []) {
      const end = lowerBound(entries, at);
      for (let i = lowerBound(entries, at - bound); i < end; i++) {
        const entry = entries[i] as T;
        if (entry.end > at) found.push(entry);
      }
    }
    return found;
  }

  /** The earliest start and the latest end of all entries (null when empty); O(n) once a change. */
  extent(): { min: number; max: number } | null {
    if (this.#extent === undefined) {
      let min = Infinity;
      let max = -Infinity;
      for (const entry of this.entries()) {
        if (entry.start < min) min = entry.start;
        if (entry.end > max) max = entry.end;
      }
      this.#extent = min > max ? null : { min, max };
    }
    return this.#extent;
  }

  /** A subset is made again, never changed: it would no longer mirror its index. */
  #own(): void {
    if (this.#of !== null) throw new Error('A subset of an event index cannot be changed.');
  }

  #run(entry: T): Run<T> {
    let runs = this.#lanes.get(entry.lane);
    if (!runs) {
      runs = BOUNDS.map((bound) => ({ bound, entries: [], slots: null }));
      this.#lanes.set(entry.lane, runs);
    }
    return runs[tierOf(entry)] as Run<T>;
  }
}

function noSlots(): number {
  throw new Error('This event index was made without slots: it has no subsets.');
}

/** Two runs in time order as one. */
function mergeSorted<T extends IndexEntry>(a: readonly T[], b: readonly T[]): T[] {
  if (a.length === 0) return [...b];
  const merged: T[] = new Array<T>(a.length + b.length);
  let [i, j, k] = [0, 0, 0];
  while (i < a.length && j < b.length) {
    merged[k++] = compareEntries(a[i] as T, b[j] as T) <= 0 ? (a[i++] as T) : (b[j++] as T);
  }
  while (i < a.length) merged[k++] = a[i++] as T;
  while (j < b.length) merged[k++] = b[j++] as T;
  return merged;
}

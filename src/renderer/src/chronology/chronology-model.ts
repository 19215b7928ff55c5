/**
 * The chronology's rows: the shown events in date order under year and month headings, kept
 * up to date by the same Changes the timeline applies. Every event is held in one sorted array,
 * each marked shown or hidden by the search and filters' test (state/shown-events.ts), so a
 * search that hides 99,990 of 100,000 events, or shows them again, flips marks and rebuilds the
 * rows in one pass, never re-sorts. Only new or edited events are sorted, and merged in. Pure:
 * no DOM.
 */
import {
  type ChronologyKey,
  chronologyKey,
  compareChronology,
  monthHeading,
  startsMonth,
  startsYear,
  yearHeading,
} from '../../../shared/chronology';
import type { Change } from '../../../shared/contract';
import type { EventId } from '../../../shared/ids';
import type { PartialDate } from '../../../shared/partial-date';
import type { TimelineEvent } from '../../../shared/schema';
import { UTC_ZONE } from '../../../shared/time-zone';
import { EventSlots, type ShownTest } from '../state/event-slots';

export interface ChronologyEntry {
  readonly kind: 'event';
  readonly id: EventId;
  readonly event: TimelineEvent;
  /** The event's slot (state/event-slots.ts), which the search and filters' test reads. */
  readonly slot: number;
  /** Read when the events are first sorted (not at load: the list may never be opened). */
  key: ChronologyKey;
  shown: boolean;
  /** Replaced by a newer version of its event: dropped at the next merge. */
  dead: boolean;
  /** Its row, and its place among the shown events (valid while shown, after rows()). */
  row: number;
  index: number;
}

export type ChronologyRow =
  | { readonly kind: 'year'; readonly label: string }
  | { readonly kind: 'month'; readonly label: string }
  | ChronologyEntry;

export interface RowHeights {
  readonly year: number;
  readonly month: number;
  readonly event: number;
}

export interface ChronologyRows {
  readonly rows: readonly ChronologyRow[];
  /** Each row's top, then the total height (rows.length + 1 values). */
  readonly tops: Float64Array;
  /** The rows of events, in order. */
  readonly eventRows: Int32Array;
}

/** Calendar dates repeat a lot in a big story: each is read once. */
const calendarKeys = new Map<PartialDate, ChronologyKey>();

function keyOf(event: TimelineEvent, zone: string): ChronologyKey {
  if (event.start.length > 10 || zone !== UTC_ZONE) return chronologyKey(event, zone);
  let key = calendarKeys.get(event.start);
  if (key === undefined) {
    key = chronologyKey(event);
    if (calendarKeys.size < 100_000) calendarKeys.set(event.start, key);
  }
  return key;
}

/** "June 2024" for each month shown, made once (Intl formatting is most of a rebuild's time). */
const monthLabels = new Map<number, string>();

function monthLabel(key: ChronologyKey): string {
  const at = key.year * 12 + (key.month ?? 0);
  let label = monthLabels.get(at);
  if (label === undefined) {
    label = monthHeading(key);
    monthLabels.set(at, label);
  }
  return label;
}

/** The heading an event sits under: its month, or its year for a year-only date. */
export function pinLabel(key: ChronologyKey): string {
  return key.month === null ? yearHeading(key) : monthLabel(key);
}

const NO_KEY: ChronologyKey = { earliest: 0, latest: 0, year: 0, month: null };

/** Reads an entry's dates, once (an entry is made again when its event changes). */
function readKey(entry: ChronologyEntry, zone: string): void {
  if (entry.key === NO_KEY) entry.key = keyOf(entry.event, zone);
}

/** Entries whose dates are read, or sorted, in one step of prepare. */
const PREPARE_SLICE = 4096;

interface Preparing {
  /** The entries when the work began. */
  readonly entries: ChronologyEntry[];
  /** How many have their dates read. */
  keyed: number;
  /** How many are in sorted runs. */
  sorted: number;
  readonly runs: ChronologyEntry[][];
}

function entryOf(
  event: TimelineEvent,
  slot: number,
  shown: boolean,
  key = NO_KEY,
): ChronologyEntry {
  return { kind: 'event', id: event.id, event, slot, key, shown, dead: false, row: -1, index: -1 };
}

export class ChronologyModel {
  /** Every event given and not replaced, sorted; hidden ones are kept to come back cheaply. */
  #all: ChronologyEntry[] = [];
  readonly #byId = new Map<EventId, ChronologyEntry>();
  #rows: ChronologyRows | null = null;
  #shownCount = 0;
  /** Loaded but not yet sorted: the entries are in #byId only, until the rows are first asked for. */
  #unsorted = false;
  /** The sort done ahead, a slice at a time (see prepare); null when none is under way. */
  #preparing: Preparing | null = null;

  /** Which events are shown (null: all), as the search and filters say. */
  #test: ShownTest = null;
  /** The zone times are read in: it decides a time's heading, and a day's place among times. */
  #zone = UTC_ZONE;
  /** The test changed since the marks were set: they are set when next read. */
  #marksStale = false;

  constructor(
    private readonly heights: RowHeights,
    private readonly slots = new EventSlots(),
  ) {}

  /**
   * Replaces everything with these events. Their dates are read and sorted when the rows are
   * first asked for (the list is opened), so the window's start pays only for a map.
   */
  /** Reads the dates again in another zone (the rows are sorted again when next asked for). */
  setZone(zone: string): void {
    if (zone === this.#zone) return;
    this.#zone = zone;
    this.load([...this.#byId.values()].map((entry) => entry.event));
  }

  load(events: Iterable<TimelineEvent>): void {
    this.#byId.clear();
    this.#all = [];
    for (const event of events) this.#byId.set(event.id, this.#entryOf(event));
    this.#unsorted = true;
    this.#preparing = null;
    this.show(this.#test);
  }

  /**
   * Shows only the events `test` lets through (null: all), until the next call. The marks are set
   * when the rows or counts are next read, so a hidden list costs a search nothing.
   */
  show(test: ShownTest): void {
    this.#test = test;
    this.#marksStale = true;
    this.#rows = null;
  }

  /** Marks each entry shown or hidden by the test, if it changed since they were last set. */
  #mark(): void {
    if (!this.#marksStale) return;
    this.#marksStale = false;
    const bytes = this.#test?.bytes;
    let count = 0;
    // Once sorted, the array is quicker to walk than the map; its dead entries stay hidden.
    for (const entry of this.#unsorted ? this.#byId.values() : this.#all) {
      entry.shown = !entry.dead && (bytes === undefined || bytes[entry.slot] === 1);
      if (entry.shown) count++;
    }
    this.#shownCount = count;
    this.#rows = null;
  }

  /**
   * Sorts ahead of the first opening, a slice at a time while `more()` says there is time (an
   * idle callback's deadline): dates read, runs of a few thousand sorted, runs merged. Opening
   * the list then only marks and makes rows. A change before the end starts it over (the dates
   * read are kept). True while there is work left.
   */
  prepare(more: () => boolean): boolean {
    if (!this.#unsorted) return false;
    const work = (this.#preparing ??= {
      entries: [...this.#byId.values()],
      keyed: 0,
      sorted: 0,
      runs: [],
    });
    const { entries, runs } = work;
    while (more()) {
      if (work.keyed < entries.length) {
        const end = Math.min(entries.length, work.keyed + PREPARE_SLICE);
        for (let i = work.keyed; i < end; i++) readKey(entries[i] as ChronologyEntry, this.#zone);
        work.keyed = end;
      } else if (work.sorted < entries.length) {
        const end = Math.min(entries.length, work.sorted + PREPARE_SLICE);
        runs.push(entries.slice(work.sorted, end).sort(compareChronology));
        work.sorted = end;
      } else if (runs.length > 1) {
        // The two oldest runs, merged to the back: runs of like length meet, as in a merge sort.
        runs.push(merge(runs.shift() ?? [], runs.shift() ?? []));
      } else {
        this.#all = runs[0] ?? [];
        this.#unsorted = false;
        this.#preparing = null;
        return false;
      }
    }
    return true;
  }

  /** Applies a change: "removed" are deleted, "upserted" new or edited (shown as the test says). */
  apply(change: Change): void {
    this.#preparing = null;
    let touched = false;
    for (const id of change.removed) {
      if (this.#byId.has(id)) touched = true;
      this.#drop(id);
    }
    const added: ChronologyEntry[] = [];
    for (const event of change.upserted) {
      touched = true;
      this.#drop(event.id);
      const made = this.#entryOf(event, this.#unsorted ? NO_KEY : keyOf(event, this.#zone));
      this.#byId.set(event.id, made);
      if (made.shown) this.#shownCount++;
      added.push(made);
    }
    // Before the first sort the new entries wait in #byId with the rest.
    if (added.length > 0 && !this.#unsorted) {
      this.#all = merge(this.#all, added.sort(compareChronology));
    }
    if (touched) this.#rows = null;
  }

  get shownCount(): number {
    this.#mark();
    return this.#shownCount;
  }

  /** The row of a shown event; -1 when it is not shown. */
  rowOf(id: EventId): number {
    return this.#placed(id)?.row ?? -1;
  }

  /** A shown event's place among the shown events; -1 when it is not shown. */
  indexOf(id: EventId): number {
    return this.#placed(id)?.index ?? -1;
  }

  /** A shown event's entry with its row and place set (the rows made); null when not shown. */
  #placed(id: EventId): ChronologyEntry | null {
    this.#mark();
    const entry = this.#byId.get(id);
    if (entry?.shown !== true) return null;
    this.rows();
    return entry;
  }

  isShown(id: EventId): boolean {
    this.#mark();
    return this.#byId.get(id)?.shown === true;
  }

  /** The shown events, in order. */
  shownEvents(): TimelineEvent[] {
    this.#sort();
    this.#mark();
    const shown: TimelineEvent[] = [];
    for (const entry of this.#all) if (entry.shown) shown.push(entry.event);
    return shown;
  }

  /** The rows, made again after a change (one pass over the sorted events, no sorting). */
  rows(): ChronologyRows {
    if (this.#rows !== null) return this.#rows;
    this.#sort();
    this.#mark();
    const rows: ChronologyRow[] = [];
    // At most a year and a month heading per event; trimmed below.
    const tops = new Float64Array(this.#shownCount * 3 + 1);
    const eventRows = new Int32Array(this.#shownCount);
    const { year, month, event } = this.heights;
    let y = 0;
    let index = 0;
    let before: ChronologyKey | null = null;
    for (const entry of this.#all) {
      if (!entry.shown) continue;
      const { key } = entry;
      if (startsYear(before, key)) {
        tops[rows.length] = y;
        rows.push({ kind: 'year', label: yearHeading(key) });
        y += year;
      }
      if (startsMonth(before, key)) {
        tops[rows.length] = y;
        rows.push({ kind: 'month', label: monthLabel(key) });
        y += month;
      }
      entry.row = rows.length;
      entry.index = index;
      eventRows[index++] = rows.length;
      tops[rows.length] = y;
      rows.push(entry);
      y += event;
      before = key;
    }
    tops[rows.length] = y;
    this.#rows = { rows, tops: tops.subarray(0, rows.length + 1), eventRows };
    return this.#rows;
  }

  /** The first sort after a load: every entry's dates read, then one sort. */
  #sort(): void {
    if (!this.#unsorted) return;
    this.#unsorted = false;
    this.#preparing = null;
    this.#all = [...this.#byId.values()];
    for (const entry of this.#all) readKey(entry, this.#zone);
    this.#all.sort(compareChronology);
  }

  #entryOf(event: TimelineEvent, key = NO_KEY): ChronologyEntry {
    const slot = this.slots.of(event.id);
    return entryOf(event, slot, this.#test?.has(slot) ?? true, key);
  }

  /** Marks an event's old entry dead and drops it from the sorted array at the next merge. */
  #drop(id: EventId): void {
    const old = this.#byId.get(id);
    if (old === undefined) return;
    if (old.shown) this.#shownCount--;
    old.shown = false;
    old.dead = true;
    this.#byId.delete(id);
  }
}

/** Merges sorted new entries into the sorted ones, leaving out the dead. */
function merge(
  all: readonly ChronologyEntry[],
  added: readonly ChronologyEntry[],
): ChronologyEntry[] {
  const out: ChronologyEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < all.length || j < added.length) {
    const a = all[i];
    const b = added[j];
    if (a !== undefined && a.dead) {
      i++;
    } else if (b !== undefined && (a === undefined || compareChronology(b, a) < 0)) {
      out.push(b);
      j++;
    } else if (a !== undefined) {
      out.push(a);
      i++;
    }
  }
  return out;
}

/**
 * The chronology's rows: the shown events in date order under year and month headings, kept
 * up to date by the same Changes the timeline applies. Every event is held in one sorted array,
 * beside the events' slots in the same order; the search and filters' test (state/shown-events.ts)
 * is read by slot, so a search that hides 99,990 of 100,000 events, or shows them again, makes the
 * rows in one pass over numbers and touches only the shown events, never re-sorts. Only new or
 * edited events are sorted, and merged in. Pure: no DOM.
 */
import {
  type ChronologyKey,
  chronologyKey,
  compareChronology,
  monthHeading,
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
  /** Replaced by a newer version of its event: dropped at the next merge. */
  dead: boolean;
  /** Its place in the sorted array; -1 until sorted. */
  at: number;
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

/** The place among the shown events of the event in row `row` (-1 for a heading). */
export function eventIndex(rows: ChronologyRows, row: number): number {
  const { eventRows } = rows;
  let low = 0;
  let high = eventRows.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = eventRows[middle] as number;
    if (at === row) return middle;
    if (at < row) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
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

function entryOf(event: TimelineEvent, slot: number, key = NO_KEY): ChronologyEntry {
  return { kind: 'event', id: event.id, event, slot, key, dead: false, at: -1 };
}

export class ChronologyModel {
  /** Every event given and not replaced, sorted; hidden ones are kept to come back cheaply. */
  #all: ChronologyEntry[] = [];
  /**
   * The slot of each entry of #all, in the same order, or -1 once the entry is dead: a pass over
   * it and the test's bytes finds the shown events without reading 100,000 entry objects.
   */
  #order = new Int32Array(0);
  /**
   * Beside #order: each entry's start year, and month (1-12; 0 for a year-only date), which
   * decide the headings; and its row, set for the shown entries when the rows are made.
   */
  #years = new Int32Array(0);
  #months = new Uint8Array(0);
  #rowAt = new Int32Array(0);
  readonly #byId = new Map<EventId, ChronologyEntry>();
  #rows: ChronologyRows | null = null;
  /** How many events are shown; null once the test or the events changed. */
  #shownCount: number | null = null;
  /** Loaded but not yet sorted: the entries are in #byId only, until the rows are first asked for. */
  #unsorted = false;
  /** The sort done ahead, a slice at a time (see prepare); null when none is under way. */
  #preparing: Preparing | null = null;

  /** Which events are shown (null: all), as the search and filters say. */
  #test: ShownTest = null;
  /** The zone times are read in: it decides a time's heading, and a day's place among times. */
  #zone = UTC_ZONE;

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
    this.#setAll([]);
    for (const event of events) this.#byId.set(event.id, this.#entryOf(event));
    this.#unsorted = true;
    this.#preparing = null;
    this.show(this.#test);
  }

  /** Shows only the events `test` lets through (null: all), until the next call. */
  show(test: ShownTest): void {
    this.#test = test;
    this.#shownCount = null;
    this.#rows = null;
  }

  /** Whether an entry is shown: alive, and let through by the test. */
  #shows(entry: ChronologyEntry): boolean {
    return !entry.dead && (this.#test?.has(entry.slot) ?? true);
  }

  /** Counts the shown events, if the test or the events changed since they were last counted. */
  #count(): number {
    if (this.#shownCount !== null) return this.#shownCount;
    let count = 0;
    if (this.#unsorted) {
      for (const entry of this.#byId.values()) if (this.#shows(entry)) count++;
    } else {
      // Read the bytes afresh: they are replaced when the flags grow.
      const bytes = this.#test?.bytes;
      for (const slot of this.#order) {
        if (slot >= 0 && (bytes === undefined || bytes[slot] === 1)) count++;
      }
    }
    return (this.#shownCount = count);
  }

  /** The sorted entries, and their slots beside them (see #order). */
  #setAll(all: ChronologyEntry[]): void {
    this.#all = all;
    const order = new Int32Array(all.length);
    const years = new Int32Array(all.length);
    const months = new Uint8Array(all.length);
    all.forEach((entry, at) => {
      entry.at = at;
      order[at] = entry.dead ? -1 : entry.slot;
      years[at] = entry.key.year;
      months[at] = entry.key.month ?? 0;
    });
    this.#order = order;
    this.#years = years;
    this.#months = months;
    this.#rowAt = new Int32Array(all.length);
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
        this.#setAll(runs[0] ?? []);
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
      added.push(made);
    }
    // Before the first sort the new entries wait in #byId with the rest.
    if (added.length > 0 && !this.#unsorted) {
      this.#setAll(merge(this.#all, added.sort(compareChronology)));
    }
    if (touched) {
      this.#rows = null;
      this.#shownCount = null;
    }
  }

  get shownCount(): number {
    return this.#count();
  }

  /** The row of a shown event; -1 when it is not shown. */
  rowOf(id: EventId): number {
    const entry = this.#byId.get(id);
    if (entry === undefined || !this.#shows(entry)) return -1;
    this.rows();
    return this.#rowAt[entry.at] ?? -1;
  }

  /** A shown event's place among the shown events; -1 when it is not shown. */
  indexOf(id: EventId): number {
    const row = this.rowOf(id);
    return row < 0 ? -1 : eventIndex(this.rows(), row);
  }

  isShown(id: EventId): boolean {
    const entry = this.#byId.get(id);
    return entry !== undefined && this.#shows(entry);
  }

  /** The shown events, in order. */
  shownEvents(): TimelineEvent[] {
    this.#sort();
    const shown: TimelineEvent[] = [];
    for (const entry of this.#all) if (this.#shows(entry)) shown.push(entry.event);
    return shown;
  }

  /** The rows, made again after a change (one pass over the sorted events, no sorting). */
  rows(): ChronologyRows {
    if (this.#rows !== null) return this.#rows;
    this.#sort();
    const shownCount = this.#count();
    const rows: ChronologyRow[] = [];
    // At most a year and a month heading per event; trimmed below.
    const tops = new Float64Array(shownCount * 3 + 1);
    const eventRows = new Int32Array(shownCount);
    const { year, month, event } = this.heights;
    const order = this.#order;
    const years = this.#years;
    const months = this.#months;
    const all = this.#all;
    const bytes = this.#test?.bytes;
    let y = 0;
    let index = 0;
    let yearBefore = NaN;
    let monthBefore = 0;
    // Numbers only: an entry is read for a heading's words alone (a few hundred at most). The
    // headings follow startsYear and startsMonth (shared/chronology.ts), read from #years/#months.
    for (let at = 0; at < order.length; at++) {
      const slot = order[at] as number;
      if (slot < 0 || (bytes !== undefined && bytes[slot] !== 1)) continue;
      const entryYear = years[at] as number;
      const entryMonth = months[at] as number;
      const newYear = entryYear !== yearBefore;
      if (newYear) {
        tops[rows.length] = y;
        rows.push({ kind: 'year', label: yearHeading((all[at] as ChronologyEntry).key) });
        y += year;
      }
      if (entryMonth !== 0 && (newYear || entryMonth !== monthBefore)) {
        tops[rows.length] = y;
        rows.push({ kind: 'month', label: monthLabel((all[at] as ChronologyEntry).key) });
        y += month;
      }
      this.#rowAt[at] = rows.length;
      eventRows[index++] = rows.length;
      tops[rows.length] = y;
      rows.push(all[at] as ChronologyEntry);
      y += event;
      yearBefore = entryYear;
      monthBefore = entryMonth;
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
    const all = [...this.#byId.values()];
    for (const entry of all) readKey(entry, this.#zone);
    this.#setAll(all.sort(compareChronology));
  }

  #entryOf(event: TimelineEvent, key = NO_KEY): ChronologyEntry {
    return entryOf(event, this.slots.of(event.id), key);
  }

  /** Marks an event's old entry dead and drops it from the sorted array at the next merge. */
  #drop(id: EventId): void {
    const old = this.#byId.get(id);
    if (old === undefined) return;
    old.dead = true;
    if (old.at >= 0) this.#order[old.at] = -1;
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

/**
 * What the timeline shows, without vis: every event and its place on the axis (event-index.ts),
 * the lanes, the items made so far, and the items a window wants (level-of-detail.ts). Changes
 * update it in O(changed events); only an import or a restore of most events re-sorts it all.
 */
import type { Change } from '../../../shared/contract';
import type { EventId, LaneId } from '../../../shared/ids';
import type { Lane, TimelineEvent } from '../../../shared/schema';
import { UTC_ZONE } from '../../../shared/time-zone';
import { EventSlots, type ShownTest } from '../state/event-slots';
import {
  type AggregateItem,
  type BandItem,
  bandToItem,
  runningToItem,
  sameBand,
} from './aggregate-items';
import { type EventEntry, EventIndex, indexEntryIn } from './event-index';
import type { StepSource } from './event-steps';
import { acrossItsDay, type EventItem, eventToItem } from './items';
import {
  type Aggregate,
  type PlanOptions,
  planView,
  type ViewPlan,
  type ViewWindow,
} from './level-of-detail';

export type TimelineItem = EventItem | AggregateItem | BandItem;

const DAY = 86_400_000;
/** Once a day is this wide on screen (wider than an event's box), day events span their day. */
export const WIDE_DAY_PX = 160;

export interface PlannedItems {
  readonly plan: ViewPlan;
  readonly items: readonly TimelineItem[];
}

export class TimelineModel {
  /** Every event, where it is drawn. */
  readonly #all = new EventIndex<EventEntry>([], (entry) => entry.slot);
  /**
   * The subset of the events the search and filters let through, made when first read after they
   * change: a timeline out of sight (the chronology shown) makes none for each key typed.
   */
  #subset: EventIndex<EventEntry> | null = null;
  #test: ShownTest = null;
  /** Items made so far, reused while their event and its lane's colour stay the same. */
  readonly #items = new Map<EventId, EventItem>();
  /** The same for day events drawn across their day (see acrossItsDay). */
  readonly #dayItems = new Map<EventId, EventItem>();
  /** True while the view is zoomed in so far that day events span their day. */
  #wideDays = false;
  /** The last plan's bands by id, reused while they would be drawn the same. */
  #bands = new Map<string, BandItem>();
  #lanes: ReadonlyMap<LaneId, Lane>;
  /** The zone the items' words give times in (their places are instants, the same in any). */
  #zone = UTC_ZONE;

  constructor(
    lanes: readonly Lane[],
    private readonly slots = new EventSlots(),
  ) {
    this.#lanes = new Map(lanes.map((lane) => [lane.id, lane]));
  }

  /** How many events are shown. */
  get size(): number {
    return this.#index.size;
  }

  load(events: Iterable<TimelineEvent>): void {
    this.#items.clear();
    this.#dayItems.clear();
    const entries: EventEntry[] = [];
    for (const event of events) entries.push(this.#entryOf(event));
    this.#all.reset(entries);
    this.#narrow();
  }

  /**
   * Draws the axis in another zone: calendar dates move to that zone's midnights (so they stay
   * under their day on the axis) and every item is made again, its words giving times in it.
   */
  setZone(zone: string): void {
    if (zone === this.#zone) return;
    this.#zone = zone;
    this.#bands.clear();
    this.load([...this.#all.entries()].map((entry) => entry.event));
  }

  /** Prepares, while the page is idle, what the first search or filter would (see subset). */
  prepareSubsets(): void {
    this.#all.prepareSubsets();
  }

  /** Shows only the events `test` lets through (null: all), until the next call. */
  show(test: ShownTest): void {
    this.#test = test;
    this.#narrow();
  }

  /** The shown events change: every event, or a subset made when next read. */
  #narrow(): void {
    this.#subset = null;
  }

  /** The events shown: all of them, or the subset the search and filters let through. */
  get #index(): EventIndex<EventEntry> {
    const bytes = this.#test?.bytes;
    if (bytes === undefined) return this.#all;
    return (this.#subset ??= this.#all.subset(bytes));
  }

  #entryOf(event: TimelineEvent): EventEntry {
    return indexEntryIn(this.#zone, event, this.slots.of(event.id));
  }

  /** The lanes, in their order. */
  get lanes(): readonly Lane[] {
    return [...this.#lanes.values()];
  }

  /** Applies a Change (to every event, shown or not); returns the lanes it took away. */
  apply(change: Change): LaneId[] {
    const gone = change.lanes ? this.#setLanes(change.lanes) : [];
    for (const event of change.upserted) this.#forget(event.id);
    for (const id of change.removed) this.#forget(id);
    if (change.upserted.length + change.removed.length > 1000) {
      // An import or a restore: a pass over the index, not one splice per event.
      this.#all.applyMany(
        change.upserted.map((event) => this.#entryOf(event)),
        change.removed,
      );
    } else {
      for (const event of change.upserted) this.#all.upsert(this.#entryOf(event));
      for (const id of change.removed) this.#all.remove(id);
    }
    // While narrowed, the changed events may come or go: the subset is made again.
    if (this.#test !== null) this.#narrow();
    return gone;
  }

  /** The lanes in their order, top to bottom. */
  get laneIds(): readonly LaneId[] {
    return [...this.#lanes.keys()];
  }

  lane(id: LaneId): Lane | undefined {
    return this.#lanes.get(id);
  }

  /** Every event, sorted per lane, for the keyboard's steps (event-steps.ts). */
  get steps(): StepSource {
    return this.#index;
  }

  /** Where an event is drawn, if it exists. */
  entry(id: EventId): EventEntry | undefined {
    // Read from every event and the test, not the subset: asking needs no subset made.
    const entry = this.#all.get(id);
    return entry !== undefined && (this.#test?.has(entry.slot) ?? true) ? entry : undefined;
  }

  /** A copy of the current item of an event. */
  item(id: EventId): EventItem | null {
    const event = this.entry(id)?.event;
    return event ? { ...this.#itemOf(event) } : null;
  }

  extent(): { min: number; max: number } | null {
    return this.#index.extent();
  }

  /** The plan for a window, and the items it wants vis to hold, pinned events among them. */
  plan(window: ViewWindow, pinned: ReadonlySet<EventId>, options?: PlanOptions): PlannedItems {
    const plan = planView(this.#index, window, [...this.#lanes.keys()], pinned, {
      ...options,
      zone: this.#zone,
    });
    this.#wideDays = DAY / plan.msPerPx >= WIDE_DAY_PX;
    const items: TimelineItem[] = [];
    for (const { id } of plan.events) {
      const event = this.#index.get(id)?.event;
      if (event) items.push(this.#itemOf(event));
    }
    const buckets = new Map<LaneId, Aggregate[]>();
    for (const aggregate of plan.aggregates) {
      if (aggregate.kind === 'running') {
        items.push(runningToItem(aggregate, this.#lanes.get(aggregate.lane)));
      } else {
        const lane = buckets.get(aggregate.lane);
        if (lane) lane.push(aggregate);
        else buckets.set(aggregate.lane, [aggregate]);
      }
    }
    const bands = new Map<string, BandItem>();
    for (const [lane, counts] of buckets) {
      for (const [index, run] of runsOf(counts).entries()) {
        let band = bandToItem(lane, index, run, this.#lanes.get(lane), plan.unit);
        const before = this.#bands.get(band.id);
        if (before && sameBand(before, band)) band = before;
        bands.set(band.id, band);
        items.push(band);
      }
    }
    this.#bands = bands;
    return { plan, items };
  }

  #itemOf(event: TimelineEvent): EventItem {
    let item = this.#items.get(event.id);
    if (!item) {
      item = eventToItem(event, this.#lanes.get(event.laneId), this.#zone);
      this.#items.set(event.id, item);
    }
    if (!this.#wideDays || item.kind !== 'point') return item;
    let wide = this.#dayItems.get(event.id);
    if (!wide) {
      wide = acrossItsDay(item, this.#zone) ?? item;
      this.#dayItems.set(event.id, wide);
    }
    return wide;
  }

  #forget(id: EventId): void {
    this.#items.delete(id);
    this.#dayItems.delete(id);
  }

  /** Takes the new lanes; forgets the items of lanes whose colour changed; returns gone lanes. */
  #setLanes(lanes: readonly Lane[]): LaneId[] {
    const before = this.#lanes;
    this.#lanes = new Map(lanes.map((lane) => [lane.id, lane]));
    // An item carries its lane's colour, and its title in the item's accessible name.
    const recoloured = new Set(
      lanes
        .filter(
          (lane) =>
            before.get(lane.id)?.color !== lane.color || before.get(lane.id)?.title !== lane.title,
        )
        .map((lane) => lane.id),
    );
    if (recoloured.size > 0) {
      for (const [id, item] of this.#items) if (recoloured.has(item.group)) this.#forget(id);
    }
    return [...before.keys()].filter((id) => !this.#lanes.has(id));
  }
}

/** What vis holds while the wheel turns, and the rows each lane's counts may be drawn in. */
export interface SettledItems {
  readonly items: readonly TimelineItem[];
  /** Lane → its bands in vis, in whose rows (see TimelineView) the plan's counts are drawn. */
  readonly rows: ReadonlyMap<LaneId, readonly string[]>;
}

/**
 * The items for vis while the wheel turns, from a settling plan's items and those vis holds: the
 * plan's events (which vis holds already, see planView) and the aggregates vis holds, unchanged,
 * so a notch changes no item in vis but the events the plan folds into counts, which leave. A
 * lane with counts but no band in vis gets the plan's first. The counts are the plan's, drawn in
 * the rows of the lane's bands in vis; counts beyond a band's dates may fall where an event sits
 * in its row, and are then not drawn (count-layout.ts). At rest the view plans in full.
 */
export function settledItems(
  planned: readonly TimelineItem[],
  held: Iterable<TimelineItem>,
): SettledItems {
  const items: TimelineItem[] = [];
  const rows = new Map<LaneId, string[]>();
  const kept = new Set<string>();
  for (const item of held) {
    if (!isAggregate(item)) continue;
    items.push(item);
    kept.add(item.id);
    if ('counts' in item) rows.set(item.group, [...(rows.get(item.group) ?? []), item.id]);
  }
  for (const item of planned) {
    if (!isAggregate(item)) items.push(item);
    else if (kept.has(item.id)) continue;
    else if (!('counts' in item)) items.push(item);
    else if (!rows.has(item.group)) {
      rows.set(item.group, [item.id]);
      items.push(item);
    }
  }
  return { items, rows };
}

function isAggregate(item: TimelineItem): item is AggregateItem | BandItem {
  return 'counts' in item || 'aggregate' in item;
}

/** Counts in time order, split where a gap lies between two (events shown one by one there). */
function runsOf(counts: readonly Aggregate[]): Aggregate[][] {
  const runs: Aggregate[][] = [];
  for (const count of [...counts].sort((a, b) => a.start - b.start)) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && count.start <= last.end) run.push(count);
    else runs.push([count]);
  }
  return runs;
}

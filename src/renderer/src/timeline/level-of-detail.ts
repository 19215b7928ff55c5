/**
 * Level of detail: which events the timeline draws one by one and which it only counts. A plan
 * covers the visible window and half a window either side, so a pan needs no new plan at once;
 * vis-timeline gets exactly the plan's items, so the DOM never holds more than the plan's budget.
 * In each lane, the events that start in the span show one by one when they are few; otherwise
 * each calendar bucket shows its few events or, when it holds more, their count. Events that
 * began before the span and run through it show one by one when few, else as one band. Pinned
 * events (the selection, an item being saved) always show and are never counted. When the plan
 * would pass its budget, the costliest lanes count more, then the buckets grow. A settling plan
 * (while the wheel turns) shows one by one no event the plan before it did not: a bucket opens
 * only if all its events were shown, the rest are counted, so no new event enters until the
 * wheel rests. Pure: no vis, no DOM.
 */
import type { EventId, LaneId } from '../../../shared/ids';
import { bucketEdges, type BucketUnit, coarserUnit, unitFor } from './buckets';
import type { EventIndex, IndexEntry } from './event-index';

const DAY = 86_400_000;

export const LOD = {
  /** The most item elements a plan may make (vis draws a point as three: box, line and dot). */
  elementBudget: 480,
  /**
   * Events show one by one while a lane would stack at most this many rows of labels about this
   * wide: a lane while its events in the span fit, else each bucket whose events fit in it.
   */
  rows: 6,
  labelPx: 280,
  /** Once the window is two days or less, zooming in separates little: lanes open up to this. */
  closeLaneLimit: 120,
  closeWindowMs: 2 * DAY,
  /** Per lane, events running through from before the span show one by one up to this many. */
  runningLimit: 6,
  /** A bucket is at least this wide on screen, so its count can be read. */
  minBucketPx: 40,
  /** The span reaches this many window lengths beyond each side of the window… */
  margin: 0.5,
  /** …and a gesture gets a new plan when the window comes this close to the span's edge. */
  edge: 0.1,
} as const;

export interface ViewWindow {
  readonly start: number;
  readonly end: number;
  /** Width of the item area in px. */
  readonly width: number;
}

export interface Aggregate {
  readonly id: string;
  readonly lane: LaneId;
  /** bucket: events that start in a calendar period; running: events that began earlier. */
  readonly kind: 'bucket' | 'running';
  readonly start: number;
  readonly end: number;
  readonly count: number;
  /** The earliest start among the counted events. */
  readonly earliest: number;
}

export interface ViewPlan {
  readonly window: ViewWindow;
  /** The instants the plan covers: the window with its margins, on bucket edges. */
  readonly span: { readonly start: number; readonly end: number };
  readonly unit: BucketUnit;
  readonly msPerPx: number;
  readonly events: readonly IndexEntry[];
  readonly aggregates: readonly Aggregate[];
  /** The item elements vis-timeline will make for the plan. */
  readonly elements: number;
  /** Made while the wheel turns: only events shown before show one by one. */
  readonly settling: boolean;
}

/** vis-timeline draws a point as a box, its line and its dot; a range as one element. */
export function elementsOf(entry: IndexEntry): number {
  return entry.end === entry.start ? 3 : 1;
}

/** How a plan is made: a settling plan shows one by one only the events in `shown`. */
export interface PlanOptions {
  readonly settling?: { readonly shown: ReadonlySet<EventId> };
  /** The zone the axis is in: buckets begin at its midnights (UTC unless told). */
  readonly zone?: string;
}

export function planView(
  index: EventIndex,
  window: ViewWindow,
  lanes: readonly LaneId[],
  pinned: ReadonlySet<EventId>,
  { settling, zone }: PlanOptions = {},
): ViewPlan {
  const msPerPx = Math.max(window.end - window.start, 1) / Math.max(window.width, 1);
  let unit: BucketUnit | null = unitFor(msPerPx, LOD.minBucketPx, zone);
  const plan = (bucketUnit: BucketUnit) =>
    planWith(index, window, lanes, pinned, bucketUnit, msPerPx, settling?.shown ?? null);
  let made = plan(unit);
  // Coarser buckets until the plan fits (only with many dense lanes).
  while (made.elements > LOD.elementBudget && (unit = coarserUnit(unit)) !== null) {
    made = plan(unit);
  }
  return made;
}

/**
 * While a gesture runs: true once the window comes near the edge of the plan's span (so new
 * items are planned while still off screen), is zoomed in three times (more can show), or the
 * item area changed width.
 */
export function needsPlan(plan: ViewPlan | null, window: ViewWindow): boolean {
  if (plan === null) return true;
  const length = window.end - window.start;
  return (
    window.start - plan.span.start < length * LOD.edge ||
    plan.span.end - window.end < length * LOD.edge ||
    length < (plan.window.end - plan.window.start) / 3 ||
    Math.abs(window.width / Math.max(plan.window.width, 1) - 1) > 0.1
  );
}

/** Once a gesture ends: true unless the plan was made for about this window. */
export function fitsPlan(plan: ViewPlan | null, window: ViewWindow): boolean {
  if (plan === null || needsPlan(plan, window)) return false;
  const length = window.end - window.start;
  const ratio = length / (plan.window.end - plan.window.start);
  return (
    ratio > 0.8 &&
    ratio < 1.25 &&
    window.start - plan.span.start >= length * LOD.margin * 0.5 &&
    plan.span.end - window.end >= length * LOD.margin * 0.5
  );
}

interface Bucket {
  readonly start: number;
  readonly end: number;
  /** Events starting in the bucket, pinned ones left out. */
  readonly count: number;
}

interface LaneShow {
  readonly events: IndexEntry[];
  readonly aggregates: Aggregate[];
  readonly elements: number;
}

interface LaneState {
  readonly lane: LaneId;
  readonly buckets: readonly Bucket[];
  /** The buckets whose events show one by one; the others show their count. */
  readonly open: Set<Bucket>;
  show: LaneShow;
}

interface ShowContext {
  readonly index: EventIndex;
  readonly unitKey: string;
  readonly msPerPx: number;
  readonly unpinned: (entry: IndexEntry) => boolean;
  /** A settling plan's events shown before: the only ones it may show one by one. */
  readonly shown: ReadonlySet<EventId> | null;
}

function mayShow({ shown }: ShowContext, entries: readonly IndexEntry[]): boolean {
  return shown === null || entries.every((entry) => shown.has(entry.id));
}

/** Whether a bucket's events may show one by one: in a settling plan, only if all were shown. */
function mayOpen(context: ShowContext, lane: LaneId, bucket: Bucket): boolean {
  if (context.shown === null) return true;
  const { index, unpinned } = context;
  return mayShow(context, index.starting(lane, bucket.start, bucket.end).filter(unpinned));
}

function planWith(
  index: EventIndex,
  window: ViewWindow,
  lanes: readonly LaneId[],
  pinned: ReadonlySet<EventId>,
  unit: BucketUnit,
  msPerPx: number,
  shown: ReadonlySet<EventId> | null,
): ViewPlan {
  const length = window.end - window.start;
  const edges = bucketEdges(
    window.start - length * LOD.margin,
    window.end + length * LOD.margin,
    unit,
  );
  const span = { start: edges[0] as number, end: edges[edges.length - 1] as number };
  const close = length <= LOD.closeWindowMs;
  const limit = close ? LOD.closeLaneLimit : capacity(span.end - span.start, msPerPx);
  const pins = [...pinned].flatMap((id) => index.get(id) ?? []);
  const context: ShowContext = {
    index,
    unitKey: unit.key,
    msPerPx,
    unpinned: (entry) => !pinned.has(entry.id),
    shown,
  };

  const events: IndexEntry[] = [...pins];
  const aggregates: Aggregate[] = [];
  let fixed = sum(pins.map(elementsOf));
  const states: LaneState[] = [];
  for (const lane of lanes) {
    const running = index.runningAt(lane, span.start).filter(context.unpinned);
    if (running.length <= LOD.runningLimit && mayShow(context, running)) {
      events.push(...running);
      fixed += sum(running.map(elementsOf));
    } else {
      aggregates.push(runningBand(lane, running));
      fixed += 1;
    }
    states.push(planLane(context, lane, bucketsOf(index, lane, edges, pins), limit, close));
  }
  const total = (): number => fixed + sum(states.map((state) => state.show.elements));
  // Over budget: the lane that costs most counts its fullest open bucket, until the plan fits.
  while (total() > LOD.elementBudget) {
    const costliest = states
      .filter((state) => state.open.size > 0)
      .reduce<LaneState | null>((a, b) => (a && a.show.elements >= b.show.elements ? a : b), null);
    if (costliest === null) break;
    costliest.open.delete(fullest(costliest.open));
    costliest.show = showLane(context, costliest);
  }
  for (const state of states) {
    events.push(...state.show.events);
    aggregates.push(...state.show.aggregates);
  }
  const settling = shown !== null;
  return { window, span, unit, msPerPx, events, aggregates, elements: total(), settling };
}

/**
 * Opens a whole lane when its events fit in the rows it may stack. Otherwise each bucket whose
 * events fit in its own width opens, the emptiest first while the lane's total fits, and the
 * others show their count. Unless the window is so short that zooming in separates little,
 * buckets whose events would still pile up in one place are counted too, the fullest first.
 */
function planLane(
  context: ShowContext,
  lane: LaneId,
  buckets: readonly Bucket[],
  limit: number,
  close: boolean,
): LaneState {
  const filled = buckets.filter((bucket) => bucket.count > 0);
  const whole = sum(filled.map((bucket) => bucket.count)) <= limit;
  const open = new Set<Bucket>();
  let shown = 0;
  for (const bucket of filled.sort((a, b) => a.count - b.count)) {
    const fits = whole || bucket.count <= capacity(bucket.end - bucket.start, context.msPerPx);
    if (!fits || shown + bucket.count > limit) break;
    if (!mayOpen(context, lane, bucket)) continue;
    open.add(bucket);
    shown += bucket.count;
  }
  const state: LaneState = {
    lane,
    buckets,
    open,
    show: showLane(context, { lane, buckets, open }),
  };
  while (!close && open.size > 0 && stackDepth(state.show.events, context.msPerPx) > LOD.rows) {
    open.delete(fullest(open));
    state.show = showLane(context, state);
  }
  return state;
}

/** The events a lane shows one by one and the counts it shows for the rest. */
function showLane(
  { index, unitKey, unpinned }: ShowContext,
  { lane, buckets, open }: Pick<LaneState, 'lane' | 'buckets' | 'open'>,
): LaneShow {
  const events: IndexEntry[] = [];
  const aggregates: Aggregate[] = [];
  for (const bucket of buckets) {
    const { start, end, count } = bucket;
    if (count === 0) continue;
    if (open.has(bucket)) {
      events.push(...index.starting(lane, start, end).filter(unpinned));
    } else {
      const id = `agg|${lane}|${unitKey}|${start}`;
      aggregates.push({ id, lane, kind: 'bucket', start, end, count, earliest: start });
    }
  }
  return { events, aggregates, elements: sum(events.map(elementsOf)) + aggregates.length };
}

function fullest(buckets: ReadonlySet<Bucket>): Bucket {
  let found: Bucket | null = null;
  for (const bucket of buckets) if (found === null || bucket.count > found.count) found = bucket;
  return found as Bucket;
}

/** Each bucket's count of the lane's events that start in it. */
function bucketsOf(
  index: EventIndex,
  lane: LaneId,
  edges: readonly number[],
  pins: readonly IndexEntry[],
): Bucket[] {
  const buckets: Bucket[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i] as number, edges[i + 1] as number];
    const pinnedHere = pins.filter(
      (pin) => pin.lane === lane && pin.start >= start && pin.start < end,
    );
    buckets.push({ start, end, count: index.countStarting(lane, start, end) - pinnedHere.length });
  }
  return buckets;
}

/** One band from the first start to the last end of the events that run through the span. */
function runningBand(lane: LaneId, running: readonly IndexEntry[]): Aggregate {
  let [earliest, latest] = [Infinity, -Infinity];
  for (const entry of running) {
    earliest = Math.min(earliest, entry.start);
    latest = Math.max(latest, entry.end);
  }
  return {
    id: `run|${lane}`,
    lane,
    kind: 'running',
    start: earliest,
    end: latest,
    count: running.length,
    earliest,
  };
}

/** How many rows vis-timeline would stack the events in, each as wide as its label at least. */
export function stackDepth(entries: readonly IndexEntry[], msPerPx: number): number {
  const labelMs = LOD.labelPx * msPerPx;
  const edges: [number, number][] = [];
  for (const entry of entries) {
    edges.push([entry.start, 1], [Math.max(entry.end, entry.start + labelMs), -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let [depth, deepest] = [0, 0];
  for (const [, step] of edges) {
    depth += step;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** How many events a stretch of time can show one by one within the rows a lane may stack. */
function capacity(durationMs: number, msPerPx: number): number {
  return Math.ceil((durationMs / msPerPx / LOD.labelPx) * LOD.rows);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

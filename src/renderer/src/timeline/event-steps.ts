/**
 * Which event the keyboard goes to next on the timeline: the next or previous in time across
 * lanes (Left/Right), the nearest in time in the lane above or below (Up/Down), the first or last
 * (Home/End). Time order is start, then lane order, then id, so every event has one place and
 * stepping visits each once. It reads the index's sorted runs (event-index.ts) by binary search:
 * O(lanes × runs × log n) a step, no scan of the events. A place may also be a count (a lane's
 * calendar bucket drawn as a number): stepping on from it skips the events it holds.
 * Pure: no vis, no DOM.
 */
import type { LaneId } from '../../../shared/ids';
import { boundOf, type IndexEntry, lowerBound } from './event-index';
import type { Aggregate, ViewPlan } from './level-of-detail';

/** What stepping reads of the index: each lane's runs, each sorted in time order. */
export interface StepSource {
  runsOf(lane: LaneId): readonly (readonly IndexEntry[])[];
}

/** Where the keyboard is: on an event, or on a count of a lane's events in [start, end). */
export type Place =
  | { readonly kind: 'event'; readonly entry: IndexEntry }
  | { readonly kind: 'count'; readonly lane: LaneId; readonly start: number; readonly end: number };

/** The first position in a run whose start is after `at`. */
function upperBound(entries: readonly IndexEntry[], at: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((entries[mid] as IndexEntry).start <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Before (-1), same (0) or after (1) in time order, given each entry's lane order. */
function compare(a: IndexEntry, aLane: number, b: IndexEntry, bLane: number): number {
  return a.start - b.start || aLane - bLane || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The event after (1) or before (-1) a place in time order; from no place, the first event that
 * starts at or after `from` (1), or the last that starts before it (-1).
 */
export function stepInTime(
  source: StepSource,
  lanes: readonly LaneId[],
  place: Place | null,
  direction: 1 | -1,
  from = -Infinity,
): IndexEntry | null {
  const here = place === null ? null : placeLane(place);
  const at = place === null ? from : place.kind === 'event' ? place.entry.start : place.start;
  const order = here === null ? (direction === 1 ? -Infinity : Infinity) : lanes.indexOf(here);
  let best: IndexEntry | null = null;
  let bestLane = 0;
  lanes.forEach((lane, laneOrder) => {
    for (const run of source.runsOf(lane)) {
      const position = positionIn(run, laneOrder, order, at, place, direction);
      const entry = run[direction === 1 ? position : position - 1];
      if (!entry) continue;
      const better = best === null || compare(entry, laneOrder, best, bestLane) * direction < 0;
      if (better) [best, bestLane] = [entry, laneOrder];
    }
  });
  return best;
}

/**
 * In one run, where entries after the place begin (1) or where those before it end (-1): for an
 * event, in its own lane by (start, id); for a count, its own lane's events after it start at its
 * end; in other lanes, an equal start goes by lane order.
 */
function positionIn(
  run: readonly IndexEntry[],
  laneOrder: number,
  order: number,
  at: number,
  place: Place | null,
  direction: 1 | -1,
): number {
  if (laneOrder === order && place?.kind === 'event') {
    const position = boundOf(run, place.entry.start, place.entry.id);
    const self = run[position]?.id === place.entry.id;
    return direction === 1 && self ? position + 1 : position;
  }
  if (laneOrder === order && place?.kind === 'count') {
    return direction === 1 ? lowerBound(run, place.end) : lowerBound(run, place.start);
  }
  return laneOrder > order ? lowerBound(run, at) : upperBound(run, at);
}

function placeLane(place: Place): LaneId {
  return place.kind === 'event' ? place.entry.lane : place.lane;
}

/**
 * The event nearest in time to a place in the next lane up (-1) or down (1) that has events;
 * of two as near, the earlier.
 */
export function stepLane(
  source: StepSource,
  lanes: readonly LaneId[],
  place: Place,
  direction: 1 | -1,
): IndexEntry | null {
  const at = place.kind === 'event' ? place.entry.start : place.start;
  for (
    let i = lanes.indexOf(placeLane(place)) + direction;
    i >= 0 && i < lanes.length;
    i += direction
  ) {
    let best: IndexEntry | null = null;
    for (const run of source.runsOf(lanes[i] as LaneId)) {
      const position = lowerBound(run, at);
      for (const entry of [run[position - 1], run[position]]) {
        if (!entry) continue;
        const distance = Math.abs(entry.start - at);
        const bestDistance = best === null ? Infinity : Math.abs(best.start - at);
        if (
          distance < bestDistance ||
          (distance === bestDistance && best && entry.start < best.start)
        ) {
          best = entry;
        }
      }
    }
    if (best) return best;
  }
  return null;
}

/** The first (1) or last (-1) event in time order. */
export function edgeEvent(
  source: StepSource,
  lanes: readonly LaneId[],
  which: 1 | -1,
): IndexEntry | null {
  return stepInTime(source, lanes, null, which, which === 1 ? -Infinity : Infinity);
}

/**
 * The count of a plan that holds an event, when the plan counts it rather than showing it: a
 * bucket of its lane that its start falls in. Null when the plan shows it one by one.
 */
export function countHolding(plan: ViewPlan, entry: IndexEntry): Aggregate | null {
  if (plan.events.some((shown) => shown.id === entry.id)) return null;
  return bucketHolding(plan, entry.lane, entry.start);
}

/** The count of a calendar period in `lane` that holds the instant `at`, if the plan has one. */
export function bucketHolding(plan: ViewPlan, lane: LaneId, at: number): Aggregate | null {
  return (
    plan.aggregates.find(
      (count) =>
        count.kind === 'bucket' && count.lane === lane && count.start <= at && at < count.end,
    ) ?? null
  );
}

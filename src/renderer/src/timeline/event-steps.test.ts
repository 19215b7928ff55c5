import { describe, expect, it } from 'vitest';

import type { EventId, LaneId } from '../../../shared/ids';
import { EventIndex, type IndexEntry } from './event-index';
import { countHolding, edgeEvent, type Place, stepInTime, stepLane } from './event-steps';
import type { Aggregate, ViewPlan } from './level-of-detail';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2024, 0, 1);
const LANES = ['a', 'b', 'c', 'd'] as LaneId[];

/** A seeded mix of points and ranges; starts on whole days, so many start together. */
function entries(count: number, lanes: readonly LaneId[] = LANES.slice(0, 3), seed = 11) {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const lengths = [0, 0, HOUR, 3 * DAY, 31 * DAY, 730 * DAY];
  return Array.from({ length: count }, (_, n): IndexEntry => {
    const start = T0 + Math.floor(random() * (count / 4)) * DAY;
    const lane = lanes[Math.floor(random() * lanes.length)] as LaneId;
    const length = lengths[Math.floor(random() * lengths.length)] ?? 0;
    return { id: `e${(n * 7919) % count}` as EventId, lane, start, end: start + length };
  });
}

/** The order stepping must follow, from a sort of every event. */
function timeOrder(all: readonly IndexEntry[], lanes: readonly LaneId[]): IndexEntry[] {
  return [...all].sort(
    (a, b) =>
      a.start - b.start ||
      lanes.indexOf(a.lane) - lanes.indexOf(b.lane) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const at = (entry: IndexEntry): Place => ({ kind: 'event', entry });

describe('stepping through events in time', () => {
  const all = entries(2000);
  const index = new EventIndex(all);
  const order = timeOrder(all, LANES);

  it('visits every event once, in time order across lanes, both ways', () => {
    let entry = edgeEvent(index, LANES, 1);
    const forward: string[] = [];
    while (entry && forward.length <= all.length) {
      forward.push(entry.id);
      entry = stepInTime(index, LANES, at(entry), 1);
    }
    expect(forward).toEqual(order.map((event) => event.id));
    entry = edgeEvent(index, LANES, -1);
    const backward: string[] = [];
    while (entry && backward.length <= all.length) {
      backward.push(entry.id);
      entry = stepInTime(index, LANES, at(entry), -1);
    }
    expect(backward).toEqual(order.map((event) => event.id).reverse());
  });

  it('from nothing, starts at the first event at or after an instant', () => {
    const from = T0 + 100 * DAY + HOUR;
    expect(stepInTime(index, LANES, null, 1, from)).toBe(order.find((e) => e.start >= from));
    expect(stepInTime(index, LANES, null, -1, from)).toBe(
      order.filter((e) => e.start <= from).at(-1),
    );
  });

  it('steps past a count’s events in its lane, and keeps other lanes’ events in between', () => {
    const count: Place = {
      kind: 'count',
      lane: 'b' as LaneId,
      start: T0 + 50 * DAY,
      end: T0 + 60 * DAY,
    };
    const next = stepInTime(index, LANES, count, 1)!;
    const expected = order.find(
      (e) =>
        (e.lane === 'b' && e.start >= count.end) ||
        (e.lane === 'a' && e.start > count.start) ||
        (e.lane === 'c' && e.start >= count.start),
    );
    expect(next).toBe(expected);
    const previous = stepInTime(index, LANES, count, -1)!;
    const before = order.filter(
      (e) =>
        (e.lane === 'b' && e.start < count.start) ||
        (e.lane === 'a' && e.start <= count.start) ||
        (e.lane === 'c' && e.start < count.start),
    );
    expect(previous).toBe(before.at(-1));
  });

  it('goes to the nearest event in time in the next lane up or down that has any', () => {
    for (const entry of order.filter((_, n) => n % 97 === 0)) {
      const down = stepLane(index, LANES, at(entry), 1);
      const lane = LANES[LANES.indexOf(entry.lane) + 1];
      if (lane === undefined || lane === 'd') {
        expect(down).toBeNull(); // d has no events
        continue;
      }
      const distance = (e: IndexEntry): number => Math.abs(e.start - entry.start);
      const nearest = Math.min(...all.filter((e) => e.lane === lane).map(distance));
      expect(down?.lane).toBe(lane);
      expect(distance(down!)).toBe(nearest);
    }
    const first = { ...order[0]!, lane: 'a' as LaneId };
    expect(stepLane(index, LANES, at(first), -1)).toBeNull();
    // An empty lane is passed over.
    const sparse = new EventIndex([
      { id: 'x' as EventId, lane: 'a' as LaneId, start: T0, end: T0 },
      { id: 'y' as EventId, lane: 'c' as LaneId, start: T0 + DAY, end: T0 + DAY },
    ]);
    expect(
      stepLane(sparse, ['a', 'b', 'c'] as LaneId[], at(sparse.get('x' as EventId)!), 1)?.id,
    ).toBe('y');
  });

  it('takes a step among 100,000 events in well under a millisecond', () => {
    const big = new EventIndex(entries(100_000, LANES, 3));
    let entry = edgeEvent(big, LANES, 1)!;
    const started = performance.now();
    for (let i = 0; i < 1000; i++) {
      entry = stepInTime(big, LANES, at(entry), 1) ?? entry;
      entry = stepLane(big, LANES, at(entry), i % 2 === 0 ? 1 : -1) ?? entry;
    }
    expect((performance.now() - started) / 2000).toBeLessThan(0.5);
  });
});

describe('the count that holds an event', () => {
  const entry: IndexEntry = {
    id: 'e' as EventId,
    lane: 'a' as LaneId,
    start: T0 + 5 * DAY,
    end: T0 + 5 * DAY,
  };
  const bucket = (lane: string, start: number, end: number): Aggregate => ({
    id: `agg|${lane}|${start}`,
    lane: lane as LaneId,
    kind: 'bucket',
    start,
    end,
    count: 9,
    earliest: start,
  });
  const plan = (events: IndexEntry[], aggregates: Aggregate[]): ViewPlan =>
    ({ events, aggregates }) as unknown as ViewPlan;

  it('is the bucket of its lane its start falls in, unless the plan shows it', () => {
    const month = bucket('a', T0, T0 + 31 * DAY);
    const other = bucket('b', T0, T0 + 31 * DAY);
    expect(countHolding(plan([], [other, month]), entry)).toBe(month);
    expect(countHolding(plan([entry], [month]), entry)).toBeNull();
    expect(countHolding(plan([], [bucket('a', T0 + 6 * DAY, T0 + 7 * DAY)]), entry)).toBeNull();
  });
});

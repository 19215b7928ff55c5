import { describe, expect, it } from 'vitest';

import { makeEvent } from '../../../../test/builders';
import type { EventId, LaneId } from '../../../shared/ids';
import type { PartialDate } from '../../../shared/partial-date';
import { EventIndex, type IndexEntry, indexEntryOf } from './event-index';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2024, 0, 1);
const LANES = ['a', 'b', 'c'] as LaneId[];

/** A seeded mix of points and ranges from an hour to two years long. */
function entries(count: number, seed = 7): IndexEntry[] {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const lengths = [0, 0, HOUR, 5 * HOUR, 3 * DAY, 31 * DAY, 365 * DAY, 730 * DAY];
  return Array.from({ length: count }, (_, n) => {
    const start = T0 + Math.floor(random() * 400) * DAY + Math.floor(random() * 24) * HOUR;
    const length = lengths[Math.floor(random() * lengths.length)] ?? 0;
    const lane = LANES[Math.floor(random() * LANES.length)] as LaneId;
    return { id: `e${n}` as EventId, lane, start, end: start + length };
  });
}

const ids = (found: readonly IndexEntry[]): string[] => found.map((entry) => entry.id).sort();

describe('EventIndex', () => {
  const all = entries(3000);
  const index = new EventIndex(all);

  it('finds the events of a lane that start in a period, as a scan of all would', () => {
    for (const [from, to] of [
      [T0, T0 + DAY],
      [T0 + 30 * DAY, T0 + 90 * DAY],
      [T0 - 365 * DAY, T0 + 800 * DAY],
    ] as const) {
      for (const lane of LANES) {
        const expected = all.filter((e) => e.lane === lane && e.start >= from && e.start < to);
        expect(index.countStarting(lane, from, to)).toBe(expected.length);
        expect(ids(index.starting(lane, from, to))).toEqual(ids(expected));
      }
    }
  });

  it('finds the events that began before an instant and still run at it', () => {
    for (const at of [T0 + 10 * DAY + 5 * HOUR, T0 + 200 * DAY, T0 + 500 * DAY]) {
      for (const lane of LANES) {
        const expected = all.filter((e) => e.lane === lane && e.start < at && e.end > at);
        expect(ids(index.runningAt(lane, at))).toEqual(ids(expected));
      }
    }
  });

  it('keeps its answers right through upserts and removals', () => {
    const changing = new EventIndex(all.slice(0, 500));
    const moved = { ...all[0]!, lane: 'c' as LaneId, start: T0 - DAY, end: T0 + 900 * DAY };
    changing.upsert(moved);
    changing.remove(all[1]!.id);
    changing.upsert({ id: 'new' as EventId, lane: 'a' as LaneId, start: T0, end: T0 });
    const now = [moved, ...all.slice(2, 500), { id: 'new', lane: 'a', start: T0, end: T0 }];
    expect(changing.size).toBe(now.length);
    expect(changing.get(all[0]!.id)).toEqual(moved);
    expect(changing.get(all[1]!.id)).toBeUndefined();
    const at = T0 + 100 * DAY;
    for (const lane of LANES) {
      const expected = now.filter((e) => e.lane === lane && e.start < at && e.end > at);
      expect(ids(changing.runningAt(lane, at))).toEqual(ids(expected as IndexEntry[]));
      expect(changing.countStarting(lane, T0, T0 + DAY)).toBe(
        now.filter((e) => e.lane === lane && e.start >= T0 && e.start < T0 + DAY).length,
      );
    }
    expect(changing.extent()).toEqual({
      min: T0 - DAY,
      max: Math.max(...now.map((e) => e.end)),
    });
  });

  it('takes many changes at once as if built afresh: runs stay in time order', () => {
    const changing = new EventIndex(all);
    // A search hides two thirds, then shows half of them again, one of them moved.
    const hidden = all.filter((_, n) => n % 3 !== 0);
    changing.applyMany(
      [],
      hidden.map((entry) => entry.id),
    );
    const back = hidden.filter((_, n) => n % 2 === 0);
    const moved = { ...back[0]!, lane: 'c' as LaneId, start: T0 + 3 * DAY, end: T0 + 3 * DAY };
    changing.applyMany([moved, ...back.slice(1)], []);
    const now = [...all.filter((_, n) => n % 3 === 0), moved, ...back.slice(1)];
    const fresh = new EventIndex(now);
    expect(changing.size).toBe(now.length);
    for (const lane of LANES) {
      expect(changing.runsOf(lane).map((run) => run.map((entry) => entry.id))).toEqual(
        fresh.runsOf(lane).map((run) => run.map((entry) => entry.id)),
      );
    }
    expect(changing.extent()).toEqual(fresh.extent());
  });

  /** Each test entry's slot is the number in its id. */
  const slotOf = (entry: IndexEntry): number => Number(entry.id.slice(1));
  /** Every third slot shown, as ShownEvents' bytes would say. */
  const everyThird = Uint8Array.from({ length: 4000 }, (_, slot) => (slot % 3 === 0 ? 1 : 0));
  const shown = (entry: IndexEntry): boolean => everyThird[slotOf(entry)] === 1;

  function expectSubsetLike(subset: EventIndex, fresh: EventIndex): void {
    expect(subset.size).toBe(fresh.size);
    for (const lane of LANES) {
      expect(subset.runsOf(lane)).toEqual(fresh.runsOf(lane));
      expect(subset.countStarting(lane, T0, T0 + 90 * DAY)).toBe(
        fresh.countStarting(lane, T0, T0 + 90 * DAY),
      );
    }
    expect(ids([...subset.entries()])).toEqual(ids([...fresh.entries()]));
    expect(subset.extent()).toEqual(fresh.extent());
  }

  it('keeps a subset as if built afresh from what passes, reading through to the whole', () => {
    const whole = new EventIndex(all, slotOf);
    whole.prepareSubsets();
    const subset = whole.subset(everyThird);
    expectSubsetLike(subset, new EventIndex(all.filter(shown)));
    expect(subset.get(all[0]!.id)).toBe(all[0]);
    expect(subset.get(all[1]!.id)).toBeUndefined();
    expect(() => subset.remove(all[0]!.id)).toThrow(/cannot be changed/);
  });

  it('makes a subset of what the index holds after each kind of change', () => {
    const whole = new EventIndex(all.slice(0, 2000), slotOf);
    let now = all.slice(0, 2000);
    whole.subset(everyThird);
    const lane = LANES.find((other) => other !== now[3]!.lane)!;
    const moved = {
      ...now[3]!,
      lane,
      start: now[3]!.start + 40 * DAY,
      end: now[3]!.end + 40 * DAY,
    };
    whole.upsert(moved);
    whole.remove(now[6]!.id);
    now = now.map((entry) => (entry.id === moved.id ? moved : entry));
    now = now.filter((entry) => entry.id !== now[6]!.id);
    expectSubsetLike(whole.subset(everyThird), new EventIndex(now.filter(shown)));
    const added = all.slice(2000, 3500);
    whole.applyMany(added, []);
    now = [...now, ...added];
    expectSubsetLike(whole.subset(everyThird), new EventIndex(now.filter(shown)));
    const gone = new Set([now[9]!.id, now[12]!.id]);
    whole.applyMany([], gone);
    now = now.filter((entry) => !gone.has(entry.id));
    expectSubsetLike(whole.subset(everyThird), new EventIndex(now.filter(shown)));
  });

  it('has no subsets when made without slots', () => {
    expect(() => new EventIndex(all).subset(everyThird)).toThrow(/without slots/);
  });

  it('has no extent when empty', () => {
    expect(new EventIndex().extent()).toBeNull();
  });
});

describe('indexEntryOf', () => {
  it('draws a month or a year over its whole period and a day event as a point', () => {
    const month = indexEntryOf(makeEvent({ start: '2024-03' as PartialDate }));
    expect([month.start, month.end]).toEqual([Date.UTC(2024, 2, 1), Date.UTC(2024, 3, 1)]);
    const day = indexEntryOf(makeEvent({ start: '2024-06-16' as PartialDate }));
    expect(day.end).toBe(day.start);
    const range = indexEntryOf(
      makeEvent({ start: '2024-06-16' as PartialDate, end: '2024-06-19' as PartialDate }),
    );
    expect([range.start, range.end]).toEqual([Date.UTC(2024, 5, 16), Date.UTC(2024, 5, 20)]);
  });
});

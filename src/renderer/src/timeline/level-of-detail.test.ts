import { describe, expect, it } from 'vitest';

import { generateTimeline } from '../../../../bench/generate';
import { makeEvents } from '../../../../test/builders';
import type { EventId, LaneId } from '../../../shared/ids';
import { EventIndex, type IndexEntry, indexEntryOf } from './event-index';
import {
  elementsOf,
  fitsPlan,
  LOD,
  needsPlan,
  planView,
  stackDepth,
  type ViewPlan,
  type ViewWindow,
} from './level-of-detail';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WIDTH = 800;

const story = generateTimeline(10_000);
const dense = new EventIndex(story.events.map(indexEntryOf));
const lanes = story.lanes.map((lane) => lane.id);
const NONE = new Set<EventId>();

function around(centre: number, length: number): ViewWindow {
  return { start: centre - length / 2, end: centre + length / 2, width: WIDTH };
}

/** Every event that starts in the span or runs into it, by lane. */
function inSpan(plan: ViewPlan, lane: LaneId): IndexEntry[] {
  return story.events
    .map(indexEntryOf)
    .filter(
      (e) =>
        e.lane === lane &&
        ((e.start >= plan.span.start && e.start < plan.span.end) ||
          (e.start < plan.span.start && e.end > plan.span.start)),
    );
}

describe('planView', () => {
  it('shows a few events one by one', () => {
    const events = makeEvents(5);
    const index = new EventIndex(events.map(indexEntryOf));
    const plan = planView(
      index,
      around(Date.UTC(2024, 5, 3), 10 * DAY),
      ['lane-a' as LaneId],
      NONE,
    );
    expect(plan.events.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(plan.aggregates).toEqual([]);
  });

  it('counts a dense story per lane and bucket, and every event is shown or counted once', () => {
    const mid2024 = Date.UTC(2024, 5, 15);
    for (const length of [800 * DAY, 60 * DAY, 7 * DAY, DAY]) {
      const plan = planView(dense, around(mid2024, length), lanes, NONE);
      for (const lane of lanes) {
        const shown = plan.events.filter((e) => e.lane === lane).length;
        const counted = plan.aggregates
          .filter((a) => a.lane === lane)
          .reduce((sum, a) => sum + a.count, 0);
        expect(shown + counted, `${lane} at ${length / DAY} days`).toBe(inSpan(plan, lane).length);
      }
    }
  });

  it('never makes more item elements than its budget, from an hour to 500 years', () => {
    for (const centre of [Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 15), Date.UTC(2024, 11, 1)]) {
      for (let length = HOUR; length < 500 * 365 * DAY; length *= 3) {
        const plan = planView(dense, around(centre, length), lanes, NONE);
        const elements =
          plan.events.reduce((sum, e) => sum + elementsOf(e), 0) + plan.aggregates.length;
        expect(elements).toBe(plan.elements);
        expect(elements).toBeLessThanOrEqual(LOD.elementBudget);
      }
    }
  });

  it('opens the events of a day and bands those that began earlier', () => {
    const plan = planView(dense, around(Date.UTC(2024, 0, 15, 12), DAY), lanes, NONE);
    expect(plan.aggregates.every((a) => a.kind === 'running')).toBe(true);
    expect(plan.events.length).toBeGreaterThan(0);
  });

  it('shows a pinned event however dense its lane, and does not count it', () => {
    const pinned = story.events[123]!;
    const window = around(Date.UTC(2024, 0, 1), 800 * DAY);
    const plan = planView(dense, window, lanes, new Set([pinned.id]));
    expect(plan.events.map((e) => e.id)).toContain(pinned.id);
    const counted = plan.aggregates
      .filter((a) => a.lane === pinned.laneId)
      .reduce((sum, a) => sum + a.count, 0);
    const shown = plan.events.filter((e) => e.lane === pinned.laneId).length;
    expect(shown + counted).toBe(inSpan(plan, pinned.laneId).length);
  });

  it('while settling, shows one by one only events shown before and counts every other event', () => {
    // A day at the start of the story: most lanes show their events one by one.
    const before = planView(dense, around(Date.UTC(2024, 0, 15, 12), DAY), lanes, NONE);
    const shown = new Set(before.events.map((e) => e.id));
    expect(shown.size).toBeGreaterThan(0);
    // The wheel turns out to three days: nothing new one by one until it rests.
    const window = around(Date.UTC(2024, 0, 15, 12), 3 * DAY);
    const settling = planView(dense, window, lanes, NONE, { settling: { shown } });
    expect(settling.settling).toBe(true);
    expect(settling.events.every((e) => shown.has(e.id))).toBe(true);
    const full = planView(dense, window, lanes, NONE);
    expect(full.events.some((e) => !shown.has(e.id))).toBe(true);
    for (const lane of lanes) {
      const counted = settling.aggregates
        .filter((a) => a.lane === lane)
        .reduce((sum, a) => sum + a.count, 0);
      const all = new Set(inSpan(settling, lane).map((e) => e.id));
      const one = settling.events.filter((e) => all.has(e.id));
      expect(one.length + counted).toBe(all.size);
    }
  });

  it('counts a pile of events that start together instead of stacking them', () => {
    const pile = Array.from({ length: 30 }, (_, n) => ({
      id: `p${n}` as EventId,
      lane: 'a' as LaneId,
      start: Date.UTC(2024, 3, 1),
      end: Date.UTC(2024, 4, 1),
    }));
    const spread = Array.from({ length: 5 }, (_, n) => ({
      id: `s${n}` as EventId,
      lane: 'a' as LaneId,
      start: Date.UTC(2024, 3, 10 + n * 3),
      end: Date.UTC(2024, 3, 10 + n * 3),
    }));
    const index = new EventIndex([...pile, ...spread]);
    const plan = planView(index, around(Date.UTC(2024, 3, 15), 30 * DAY), ['a' as LaneId], NONE);
    expect(plan.events.map((e) => e.id).sort()).toEqual(spread.map((e) => e.id).sort());
    expect(plan.aggregates.map((a) => a.count)).toEqual([30]);
  });
});

describe('stackDepth', () => {
  it('counts the rows labels would need', () => {
    const at = (n: number, gapPx: number): IndexEntry => ({
      id: `e${n}` as EventId,
      lane: 'a' as LaneId,
      start: n * gapPx * HOUR,
      end: n * gapPx * HOUR,
    });
    const msPerPx = HOUR;
    expect(
      stackDepth(
        [0, 1, 2, 3].map((n) => at(n, LOD.labelPx + 1)),
        msPerPx,
      ),
    ).toBe(1);
    expect(
      stackDepth(
        [0, 1, 2, 3].map((n) => at(n, LOD.labelPx / 4)),
        msPerPx,
      ),
    ).toBe(4);
  });
});

describe('needsPlan and fitsPlan', () => {
  const window = around(Date.UTC(2024, 0, 15), 30 * DAY);
  const plan = planView(dense, window, lanes, NONE);

  it('keep a plan while the window stays well inside its span', () => {
    expect(needsPlan(plan, window)).toBe(false);
    expect(fitsPlan(plan, window)).toBe(true);
    const nudged = { ...window, start: window.start + DAY, end: window.end + DAY };
    expect(needsPlan(plan, nudged)).toBe(false);
  });

  it('ask for a new plan near the span edge, far in, or at another width', () => {
    const shift = (plan.span.end - window.end) * 0.95;
    expect(
      needsPlan(plan, { ...window, start: window.start + shift, end: window.end + shift }),
    ).toBe(true);
    expect(needsPlan(plan, around(Date.UTC(2024, 0, 15), 5 * DAY))).toBe(true);
    expect(needsPlan(plan, { ...window, width: WIDTH * 1.5 })).toBe(true);
    expect(needsPlan(null, window)).toBe(true);
    expect(fitsPlan(plan, around(Date.UTC(2024, 0, 15), 20 * DAY))).toBe(false);
  });
});

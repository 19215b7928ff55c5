import { describe, expect, it } from 'vitest';

import { makeEvents, makeLane } from '../../../../test/builders';
import type { EventId, LaneId } from '../../../shared/ids';
import type { PartialDate } from '../../../shared/partial-date';
import { EventSlots, SlotFlags } from '../state/event-slots';
import type { ViewWindow } from './level-of-detail';
import { settledItems, type TimelineItem, TimelineModel } from './timeline-model';

const DAY = 86_400_000;
const june = (day: number): number => Date.UTC(2024, 5, day);
const window = { start: june(1), end: june(11), width: 800 };
const NONE = new Set<EventId>();
const lane = makeLane();

function loaded(): { model: TimelineModel; events: ReturnType<typeof makeEvents> } {
  const model = new TimelineModel([lane]);
  const events = makeEvents(5); // 1 to 5 June, lane-a
  model.load(events);
  return { model, events };
}

describe('TimelineModel', () => {
  it('plans the items of the events in a window', () => {
    const { model, events } = loaded();
    const { items } = model.plan(window, NONE);
    expect(items.map((item) => item.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(model.extent()).toEqual({ min: june(1), max: june(5) });
  });

  it('draws a day event across its whole day once a day is wider than its box', () => {
    const { model, events } = loaded();
    const id = events[0]!.id;
    const byId = (items: readonly TimelineItem[]) => items.find((item) => item.id === id);
    // Ten days in 800 px: 80 px a day, a point at its day's start.
    expect(byId(model.plan(window, NONE).items)).toMatchObject({ type: 'box', start: june(1) });
    expect(byId(model.plan(window, NONE).items)).not.toHaveProperty('end');
    // Two days in 800 px: the day's whole width, midnight to midnight.
    const close = { start: june(1), end: june(3), width: 800 };
    expect(byId(model.plan(close, NONE).items)).toMatchObject({
      type: 'range',
      start: june(1),
      end: june(2),
      className: expect.stringContaining('ev--day') as unknown,
    });
    expect(model.item(id)).toMatchObject({ type: 'range', end: june(2) });
    // Its dates are what they were.
    expect(model.entry(id)).toMatchObject({ start: june(1), end: june(1) });
    expect(byId(model.plan(window, NONE).items)).toMatchObject({ type: 'box' });
  });

  it('applies a Change: a moved event shows at its new date, a removed one is gone', () => {
    const { model, events } = loaded();
    const [first, second] = events;
    const moved = { ...first!, start: '2024-06-09' as PartialDate, title: 'Moved' };
    const gone = model.apply({ upserted: [moved], removed: [second!.id] });
    expect(gone).toEqual([]);
    const items = new Map(model.plan(window, NONE).items.map((item) => [item.id, item]));
    expect(items.get(first!.id)).toMatchObject({ start: june(9), label: 'Moved' });
    expect(items.has(second!.id)).toBe(false);
    expect(model.item(first!.id)?.start).toBe(june(9));
    expect(model.entry(second!.id)).toBeUndefined();
  });

  it('shows only what the test lets through, and judges each change by it', () => {
    const slots = new EventSlots();
    const model = new TimelineModel([lane], slots);
    const events = makeEvents(5);
    model.load(events);
    const [first, second, third] = events;
    const shown = new SlotFlags();
    for (const event of [first!, third!]) shown.set(slots.of(event.id), true);
    model.show(shown);
    const planned = () =>
      model
        .plan(window, NONE)
        .items.map((item) => item.id)
        .sort();
    expect(planned()).toEqual([first!.id, third!.id].sort());
    expect(model.size).toBe(2);
    expect(model.entry(second!.id)).toBeUndefined();
    expect(
      model.steps
        .runsOf(lane.id)
        .flat()
        .map((entry) => entry.id)
        .sort(),
    ).toEqual(planned());
    // An edit that the test now refuses leaves; a new event it lets through arrives.
    shown.set(slots.of(first!.id), false);
    const added = { ...makeEvents(1)[0]!, id: 'added' as EventId };
    shown.set(slots.of(added.id), true);
    model.apply({ upserted: [{ ...first!, title: 'Renamed' }, added], removed: [] });
    expect(planned()).toEqual([third!.id, added.id].sort());
    // Every event comes back, the edit included.
    model.show(null);
    expect(model.size).toBe(6);
    expect(model.item(first!.id)?.label).toBe('Renamed');
  });

  it('redraws items in their lane’s new colour and reports lanes that are gone', () => {
    const { model, events } = loaded();
    const other = makeLane({ id: 'lane-b' as LaneId, color: '#123456' });
    expect(model.apply({ upserted: [], removed: [], lanes: [lane, other] })).toEqual([]);
    const gone = model.apply({
      upserted: [],
      removed: [],
      lanes: [{ ...lane, color: '#abcdef' }],
    });
    expect(gone).toEqual(['lane-b']);
    expect(model.item(events[0]!.id)?.style).toBe('--lane: #abcdef');
  });

  it('re-sorts once when a Change brings most of the events', () => {
    const model = new TimelineModel([lane]);
    model.load([]);
    const many = makeEvents(1500);
    model.apply({ upserted: many, removed: [] });
    expect(model.size).toBe(1500);
    const day = { start: june(3), end: june(3) + DAY, width: 800 };
    const { plan } = model.plan(day, NONE);
    expect(plan.events.some((entry) => entry.start === june(3))).toBe(true);
  });
});

describe('TimelineModel counts', () => {
  const events = makeEvents(3000); // one a day from 1 June 2024, lane-a
  const dense = (): TimelineModel => {
    const model = new TimelineModel([lane]);
    model.load(events);
    return model;
  };
  const year = { start: Date.UTC(2024, 0, 1), end: Date.UTC(2026, 0, 1), width: 800 };

  it('puts a lane’s counts in one band, from the first to the last, in its colour', () => {
    const { plan, items } = dense().plan(year, NONE);
    const bands = items.filter((item) => 'counts' in item);
    expect(bands).toHaveLength(1);
    const band = bands[0]!;
    expect(band).toMatchObject({
      group: 'lane-a',
      color: lane.color,
    });
    const buckets = plan.aggregates.filter((aggregate) => aggregate.kind === 'bucket');
    expect(band).toMatchObject({
      start: Math.min(...buckets.map((bucket) => bucket.start)),
      end: Math.max(...buckets.map((bucket) => bucket.end)),
    });
    expect('counts' in band && band.counts.map((count) => count.count)).toEqual(
      buckets.map((bucket) => bucket.count),
    );
    // No count is an item of its own.
    expect(items.some((item) => 'aggregate' in item && item.aggregate === 'bucket')).toBe(false);
  });

  it('gives each run of counts side by side its own band, so a gap keeps no empty row', () => {
    const model = new TimelineModel([lane]);
    const early = makeEvents(200); // from 1 June 2024
    const late = makeEvents(200).map((event, i) => ({
      ...event,
      start: new Date(Date.UTC(2026, 5, 1 + i)).toISOString().slice(0, 10) as PartialDate,
    }));
    model.load([...early, ...late]);
    const wide = { start: Date.UTC(2024, 0, 1), end: Date.UTC(2027, 6, 1), width: 800 };
    const bands = model.plan(wide, NONE).items.filter((item) => 'counts' in item);
    expect(bands).toHaveLength(2);
    const [first, second] = bands;
    expect(first!.end).toBeLessThanOrEqual(Date.UTC(2025, 6, 1));
    expect(second!.start).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 1));
  });

  it('numbers a lane’s bands, so a new plan moves a band instead of replacing it', () => {
    const model = dense();
    const ids = (window: typeof year) =>
      model
        .plan(window, NONE)
        .items.filter((item) => 'counts' in item)
        .map((item) => item.id);
    expect(ids(year)).toEqual(['band|lane-a|0']);
    const wider = { ...year, end: Date.UTC(2027, 0, 1) };
    expect(ids(wider)).toEqual(['band|lane-a|0']);
  });

  it('keeps the same band object while its counts stay the same, so vis is told nothing', () => {
    const model = dense();
    const first = model.plan(year, NONE).items.find((item) => 'counts' in item);
    const again = model.plan(year, NONE).items.find((item) => 'counts' in item);
    expect(again).toBe(first);
    model.apply({ upserted: [], removed: [events[0]!.id] });
    const fewer = model.plan(year, NONE).items.find((item) => 'counts' in item);
    expect(fewer).not.toBe(first);
  });
});

describe('settledItems (while the wheel turns)', () => {
  const events = makeEvents(3000); // one a day from 1 June 2024, lane-a
  const other = makeLane({ id: 'lane-b' as LaneId, color: '#123456' });
  const model = new TimelineModel([lane, other]);
  model.load([
    ...events,
    ...makeEvents(400, { laneId: 'lane-b' as LaneId }).map((event, i) => ({
      ...event,
      id: `b-${i}` as EventId,
    })),
  ]);
  const ids = (items: readonly TimelineItem[]) => items.map((item) => item.id).sort();
  const isEvent = (item: TimelineItem) => !('counts' in item) && !('aggregate' in item);
  /** A full plan, then a settling one zoomed out from it, as the wheel turns. */
  const turn = (from: ViewWindow, to: ViewWindow) => {
    const before = model.plan(from, NONE);
    const shown = new Set(before.plan.events.map((entry) => entry.id));
    const after = model.plan(to, NONE, { settling: { shown } });
    return {
      held: before.items,
      planned: after.items,
      settled: settledItems(after.items, before.items),
    };
  };

  it('keeps every aggregate vis holds, unchanged, and the plan’s events; adds nothing else', () => {
    const { held, planned, settled } = turn(
      { start: june(20), end: june(20) + 20 * DAY, width: 800 },
      { start: june(1), end: june(1) + 2 * 365 * DAY, width: 800 },
    );
    const heldAggregates = held.filter((item) => !isEvent(item));
    expect(heldAggregates.length).toBeGreaterThan(0);
    for (const item of heldAggregates) expect(settled.items).toContain(item);
    expect(ids(settled.items.filter(isEvent))).toEqual(ids(planned.filter(isEvent)));
    // Zooming out folds events into counts: vis loses them and gains no item.
    expect(planned.filter(isEvent).length).toBeLessThan(held.filter(isEvent).length);
    const heldIds = new Set(held.map((item) => item.id));
    expect(settled.items.filter((item) => !heldIds.has(item.id))).toEqual([]);
    // Each lane's counts (the plan's, which may be many runs) go in a row of a band vis holds.
    const heldBands = (lane: string) =>
      held.filter((item) => 'counts' in item && item.group === lane).map((item) => item.id);
    expect(heldBands('lane-a').length).toBeGreaterThan(0);
    expect(settled.rows).toEqual(
      new Map([
        ['lane-a', heldBands('lane-a')],
        ['lane-b', heldBands('lane-b')],
      ]),
    );
  });

  it('gives a lane that has counts but no band in vis the plan’s first, and draws them all there', () => {
    const { held, planned, settled } = turn(
      { start: june(10), end: june(14), width: 800 },
      { start: june(1), end: june(1) + 365 * DAY, width: 800 },
    );
    expect(held.some((item) => 'counts' in item)).toBe(false);
    const bands = planned.filter((item) => 'counts' in item);
    expect(new Set(bands.map((band) => band.group))).toEqual(new Set(['lane-a', 'lane-b']));
    const added = settled.items.filter((item) => 'counts' in item);
    expect(added.map((band) => band.group).sort()).toEqual(['lane-a', 'lane-b']);
    for (const band of added) expect(settled.rows.get(band.group)).toEqual([band.id]);
  });
});

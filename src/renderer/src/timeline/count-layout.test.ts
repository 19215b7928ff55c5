import { describe, expect, it } from 'vitest';

import { makeLane } from '../../../../test/builders';
import type { LaneId } from '../../../shared/ids';
import {
  type BandItem,
  bandName,
  bandToItem,
  countSummary,
  sameBand,
  samePlace,
} from './aggregate-items';
import { BUCKET_UNITS } from './buckets';
import { boxAt, type CountScene, layoutCounts, mixRgb, parseHex } from './count-layout';
import type { Aggregate } from './level-of-detail';

const month = BUCKET_UNITS.find((unit) => unit.key === '1mo')!;
const lane = makeLane();
const start = (m: number) => Date.UTC(2024, m, 1);
const bucket = (m: number, count: number): Aggregate => ({
  id: `agg|lane-a|1mo|${start(m)}`,
  lane: 'lane-a' as LaneId,
  kind: 'bucket',
  start: start(m),
  end: start(m + 1),
  count,
  earliest: start(m),
});
const band = (buckets: Aggregate[]): BandItem =>
  bandToItem('lane-a' as LaneId, 0, buckets, lane, month);
/** A year across 1,200 px: a month is about 100 px. */
const scene = (item: BandItem, width = 1200): CountScene => ({
  start: start(0),
  end: start(12),
  width,
  areaWidth: width,
  areaHeight: 300,
  rows: [{ top: 40, height: 22, band: item }],
});
const sevenPx = () => 7;

describe('count layout', () => {
  it('places each count at its bucket, three quarters of the period wide', () => {
    const [box] = layoutCounts(scene(band([bucket(5, 1234)])), sevenPx);
    const px = 1200 / (start(12) - start(0));
    expect(box!.x).toBeCloseTo((start(5) - start(0)) * px, 6);
    expect(box!.width).toBeCloseTo((start(6) - start(5)) * 0.75 * px, 6);
    expect(box).toMatchObject({ y: 40, height: 22 });
    expect(box!.count).toMatchObject({ label: '1,234', level: 5 });
    expect(box!.pill).not.toBeNull();
  });

  it('leaves out counts outside the area and rows scrolled out of sight', () => {
    const item = band([bucket(0, 5), bucket(11, 5)]);
    const firstHalf = { ...scene(item), end: start(6), width: 600, areaWidth: 600 };
    expect(layoutCounts(firstHalf, sevenPx).map((box) => box.count.start)).toEqual([start(0)]);
    const scrolled = { ...scene(item), rows: [{ top: -30, height: 22, band: item }] };
    expect(layoutCounts(scrolled, sevenPx)).toEqual([]);
  });

  it('draws no count where an item sits in its row', () => {
    const item = band([bucket(2, 3), bucket(3, 4), bucket(4, 5)]);
    const x = (instant: number) => ((instant - start(0)) * 1200) / (start(12) - start(0));
    // An event's box from 20 March to 5 April: March's and April's counts are not drawn.
    const occupied = [{ left: x(Date.UTC(2024, 2, 20)), right: x(Date.UTC(2024, 3, 5)) }];
    const rows = [{ top: 40, height: 22, band: item, occupied }];
    const drawn = layoutCounts({ ...scene(item), rows }, sevenPx);
    expect(drawn.map((box) => box.count.count)).toEqual([5]);
    expect(layoutCounts(scene(item), sevenPx).map((box) => box.count.count)).toEqual([3, 4, 5]);
  });

  it('cuts a label short at its box’s edge, and drops it in a box too narrow to read', () => {
    const item = band([bucket(3, 12_345)]);
    // About 75 px for the month: the 15 px pill fits.
    expect(layoutCounts(scene(item, 1200), sevenPx)[0]!.pill).toMatchObject({ clipped: false });
    // About 19 px: a 4 px inset leaves 14 px for a 15 px pill.
    expect(layoutCounts(scene(item, 300), sevenPx)[0]!.pill).toMatchObject({ clipped: true });
    // About 6 px: the box shows, without a label.
    expect(layoutCounts(scene(item, 100), sevenPx)[0]!.pill).toBeNull();
  });

  it('finds the count under the pointer, and nothing between counts', () => {
    const boxes = layoutCounts(scene(band([bucket(2, 3), bucket(3, 4)])), sevenPx);
    const [march] = boxes;
    const inside = boxAt(boxes, march!.x + 2, 50);
    expect(inside?.count.count).toBe(3);
    expect(inside && countSummary(inside.band, inside.count)).toBe(
      `3 events in \u2068${lane.title}\u2069, March 2024.\nDouble-click to zoom in.`,
    );
    expect(boxAt(boxes, march!.x + march!.width + 1, 50)).toBeNull(); // the gap after March
    expect(boxAt(boxes, march!.x + 2, 39)).toBeNull(); // above the row
  });

  it('tells a band that draws the same from one that does not', () => {
    expect(sameBand(band([bucket(1, 5)]), band([bucket(1, 5)]))).toBe(true);
    expect(sameBand(band([bucket(1, 5)]), band([bucket(1, 6)]))).toBe(false);
    expect(sameBand(band([bucket(1, 5)]), band([bucket(2, 5)]))).toBe(false);
    // Numbers alone (a search narrowed the counts): vis draws it the same; its name changes.
    const narrowed = band([bucket(1, 2), bucket(2, 1)]);
    const before = band([bucket(1, 5), bucket(2, 7)]);
    expect(samePlace(before, narrowed)).toBe(true);
    expect(samePlace(before, band([bucket(1, 5)]))).toBe(false);
    expect(bandName(before)).toBe(
      `12 events in \u2068${lane.title}\u2069, shown as 2 counts; double-click one to zoom in.`,
    );
    expect(bandName(narrowed)).toMatch(/^3 events in /);
  });

  it('mixes a lane colour over the surface as CSS color-mix does', () => {
    expect(parseHex('#2f6fd0')).toEqual([0x2f, 0x6f, 0xd0]);
    expect(parseHex('blue')).toBeNull();
    expect(mixRgb([0, 0, 0], [255, 255, 255], 40)).toBe('rgb(153, 153, 153)');
  });
});

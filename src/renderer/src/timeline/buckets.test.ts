import { describe, expect, it } from 'vitest';

import {
  BUCKET_UNITS,
  bucketEdges,
  type BucketUnit,
  coarserUnit,
  unitFor,
  unitsIn,
} from './buckets';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const unit = (key: string): BucketUnit => BUCKET_UNITS.find((u) => u.key === key)!;
const iso = (ms: number): string => new Date(ms).toISOString();

describe('bucket units', () => {
  const at = Date.UTC(2024, 5, 16, 9, 30); // a Sunday

  it.each([
    ['1h', '2024-06-16T09:00:00.000Z', '2024-06-16T10:00:00.000Z'],
    ['6h', '2024-06-16T06:00:00.000Z', '2024-06-16T12:00:00.000Z'],
    ['1d', '2024-06-16T00:00:00.000Z', '2024-06-17T00:00:00.000Z'],
    ['1w', '2024-06-10T00:00:00.000Z', '2024-06-17T00:00:00.000Z'],
    ['1mo', '2024-06-01T00:00:00.000Z', '2024-07-01T00:00:00.000Z'],
    ['3mo', '2024-04-01T00:00:00.000Z', '2024-07-01T00:00:00.000Z'],
    ['1y', '2024-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'],
    ['10y', '2020-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'],
  ])('%s buckets start on UTC calendar edges (weeks on Mondays)', (key, floor, next) => {
    const start = unit(key).floor(at);
    expect(iso(start)).toBe(floor);
    expect(iso(unit(key).next(start))).toBe(next);
  });

  it('names a bucket as a reader would', () => {
    expect(unit('1mo').describe(Date.UTC(2024, 5, 1))).toBe('June 2024');
    expect(unit('1d').describe(Date.UTC(2024, 5, 16))).toBe('16 June 2024');
    expect(unit('6h').describe(Date.UTC(2024, 5, 16, 6))).toBe('16 June 2024, 06:00–12:00 UTC');
    expect(unit('3mo').describe(Date.UTC(2024, 3, 1))).toBe('April 2024 – June 2024');
    expect(unit('10y').describe(Date.UTC(2020, 0, 1))).toBe('2020–2029');
  });

  it('begins a zone’s buckets at its midnights and hours, and names them on its clock', () => {
    const [day, hour] = [unitsIn('America/New_York')[2]!, unitsIn('Asia/Kolkata')[0]!];
    const at = Date.parse('2024-06-16T03:00Z'); // 15 June, 23:00 in New York
    expect(new Date(day.floor(at)).toISOString()).toBe('2024-06-15T04:00:00.000Z');
    expect(day.describe(day.floor(at))).toBe('15 June 2024');
    expect(new Date(day.next(day.floor(at))).toISOString()).toBe('2024-06-16T04:00:00.000Z');
    expect(new Date(hour.floor(at)).toISOString()).toBe('2024-06-16T02:30:00.000Z');
    expect(hour.describe(hour.floor(at))).toBe('16 June 2024, 08:00–09:00 Asia/Kolkata (UTC+5:30)');
    // Across a clock change a day bucket is as long as the day.
    const london = unitsIn('Europe/London')[2]!;
    const spring = london.floor(Date.parse('2024-03-31T12:00Z'));
    expect(london.next(spring) - spring).toBe(23 * 3_600_000);
  });

  it('gives an hour bucket’s times in the zone shown; days and months stay calendar dates', () => {
    const start = Date.UTC(2024, 5, 16, 18);
    expect(unit('6h').describe(start, 'Asia/Kolkata')).toBe(
      '16 June 2024, 23:30–05:30 Asia/Kolkata (UTC+5:30)',
    );
    expect(unit('1h').describe(start, 'America/New_York')).toBe(
      '16 June 2024, 14:00–15:00 America/New_York (UTC-4)',
    );
    expect(unit('1d').describe(Date.UTC(2024, 5, 16), 'America/New_York')).toBe('16 June 2024');
    expect(unit('1mo').describe(Date.UTC(2024, 5, 1), 'Asia/Kolkata')).toBe('June 2024');
  });

  it('keeps years before 100 in their century', () => {
    const midYear50 = new Date(0);
    midYear50.setUTCFullYear(50, 5, 16);
    const start = unit('1y').floor(midYear50.getTime());
    expect(new Date(start).toISOString()).toBe('0050-01-01T00:00:00.000Z');
    expect(new Date(unit('1y').next(start)).getUTCFullYear()).toBe(51);
  });
});

describe('unitFor', () => {
  it('picks the finest unit whose buckets are wide enough to read', () => {
    expect(unitFor(DAY / 60, 40).key).toBe('1d'); // 6 hours are 15 px, a day 60
    expect(unitFor(DAY / 10, 40).key).toBe('1w'); // a day is 10 px, a week 70
    expect(unitFor(5 * 365 * DAY, 40).key).toBe('100y'); // the coarsest, however narrow
    expect(coarserUnit(unit('1d'))?.key).toBe('1w');
    expect(coarserUnit(unit('100y'))).toBeNull();
  });
});

describe('bucketEdges', () => {
  it('covers the range with whole buckets', () => {
    const from = Date.UTC(2024, 0, 15);
    const to = Date.UTC(2024, 4, 2);
    const edges = bucketEdges(from, to, unit('1mo'));
    expect(iso(edges[0]!)).toBe('2024-01-01T00:00:00.000Z');
    expect(iso(edges.at(-1)!)).toBe('2024-06-01T00:00:00.000Z');
    expect(edges).toHaveLength(6);
  });
});

import { describe, expect, it } from 'vitest';

import { makeLane } from '../../../../test/builders';
import type { LaneId } from '../../../shared/ids';
import {
  bandToItem,
  countSummary,
  densityLevel,
  formatCount,
  runningToItem,
} from './aggregate-items';
import { BUCKET_UNITS } from './buckets';
import type { Aggregate } from './level-of-detail';

const month = BUCKET_UNITS.find((unit) => unit.key === '1mo')!;
const june = Date.UTC(2024, 5, 1);
const july = Date.UTC(2024, 6, 1);
const bucket = (count: number): Aggregate => ({
  id: `agg|lane-a|1mo|${june}`,
  lane: 'lane-a' as LaneId,
  kind: 'bucket',
  start: june,
  end: july,
  count,
  earliest: june,
});

describe('aggregate items', () => {
  it('write counts to be read at a glance', () => {
    expect(formatCount(7)).toBe('7');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(12_345)).toBe('12.3K');
  });

  it('shade by a fixed log scale, so a pan changes no colour', () => {
    expect([1, 4, 5, 16, 17, 64, 65, 256, 257, 10_000].map(densityLevel)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it('show a bucket in its lane colour, shorter than its period, with a readable summary', () => {
    const band = bandToItem('lane-a' as LaneId, 0, [bucket(1234)], makeLane(), month);
    expect(band).toMatchObject({
      group: 'lane-a',
      color: '#2e6fba',
      selectable: false,
      editable: false,
      start: june,
      end: july,
    });
    const [count] = band.counts;
    expect(count).toMatchObject({ start: june, label: '1,234', level: 5 });
    expect(count!.end).toBeLessThan(july);
    expect(count!.end).toBeGreaterThan(june + (july - june) * 0.7);
    // The lane's title between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (ui/bidi.ts).
    expect(countSummary(band, count!)).toBe(
      '1,234 events in \u2068Diplomacy\u2069, June 2024.\nDouble-click to zoom in.',
    );
  });

  it('say what a band of earlier events is', () => {
    const band: Aggregate = { ...bucket(1), id: 'run|lane-a', kind: 'running' };
    const item = runningToItem(band, makeLane());
    expect(item).toMatchObject({ className: 'agg agg--running', style: '--lane: #2e6fba' });
    expect(item.label).toBe('1 earlier event still running');
    expect(item.end).toBe(july);
  });
});

import { describe, expect, it } from 'vitest';

import type { PartialDate } from '../../../shared/partial-date';
import { datesAfterDrag } from './drag-dates';
import { itemSpan } from './items';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string): number => Date.parse(iso);

describe('a drag on an axis in a zone', () => {
  const zone = 'America/New_York';
  const day = { start: '2024-06-16' as PartialDate, end: null };

  it('moves a day event by whole days from the zone’s midnight', () => {
    const before = itemSpan(day, zone);
    expect(
      datesAfterDrag(day, before, { start: before.start + 2 * DAY + HOUR, end: null }, zone),
    ).toEqual({ start: '2024-06-18', end: null });
  });

  it('reads a resized day range’s edges on the zone’s clock, not UTC’s', () => {
    const range = { start: '2024-06-16' as PartialDate, end: '2024-06-17' as PartialDate };
    const before = itemSpan(range, zone);
    expect(before).toEqual({
      start: at('2024-06-16T04:00Z'),
      end: at('2024-06-18T04:00Z'),
      kind: 'range',
    });
    // The end dragged to 20 June's midnight in New York (04:00 UTC): the range ends on 19 June.
    const after = { start: before.start, end: at('2024-06-20T04:00Z') };
    expect(datesAfterDrag(range, before, after, zone)).toEqual({
      start: '2024-06-16',
      end: '2024-06-19',
    });
  });

  it('keeps a time’s own offset when it is moved', () => {
    const timed = { start: '2024-06-16T09:30+07:00' as PartialDate, end: null };
    const before = itemSpan(timed, zone);
    expect(datesAfterDrag(timed, before, { start: before.start + HOUR, end: null }, zone)).toEqual({
      start: '2024-06-16T10:30+07:00',
      end: null,
    });
  });
});

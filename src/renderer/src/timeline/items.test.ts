import { describe, expect, it } from 'vitest';

import { makeEvent, makeLane } from '../../../../test/builders';
import type { PartialDate } from '../../../shared/partial-date';
import { countName } from './aggregate-items';
import { accessibleName, acrossItsDay, eventToItem, itemSpan } from './items';

const lane = makeLane({ title: 'Russia–North Korea relations' });

describe('what assistive technology hears of an item', () => {
  it('names an event by title, date in words, lane, status and certainty', () => {
    const event = makeEvent({
      title: "Putin's state visit to North Korea",
      start: '2024-06-16' as PartialDate,
      status: 'scheduled',
      certainty: 'confirmed',
    });
    expect(accessibleName(event, lane)).toBe(
      "Putin's state visit to North Korea, 16 June 2024, Russia–North Korea relations, scheduled, confirmed",
    );
    expect(eventToItem(event, lane).name).toBe(accessibleName(event, lane));
    const range = makeEvent({
      start: '2024-06-16' as PartialDate,
      end: '2024-06-19' as PartialDate,
    });
    // Without a lane (one being removed), the name leaves it out.
    expect(accessibleName(range, undefined)).toBe(
      `${range.title}, 16–19 June 2024, ${range.status}, ${range.certainty}`,
    );
  });

  it('names a count by how many events, when and where', () => {
    expect(countName(27, 'March 2024', 'United Nations')).toBe(
      '27 events in March 2024, United Nations',
    );
    expect(countName(1, '16 June 2024', 'War')).toBe('1 event in 16 June 2024, War');
  });
});

describe('a day event drawn across its day', () => {
  it('spans the day from midnight to midnight; other points and periods do not change', () => {
    const day = eventToItem(makeEvent({ start: '2024-06-16' as PartialDate }), lane);
    expect(acrossItsDay(day)).toMatchObject({
      type: 'range',
      start: Date.UTC(2024, 5, 16),
      end: Date.UTC(2024, 5, 17),
    });
    const timed = eventToItem(makeEvent({ start: '2024-06-16T09:30Z' as PartialDate }), lane);
    expect(acrossItsDay(timed)).toBeNull();
    const month = eventToItem(makeEvent({ start: '2024-06' as PartialDate }), lane);
    expect(acrossItsDay(month)).toBeNull();
  });
});

describe('an item’s words in the zone shown', () => {
  const lane = makeLane({ title: 'Diplomacy' });

  it('gives a time in the zone, and a day the same in every zone', () => {
    const timed = makeEvent({ title: 'Talks', start: '2024-06-16T09:30Z' as PartialDate });
    expect(eventToItem(timed, lane, 'Asia/Jakarta').name).toMatch(
      /^Talks, 16 June 2024, 16:30 Asia\/Jakarta \(UTC\+7\), Diplomacy/,
    );
    expect(eventToItem(timed, lane, 'America/New_York').summary).toContain(
      '16 June 2024 at 05:30 America/New_York (UTC-4)',
    );
    const day = makeEvent({ title: 'Visit', start: '2024-06-16' as PartialDate });
    for (const zone of ['UTC', 'Asia/Jakarta', 'America/New_York']) {
      expect(eventToItem(day, lane, zone).name).toMatch(/^Visit, 16 June 2024, Diplomacy/);
    }
  });

  it('draws a calendar date from the zone’s midnight, a time at its instant', () => {
    const day = makeEvent({ start: '2024-06-16' as PartialDate });
    expect(itemSpan(day, 'UTC').start).toBe(Date.parse('2024-06-16T00:00Z'));
    expect(itemSpan(day, 'Asia/Jakarta').start).toBe(Date.parse('2024-06-15T17:00Z'));
    expect(itemSpan(day, 'America/New_York').start).toBe(Date.parse('2024-06-16T04:00Z'));
    expect(itemSpan(day, 'Asia/Kolkata').start).toBe(Date.parse('2024-06-15T18:30Z'));
    const month = makeEvent({ start: '2024-03' as PartialDate });
    // March in London: from GMT midnight to the BST midnight that begins April.
    expect(itemSpan(month, 'Europe/London')).toEqual({
      start: Date.parse('2024-03-01T00:00Z'),
      end: Date.parse('2024-03-31T23:00Z'),
      kind: 'period',
    });
    const timed = makeEvent({ start: '2024-06-16T09:30+07:00' as PartialDate });
    expect(itemSpan(timed, 'America/New_York').start).toBe(Date.parse('2024-06-16T02:30Z'));
  });

  it('spans a day across a clock change as long as it is (London, 31 March 2024: 23 hours)', () => {
    const day = makeEvent({ start: '2024-03-31' as PartialDate });
    const wide = acrossItsDay(eventToItem(day, lane, 'Europe/London'), 'Europe/London');
    expect(wide?.start).toBe(Date.parse('2024-03-31T00:00Z'));
    expect(wide?.end).toBe(Date.parse('2024-03-30T23:00Z') + 24 * 3_600_000);
  });
});

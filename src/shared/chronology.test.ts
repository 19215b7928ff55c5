import { describe, expect, it } from 'vitest';

import { makeEvent } from '../../test/builders';
import {
  chronologyKey,
  chronologySections,
  compareChronology,
  inChronologyOrder,
} from './chronology';
import type { PartialDate } from './partial-date';

const at = (start: string, title = start) => makeEvent({ start: start as PartialDate, title });

describe('the chronology order', () => {
  it('puts events in date order, the wider period first where two begin together', () => {
    const events = [
      at('2024-06-16T09:30Z'),
      at('2024-06-16'),
      at('2022-02'),
      at('2024'),
      at('2024-06'),
      at('2022-02-24'),
      at('2024-01-01'),
    ];
    expect(inChronologyOrder(events).map((event) => event.title)).toEqual([
      '2022-02',
      '2022-02-24',
      '2024',
      '2024-01-01',
      '2024-06',
      '2024-06-16',
      '2024-06-16T09:30Z',
    ]);
  });

  it('groups under years and months, year-only dates first in their year', () => {
    const events = inChronologyOrder([
      at('2022-02-24', 'Invasion'),
      at('2024', 'A year of talks'),
      at('2024-06-18', 'Visit'),
      at('2024-06-19', 'Treaty'),
      at('2024-01-05', 'Missile test'),
      // 02:30 in Pyongyang on 1 July is still 30 June in UTC, the axis's time.
      at('2024-07-01T02:30+09:00', 'Late news'),
    ]);
    const sections = chronologySections(events).map((year) => [
      year.heading,
      year.months.map((month) => [month.heading, month.events.map((event) => event.title)]),
    ]);
    expect(sections).toEqual([
      ['2022', [['February 2022', ['Invasion']]]],
      [
        '2024',
        [
          [null, ['A year of talks']],
          ['January 2024', ['Missile test']],
          ['June 2024', ['Visit', 'Treaty', 'Late news']],
        ],
      ],
    ]);
  });

  it('has no sections for no events', () => {
    expect(chronologySections([])).toEqual([]);
  });
});

describe('the chronology in a zone', () => {
  it('puts a time under the month and before the day it has in the zone', () => {
    const late = at('2024-07-01T02:00Z', 'late on 30 June in New York');
    const day = at('2024-07-01', '1 July');
    expect(chronologyKey(late, 'America/New_York')).toMatchObject({ year: 2024, month: 6 });
    expect(chronologyKey(late)).toMatchObject({ year: 2024, month: 7 });
    expect(chronologyKey(day, 'America/New_York')).toMatchObject({ year: 2024, month: 7 });
    const order = (zone?: string): string[] =>
      [late, day]
        .map((event) => ({ event, id: event.id, key: chronologyKey(event, zone) }))
        .sort(compareChronology)
        .map(({ event }) => event.title);
    expect(order('America/New_York')).toEqual(['late on 30 June in New York', '1 July']);
    expect(order()).toEqual(['1 July', 'late on 30 June in New York']);
  });
});

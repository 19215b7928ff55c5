import { describe, expect, it } from 'vitest';

import { makeEvent, makeLane } from '../../../../test/builders';
import type { LaneId } from '../../../shared/ids';
import type { PartialDate } from '../../../shared/partial-date';
import { SourceSchema, type TimelineEvent } from '../../../shared/schema';
import {
  compileFilter,
  type EventFilter,
  EventFilterSchema,
  filterChips,
  NO_FILTER,
  toggled,
  valueCounts,
} from './event-filter';

const un = makeLane({ id: 'lane-un' as LaneId, title: 'United Nations' });
const russia = makeLane({ id: 'lane-ru' as LaneId, title: 'Russia' });
const source = SourceSchema.parse({ title: 'Report', publisher: 'Reuters' });

const events = {
  veto: makeEvent({
    title: 'Veto',
    laneId: un.id,
    start: '2024-03-28' as PartialDate,
    tags: ['Sanctions', 'UN'],
    actors: ['Vassily Nebenzia'],
    status: 'occurred',
    certainty: 'confirmed',
  }),
  visit: makeEvent({
    title: 'Visit',
    laneId: russia.id,
    start: '2024-06-18' as PartialDate,
    end: '2024-06-19' as PartialDate,
    tags: ['summit'],
    actors: ['Vladimir Putin', 'Kim Jong Un'],
    status: 'scheduled',
    certainty: 'reported',
  }),
  campaign: makeEvent({
    title: 'Campaign',
    laneId: russia.id,
    start: '2022-02' as PartialDate,
    tags: [],
    actors: ['Vladimir Putin'],
    status: 'occurred',
    certainty: 'confirmed',
  }),
};

function titles(filter: Partial<EventFilter>): string[] {
  const passes = compileFilter({ ...NO_FILTER, ...filter });
  return Object.values(events)
    .filter((event: TimelineEvent) => passes === null || passes(event))
    .map((event) => event.title);
}

describe('event filter', () => {
  it('lets everything through when nothing is set', () => {
    expect(compileFilter(NO_FILTER)).toBeNull();
    expect(filterChips(NO_FILTER, [])).toHaveLength(0);
  });

  it('takes any chosen value within a kind, and every kind that is set', () => {
    expect(titles({ hiddenLanes: [un.id] })).toEqual(['Visit', 'Campaign']);
    // Tags and actors ignore case, as the eye does.
    expect(titles({ tags: ['sanctions', 'SUMMIT'] })).toEqual(['Veto', 'Visit']);
    expect(titles({ actors: ['Vladimir Putin'] })).toEqual(['Visit', 'Campaign']);
    expect(titles({ actors: ['Vladimir Putin'], statuses: ['occurred'] })).toEqual(['Campaign']);
    expect(titles({ certainties: ['reported'] })).toEqual(['Visit']);
    expect(titles({ statuses: ['scheduled', 'occurred'], certainties: ['confirmed'] })).toEqual([
      'Veto',
      'Campaign',
    ]);
  });

  it('keeps the events that overlap the date range, each at its own precision', () => {
    // February 2022 as a whole month overlaps a range that starts on its last day.
    expect(titles({ from: '2022-02-28' as PartialDate, to: '2022-03' as PartialDate })).toEqual([
      'Campaign',
    ]);
    // The visit (18–19 June) overlaps a range ending on the 18th; the veto ended before June.
    expect(titles({ from: '2024-06' as PartialDate })).toEqual(['Visit']);
    expect(titles({ to: '2024-06-18' as PartialDate })).toEqual(['Veto', 'Visit', 'Campaign']);
    expect(titles({ to: '2024-06-17' as PartialDate })).toEqual(['Veto', 'Campaign']);
    expect(titles({ from: '2024-06-20' as PartialDate })).toEqual([]);
  });

  it('begins a day at midnight in the zone shown for times; a calendar day is the same everywhere', () => {
    // 22:00 UTC on 16 June is 05:00 on 17 June in Jakarta and 18:00 on 16 June in New York.
    const late = makeEvent({ start: '2024-06-16T22:00Z' as PartialDate, end: null });
    const day = makeEvent({ start: '2024-06-16' as PartialDate, end: null });
    const from17 = (zone: string) =>
      compileFilter({ ...NO_FILTER, from: '2024-06-17' as PartialDate }, zone)!;
    const to16 = (zone: string) =>
      compileFilter({ ...NO_FILTER, to: '2024-06-16' as PartialDate }, zone)!;
    expect([
      from17('UTC')(late),
      from17('Asia/Jakarta')(late),
      from17('America/New_York')(late),
    ]).toEqual([false, true, false]);
    expect([to16('UTC')(late), to16('Asia/Jakarta')(late), to16('America/New_York')(late)]).toEqual(
      [true, false, true],
    );
    for (const zone of ['UTC', 'Asia/Jakarta', 'America/New_York']) {
      expect(from17(zone)(day)).toBe(false);
      expect(to16(zone)(day)).toBe(true);
    }
  });

  it('finds the events without a source', () => {
    const sourced = { ...events.veto, sources: [source] };
    const passes = compileFilter({ ...NO_FILTER, withoutSource: true })!;
    expect(passes(sourced)).toBe(false);
    expect(passes(events.visit)).toBe(true);
  });

  it('names each active part as a chip that removes just that part', () => {
    const filter: EventFilter = {
      ...NO_FILTER,
      hiddenLanes: [un.id],
      tags: ['summit', 'UN'],
      statuses: ['scheduled'],
      from: '2024-06' as PartialDate,
      withoutSource: true,
    };
    const chips = filterChips(filter, [un, russia]);
    expect(chips.map((chip) => chip.label)).toEqual([
      'Lane hidden: United Nations',
      'Tag: summit',
      'Tag: UN',
      'Status: scheduled',
      'From June 2024',
      'Without a source',
    ]);
    expect(chips[2]!.without.tags).toEqual(['summit']);
    expect(chips[0]!.without.hiddenLanes).toEqual([]);
    expect(chips[4]!.without.from).toBeNull();
    expect(filterChips(filter, []).length).toBeGreaterThan(0);
  });

  it('toggles values and counts the story’s tags, most used first', () => {
    const on = toggled(NO_FILTER, 'tags', 'summit', true);
    expect(on.tags).toEqual(['summit']);
    expect(toggled(on, 'tags', 'summit', false).tags).toEqual([]);
    expect(valueCounts(Object.values(events), (event) => event.actors)).toEqual([
      { value: 'Vladimir Putin', count: 2 },
      { value: 'Kim Jong Un', count: 1 },
      { value: 'Vassily Nebenzia', count: 1 },
    ]);
  });

  it('reads a kept filter only when it is whole and sound', () => {
    const kept = { ...NO_FILTER, tags: ['UN'], from: '2024-06' };
    expect(EventFilterSchema.parse(kept).tags).toEqual(['UN']);
    expect(EventFilterSchema.safeParse({ ...kept, from: '2024-13' }).success).toBe(false);
    expect(EventFilterSchema.safeParse({ ...kept, statuses: ['maybe'] }).success).toBe(false);
    expect(EventFilterSchema.safeParse(null).success).toBe(false);
  });
});

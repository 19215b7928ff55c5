/**
 * The filters a user can set besides the search: lanes hidden, tags, actors, status, certainty,
 * a date range, and "without a source". Within one kind any chosen value lets an event through
 * (tag "sanctions" or tag "UN"); the kinds combine, so an event must pass every kind that is set.
 * Pure: the filter is a value, `compileFilter` turns it into a test of one event, and
 * `filterChips` names each active part, with the filter that is left when it is removed.
 */
import { z } from 'zod';

import type { LaneId } from '../../../shared/ids';
import {
  formatPartialDate,
  mustParse,
  parsePartialDate,
  type PartialDate,
} from '../../../shared/partial-date';
import {
  CERTAINTIES,
  type Certainty,
  EVENT_STATUSES,
  type EventStatus,
  type Lane,
  type TimelineEvent,
} from '../../../shared/schema';
import { instantOfWallTime, UTC_ZONE } from '../../../shared/time-zone';
import { itemSpan } from '../timeline/items';

export interface EventFilter {
  readonly hiddenLanes: readonly LaneId[];
  readonly tags: readonly string[];
  readonly actors: readonly string[];
  readonly statuses: readonly EventStatus[];
  readonly certainties: readonly Certainty[];
  /** Events that end on or after the start of this date… */
  readonly from: PartialDate | null;
  /** …and begin on or before its end. */
  readonly to: PartialDate | null;
  readonly withoutSource: boolean;
}

export const NO_FILTER: EventFilter = {
  hiddenLanes: [],
  tags: [],
  actors: [],
  statuses: [],
  certainties: [],
  from: null,
  to: null,
  withoutSource: false,
};

const text = z.string().max(200);
const date = z
  .string()
  .refine((value) => parsePartialDate(value) !== null)
  .transform((value) => value as PartialDate);

/** A filter kept from an earlier run (view state is outside input: checked, never trusted). */
export const EventFilterSchema = z.object({
  hiddenLanes: z
    .array(text)
    .max(1000)
    .transform((ids) => ids as LaneId[]),
  tags: z.array(text).max(1000),
  actors: z.array(text).max(1000),
  statuses: z.array(z.enum(EVENT_STATUSES)),
  certainties: z.array(z.enum(CERTAINTIES)),
  from: date.nullable(),
  to: date.nullable(),
  withoutSource: z.boolean(),
});

/** "UN" and "un" are one tag to a filter, as they are to the eye. */
function fold(value: string): string {
  return value.toLocaleLowerCase('en');
}

/**
 * The test an event must pass; null when the filter lets every event through. The date range's
 * days are days of the calendar for calendar dates (16 June is 16 June in every zone) and begin
 * at midnight in `zone`, the zone the window shows times in, for dates with a time.
 */
export function compileFilter(
  filter: EventFilter,
  zone: string = UTC_ZONE,
): ((event: TimelineEvent) => boolean) | null {
  const tests: ((event: TimelineEvent) => boolean)[] = [];
  if (filter.hiddenLanes.length > 0) {
    const hidden = new Set<string>(filter.hiddenLanes);
    tests.push((event) => !hidden.has(event.laneId));
  }
  const anyOf = (
    wanted: readonly string[],
    values: (event: TimelineEvent) => readonly string[],
  ) => {
    if (wanted.length === 0) return;
    const folded = new Set(wanted.map(fold));
    tests.push((event) => values(event).some((value) => folded.has(fold(value))));
  };
  anyOf(filter.tags, (event) => event.tags);
  anyOf(filter.actors, (event) => event.actors);
  if (filter.statuses.length > 0) {
    const statuses = new Set(filter.statuses);
    tests.push((event) => statuses.has(event.status));
  }
  if (filter.certainties.length > 0) {
    const certainties = new Set(filter.certainties);
    tests.push((event) => certainties.has(event.certainty));
  }
  // itemSpan reads each calendar date once, so 100,000 events are tested in milliseconds.
  if (filter.from !== null) {
    const from = edgeIn(zone, mustParse(filter.from).earliest);
    tests.push((event) => {
      const span = itemSpan(event);
      return (span.end ?? span.start + 1) > from(event.end ?? event.start);
    });
  }
  if (filter.to !== null) {
    const to = edgeIn(zone, mustParse(filter.to).latestExclusive);
    tests.push((event) => itemSpan(event).start < to(event.start));
  }
  if (filter.withoutSource) tests.push((event) => event.sources.length === 0);
  if (tests.length === 0) return null;
  return (event) => tests.every((test) => test(event));
}

/**
 * A day's edge (a UTC midnight) as an event's date at that edge is compared with it: as it is for
 * a calendar date, as the same midnight in `zone` for a date with a time ("2024-06-16T22:00Z").
 */
function edgeIn(zone: string, midnight: number): (date: PartialDate) => number {
  const inZone = zone === UTC_ZONE ? midnight : instantOfWallTime(zone, midnight);
  return (date) => (date.length > 10 ? inZone : midnight);
}

export interface FilterChip {
  /** Stable while the chip is shown: "tag:sanctions". */
  readonly key: string;
  /** What the chip reads: "Tag: sanctions", "Lane hidden: United Nations". */
  readonly label: string;
  /** The filter without this part. */
  readonly without: EventFilter;
}

/** One chip per active part of the filter, in the panel's order. */
export function filterChips(filter: EventFilter, lanes: readonly Lane[]): FilterChip[] {
  const chips: FilterChip[] = [];
  const laneTitle = (id: LaneId): string => lanes.find((lane) => lane.id === id)?.title ?? id;
  const each = <K extends 'hiddenLanes' | 'tags' | 'actors' | 'statuses' | 'certainties'>(
    key: K,
    name: string,
    show: (value: EventFilter[K][number]) => string,
  ): void => {
    const values = filter[key] as readonly EventFilter[K][number][];
    for (const value of values) {
      chips.push({
        key: `${key}:${value}`,
        label: `${name}: ${show(value)}`,
        without: { ...filter, [key]: values.filter((other) => other !== value) },
      });
    }
  };
  each('hiddenLanes', 'Lane hidden', (id) => laneTitle(id as LaneId));
  each('tags', 'Tag', (tag) => tag as string);
  each('actors', 'Actor', (actor) => actor as string);
  each('statuses', 'Status', (status) => status as string);
  each('certainties', 'Certainty', (certainty) => certainty as string);
  if (filter.from !== null) {
    chips.push({
      key: 'from',
      label: `From ${formatPartialDate(filter.from)}`,
      without: { ...filter, from: null },
    });
  }
  if (filter.to !== null) {
    chips.push({
      key: 'to',
      label: `Until ${formatPartialDate(filter.to)}`,
      without: { ...filter, to: null },
    });
  }
  if (filter.withoutSource) {
    chips.push({
      key: 'withoutSource',
      label: 'Without a source',
      without: { ...filter, withoutSource: false },
    });
  }
  return chips;
}

/** The filter with `value` added to or taken from one of its lists. */
export function toggled<K extends 'hiddenLanes' | 'tags' | 'actors' | 'statuses' | 'certainties'>(
  filter: EventFilter,
  key: K,
  value: EventFilter[K][number],
  on: boolean,
): EventFilter {
  const values = filter[key] as readonly EventFilter[K][number][];
  const rest = values.filter((other) => other !== value);
  return { ...filter, [key]: on ? [...rest, value] : rest };
}

/** The tags (or actors) of the story with how many events carry each, most used first. */
export function valueCounts(
  events: Iterable<TimelineEvent>,
  values: (event: TimelineEvent) => readonly string[],
): { value: string; count: number }[] {
  const counts = new Map<string, { value: string; count: number }>();
  for (const event of events) {
    for (const value of values(event)) {
      const key = fold(value);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { value, count: 1 });
    }
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || a.value.localeCompare(b.value, 'en'),
  );
}

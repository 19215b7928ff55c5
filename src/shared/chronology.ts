/**
 * The chronology's order and sections: events by date, grouped under years and months. A date
 * stands for its period, so the wider period comes first where two begin together ("2024", then
 * "June 2024", then "1 June 2024"); an event dated only by its year sits under the year heading,
 * before the months. The window's list and the Markdown and HTML exports share these.
 */
import type { EventId } from './ids';
import { formatPartialDate, mustParse, partialDateFromInstant } from './partial-date';
import type { TimelineEvent } from './schema';
import { instantOfWallTime, UTC_ZONE, wallClock } from './time-zone';

export interface ChronologyKey {
  /** First and first-after instants of the start's period, in epoch ms. */
  readonly earliest: number;
  readonly latest: number;
  /** The UTC year and month (1-12) the start falls in; month null for a year-only date. */
  readonly year: number;
  readonly month: number | null;
}

/**
 * Where an event's start sorts and which heading it sits under, with times read in `zone` (UTC
 * unless told): a calendar date keeps its own year and month and sorts from the zone's midnight,
 * as the timeline draws it, so a late-evening time sorts before the next day's events.
 */
export function chronologyKey(event: Pick<TimelineEvent, 'start'>, zone = UTC_ZONE): ChronologyKey {
  const start = mustParse(event.start);
  const month = start.precision === 'year' ? null : 0;
  const calendar = event.start.length <= 10;
  // A calendar date or a UTC time names its UTC year and month; an offset may move them.
  if (calendar || (zone === UTC_ZONE && event.start.endsWith('Z'))) {
    const year = Number(event.start.slice(0, 4));
    const onAxis = (edge: number): number =>
      calendar && zone !== UTC_ZONE ? instantOfWallTime(zone, edge) : edge;
    return {
      earliest: onAxis(start.earliest),
      latest: onAxis(start.latestExclusive),
      year,
      month: month === null ? null : Number(event.start.slice(5, 7)),
    };
  }
  const at = wallClock(zone, start.earliest);
  return {
    earliest: start.earliest,
    latest: start.latestExclusive,
    year: at.getUTCFullYear(),
    month: month === null ? null : at.getUTCMonth() + 1,
  };
}

export interface Keyed {
  readonly key: ChronologyKey;
  readonly id: EventId;
}

/** Date order: earliest first, the wider period first when two begin together, then by id. */
export function compareChronology(a: Keyed, b: Keyed): number {
  return (
    a.key.earliest - b.key.earliest ||
    b.key.latest - a.key.latest ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The events in chronology order (a new array). */
export function inChronologyOrder<T extends TimelineEvent>(events: Iterable<T>): T[] {
  const keyed = [...events].map((event) => ({ event, id: event.id, key: chronologyKey(event) }));
  return keyed.sort(compareChronology).map(({ event }) => event);
}

/** True when the second key starts a new year, or a new month within the same year. */
export function startsYear(before: ChronologyKey | null, key: ChronologyKey): boolean {
  return before === null || before.year !== key.year;
}

export function startsMonth(before: ChronologyKey | null, key: ChronologyKey): boolean {
  return key.month !== null && (startsYear(before, key) || before?.month !== key.month);
}

export function yearHeading(key: ChronologyKey): string {
  return String(key.year);
}

/** "June 2024". */
export function monthHeading(key: ChronologyKey): string {
  return formatPartialDate(partialDateFromInstant(key.earliest, 'month'));
}

export interface ChronologyMonth {
  /** "June 2024"; null for the events dated only by their year, first in their year. */
  readonly heading: string | null;
  readonly events: readonly TimelineEvent[];
}

export interface ChronologyYear {
  readonly heading: string;
  readonly months: readonly ChronologyMonth[];
}

/** Events already in chronology order, grouped under their years and months. */
export function chronologySections(events: readonly TimelineEvent[]): ChronologyYear[] {
  const years: {
    heading: string;
    months: { heading: string | null; events: TimelineEvent[] }[];
  }[] = [];
  let year: (typeof years)[number] | undefined;
  let month: { heading: string | null; events: TimelineEvent[] } | undefined;
  let before: ChronologyKey | null = null;
  for (const event of events) {
    const key = chronologyKey(event);
    if (year === undefined || startsYear(before, key)) {
      year = { heading: yearHeading(key), months: [] };
      years.push(year);
      month = undefined;
    }
    if (month === undefined || startsMonth(before, key)) {
      month = { heading: key.month === null ? null : monthHeading(key), events: [] };
      year.months.push(month);
    }
    month.events.push(event);
    before = key;
  }
  return years;
}

/**
 * The pure mapping from domain events and lanes to timeline items and groups. No vis import:
 * timeline-view.ts feeds these objects to vis-timeline, and its template renders them as text.
 */
import { datesInWords } from '../../../shared/date-words';
import type { EventId, LaneId } from '../../../shared/ids';
import {
  formatPartialDate,
  mustParse,
  type ParsedDate,
  type PartialDate,
  type Precision,
} from '../../../shared/partial-date';
import type { Certainty, EventStatus, Lane, TimelineEvent } from '../../../shared/schema';
import { instantOfWallTime, UTC_ZONE, wallClock } from '../../../shared/time-zone';
import { isolateText } from '../ui/bidi';

/** point: a day or finer instant; period: a month or year with no end; range: has an end. */
export type ItemKind = 'point' | 'period' | 'range';

export interface ItemSpan {
  readonly start: number;
  /** Exclusive end in epoch ms; null for a point. */
  readonly end: number | null;
  readonly kind: ItemKind;
}

export interface EventItem {
  readonly id: EventId;
  readonly group: LaneId;
  readonly type: 'box' | 'range';
  readonly start: number;
  readonly end?: number;
  /** Always empty: the template builds the visible text from `label`. */
  readonly content: '';
  readonly className: string;
  /** Only our own CSS custom property with a schema-checked #rrggbb colour. */
  readonly style: string;
  readonly label: string;
  readonly summary: string;
  /** What assistive technology names the item: title, dates in words, lane, status, certainty. */
  readonly name: string;
  readonly status: EventStatus;
  readonly certainty: Certainty;
  readonly precision: Precision;
  readonly kind: ItemKind;
}

export interface LaneGroup {
  readonly id: LaneId;
  readonly content: '';
  readonly order: number;
  readonly laneTitle: string;
  readonly color: string;
  /** True while a filter hides the lane's events (its label stays, to show them again). */
  readonly eventsHidden?: boolean;
}

const FALLBACK_COLOUR = '#6b7280';

/**
 * Calendar dates read once: a story of 100,000 events has a few thousand distinct days, months
 * and years, so loading one parses each once. Dates with a time are read each time (few repeat).
 */
const calendarDates = new Map<string, ParsedDate>();

function parse(date: PartialDate): ParsedDate {
  if (date.length > 10) return mustParse(date);
  let parsed = calendarDates.get(date);
  if (parsed === undefined) {
    parsed = mustParse(date);
    if (calendarDates.size < 100_000) calendarDates.set(date, parsed);
  }
  return parsed;
}

/**
 * Where an event sits on the time axis, honest about precision. A time is its instant; a calendar
 * date is drawn from the midnight its day (month, year) begins with in the zone the axis is in,
 * so 16 June sits under "16 June" on the axis in every zone.
 */
export function itemSpan(event: Pick<TimelineEvent, 'start' | 'end'>, zone = UTC_ZONE): ItemSpan {
  const start = parse(event.start);
  const from = onAxis(start, start.earliest, zone);
  if (event.end !== null) {
    const end = parse(event.end);
    return { start: from, end: onAxis(end, end.latestExclusive, zone), kind: 'range' };
  }
  if (start.precision === 'year' || start.precision === 'month') {
    return { start: from, end: onAxis(start, start.latestExclusive, zone), kind: 'period' };
  }
  return { start: from, end: null, kind: 'point' };
}

/** A calendar date's edge (a UTC midnight) as the same midnight in the zone; a time as it is. */
function onAxis(date: ParsedDate, edge: number, zone: string): number {
  const calendar =
    date.precision === 'year' || date.precision === 'month' || date.precision === 'day';
  return calendar && zone !== UTC_ZONE ? instantOfWallTime(zone, edge) : edge;
}

/** An instant on the axis in a zone as the UTC instant of the same wall clock (calendar dates). */
export function calendarInstant(instant: number, zone: string): number {
  return zone === UTC_ZONE ? instant : wallClock(zone, instant).getTime();
}

/** The item of an event; its words give times in `zone` (calendar dates read the same in all). */
export function eventToItem(
  event: TimelineEvent,
  lane: Lane | undefined,
  zone = UTC_ZONE,
): EventItem {
  const span = itemSpan(event, zone);
  const precision = parse(event.start).precision;
  const item: EventItem = {
    id: event.id,
    group: event.laneId,
    type: span.end === null ? 'box' : 'range',
    start: span.start,
    content: '',
    className: `ev ev--${span.kind} ev--${event.status} ev--${event.certainty}`,
    style: laneStyle(lane),
    label: event.title,
    summary: describeEvent(event, zone),
    name: accessibleName(event, lane, zone),
    status: event.status,
    certainty: event.certainty,
    precision,
    kind: span.kind,
  };
  return span.end === null ? item : { ...item, end: span.end };
}

const DAY = 86_400_000;

/**
 * A day-precision point drawn across its whole day, [day start, next day start), once the view
 * is zoomed in far enough that a day is wider than its box (timeline-model.ts decides): centred
 * on midnight it would claim an instant the date does not know. Its dates stay as they are.
 */
export function acrossItsDay(item: EventItem, zone = UTC_ZONE): EventItem | null {
  if (item.kind !== 'point' || item.precision !== 'day') return null;
  // The next midnight in the zone: a day is 23 or 25 hours long where the clocks change.
  const end =
    zone === UTC_ZONE
      ? item.start + DAY
      : instantOfWallTime(zone, calendarInstant(item.start, zone) + DAY);
  return {
    ...item,
    type: 'range',
    end,
    className: item.className.replace('ev--point', 'ev--day'),
  };
}

/** The same item drawn in its lane's (new) colour. */
export function withLaneColour(item: EventItem, lane: Lane): EventItem {
  return { ...item, style: laneStyle(lane) };
}

function laneStyle(lane: Lane | undefined): string {
  return `--lane: ${lane?.color ?? FALLBACK_COLOUR}`;
}

export function laneToGroup(lane: Lane, index: number): LaneGroup {
  return { id: lane.id, content: '', order: index, laneTitle: lane.title, color: lane.color };
}

/** E.g. "Putin's state visit to North Korea, 16 June 2024, Russia–North Korea relations, scheduled, confirmed". */
export function accessibleName(
  event: TimelineEvent,
  lane: Lane | undefined,
  zone = UTC_ZONE,
): string {
  const when = datesInWords(event.start, event.end, zone);
  const parts = [event.title, when, lane?.title, event.status, event.certainty];
  return parts.filter((part) => part !== undefined && part !== '').join(', ');
}

/** The id of an event's option (its item's body), for aria-activedescendant. */
export function optionId(id: EventId): string {
  return `event-option-${id}`;
}

/** A plain-text summary for the item's native tooltip: title, dates, status and certainty. */
export function describeEvent(event: TimelineEvent, zone = UTC_ZONE): string {
  const when = describeDates(event, zone);
  return `${isolateText(event.title)}\n${when}\n${capitalise(event.status)} · ${event.certainty}`;
}

export function describeDates(
  event: Pick<TimelineEvent, 'start' | 'end'>,
  zone = UTC_ZONE,
): string {
  const start = formatPartialDate(event.start, 'en-GB', zone);
  return event.end === null ? start : `${start} – ${formatPartialDate(event.end, 'en-GB', zone)}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

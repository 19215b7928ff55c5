/**
 * What a drag on the timeline means in partial dates. A move shifts the dates and keeps their
 * precision; a resize rounds the dragged edge to the precision of the date it changes.
 */
import {
  endsBeforeStart,
  mustParse,
  type PartialDate,
  partialDateEndingAt,
  partialDateFromInstant,
  type Precision,
  roundInstant,
  shiftPartialDate,
  writtenOffset,
} from '../../../shared/partial-date';
import type { TimelineEvent } from '../../../shared/schema';
import { UTC_ZONE } from '../../../shared/time-zone';
import { calendarInstant, type ItemSpan } from './items';

export interface DraggedDates {
  readonly start: PartialDate;
  readonly end: PartialDate | null;
}

/**
 * The dates after an item went from `before` to `after` (instants in epoch ms, on an axis in
 * `zone`, where calendar dates begin at the zone's midnights: see items.ts).
 */
export function datesAfterDrag(
  event: Pick<TimelineEvent, 'start' | 'end'>,
  before: ItemSpan,
  after: { readonly start: number; readonly end: number | null },
  zone = UTC_ZONE,
): DraggedDates {
  const startDelta = after.start - before.start;
  if (before.end === null || after.end === null) {
    return { start: shiftPartialDate(event.start, startDelta), end: event.end };
  }
  const endDelta = after.end - before.end;
  if (startDelta === endDelta) {
    return {
      start: shiftPartialDate(event.start, startDelta),
      end: event.end === null ? null : shiftPartialDate(event.end, endDelta),
    };
  }
  // A resize: the untouched edge keeps its date; a period without end gains one (itself).
  const startPrecision = mustParse(event.start).precision;
  const endDate = event.end ?? event.start;
  const endPrecision = mustParse(endDate).precision;
  const start =
    startDelta === 0
      ? event.start
      : partialDateFromInstant(
          roundInstant(onCalendar(after.start, startPrecision, zone), startPrecision),
          startPrecision,
          writtenOffset(event.start) ?? 0,
        );
  const end =
    endDelta === 0
      ? endDate
      : partialDateEndingAt(onCalendar(after.end, endPrecision, zone), endPrecision);
  return { start, end: end === start ? null : end };
}

/** An axis instant as calendar dates read it (the zone's wall clock); a time as it is. */
function onCalendar(instant: number, precision: Precision, zone: string): number {
  const calendar = precision === 'year' || precision === 'month' || precision === 'day';
  return calendar ? calendarInstant(instant, zone) : instant;
}

/** True when the dates would put the end before the start. */
export function isBackwards(dates: DraggedDates): boolean {
  return dates.end !== null && endsBeforeStart(dates.start, dates.end);
}

/** True when a drag changed nothing once rounded to the events' precision. */
export function isUnchanged(
  event: Pick<TimelineEvent, 'start' | 'end'>,
  dates: DraggedDates,
): boolean {
  return event.start === dates.start && event.end === dates.end;
}

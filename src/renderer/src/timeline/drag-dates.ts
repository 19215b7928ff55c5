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
  roundInstant,
  shiftPartialDate,
  writtenOffset,
} from '../../../shared/partial-date';
import type { TimelineEvent } from '../../../shared/schema';
import type { ItemSpan } from './items';

export interface DraggedDates {
  readonly start: PartialDate;
  readonly end: PartialDate | null;
}

/** The dates after an item went from `before` to `after` (instants in epoch ms). */
export function datesAfterDrag(
  event: Pick<TimelineEvent, 'start' | 'end'>,
  before: ItemSpan,
  after: { readonly start: number; readonly end: number | null },
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
  const start =
    startDelta === 0
      ? event.start
      : partialDateFromInstant(
          roundInstant(after.start, startPrecision),
          startPrecision,
          writtenOffset(event.start) ?? 0,
        );
  const end =
    endDelta === 0 ? endDate : partialDateEndingAt(after.end, mustParse(endDate).precision);
  return { start, end: end === start ? null : end };
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

/**
 * An event's dates from what Markwhen's parser made of them: the range it worked out (ISO
 * date-times in the file's time zone, the end exclusive) is the truth, and the date as written
 * gives the precision.
 * - An EDTF date (2024, 2024-06, 2024-06-16) is that year, month or day as written; a date with a
 *   time (2024-06-16 09:30, 2024-06-16T09:30:15Z) is an instant at the zone's offset, with
 *   seconds when written with them. A range keeps each end as written.
 * - Any other form (June 5, 2024; 03/2023 - 1 year; after !id 3 days; now) is read at the
 *   coarsest precision on which the range Markwhen worked out starts and ends: whole years,
 *   months or days, else instants.
 * Dates outside the years 1 to 9999 give null.
 */
import type { DateRangeIso } from '@markwhen/parser';

import { mustParse, type PartialDate } from '../partial-date';
import {
  CALENDAR_PRECISIONS,
  calendarDate,
  type CalendarPrecision,
  instantDate,
  utcDate,
  type WallTime,
} from './import-dates';

export interface MarkwhenDates {
  readonly start: PartialDate;
  readonly end: PartialDate | null;
}

export function markwhenDates(datePart: string, range: DateRangeIso): MarkwhenDates | null {
  const from = readWall(range.fromDateTimeIso);
  const to = readWall(range.toDateTimeIso);
  if (from === null || to === null) return null;
  const [startText, endText] = splitRange(datePart.trim());
  const start = startText === undefined ? null : writtenSide(startText);
  if (start === null || start.kind === 'other') return wholeRange(from, to);
  const startDate = sideDate(start, from);
  if (startDate === null || (start.kind === 'calendar' && !startsPeriod(from, startDate))) {
    return wholeRange(from, to);
  }
  const end = endText === undefined ? null : writtenSide(endText);
  if (end === null) {
    if (start.kind === 'time') return { start: startDate, end: laterInstant(from, to, false) };
    return endsPeriod(to, startDate) ? { start: startDate, end: null } : wholeRange(from, to);
  }
  if (end.kind === 'time') {
    // After a calendar start, a time may end the range at the start's first instant: it still
    // ends it (2024-06-16 / 2024-06-16 00:00 is that midnight).
    if (start.kind === 'calendar' && instantMs(to) === instantMs(from)) {
      return { start: startDate, end: instantDate(to, to.offset, end.seconds || undefined) };
    }
    return { start: startDate, end: laterInstant(from, to, end.seconds) };
  }
  if (end.kind === 'calendar') {
    const endDate = sideDate(end, to);
    if (endDate === null || !endsPeriod(to, endDate)) return wholeRange(from, to);
    return { start: startDate, end: endDate === startDate ? null : endDate };
  }
  // A relative end ("/ 6 months", "- now") after a calendar start shorter than its own period
  // reads better as one range at a common precision.
  if (start.kind === 'calendar' && wallMs(to) < mustParse(startDate).latestExclusive) {
    return wholeRange(from, to);
  }
  return { start: startDate, end: endOf(from, to) };
}

/** Wall-clock fields of an ISO date-time, with its offset in minutes. */
interface Wall extends WallTime {
  readonly millisecond: number;
  readonly offset: number;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?(Z|[+-]\d{2}:\d{2})$/;

function readWall(iso: string): Wall | null {
  const match = ISO.exec(iso);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = '0', zone = 'Z'] = match;
  const sign = zone.startsWith('-') ? -1 : 1;
  const offset = zone === 'Z' ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  const wall: Wall = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.padEnd(3, '0')),
    offset,
  };
  return wall.year >= 1 ? wall : null;
}

type Side =
  | { readonly kind: 'calendar'; readonly text: string }
  | { readonly kind: 'time'; readonly seconds: boolean }
  | { readonly kind: 'other' };

const EDTF_DATE = String.raw`\d{4}(?:-\d{2}(?:-\d{2})?)?`;
const CLOCK = String.raw`(?:T|\s+)\d{1,2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?`;
const SIDE = new RegExp(String.raw`^(${EDTF_DATE})(${CLOCK})?$`, 'i');
const RANGE = new RegExp(String.raw`^(${EDTF_DATE}(?:${CLOCK})?)\s*(?:/|-|\bto\b)\s*(.+)$`, 'i');

/** The start and the end as written; a date that is not an EDTF range is its start alone. */
function splitRange(text: string): [string | undefined, string | undefined] {
  if (SIDE.test(text)) return [text, undefined];
  const match = RANGE.exec(text);
  return match ? [match[1], match[2]] : [text, undefined];
}

function writtenSide(text: string): Side {
  const match = SIDE.exec(text.trim());
  if (!match) return { kind: 'other' };
  const [, date = '', clock] = match;
  if (clock === undefined) return { kind: 'calendar', text: date };
  return { kind: 'time', seconds: /:\d{2}:\d{2}/.test(clock) };
}

function sideDate(side: Side, wall: Wall): PartialDate | null {
  if (side.kind === 'calendar')
    return calendarDate(calendarFields(side.text), precisionOf(side.text));
  return instantDate(wall, wall.offset, side.kind === 'time' && side.seconds ? true : undefined);
}

function calendarFields(text: string): { year: number; month: number; day: number } {
  const [year = 1, month = 1, day = 1] = text.split('-').map(Number);
  return { year, month, day };
}

function precisionOf(text: string): CalendarPrecision {
  return text.length === 4 ? 'year' : text.length === 7 ? 'month' : 'day';
}

/** An end instant after the start, or null when the range is one instant. */
function laterInstant(from: Wall, to: Wall, seconds: boolean): PartialDate | null {
  if (instantMs(to) <= instantMs(from)) return null;
  return instantDate(to, to.offset, seconds || to.second !== 0);
}

/** The range at the coarsest precision both ends fall on, else as instants. */
function wholeRange(from: Wall, to: Wall): MarkwhenDates | null {
  if (isMidnight(from) && isMidnight(to) && wallMs(to) > wallMs(from)) {
    const precision = CALENDAR_PRECISIONS.find((p) => aligned(from, p) && aligned(to, p)) ?? 'day';
    const start = calendarDate(from, precision);
    const last = calendarDate(previous(to, precision), precision);
    if (start === null || last === null) return null;
    return { start, end: last === start ? null : last };
  }
  const start = instantDate(from, from.offset);
  if (start === null) return null;
  return { start, end: laterInstant(from, to, false) };
}

/** An end worked out on its own: the last whole year, month or day before it, or its instant. */
function endOf(from: Wall, to: Wall): PartialDate | null {
  if (isMidnight(to)) {
    for (const precision of CALENDAR_PRECISIONS) {
      const last = previous(to, precision);
      if (aligned(to, precision) && wallMs(last) >= wallMs(from)) {
        return calendarDate(last, precision);
      }
    }
  }
  return laterInstant(from, to, false);
}

/** True when a calendar date's period starts at this wall time. */
function startsPeriod(wall: Wall, date: PartialDate): boolean {
  return isMidnight(wall) && wallMs(wall) === mustParse(date).earliest;
}

/** True when a calendar date's period ends (exclusively) at this wall time. */
function endsPeriod(wall: Wall, date: PartialDate): boolean {
  return isMidnight(wall) && wallMs(wall) === mustParse(date).latestExclusive;
}

function isMidnight(wall: Wall): boolean {
  return wall.hour === 0 && wall.minute === 0 && wall.second === 0 && wall.millisecond === 0;
}

function aligned(wall: Wall, precision: CalendarPrecision): boolean {
  if (precision === 'year') return wall.month === 1 && wall.day === 1;
  if (precision === 'month') return wall.day === 1;
  return true;
}

/** The start of the year, month or day before a midnight that starts one. */
function previous(wall: Wall, precision: CalendarPrecision): Wall {
  const date =
    precision === 'year'
      ? utcDate(wall.year - 1, 1, 1)
      : precision === 'month'
        ? utcDate(wall.year, wall.month - 1, 1)
        : utcDate(wall.year, wall.month, wall.day - 1);
  return {
    ...wall,
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  };
}

/** The instant a wall-clock time names. */
function instantMs(wall: Wall): number {
  return wallMs(wall) - wall.offset * 60_000;
}

/** The wall-clock time as if it were UTC, to compare wall times and calendar dates. */
function wallMs(wall: Wall): number {
  return utcDate(
    wall.year,
    wall.month,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    wall.millisecond,
  ).getTime();
}

/**
 * Dates that calendar formats (iCalendar, Markwhen) give as wall-clock fields, written as partial
 * dates: a calendar date as itself, a time as the instant it names, to the minute (to the second
 * when it has seconds) with the UTC offset it had there ("Z" for UTC). Years outside 1 to 9999,
 * which a partial date cannot hold, give null.
 */
import { isPartialDate, type PartialDate, type Precision } from '../partial-date';

export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface WallTime extends CalendarDay {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export type CalendarPrecision = Extract<Precision, 'year' | 'month' | 'day'>;

/** Coarsest first: the order in which a span is tried for whole years, months, then days. */
export const CALENDAR_PRECISIONS: readonly CalendarPrecision[] = ['year', 'month', 'day'];

/** The day, month or year that starts on `day`, as a partial date. */
export function calendarDate(
  day: CalendarDay,
  precision: CalendarPrecision = 'day',
): PartialDate | null {
  const parts = [pad(day.year, 4), pad(day.month, 2), pad(day.day, 2)];
  const length = precision === 'year' ? 1 : precision === 'month' ? 2 : 3;
  return checked(parts.slice(0, length).join('-'));
}

/**
 * A wall-clock time at a UTC offset (in minutes, east positive) as an instant; seconds are kept
 * only when there are some. An offset a partial date cannot write gives null.
 */
export function instantDate(
  time: WallTime,
  offsetMinutes: number,
  withSeconds = time.second !== 0,
): PartialDate | null {
  const zone = offsetText(offsetMinutes);
  if (zone === null) return null;
  const date = calendarDate(time);
  if (date === null) return null;
  const clock = [
    pad(time.hour, 2),
    pad(time.minute, 2),
    ...(withSeconds ? [pad(time.second, 2)] : []),
  ];
  return checked(`${date}T${clock.join(':')}${zone}`);
}

/** "Z", "+07:00", "-03:30"; null past ±14:00 or for a fraction of a minute. */
export function offsetText(minutes: number): string | null {
  if (!Number.isInteger(minutes) || Math.abs(minutes) > 14 * 60) return null;
  if (minutes === 0) return 'Z';
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(size / 60), 2)}:${pad(size % 60, 2)}`;
}

/** The day `days` days after (or before, when negative) `day`. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = utcDate(day.year, day.month, day.day + days);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** A Date for these UTC fields; years 0-99 are not taken as 1900-1999, as Date.UTC does. */
export function utcDate(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date;
}

function pad(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}

function checked(text: string): PartialDate | null {
  return isPartialDate(text) ? text : null;
}

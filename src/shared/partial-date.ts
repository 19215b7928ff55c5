/**
 * Dates at the precision that is known: "2024", "2024-03", "2024-06-16", "2024-06-16T09:30Z".
 * The precision is part of the value; a partial date stands for every instant of its period.
 * Calendar dates (year, month, day) are read as UTC periods, so they never shift with a time zone.
 */
import { offsetSuffix, UTC_ZONE, zoneName } from './time-zone';

export type PartialDate = string & { readonly __brand: 'PartialDate' };

export const PRECISIONS = ['year', 'month', 'day', 'minute', 'second'] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface ParsedDate {
  readonly text: PartialDate;
  readonly precision: Precision;
  /** First instant of the period, in epoch milliseconds. */
  readonly earliest: number;
  /** First instant after the period (exclusive end), in epoch milliseconds. */
  readonly latestExclusive: number;
}

const PATTERN =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Parses a partial date; returns null when the text is not one (wrong shape or impossible day). */
export function parsePartialDate(text: string): ParsedDate | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, zone] = m;
  const year = Number(y);
  if (year < 1) return null;
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const date = text as PartialDate;
  if (mo === undefined) {
    return period(date, 'year', utc(year, 1, 1), utc(year + 1, 1, 1));
  }
  if (d === undefined) {
    return period(date, 'month', utc(year, month, 1), utc(year, month + 1, 1));
  }
  if (hh === undefined || mi === undefined || zone === undefined) {
    const start = utc(year, month, day);
    return period(date, 'day', start, start + DAY);
  }
  const hour = Number(hh);
  const minute = Number(mi);
  const second = ss === undefined ? 0 : Number(ss);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return null;
  const start = utc(year, month, day) + ((hour * 60 + minute - offset) * 60 + second) * 1000;
  return ss === undefined
    ? period(date, 'minute', start, start + MINUTE)
    : period(date, 'second', start, start + 1000);
}

export function isPartialDate(text: string): text is PartialDate {
  return parsePartialDate(text) !== null;
}

/** Parses a value already known to be valid (it came through the schema). */
export function mustParse(date: PartialDate): ParsedDate {
  const parsed = parsePartialDate(date);
  if (!parsed) throw new Error(`Not a partial date: ${JSON.stringify(date)}`);
  return parsed;
}

// Partial dates have four-digit years; instants outside them (a far drag) stop at the edge.
const FIRST_INSTANT = utc(1, 1, 1);
const LAST_INSTANT = utc(10_000, 1, 1) - 1;

/**
 * Writes an instant as a partial date of the given precision, in UTC; a time may be written at
 * another offset instead (minutes east of UTC), as it was typed.
 */
export function partialDateFromInstant(
  instant: number,
  precision: Precision,
  offsetMinutes = 0,
): PartialDate {
  const clamped = Math.min(Math.max(instant, FIRST_INSTANT), LAST_INSTANT);
  const timed = precision === 'minute' || precision === 'second';
  if (timed && offsetMinutes !== 0) {
    const wall = partialDateFromInstant(clamped + offsetMinutes * MINUTE, precision);
    return `${wall.slice(0, -1)}${offsetSuffix(offsetMinutes)}` as PartialDate;
  }
  const iso = new Date(clamped).toISOString(); // 2024-06-16T09:30:15.000Z
  switch (precision) {
    case 'year':
      return iso.slice(0, 4) as PartialDate;
    case 'month':
      return iso.slice(0, 7) as PartialDate;
    case 'day':
      return iso.slice(0, 10) as PartialDate;
    case 'minute':
      return `${iso.slice(0, 16)}Z` as PartialDate;
    case 'second':
      return `${iso.slice(0, 19)}Z` as PartialDate;
  }
}

/** Rounds an instant to the nearest start of a period of the given precision. */
export function roundInstant(instant: number, precision: Precision): number {
  const floor = mustParse(partialDateFromInstant(instant, precision));
  const next = floor.latestExclusive;
  return instant - floor.earliest < next - instant ? floor.earliest : next;
}

/**
 * Moves a date by a duration, keeping its precision (the result is rounded to that precision)
 * and, for a time, the offset it was written at.
 */
export function shiftPartialDate(date: PartialDate, deltaMs: number): PartialDate {
  const parsed = mustParse(date);
  if (deltaMs === 0) return date;
  const moved = roundInstant(parsed.earliest + deltaMs, parsed.precision);
  return partialDateFromInstant(moved, parsed.precision, writtenOffset(date) ?? 0);
}

/** The offset a time is written at, in minutes east of UTC; null for a calendar date. */
export function writtenOffset(date: PartialDate): number | null {
  if (date.length <= 10) return null;
  return zoneOffsetMinutes(date.endsWith('Z') ? 'Z' : date.slice(-6));
}

/**
 * The partial date of a given precision whose period ends at an exclusive instant, e.g. the
 * end of a range dragged to 2024-07-01T00:00Z at day precision is "2024-06-30".
 */
export function partialDateEndingAt(exclusiveEnd: number, precision: Precision): PartialDate {
  const rounded = roundInstant(exclusiveEnd, precision);
  return partialDateFromInstant(rounded - 1, precision);
}

/** True when an event's end lies before its start: the end's last instant precedes the start. */
export function endsBeforeStart(start: PartialDate, end: PartialDate): boolean {
  return mustParse(end).latestExclusive <= mustParse(start).earliest;
}

/** Orders by earliest possible instant, then by latest, then by text. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const pa = mustParse(a);
  const pb = mustParse(b);
  return (
    pa.earliest - pb.earliest ||
    pa.latestExclusive - pb.latestExclusive ||
    (a < b ? -1 : a > b ? 1 : 0)
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const FORMAT_OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
  minute: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  second: {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
};

/**
 * A human reading of the date at its own precision, e.g. "February 2022" or "16 June 2024"; a
 * time is read in the zone given and says which ("16 June 2024 at 16:30 Asia/Jakarta (UTC+7)").
 * Calendar dates read the same in every zone.
 */
export function formatPartialDate(date: PartialDate, locale = 'en-GB', zone = UTC_ZONE): string {
  const parsed = mustParse(date);
  const timed = parsed.precision === 'minute' || parsed.precision === 'second';
  const shownIn = timed ? zone : UTC_ZONE;
  const key = `${locale} ${parsed.precision} ${shownIn}`; // one formatter per locale, precision, zone
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      ...FORMAT_OPTIONS[parsed.precision],
      timeZone: shownIn,
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  const text = formatter.format(parsed.earliest);
  return timed ? `${text} ${zoneName(shownIn, parsed.earliest)}` : text;
}

function period(
  text: PartialDate,
  precision: Precision,
  earliest: number,
  latestExclusive: number,
): ParsedDate {
  return { text, precision, earliest, latestExclusive };
}

function utc(year: number, month: number, day: number): number {
  // Date.UTC reads years 0-99 as 1900-1999; only those need the slower way round.
  if (year >= 100) return Date.UTC(year, month - 1, day);
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year + Math.floor((month - 1) / 12));
  return date.getTime();
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1] ?? 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function zoneOffsetMinutes(zone: string): number | null {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

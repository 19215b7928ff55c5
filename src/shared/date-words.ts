/**
 * Dates in words at their own precision, as people write them: "February 2022", "16 June 2024",
 * "16 June 2024, 09:30 UTC", and ranges written once where they share a part: "16–19 June 2024",
 * "30 June – 2 July 2024", "March–May 2024". English, no Intl for the words (the same text
 * everywhere: what a screen reader hears, what the status line says). Calendar dates read the same
 * in every zone; a time is shown in the zone given ("09:30 Asia/Jakarta (UTC+7)"), UTC unless told.
 * Pure; for any part of the app.
 */
import { mustParse, type ParsedDate, type PartialDate } from './partial-date';
import { UTC_ZONE, wallClock, zoneName } from './time-zone';

/** The months' names in English, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A date's parts (a time's in the zone shown), as far as its precision goes. */
interface Parts {
  readonly precision: ParsedDate['precision'];
  readonly year: number;
  readonly month: string;
  readonly day: number;
  readonly time: string;
  /** The zone a time is shown in, named with its offset then: "Asia/Jakarta (UTC+7)". */
  readonly zone: string;
}

function partsOf(date: PartialDate, zone: string): Parts {
  const parsed = mustParse(date);
  const timed = parsed.precision === 'minute' || parsed.precision === 'second';
  const at = timed ? wallClock(zone, parsed.earliest) : new Date(parsed.earliest);
  const two = (value: number): string => String(value).padStart(2, '0');
  const time =
    parsed.precision === 'second'
      ? `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`
      : `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
  return {
    precision: parsed.precision,
    year: at.getUTCFullYear(),
    month: MONTHS[at.getUTCMonth()] ?? '',
    day: at.getUTCDate(),
    time,
    zone: timed ? zoneName(zone, parsed.earliest) : UTC_ZONE,
  };
}

function words(parts: Parts): string {
  switch (parts.precision) {
    case 'year':
      return String(parts.year);
    case 'month':
      return `${parts.month} ${parts.year}`;
    case 'day':
      return `${parts.day} ${parts.month} ${parts.year}`;
    default:
      return `${parts.day} ${parts.month} ${parts.year}, ${parts.time} ${parts.zone}`;
  }
}

/** One date in words at its precision, e.g. "16 June 2024" or "16 June 2024, 09:30 UTC". */
export function dateInWords(date: PartialDate, zone = UTC_ZONE): string {
  return words(partsOf(date, zone));
}

/**
 * An event's dates in words: its start alone, or a range written with what both ends share said
 * once ("16–19 June 2024", "30 June – 2 July 2024", "March–May 2024", "2022–2024"); ends of
 * different precisions, or with times, are written in full on both sides.
 */
export function datesInWords(start: PartialDate, end: PartialDate | null, zone = UTC_ZONE): string {
  const from = partsOf(start, zone);
  if (end === null) return words(from);
  const to = partsOf(end, zone);
  if (from.precision === to.precision) {
    const sameYear = from.year === to.year;
    const sameMonth = sameYear && from.month === to.month;
    if (from.precision === 'year') return sameYear ? words(from) : `${from.year}–${to.year}`;
    if (from.precision === 'month') {
      if (sameMonth) return words(from);
      if (sameYear) return `${from.month}–${to.month} ${from.year}`;
    }
    if (from.precision === 'day') {
      if (sameMonth && from.day === to.day) return words(from);
      if (sameMonth) return `${from.day}–${to.day} ${from.month} ${from.year}`;
      if (sameYear) return `${from.day} ${from.month} – ${to.day} ${to.month} ${from.year}`;
    }
    if ((from.precision === 'minute' || from.precision === 'second') && sameMonth) {
      if (from.day === to.day && from.zone === to.zone)
        return `${from.day} ${from.month} ${from.year}, ${from.time}–${to.time} ${from.zone}`;
    }
  }
  return `${words(from)} – ${words(to)}`;
}

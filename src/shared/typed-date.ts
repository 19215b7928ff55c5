/**
 * Dates as people type them: "19 June 2024", "June 19, 2024", "19 Juni 2024", "June 2024",
 * "2024", "19/06/2024", "19.06.2024", "today", "hari ini", "19 June 2024 09:30 +07:00", besides
 * the stored form itself ("2024-06-19"). Each is read into the stored form, a partial date at
 * the precision typed (partial-date.ts), with a line that says how it was read.
 *
 * English words go through chrono-node (its British reading: day before month). What it lacks is
 * added here: Indonesian month names and words, Indonesia's zone names (WIB, WITA, WIT), numeric
 * dates read day first with the ambiguity said, the year required, and the whole text read (a
 * date found inside other words is not a date). Pure: the clock and the user's zone are given.
 */
import { GB } from 'chrono-node/en';

import { MONTHS } from './date-words';
import {
  formatPartialDate,
  type ParsedDate,
  parsePartialDate,
  type PartialDate,
  partialDateFromInstant,
  writtenOffset,
} from './partial-date';
import { computerZone, offsetMinutesAt, offsetName, offsetSuffix, UTC_ZONE } from './time-zone';

/** How long a typed date may be (the stored form is at most 25 characters). */
export const TYPED_DATE_LENGTH = 64;

/** The clock and zone a typed date is read against. */
export interface DateContext {
  /** Now, in epoch milliseconds: "today" is the user's day at this instant. */
  readonly now: number;
  /** The user's zone: minutes east of UTC at an instant (UTC+07:00 is 420). */
  readonly offsetAt: (instant: number) => number;
  /** The zone's name, for the reading of a time ("09:30 Asia/Jakarta (UTC+7)"); UTC if none. */
  readonly zone?: string;
}

export type TypedDate =
  | {
      readonly ok: true;
      readonly date: PartialDate;
      /** How it was read: "19 June 2024 · day", with "read day first" when it could be either. */
      readonly reading: string;
    }
  | {
      readonly ok: false;
      /** Why, to follow the field's name: "Start is not a date: write it as …". */
      readonly message: string;
      /** Why, on its own, for the line under the field while the user types. */
      readonly hint: string;
    };

/** The computer's clock and zone. */
export function localDateContext(now = Date.now()): DateContext {
  return zoneDateContext(computerZone(), now);
}

/** The computer's clock and a zone the user picked (an IANA name or UTC). */
export function zoneDateContext(zone: string, now = Date.now()): DateContext {
  return { now, offsetAt: (instant) => offsetMinutesAt(zone, instant), zone };
}

export const TYPED_DATE_EXAMPLES = '19 June 2024, June 2024, 2024, 19/06/2024, today';

const NOT_A_DATE = refusal(
  `is not a date: write it as ${TYPED_DATE_EXAMPLES} or 2024-06-19`,
  'Not a date yet',
);
const NO_YEAR = refusal('needs the year too, as in 19 June 2024', 'Needs the year too');

function refusal(message: string, hint: string): TypedDate {
  return { ok: false, message, hint };
}

/**
 * Where "Add event" puts a new event: today (the user's day) when today is in view, else the
 * day in the middle of the view.
 */
export function newEventStart(
  view: { readonly start: number; readonly end: number },
  context: DateContext,
): PartialDate {
  if (context.now >= view.start && context.now <= view.end) {
    const today = relativeDay('today', context);
    if (today?.ok) return today.date;
  }
  // The day on the user's clock, as the axis (in their zone) shows it there.
  const middle = (view.start + view.end) / 2;
  return partialDateFromInstant(middle + context.offsetAt(middle) * 60_000, 'day');
}

/** Reads a typed date; null when the text is blank. */
export function readTypedDate(text: string, context: DateContext): TypedDate | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return null;
  if (trimmed.length > TYPED_DATE_LENGTH) return NOT_A_DATE;
  const stored = parsePartialDate(trimmed);
  if (stored) return read(stored, context.zone);
  const words = english(trimmed);
  // Shaped as the stored form but not one ("2024-13-01"): never read another way round.
  if (/^[+-]?\d{4}-\d/.test(words)) return NOT_A_DATE;
  return relativeDay(words, context) ?? numericDay(words, context) ?? chronoDate(words, context);
}

/** The stored form of a typed date: itself when it is not a date (the schema then says why). */
export function storedDate(text: string, context: DateContext): string {
  const typed = readTypedDate(text, context);
  return typed?.ok ? typed.date : text.trim();
}

function read(parsed: ParsedDate, zone = UTC_ZONE, note?: string): TypedDate {
  const notes = [formatPartialDate(parsed.text, 'en-GB', zone), parsed.precision];
  const written = writtenOffset(parsed.text);
  // A time typed at another offset is kept at it; the reading says so beside the zone shown.
  if (written !== null && written !== offsetMinutesAt(zone, parsed.earliest)) {
    notes.push(`typed at ${offsetName(written)}`);
  }
  if (note) notes.push(note);
  return { ok: true, date: parsed.text, reading: notes.join(' · ') };
}

function fromParts(
  parts: { year: number; month?: number; day?: number; time?: string },
  zone?: string,
  note?: string,
): TypedDate {
  const { year, month, day, time } = parts;
  if (year < 1 || year > 9999) {
    return refusal('takes years from 1 to 9999 only', 'Years from 1 to 9999 only');
  }
  let text = String(year).padStart(4, '0');
  if (month !== undefined) text += `-${two(month)}`;
  if (month !== undefined && day !== undefined) text += `-${two(day)}`;
  if (time !== undefined) text += time;
  const parsed = parsePartialDate(text);
  if (!parsed) return refusal(`is a day that does not exist (${text})`, `No such day (${text})`);
  return read(parsed, zone, note);
}

// --- Indonesian, and the rest chrono-node does not know ------------------------------------------

/** Indonesian month names and abbreviations that differ from English ones. */
const MONTHS_ID: Record<string, string> = {
  januari: 'January',
  februari: 'February',
  pebruari: 'February',
  maret: 'March',
  mei: 'May',
  juni: 'June',
  juli: 'July',
  agustus: 'August',
  agu: 'Aug',
  agt: 'Aug',
  ags: 'Aug',
  oktober: 'October',
  okt: 'Oct',
  desember: 'December',
  des: 'Dec',
};

/** Indonesia's zones as newsrooms write them. */
const ZONES_ID: Record<string, string> = { wib: '+07:00', wita: '+08:00', wit: '+09:00' };

/** Indonesian words put in English (month names, zones, "pukul" for "at"). */
function english(text: string): string {
  return text
    .replace(/\p{L}+/gu, (word) => {
      const lower = word.toLowerCase();
      return MONTHS_ID[lower] ?? ZONES_ID[lower] ?? (lower === 'pukul' ? '' : word);
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const DAY_WORDS: Record<string, number> = {
  today: 0,
  'hari ini': 0,
  yesterday: -1,
  kemarin: -1,
  tomorrow: 1,
  besok: 1,
};

/** "today", "hari ini", "yesterday", "kemarin": the user's day, in the user's zone. */
function relativeDay(text: string, { now, offsetAt, zone }: DateContext): TypedDate | null {
  const shift = DAY_WORDS[text.toLowerCase()];
  if (shift === undefined) return null;
  const local = new Date(now + offsetAt(now) * 60_000 + shift * 86_400_000);
  return fromParts(
    { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() },
    zone,
  );
}

/**
 * "19/06/2024", "19.06.2024", "19-06-2024" (a time may follow): day first, as Indonesia and most
 * of the world write it; month first only when the first number cannot be a month's day
 * otherwise ("06/19/2024"). Read here, the rest (a time) by chrono-node.
 */
function numericDay(text: string, context: DateContext): TypedDate | null {
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?=\s|$)(.*)$/.exec(text);
  if (!m) return null;
  const [first, second, year, rest] = [Number(m[1]), Number(m[3]), Number(m[4]), m[5] ?? ''];
  const monthFirst = first <= 12 && second > 12;
  const [month, day] = monthFirst ? [first, second] : [second, first];
  const note = monthFirst
    ? 'read month first'
    : first !== second && first <= 12
      ? 'read day first'
      : undefined;
  const name = MONTHS[month - 1];
  if (rest === '' || name === undefined) return fromParts({ year, month, day }, context.zone, note);
  const read = chronoDate(`${day} ${name} ${year}${rest}`, context);
  return read.ok && note ? { ...read, reading: `${read.reading} · ${note}` } : read;
}

/** English words, through chrono-node: the whole text must be the date, its year given. */
function chronoDate(text: string, { now, offsetAt, zone }: DateContext): TypedDate {
  const [found] = GB.parse(text, { instant: new Date(now), timezone: offsetAt(now) });
  if (!found || found.index !== 0 || found.text.length !== text.length || found.end) {
    return NOT_A_DATE;
  }
  const { start } = found;
  // Words about days ("next Tuesday", "3 days ago") are not dates of a story: the year is typed.
  if (!/\d{4}/.test(text)) {
    return start.isCertain('month') && !start.isCertain('year') ? NO_YEAR : NOT_A_DATE;
  }
  const known = (part: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'): number | null =>
    start.isCertain(part) ? start.get(part) : null;
  const [year, month, day, hour] = [known('year'), known('month'), known('day'), known('hour')];
  if (year === null) return NOT_A_DATE;
  if (month === null) return fromParts({ year }, zone);
  if (day === null) return fromParts({ year, month }, zone);
  if (hour === null) return fromParts({ year, month, day }, zone);
  const minute = known('minute') ?? 0;
  const second = known('second');
  // A time keeps the zone typed with it, else it is the user's zone at that time.
  const typedOffset = start.isCertain('timezoneOffset') ? start.get('timezoneOffset') : null;
  const offset = typedOffset ?? wallOffset(Date.UTC(year, month - 1, day, hour, minute), offsetAt);
  const clock = `T${two(hour)}:${two(minute)}${second === null ? '' : `:${two(second)}`}`;
  return fromParts({ year, month, day, time: clock + offsetSuffix(offset) }, zone);
}

/** The zone's offset at the instant its clock shows a wall time (given as if it were UTC). */
function wallOffset(wallAsUtc: number, offsetAt: (instant: number) => number): number {
  return offsetAt(wallAsUtc - offsetAt(wallAsUtc) * 60_000);
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** Reading the pieces of a TimelineJS file: places for messages, strings, one-line text, dates. */
import { parsePartialDate, type PartialDate } from '../partial-date';
import { fail, ok, type Result } from '../result';
import { formatPath } from '../validation';
import { isJsonObject, type JsonObject } from './migrate';

/** A place in the imported file, e.g. ['events', 3, 'start_date', 'month']. */
export type Place = readonly PropertyKey[];

/** `events[3].start_date.month: 13 is not a month`, naming the place in the file. */
export function placeFail(place: Place, message: string): Result<never> {
  const path = formatPath(place);
  return path === '' ? fail('invalid', message) : fail('invalid', `${path}: ${message}`, path);
}

// Control characters (C0, DEL, C1) are refused in one-line fields.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text for a one-line field: any run of white space is one space, control characters go. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(CONTROL, '').trim();
}

/** At most `max` UTF-16 units, cut with an ellipsis and never inside a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** A string field; numbers are read as their text (spreadsheets make them); absent is null. */
export function readString(value: unknown, place: Place): Result<string | null> {
  if (value == null) return ok(null);
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  return placeFail(place, 'is not text');
}

const PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
type Part = (typeof PARTS)[number];
const RANGES: Readonly<Record<Exclude<Part, 'year' | 'day'>, readonly [number, number, string]>> = {
  month: [1, 12, 'a month'],
  hour: [0, 23, 'an hour'],
  minute: [0, 59, 'a minute'],
  second: [0, 59, 'a second'],
};

/** A TimelineJS date object as a partial date in UTC, at the precision of the parts given. */
/** A date whose parts are all empty, as a spreadsheet exports a blank end date: no date. */
export function isBlankDate(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    PARTS.every((part) => {
      const raw = own(value, part);
      return raw == null || (typeof raw === 'string' && raw.trim() === '');
    })
  );
}

export function readDate(value: unknown, place: Place): Result<PartialDate> {
  if (value == null) return placeFail(place, 'is missing');
  if (!isJsonObject(value))
    return placeFail(place, 'is not a date such as {"year": 2024, "month": 3}');
  const parts: number[] = [];
  for (const part of PARTS) {
    const raw = own(value, part);
    const number = readNumber(raw);
    if (number === undefined) {
      if (part === 'year') return placeFail([...place, part], 'is missing');
      const next = PARTS.slice(PARTS.indexOf(part) + 1).find(
        (p) => readNumber(own(value, p)) !== undefined,
      );
      if (next !== undefined)
        return placeFail([...place, next], `is given without ${article(part)}`);
      break;
    }
    const problem = partProblem(part, number, parts);
    if (problem !== null) return placeFail([...place, part], `${show(raw)} ${problem}`);
    parts.push(number);
  }
  const [year = '0001', month, day, hour, minute, second] = parts.map((n, i) =>
    String(n).padStart(i === 0 ? 4 : 2, '0'),
  );
  let text = year;
  if (month !== undefined) text += `-${month}`;
  if (day !== undefined) text += `-${day}`;
  if (hour !== undefined)
    text += `T${hour}:${minute ?? '00'}${second === undefined ? '' : `:${second}`}Z`;
  const parsed = parsePartialDate(text);
  return parsed ? ok(parsed.text) : placeFail(place, 'is not a date');
}

function partProblem(part: Part, value: number, before: readonly number[]): string | null {
  if (Number.isNaN(value)) return `is not ${article(part)}`;
  if (part === 'year') {
    return value >= 1 && value <= 9999 ? null : 'is outside the years 1 to 9999';
  }
  if (part === 'day') {
    const [year = 1, month = 1] = before;
    const last = new Date(Date.UTC(2000, month, 0)).getUTCDate();
    const days = month === 2 && !isLeapYear(year) ? 28 : last;
    const period = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    return value >= 1 && value <= days ? null : `is not a day of ${period}`;
  }
  const [min, max, name] = RANGES[part];
  return value >= min && value <= max ? null : `is not ${name}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function article(part: Part): string {
  return part === 'hour' ? 'an hour' : `a ${part}`;
}

/** A date part: undefined when absent or blank, NaN when not a whole number. */
function readNumber(value: unknown): number | undefined {
  if (value == null) return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const text = value.trim();
  if (text === '') return undefined;
  return /^[+-]?\d{1,9}$/.test(text) ? Number(text) : NaN;
}

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}

/** A key the object has itself (JSON may say "constructor" or "__proto__"). */
export function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * A quick look at an event read from JSON, before TimelineEventSchema: when the value is
 * certainly a valid event that the schema would give back unchanged (every field present, no
 * default to fill in, no text to trim), it is kept as it is and the schema is not run. That is
 * what every event of a file this app wrote looks like, and the look costs a fraction of
 * the schema's. Anything else (a missing field, a bad one, an unknown key, spaces to trim) is
 * left to the schema, which then fills in, trims, or names the problem as it always did.
 *
 * The rules are the schema's own, from the same constants (schema.ts); schema-fast.test.ts
 * checks on generated and broken events that whatever passes here the schema accepts and gives
 * back equal. Only for values from JSON.parse: plain objects, arrays, strings and null.
 *
 * On the way it adds up the length JSON.stringify would write for the event. A text of that
 * length that parses to the event is exactly JSON.stringify's text (see canonicalLength), so
 * the text an event was read from can stand for its JSON without stringifying it again.
 */
import { isPartialDate, parsePartialDate } from './partial-date';
import {
  CERTAINTIES,
  CONTROL_CHARACTERS,
  DIRECTION_CONTROLS,
  EVENT_STATUSES,
  EventIdSchema,
  isHttpUrl,
  LANE_ID_PATTERN,
  LANGUAGE_PATTERN,
  LIMITS,
  TimestampSchema,
} from './schema';

/** The value is not certainly an event the schema gives back unchanged: run the schema. */
export const NOT_QUICK = -2;
/** Valid and unchanged, but holding text JSON.stringify escapes as \uXXXX: length unknown. */
export const LENGTH_UNKNOWN = -1;

/** The schema's own patterns for event ids and timestamps (zod keeps them on the schema). */
const UUID_PATTERN = patternOf(EventIdSchema);
const TIMESTAMP_PATTERN = patternOf(TimestampSchema);

const STATUSES: ReadonlySet<unknown> = new Set(EVENT_STATUSES);
const CERTAINTY_VALUES: ReadonlySet<unknown> = new Set(CERTAINTIES);

/** Every key of a checked event, as TimelineEventSchema gives it. */
const EVENT_KEYS = [
  'title',
  'start',
  'end',
  'description',
  'laneId',
  'status',
  'certainty',
  'tags',
  'actors',
  'location',
  'sources',
  'followUpOf',
  'id',
  'createdAt',
  'updatedAt',
] as const;
const SOURCE_KEYS = ['title', 'url', 'publisher', 'published', 'quote', 'language'] as const;

/** `{}`, the commas, and each `"key":` of an object with these keys. */
const objectFrame = (keys: readonly string[]) =>
  2 + (keys.length - 1) + keys.reduce((sum, key) => sum + key.length + 3, 0);
const EVENT_FRAME = objectFrame(EVENT_KEYS);
const SOURCE_FRAME = objectFrame(SOURCE_KEYS);

/** Characters JSON.stringify writes other than as themselves. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** NEEDS_ESCAPE, CONTROL_CHARACTERS and DIRECTION_CONTROLS: text without these is a plain line. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const PLAIN_LINE = /["\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/**
 * Set by the checks below when a text's JSON length is not known; they then count it as 0.
 * (One flag for the event being checked, rather than a result object for every field.)
 */
let lengthUnknown = false;

/**
 * NOT_QUICK, or the event is valid and TimelineEventSchema would give back a value equal to
 * it (the same keys and values; key order aside): then the length of JSON.stringify(value),
 * or LENGTH_UNKNOWN.
 */
export function quickEventCheck(value: unknown): number {
  if (!isPlainObject(value) || !hasExactly(value, EVENT_KEYS)) return NOT_QUICK;
  const event = value as Record<(typeof EVENT_KEYS)[number], unknown>;
  lengthUnknown = false;

  const { start, end, laneId, status, certainty, id, createdAt, updatedAt, followUpOf } = event;
  if (typeof start !== 'string') return NOT_QUICK;
  const startDate = parsePartialDate(start);
  if (startDate === null) return NOT_QUICK;
  if (end !== null) {
    if (typeof end !== 'string') return NOT_QUICK;
    const endDate = parsePartialDate(end);
    // The schema refuses an end before the start.
    if (endDate === null || endDate.latestExclusive <= startDate.earliest) return NOT_QUICK;
  }
  if (typeof laneId !== 'string' || !LANE_ID_PATTERN.test(laneId)) return NOT_QUICK;
  if (!STATUSES.has(status) || !CERTAINTY_VALUES.has(certainty)) return NOT_QUICK;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return NOT_QUICK;
  if (!isTimestamp(createdAt) || !isTimestamp(updatedAt)) return NOT_QUICK;
  if (followUpOf !== null && (typeof followUpOf !== 'string' || !UUID_PATTERN.test(followUpOf))) {
    return NOT_QUICK;
  }
  const title = trimmedLine(event.title, LIMITS.title);
  const description = text(event.description, LIMITS.description);
  const location = line(event.location, LIMITS.shortText);
  const tags = textList(event.tags, LIMITS.tag);
  const actors = textList(event.actors, LIMITS.actor);
  const sourceList = sources(event.sources);
  if (
    title === NOT_QUICK ||
    description === NOT_QUICK ||
    location === NOT_QUICK ||
    tags === NOT_QUICK ||
    actors === NOT_QUICK ||
    sourceList === NOT_QUICK
  ) {
    return NOT_QUICK;
  }
  if (lengthUnknown) return LENGTH_UNKNOWN;
  // Dates, ids, lane ids, timestamps and the enums are letters, digits and punctuation that
  // JSON writes as they are, between quotes.
  return (
    EVENT_FRAME +
    start.length +
    (end === null ? 4 : (end as string).length + 2) +
    (followUpOf === null ? 4 : (followUpOf as string).length + 2) +
    laneId.length +
    (status as string).length +
    (certainty as string).length +
    id.length +
    createdAt.length +
    updatedAt.length +
    14 +
    title +
    description +
    location +
    tags +
    actors +
    sourceList
  );
}

/** The sources list: NOT_QUICK, or its JSON length (see lengthUnknown). */
function sources(value: unknown): number {
  if (!Array.isArray(value) || value.length > LIMITS.sources) return NOT_QUICK;
  let length = value.length === 0 ? 2 : value.length + 1;
  for (const item of value as unknown[]) {
    if (!isPlainObject(item) || !hasExactly(item, SOURCE_KEYS)) return NOT_QUICK;
    const source = item as Record<(typeof SOURCE_KEYS)[number], unknown>;
    const { url, published, language } = source;
    // The schema does not trim a source's title: it must only not be empty.
    const title = line(source.title, LIMITS.shortText);
    if (title === NOT_QUICK || (source.title as string).length === 0) return NOT_QUICK;
    let urlLength = 4;
    if (url !== null) {
      if (typeof url !== 'string' || url.length > LIMITS.url || !isHttpUrl(url)) return NOT_QUICK;
      if (DIRECTION_CONTROLS.test(url)) return NOT_QUICK;
      urlLength = jsonLength(url);
    }
    const publisher = line(source.publisher, LIMITS.shortText);
    if (publisher === NOT_QUICK) return NOT_QUICK;
    if (published !== null && (typeof published !== 'string' || !isPartialDate(published))) {
      return NOT_QUICK;
    }
    const quote = text(source.quote, LIMITS.description);
    if (quote === NOT_QUICK) return NOT_QUICK;
    if (typeof language !== 'string' || language.length > LIMITS.language) return NOT_QUICK;
    if (!LANGUAGE_PATTERN.test(language)) return NOT_QUICK;
    length +=
      SOURCE_FRAME +
      title +
      urlLength +
      publisher +
      (published === null ? 4 : (published as string).length + 2) +
      quote +
      language.length +
      2;
  }
  return length;
}

/** tags and actors: one-line, trimmed, non-empty entries, at most LIMITS.listItems. */
function textList(value: unknown, max: number): number {
  if (!Array.isArray(value) || value.length > LIMITS.listItems) return NOT_QUICK;
  let length = value.length === 0 ? 2 : value.length + 1;
  for (const item of value as unknown[]) {
    const part = trimmedLine(item, max);
    if (part === NOT_QUICK) return NOT_QUICK;
    length += part;
  }
  return length;
}

/** Free text (newlines allowed) of at most `max` characters. */
function text(value: unknown, max: number): number {
  return typeof value === 'string' && value.length <= max ? jsonLength(value) : NOT_QUICK;
}

/** One-line text: at most `max` characters, no control characters, no direction controls. */
function line(value: unknown, max: number): number {
  if (typeof value !== 'string' || value.length > max) return NOT_QUICK;
  // Most text has neither control characters nor anything to escape: one test for all.
  if (!PLAIN_LINE.test(value)) return value.length + 2;
  if (CONTROL_CHARACTERS.test(value) || DIRECTION_CONTROLS.test(value)) return NOT_QUICK;
  return jsonLength(value);
}

/**
 * A one-line field the schema trims and requires: quick only when there is nothing to trim
 * (the schema would give back other text) and it is not empty.
 */
function trimmedLine(value: unknown, max: number): number {
  const length = line(value, max);
  if (length === NOT_QUICK) return NOT_QUICK;
  const textValue = value as string;
  return textValue.length > 0 && textValue.trim() === textValue ? length : NOT_QUICK;
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && TIMESTAMP_PATTERN.test(value);
}

/** jsonStringLength, noting an unknown length in lengthUnknown (and counting it as 0). */
function jsonLength(text: string): number {
  const length = jsonStringLength(text);
  if (length !== LENGTH_UNKNOWN) return length;
  lengthUnknown = true;
  return 0;
}

/**
 * The length of JSON.stringify(text), or LENGTH_UNKNOWN when the text holds a character that
 * JSON.stringify writes as a \u escape (a control character without a short escape, or a lone
 * surrogate): those have another text of the same length, \u001F for \u001f, or a shorter one.
 * Every other character has one shortest way to be written, which is JSON.stringify's.
 */
export function jsonStringLength(text: string): number {
  if (!NEEDS_ESCAPE.test(text)) return text.length + 2;
  let length = text.length + 2;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x22 || unit === 0x5c) length++;
    else if (unit < 0x20) {
      // \b \t \n \f \r: two characters; the rest are written \u00XX.
      if (unit === 8 || unit === 9 || unit === 10 || unit === 12 || unit === 13) length++;
      else return LENGTH_UNKNOWN;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else return LENGTH_UNKNOWN;
    }
  }
  return length;
}

/** An object as JSON.parse makes them (not an array, nor of a class). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/** Own enumerable keys exactly these (in any order). */
function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  if (Object.keys(value).length !== keys.length) return false;
  for (const key of keys) if (!Object.hasOwn(value, key)) return false;
  return true;
}

function patternOf(schema: unknown): RegExp {
  const pattern = (schema as { _zod?: { def?: { pattern?: unknown } } })._zod?.def?.pattern;
  if (!(pattern instanceof RegExp) || pattern.global || pattern.sticky) {
    throw new Error('The schema has no pattern to share (has zod changed?)');
  }
  return pattern;
}

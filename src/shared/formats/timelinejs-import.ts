/**
 * TimelineJS JSON from anywhere, read into a checked TimelineDocument; never throws.
 * - Dates: the precision is the parts that are present; a part without its larger one
 *   (a day without a month) or out of range is refused. Milliseconds are ignored.
 * - Headline and text are HTML as TimelineJS shows them: they become plain text. Links in the
 *   text and a media URL become sources. An empty headline takes the text's first line.
 * - Lanes come from `group` (decoded twice, as TimelineJS shows it): a lane of that title if the
 *   timeline has one, else a new lane; slides without a group go to the lane "Imported".
 * - Ids: a UUID `unique_id` is the id; another one gives a UUID derived from it, so importing the
 *   file again updates its events; without one the event gets a new id.
 * - A `timeline_desk` key (our export) gives back what TimelineJS cannot carry; see timelinejs.ts.
 */
import { z } from 'zod';

import type { EventId } from '../ids';
import { parsePartialDate, type PartialDate } from '../partial-date';
import { fail, ok, type Result } from '../result';
import {
  EventIdSchema,
  FORMAT,
  FORMAT_VERSION,
  isHttpUrl,
  LaneSchema,
  LIMITS,
  type Source,
  type TimelineDocument,
  TimelineDocumentSchema,
  type TimelineEvent,
  TimelineEventSchema,
  type TimelineInfo,
  TimelineInfoSchema,
} from '../schema';
import { formatPath, parseWith } from '../validation';
import { readHtml } from './html-text';
import type { ImportContext } from './index';
import { isJsonObject, type JsonObject } from './migrate';
import { uuidFromString } from './stable-uuid';
import {
  sourcesHtml,
  TIMELINE_DESK_KEY,
  type TimelineDeskExtra,
  type TimelineJsDate,
  timelineText,
  toTimelineJsEvent,
} from './timelinejs-export';
import { clip, LaneBook, oneLine, type Place, placeFail } from './timelinejs-lanes';

const DocumentExtraSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  timeline: TimelineInfoSchema,
  lanes: z.array(LaneSchema).min(1).max(LIMITS.lanes),
});

export function fromTimelineJs(json: unknown, context: ImportContext): Result<TimelineDocument> {
  try {
    return readTimelineJs(json, context);
  } catch (error) {
    // Nothing above should throw; if it does, the user gets a message, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return fail('internal', `This TimelineJS file could not be read: ${reason}`);
  }
}

function readTimelineJs(json: unknown, context: ImportContext): Result<TimelineDocument> {
  if (!isJsonObject(json)) {
    return fail('invalid', 'This is not a TimelineJS timeline (an object with a list of events)');
  }
  const slides = own(json, 'events');
  if (!Array.isArray(slides)) return placeFail(['events'], 'is not a list of slides');
  if (slides.length > LIMITS.maxEvents) {
    return placeFail(['events'], `has more than ${LIMITS.maxEvents} events`);
  }
  const extra = readExtra(own(json, TIMELINE_DESK_KEY), [TIMELINE_DESK_KEY], DocumentExtraSchema);
  if (!extra.ok) return extra;
  const lanes = new LaneBook(extra.value?.lanes ?? context.current.lanes, context.current.lanes);
  const timeline = readTitleSlide(own(json, 'title'), extra.value, context);
  if (!timeline.ok) return timeline;
  const events: EventInput[] = [];
  for (const [index, slide] of slides.entries()) {
    const event = readSlide(slide, ['events', index], lanes, context);
    if (!event.ok) return event;
    events.push(event.value);
  }
  const ids = new Set(events.map((event) => event.id));
  const parsed = TimelineDocumentSchema.safeParse({
    format: FORMAT,
    version: FORMAT_VERSION,
    timeline: timeline.value,
    lanes: lanes.all(),
    // A follow-up of an event the file does not hold is no longer one.
    events: events.map((event) =>
      event.followUpOf !== null && !ids.has(event.followUpOf)
        ? { ...event, followUpOf: null }
        : event,
    ),
  });
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  return placeFail(filePlace(issue?.path ?? []), issue?.message ?? 'is not valid');
}

/** What becomes one event, before the document's checks. */
type EventInput = Omit<TimelineEvent, 'title' | 'description'> & {
  readonly title: string;
  readonly description: string;
};

function readSlide(
  slide: unknown,
  place: Place,
  lanes: LaneBook,
  context: ImportContext,
): Result<EventInput> {
  if (!isJsonObject(slide)) return placeFail(place, 'is not a slide (an object)');
  const start = readDate(own(slide, 'start_date'), [...place, 'start_date']);
  if (!start.ok) return start;
  const endValue = own(slide, 'end_date');
  const end = endValue == null ? ok(null) : readDate(endValue, [...place, 'end_date']);
  if (!end.ok) return end;
  const text = readText(own(slide, 'text'), [...place, 'text']);
  if (!text.ok) return text;
  const group = readString(own(slide, 'group'), [...place, 'group']);
  if (!group.ok) return group;
  const stored = readExtra(
    own(slide, TIMELINE_DESK_KEY),
    [...place, TIMELINE_DESK_KEY],
    TimelineEventSchema,
  );
  if (!stored.ok) return stored;
  const id = readId(own(slide, 'unique_id'), [...place, 'unique_id'], stored.value, context);
  if (!id.ok) return id;

  const reading = readHtml(text.value.text);
  const saved = stored.value;
  const shown = saved && toTimelineJsEvent(saved, lanes.titleOf(saved.laneId) ?? '');
  const sameDates =
    shown !== null &&
    start.value === canonical(shown.start_date) &&
    end.value === (shown.end_date ? canonical(shown.end_date) : null);
  const sameTitle = shown !== null && text.value.headline === shown.text.headline;
  const sameText = shown !== null && text.value.text === shown.text.text;
  const sameGroup = shown !== null && (group.value ?? '') === shown.group;
  const laneId =
    sameGroup && saved
      ? ok(saved.laneId)
      : lanes.resolve(groupTitle(group.value), [...place, 'group']);
  if (!laneId.ok) return laneId;
  const description = sameText && saved ? saved.description : descriptionOf(text.value.text, saved);
  const title = sameTitle && saved ? saved.title : titleOf(text.value.headline, description);
  const unchanged = sameDates && sameTitle && sameText && sameGroup;
  return ok({
    id: id.value,
    title,
    start: sameDates && saved ? saved.start : start.value,
    end: sameDates && saved ? saved.end : end.value,
    description,
    laneId: laneId.value,
    status: saved?.status ?? 'occurred',
    certainty: saved?.certainty ?? 'reported',
    tags: saved?.tags ?? [],
    actors: saved?.actors ?? [],
    location: saved?.location ?? '',
    sources: saved?.sources ?? sourcesOf(reading.links, own(slide, 'media')),
    followUpOf: saved?.followUpOf ?? null,
    createdAt: saved?.createdAt ?? context.now,
    updatedAt: unchanged && saved ? saved.updatedAt : context.now,
  });
}

/** Our own extra key, checked; absent (or null) is fine, present and wrong is refused. */
function readExtra<S extends z.ZodType>(
  value: unknown,
  place: Place,
  schema: S,
): Result<z.output<S> | null> {
  if (value == null) return ok(null);
  return parseWith(schema, value, formatPath(place));
}

function readTitleSlide(
  value: unknown,
  extra: TimelineDeskExtra | null,
  context: ImportContext,
): Result<TimelineInfo> {
  const base = extra?.timeline ?? context.current.timeline;
  if (value == null) return ok(base);
  if (!isJsonObject(value)) return placeFail(['title'], 'is not a slide (an object)');
  const text = readText(own(value, 'text'), ['title', 'text']);
  if (!text.ok) return text;
  const shown = extra ? timelineText(extra.timeline) : null;
  const headline = oneLine(readHtml(text.value.headline).text);
  return ok({
    id: base.id,
    title:
      shown?.headline === text.value.headline
        ? base.title
        : clip(headline || base.title, LIMITS.title),
    description:
      shown?.text === text.value.text ? base.description : readHtml(text.value.text).text,
  });
}

function readText(value: unknown, place: Place): Result<{ headline: string; text: string }> {
  if (value == null) return ok({ headline: '', text: '' });
  if (!isJsonObject(value)) return placeFail(place, 'is not a text object with headline and text');
  const headline = readString(own(value, 'headline'), [...place, 'headline']);
  if (!headline.ok) return headline;
  const text = readString(own(value, 'text'), [...place, 'text']);
  if (!text.ok) return text;
  return ok({ headline: headline.value ?? '', text: text.value ?? '' });
}

/** A string field; numbers are read as their text (spreadsheets make them); absent is null. */
function readString(value: unknown, place: Place): Result<string | null> {
  if (value == null) return ok(null);
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  return placeFail(place, 'is not text');
}

function readId(
  value: unknown,
  place: Place,
  stored: TimelineEvent | null,
  context: ImportContext,
): Result<EventId> {
  const text = readString(value, place);
  if (!text.ok) return text;
  const id = text.value?.trim() ?? '';
  if (id === '') return ok(stored?.id ?? context.newId());
  const uuid = EventIdSchema.safeParse(id);
  return ok(uuid.success ? uuid.data : (uuidFromString(id) as EventId));
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

/** The date our own export wrote, read back as import reads it (UTC, canonical text). */
function canonical(date: TimelineJsDate): PartialDate | null {
  const read = readDate(date, []);
  return read.ok ? read.value : null;
}

function descriptionOf(html: string, saved: TimelineEvent | null): string {
  // Our sources list at the end of an edited text is still the sources, not description.
  const tail = saved ? sourcesHtml(saved.sources) : '';
  const body = tail !== '' && html.endsWith(tail) ? html.slice(0, -tail.length) : html;
  return readHtml(body).text;
}

function titleOf(headline: string, description: string): string {
  const title = oneLine(readHtml(headline).text) || oneLine(description.split('\n')[0] ?? '');
  return clip(title || 'Untitled event', LIMITS.title);
}

/** What TimelineJS shows for a group: it strips markup once, then shows the rest as HTML. */
function groupTitle(group: string | null): string {
  const title = oneLine(readHtml(readHtml(group ?? '').text).text);
  return clip(title || 'Imported', LIMITS.title);
}

function sourcesOf(links: readonly { href: string; text: string }[], media: unknown): Source[] {
  const found = links.map((link) => ({ url: link.href, title: link.text, publisher: '' }));
  if (isJsonObject(media)) {
    const url = own(media, 'url');
    const credit = own(media, 'credit');
    const caption = own(media, 'caption');
    const plain = (value: unknown) =>
      typeof value === 'string' ? oneLine(readHtml(value).text) : '';
    if (typeof url === 'string') {
      const publisher = plain(credit);
      found.push({ url: url.trim(), title: plain(caption) || publisher, publisher });
    }
  }
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const { url, title, publisher } of found) {
    if (!isHttpUrl(url) || url.length > 2000 || seen.has(url)) continue;
    seen.add(url);
    sources.push({
      title: clip(oneLine(title) || url, LIMITS.shortText),
      url,
      publisher: clip(publisher, LIMITS.shortText),
      published: null,
      quote: '',
      language: '',
    });
  }
  return sources.slice(0, LIMITS.sources);
}

/** The place in the file of a problem the document's checks found. */
const EVENT_PLACES = new Map<PropertyKey, Place>([
  ['title', ['text', 'headline']],
  ['description', ['text', 'text']],
  ['start', ['start_date']],
  ['end', ['end_date']],
  ['id', ['unique_id']],
  ['laneId', ['group']],
]);

function filePlace(path: readonly PropertyKey[]): Place {
  const [head, index, field, ...rest] = path;
  if (head === 'events' && typeof index === 'number' && field !== undefined) {
    const place = EVENT_PLACES.get(field);
    return place
      ? ['events', index, ...place]
      : ['events', index, TIMELINE_DESK_KEY, field, ...rest];
  }
  if (head === 'timeline' && (index === 'title' || index === 'description')) {
    return ['title', 'text', index === 'title' ? 'headline' : 'text'];
  }
  return [TIMELINE_DESK_KEY, ...path];
}

function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

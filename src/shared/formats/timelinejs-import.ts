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
 * - `eras` become eras (timelinejs-eras.ts).
 * - A `timeline_desk` key (our export) gives back what TimelineJS cannot carry; see timelinejs.ts.
 */
import { z } from 'zod';

import type { EventId } from '../ids';
import type { PartialDate } from '../partial-date';
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
import { isJsonObject, type JsonObject } from './migrate';
import { uuidFromString } from './stable-uuid';
import { readEras } from './timelinejs-eras';
import {
  sourcesHtml,
  TIMELINE_DESK_KEY,
  type TimelineDeskExtra,
  type TimelineJsDate,
  timelineText,
  toTimelineJsEvent,
} from './timelinejs-export';
import { LaneBook } from './timelinejs-lanes';
import {
  clip,
  isBlankDate,
  oneLine,
  own,
  type Place,
  placeFail,
  readDate,
  readString,
} from './timelinejs-read';
import { counted, type ImportContext, ImportNotes, isAre } from './types';

const DocumentExtraSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  timeline: TimelineInfoSchema,
  lanes: z.array(LaneSchema).min(1).max(LIMITS.lanes),
});

/** Reads a TimelineJS file; what it held that is not kept as it was goes into `notes`. */
export function fromTimelineJs(
  json: unknown,
  context: ImportContext,
  notes = new ImportNotes(),
): Result<TimelineDocument> {
  try {
    return readTimelineJs(json, context, notes);
  } catch (error) {
    // Nothing above should throw; if it does, the user gets a message, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return fail('internal', `This TimelineJS file could not be read: ${reason}`);
  }
}

function readTimelineJs(
  json: unknown,
  context: ImportContext,
  notes: ImportNotes,
): Result<TimelineDocument> {
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
  const eras = readEras(own(json, 'eras'), notes);
  if (!eras.ok) return eras;
  const events: TimelineEvent[] = [];
  for (const [index, slide] of slides.entries()) {
    const event = readSlide(slide, ['events', index], lanes, context, notes);
    if (!event.ok) return event;
    events.push(event.value);
  }
  const ids = new Set(events.map((event) => event.id));
  const parsed = TimelineDocumentSchema.safeParse({
    format: FORMAT,
    version: FORMAT_VERSION,
    timeline: timeline.value,
    lanes: lanes.all(),
    eras: eras.value,
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

/** One slide as an event (checked with the document); see the module comment for the rules. */
function readSlide(
  slide: unknown,
  place: Place,
  lanes: LaneBook,
  context: ImportContext,
  notes: ImportNotes,
): Result<TimelineEvent> {
  if (!isJsonObject(slide)) return placeFail(place, 'is not a slide (an object)');
  const start = readDate(own(slide, 'start_date'), [...place, 'start_date']);
  if (!start.ok) return start;
  const endValue = own(slide, 'end_date');
  // A blank end date (every part empty, as spreadsheets export one) is no end: TimelineJS too.
  const end =
    endValue == null || isBlankDate(endValue)
      ? ok(null)
      : readDate(endValue, [...place, 'end_date']);
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
    location: saved?.location ?? locationOf(own(slide, 'location')),
    sources:
      saved?.sources ?? sourcesOf(readHtml(text.value.text).links, own(slide, 'media'), notes),
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

/** A slide's location ({name, lat, lon}) as the event's location: "Pyongyang (39.03, 125.75)". */
function locationOf(value: unknown): string {
  if (!isJsonObject(value)) return '';
  const name = own(value, 'name');
  const [lat, lon] = [own(value, 'lat'), own(value, 'lon')];
  const place = typeof name === 'string' ? oneLine(readHtml(name).text) : '';
  const numbers = [lat, lon].map((part) => (typeof part === 'string' ? Number(part) : part));
  const where = numbers.every((part) => typeof part === 'number' && Number.isFinite(part))
    ? `${String(numbers[0])}, ${String(numbers[1])}`
    : '';
  const location = place && where ? `${place} (${where})` : place || where;
  return clip(location, LIMITS.shortText);
}

interface FoundSource {
  readonly url: string | null;
  readonly title: string;
  readonly publisher: string;
  readonly quote: string;
}

function sourcesOf(
  links: readonly { href: string; text: string }[],
  media: unknown,
  notes: ImportNotes,
): Source[] {
  const found: FoundSource[] = links.map((link) => ({
    url: link.href,
    title: link.text,
    publisher: '',
    quote: '',
  }));
  const fromMedia = isJsonObject(media) ? mediaSource(media, notes) : null;
  if (fromMedia) found.push(fromMedia);
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const { url, title, publisher, quote } of found) {
    if (url !== null && (!isHttpUrl(url) || url.length > 2000 || seen.has(url))) continue;
    if (url !== null) seen.add(url);
    sources.push({
      title: clip(oneLine(title) || url || 'Quote', LIMITS.shortText),
      url,
      publisher: clip(publisher, LIMITS.shortText),
      published: null,
      quote: quote.slice(0, LIMITS.description),
      language: '',
    });
  }
  return sources.slice(0, LIMITS.sources);
}

/**
 * A slide's media as a source: a web link as itself ("//host/…" as https); an embed given as HTML
 * (a tweet's blockquote, an iframe) as a quote of its text, linked to the first web link in it.
 */
function mediaSource(media: JsonObject, notes: ImportNotes): FoundSource | null {
  const plain = (value: unknown) =>
    typeof value === 'string' ? oneLine(readHtml(value).text) : '';
  const raw = own(media, 'url');
  const url = typeof raw === 'string' ? raw.trim() : '';
  if (url === '') return null;
  const publisher = plain(own(media, 'credit'));
  const title = plain(own(media, 'caption')) || publisher;
  if (url.startsWith('<')) {
    const html = readHtml(url);
    const link = html.links.find((candidate) => isHttpUrl(candidate.href))?.href ?? null;
    const quote = html.text.trim();
    if (quote === '' && link === null) {
      notes.add(
        'embed-dropped',
        (n) => `${counted(n, 'media embed')} with no text or link ${isAre(n)} not kept`,
      );
      return null;
    }
    notes.add(
      'embed-quoted',
      (n) =>
        `${counted(n, 'media embed')} (tweets, iframes, quotes) ${isAre(n)} kept as a source's quote`,
    );
    return { url: link, title: title || 'Quote', publisher, quote };
  }
  const web = url.startsWith('//') ? `https:${url}` : url;
  if (!isHttpUrl(web)) {
    notes.add('media-not-web', (n) =>
      n === 1
        ? '1 media link that is not a web address (http or https) is not kept'
        : `${counted(n, 'media link')} that are not web addresses (http or https) are not kept`,
    );
    return null;
  }
  return { url: web, title, publisher, quote: '' };
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

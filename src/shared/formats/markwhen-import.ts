/**
 * Markwhen (.mw) files, read with Markwhen's own parser (@markwhen/parser 1.x); never throws.
 * - Sections (# Title, ## Subtitle) are lanes; a nested one is titled "Outer / Inner", so two
 *   "Diplomacy" sections under different parents stay apart. Events outside any section go to
 *   a lane named after the timeline. The timeline's lane of the same title is reused.
 * - An event's first line, after its date and without its #tags, is the title ("Untitled event"
 *   when empty); its #tags are the tags and the lines below it the description, list items and
 *   checkboxes written as Markdown. A "Sources" list at the end (as our export writes it) gives
 *   the sources, each item's trailing web address its link.
 * - Dates keep the precision written (see markwhen-dates.ts): 2024 is a year, 2024-06 a month,
 *   2024-06-16 a day, 2024-06-16 09:30 an instant in the file's timezone (else this computer's).
 * - The properties our export writes (status, certainty, location, actors) are read back, and
 *   a [place](location) link is the location. Without a status, an event is scheduled when it
 *   starts after the import, else occurred.
 * - Ids: an `id` property (or !id) gives the event's id. Without one, an event of the timeline
 *   with the same title and start (the one of them) keeps its id, so our own export imported
 *   back updates its events; else the title, the start and the order of events with both the
 *   same give it one, so importing the file again updates the same events.
 * - The header's title and description are the timeline's (else the file's name).
 * - What Timeline Desk cannot hold is listed in the preview: recurrence (kept once), relative
 *   dates and "now" (kept at the dates worked out on import), completion marks, other
 *   properties, sections' tags and properties, dates outside the years 1 to 9999, and lines
 *   Markwhen's parser could not read. An event that ends before it starts is refused.
 * Our export's zero-width spaces (which keep text from reading as syntax) are taken out.
 */
import {
  type Event,
  type EventGroup,
  isEvent,
  parse,
  type ParseMessage,
  type ParseResult,
} from '@markwhen/parser';

import type { EventId, LaneId } from '../ids';
import { mustParse, type PartialDate } from '../partial-date';
import { fail, ok, type Result } from '../result';
import {
  CERTAINTIES,
  EVENT_STATUSES,
  EventIdSchema,
  isHttpUrl,
  LIMITS,
  type Source,
  type TimelineDocument,
  type TimelineEvent,
} from '../schema';
import { stripBom } from './bom';
import {
  checkedDocument,
  eventDescription,
  eventTitle,
  fileTitle,
  lineText,
  tagList,
  timelineInfo,
} from './import-document';
import { markwhenDates } from './markwhen-dates';
import { isJsonObject, type JsonObject } from './migrate';
import { uuidFromString } from './stable-uuid';
import { LaneBook } from './timelinejs-lanes';
import { counted, type ImportContext, type ImportNotes, isAre } from './types';

const ZERO_WIDTH_SPACE = /\u200B/g;

/** The Markwhen names of the event fields, for messages. */
const FIELDS = {
  title: 'title',
  start: 'date',
  end: 'end date',
  description: 'description',
  tags: 'tags',
  location: 'location',
  actors: 'actors',
  sources: 'Sources',
} as const;

/** Properties an event's fields take; others are listed as not kept. */
const KNOWN_PROPERTIES = new Set(['id', 'status', 'certainty', 'location', 'actors']);

export function fromMarkwhen(
  text: string,
  fileName: string,
  context: ImportContext,
  notes: ImportNotes,
): Result<TimelineDocument> {
  const source = stripBom(text).replace(/\r\n?/g, '\n');
  const parsed = parseSafely(source, context);
  if (!parsed.ok) return parsed;
  const lines = new LineIndex(source);
  const backwards = parsed.value.parseMessages.find((m) => /^Illogical date range/.test(m.message));
  if (backwards) {
    return fail(
      'invalid',
      `line ${lines.lineOf(backwards.pos[0])}: the event ends before it starts`,
    );
  }
  const timeline = timelineInfo(
    context.current.timeline,
    headerValue(parsed.value, source, 'title') || fileTitle(fileName),
    headerValue(parsed.value, source, 'description') || null,
  );
  const problems = new ParserProblems(parsed.value.parseMessages, lines);
  const lanes = new LaneBook(context.current.lanes, context.current.lanes);
  const timezone = isJsonObject(parsed.value.header) && 'timezone' in parsed.value.header;
  const reader = new EntryReader(context, notes, timezone);
  const events: TimelineEvent[] = [];
  const places: string[] = [];
  for (const { event, sections } of entries(parsed.value.events, [], notes)) {
    const place = `line ${lines.lineOf(event.textRanges.whole.from)}`;
    const undated = problems.inDate(event);
    if (undated !== null) {
      notes.add(
        'undated',
        (n) =>
          `${counted(n, 'event')} whose date Markwhen could not read ${isAre(n)} not kept (${undated})`,
      );
      continue;
    }
    const laneTitle = sections.length === 0 ? timeline.title : sections.join(' / ');
    const laneId = lanes.resolve(lineText(laneTitle, LIMITS.title), []);
    if (!laneId.ok) {
      return fail(
        'invalid',
        `${place}: a lane for "${laneTitle}" would make more than ${LIMITS.lanes} lanes`,
      );
    }
    const read = reader.read(event, laneId.value);
    if (read === null) continue;
    events.push(read);
    places.push(place);
  }
  problems.note(notes);
  if (events.length === 0) {
    return fail(
      'invalid',
      'This Markwhen file has no events (lines such as "2024-06-16: What happened")',
    );
  }
  return checkedDocument(timeline, lanes.all(), events, { of: places, fields: FIELDS });
}

/**
 * A header value: from the parsed header, else from a `key: value` line before the first event
 * (older files keep their title there, in a header YAML cannot read).
 */
function headerValue(parsed: ParseResult, source: string, key: string): string {
  const header: unknown = parsed.header;
  const value = isJsonObject(header) ? header[key] : undefined;
  if (typeof value === 'string' || typeof value === 'number') return plain(String(value)).trim();
  const [first] = parsed.events.children;
  const head = source.slice(0, first?.textRanges.whole.from ?? source.length);
  const line = new RegExp(`^\\s*${key}:[ \\t]*(.+?)\\s*$`, 'im').exec(head);
  return plain(line?.[1] ?? '').trim();
}

/**
 * What Markwhen's parser reported it could not read (a repeating event's recurrence is noted
 * with the event, and a backwards range refused): a problem in an event's date leaves that
 * event out; the others are noted once, with the first of them.
 */
class ParserProblems {
  /** In the order of their place in the text. */
  readonly #all: ParseMessage[];
  readonly #inDates = new Set<ParseMessage>();

  constructor(
    messages: readonly ParseMessage[],
    private readonly lines: LineIndex,
  ) {
    this.#all = messages
      .filter(
        (m) =>
          m.type === 'error' && !/^(Cannot parse recurrence|Illogical date range)/.test(m.message),
      )
      .sort((a, b) => a.pos[0] - b.pos[0]);
  }

  /** The problem with this event's date ("line 5: …"), then noted with it; null when none. */
  inDate(event: Event): string | null {
    const { from, to } = event.textRanges.datePart;
    let at = 0;
    for (let high = this.#all.length; at < high;) {
      const middle = (at + high) >> 1;
      if ((this.#all[middle]?.pos[0] ?? 0) < from) at = middle + 1;
      else high = middle;
    }
    const [first] = this.#all.slice(at, at + 1);
    if (first === undefined || first.pos[0] > to) return null;
    for (let i = at; (this.#all[i]?.pos[0] ?? Infinity) <= to; i++) {
      this.#inDates.add(this.#all[i] as ParseMessage);
    }
    return this.#describe(first);
  }

  /** The others: one note, with the first of them. */
  note(notes: ImportNotes): void {
    const open = this.#all.filter((message) => !this.#inDates.has(message));
    const [first] = open;
    if (first === undefined) return;
    const example = this.#describe(first);
    const say = (n: number) =>
      `Markwhen could not read ${counted(n, 'part')} of the file, which ${isAre(n)} not kept (${example})`;
    open.forEach(() => notes.add('parser', say));
  }

  #describe(message: ParseMessage): string {
    const text = lineText(message.message.split('\n')[0] ?? '', 120);
    return `line ${this.lines.lineOf(message.pos[0])}: ${text}`;
  }
}

function parseSafely(source: string, context: ImportContext): Result<ParseResult> {
  try {
    // "now" in the file is the import's time, as the rest of the import has it.
    return ok(parse(source, undefined, context.now));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('invalid', `This Markwhen file cannot be read: ${reason}`);
  }
}

/** Each event with the titles of the sections it is in, outermost first. */
function* entries(
  group: EventGroup,
  sections: readonly string[],
  notes: ImportNotes,
): Generator<{ event: Event; sections: readonly string[] }> {
  for (const child of group.children) {
    if (isEvent(child)) {
      yield { event: child, sections };
      continue;
    }
    const properties: unknown = child.properties;
    if (child.tags.length > 0 || (isJsonObject(properties) && Object.keys(properties).length > 0)) {
      notes.add(
        'section-extras',
        (n) => `Tags and properties of ${counted(n, 'section')} are not kept`,
      );
    }
    const title = lineText(plain(child.title), LIMITS.title) || 'Untitled section';
    yield* entries(child, [...sections, title], notes);
  }
}

/** Reads events, keeping track of the ids given so far. */
class EntryReader {
  readonly #ids = new Set<string>();
  readonly #derived = new Map<string, number>();
  readonly #otherProperties = new Set<string>();
  /** The timeline's events by title and start, where only one has both. */
  readonly #current = new Map<string, EventId | null>();

  constructor(
    private readonly context: ImportContext,
    private readonly notes: ImportNotes,
    private readonly hasTimezone: boolean,
  ) {
    for (const event of context.current.events) {
      const key = sameEventKey(event.title, event.start);
      this.#current.set(key, this.#current.has(key) ? null : event.id);
    }
  }

  /** The event, or null for one whose dates a timeline cannot hold (noted). */
  read(event: Event, laneId: LaneId): TimelineEvent | null {
    const dates = markwhenDates(event.firstLine.datePart ?? '', event.dateRangeIso);
    if (dates === null) {
      this.notes.add(
        'out-of-range',
        (n) => `${counted(n, 'event')} dated outside the years 1 to 9999 ${isAre(n)} not kept`,
      );
      return null;
    }
    this.#noteDates(event, dates.start, dates.end);
    const properties: JsonObject = isJsonObject(event.properties) ? event.properties : {};
    this.#noteProperties(properties);
    const title = eventTitle(plain(event.firstLine.restTrimmed), 'a title', this.notes);
    const details = readDetails(event.supplemental);
    for (let i = 0; i < details.oldSyntax; i++) {
      this.notes.add(
        'old-syntax',
        (n) =>
          `${counted(n, 'line')} of older Markwhen syntax (section, group, endSection, endGroup) ${isAre(n)} kept as description text`,
      );
    }
    const status = oneOf(properties['status'], EVENT_STATUSES);
    return {
      id: this.#id(event.id, title, dates.start),
      title,
      start: dates.start,
      end: dates.end,
      description: eventDescription(details.description, this.notes),
      laneId,
      status:
        status ??
        (mustParse(dates.start).earliest > Date.parse(this.context.now) ? 'scheduled' : 'occurred'),
      certainty: oneOf(properties['certainty'], CERTAINTIES) ?? 'reported',
      tags: tagList(event.tags.map(plain)),
      actors: textList(properties['actors']),
      location: locationOf(properties['location'], event.firstLine.rest),
      sources: details.sources,
      followUpOf: null,
      createdAt: this.context.now,
      updatedAt: this.context.now,
    };
  }

  #noteDates(event: Event, start: PartialDate, end: PartialDate | null): void {
    const datePart = event.firstLine.datePart ?? '';
    const relative = event.isRelative || /\bnow\b/i.test(datePart);
    if (relative) {
      this.notes.add(
        'relative',
        (n) =>
          `${counted(n, 'event')} dated relative to another event or to "now" ${isAre(n)} kept at the dates worked out on import`,
      );
    }
    const afterDate = event.firstLine.full.slice(
      event.firstLine.full.indexOf(datePart) + datePart.length,
    );
    if (event.recurrence !== undefined || /^\s*every\b/i.test(afterDate)) {
      this.notes.add(
        'recurrence',
        (n) =>
          `${counted(n, 'repeating event')} (every …) ${isAre(n)} kept once, at ${n === 1 ? 'its' : 'their'} first date`,
      );
    }
    if (event.percent !== undefined || event.completed !== undefined) {
      this.notes.add(
        'completion',
        (n) =>
          `${counted(n, 'completion mark')} ([x], 50%) ${isAre(n)} kept only as text in the title`,
      );
    }
    const timed = [start, end].some((date) => date !== null && /T/.test(date));
    if (timed && !this.hasTimezone && !relative) {
      this.notes.add(
        'local-time',
        (n) =>
          `${counted(n, 'event')} with a time of day ${isAre(n)} read in this computer's time zone: the file's header names no timezone`,
      );
    }
  }

  #noteProperties(properties: JsonObject): void {
    const others = Object.keys(properties).filter(
      (key) =>
        !KNOWN_PROPERTIES.has(key) ||
        (key === 'status' && oneOf(properties[key], EVENT_STATUSES) === null) ||
        (key === 'certainty' && oneOf(properties[key], CERTAINTIES) === null),
    );
    for (const key of others) {
      this.#otherProperties.add(lineText(key, 40));
      const names = this.#otherProperties;
      this.notes.add('properties', (n) => {
        const listed = [...names].slice(0, 5).join(', ');
        return `${counted(n, 'event property', 'event properties')} Timeline Desk has no field for ${isAre(n)} not kept (${listed}${names.size > 5 ? ', …' : ''})`;
      });
    }
  }

  /**
   * An id property's id (a UUID as itself, else the UUID its text gives); without one, the id
   * of the timeline's one event with this title and start, else the UUID of the title and start
   * and of how many events before had both.
   */
  #id(given: string | undefined, title: string, start: PartialDate): EventId {
    const text = given?.trim() ?? '';
    const own =
      text === '' ? null : EventIdSchema.safeParse(text).success ? text : uuidFromString(text);
    if (own !== null && !this.#ids.has(own)) {
      this.#ids.add(own);
      return own as EventId;
    }
    if (own !== null) {
      this.notes.add(
        'same-id',
        (n) =>
          `${counted(n, 'event')} with the id of an earlier one ${isAre(n)} kept as ${n === 1 ? 'a separate event' : 'separate events'}`,
      );
    }
    const existing = this.#current.get(sameEventKey(title, start));
    if (own === null && existing != null && !this.#ids.has(existing)) {
      this.#ids.add(existing);
      return existing;
    }
    const key = `markwhen\n${title}\n${start}`;
    let count = (this.#derived.get(key) ?? 0) + 1;
    let id = uuidFromString(count === 1 ? key : `${key}\n${count}`);
    while (this.#ids.has(id)) id = uuidFromString(`${key}\n${++count}`);
    this.#derived.set(key, count);
    this.#ids.add(id);
    return id as EventId;
  }
}

function sameEventKey(title: string, start: PartialDate): string {
  return `${title}\n${start}`;
}

interface Details {
  readonly description: string;
  readonly sources: Source[];
  /** Lines of Markwhen's older group and section syntax, which 1.x reads as text. */
  readonly oldSyntax: number;
}

const OLD_SYNTAX = /^\s*(?:(?:section|group)\s+\S.*|end(?:section|group))\s*$/i;

/** The lines under an event: its description, and a "Sources" list at the end as sources. */
function readDetails(blocks: readonly unknown[]): Details {
  const lines = blocks.map(blockLine);
  const end = lastIndexWhere(lines, (line) => line !== '') + 1;
  const heading = lastIndexWhere(lines.slice(0, end), (line) => line === 'Sources');
  const items = heading < 0 ? [] : blocks.slice(heading + 1, end);
  const isList = items.length > 0 && items.every((block) => blockType(block) === 'listItem');
  const body = isList ? lines.slice(0, heading) : lines.slice(0, end);
  const sources = isList
    ? items.map((block) => sourceOf(plain(blockRaw(block)))).slice(0, LIMITS.sources)
    : [];
  const first = body.findIndex((line) => line !== '');
  return {
    description: first < 0 ? '' : body.slice(first).join('\n').trimEnd(),
    sources,
    oldSyntax: lines.filter((line) => OLD_SYNTAX.test(line)).length,
  };
}

/** A Markdown block of the description as one line of text. */
function blockLine(block: unknown): string {
  const raw = plain(blockRaw(block));
  switch (blockType(block)) {
    case 'listItem':
      return `- ${raw}`;
    case 'checkbox':
      return `- [${isJsonObject(block) && block['value'] === true ? 'x' : ' '}] ${raw}`;
    case 'image': {
      const image = isJsonObject(block) ? block : {};
      return `![${plain(String(image['altText'] ?? ''))}](${plain(String(image['link'] ?? ''))})`;
    }
    case 'paragraphBreak':
      return '';
    default:
      return raw;
  }
}

function blockType(block: unknown): string {
  return isJsonObject(block) && typeof block['type'] === 'string' ? block['type'] : '';
}

function blockRaw(block: unknown): string {
  return isJsonObject(block) && typeof block['raw'] === 'string' ? block['raw'] : '';
}

/** "KCNA report, KCNA, 2024-06-19 https://…": the text is the title, the address the link. */
function sourceOf(item: string): Source {
  const match = /^(.*?)\s*(https?:\/\/\S+)$/.exec(item.trim());
  const url = match?.[2] ?? '';
  const linked = url !== '' && url.length <= LIMITS.url && isHttpUrl(url);
  const title = linked ? (match?.[1] ?? '') : item;
  return {
    title: lineText(title, LIMITS.shortText) || lineText(url, LIMITS.shortText) || 'Source',
    url: linked ? url : null,
    publisher: '',
    published: null,
    quote: '',
    language: '',
  };
}

/** The location property, else the first [place](location) link of the first line. */
function locationOf(property: unknown, firstLine: string): string {
  if (typeof property === 'string' && property.trim() !== '') {
    return lineText(plain(property), LIMITS.shortText);
  }
  const link = /\[([^\]]+)\]\(location\)/i.exec(firstLine);
  return lineText(plain(link?.[1] ?? ''), LIMITS.shortText);
}

function textList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value == null ? [] : [value];
  const texts = items
    .filter((item) => typeof item === 'string' || typeof item === 'number')
    .map((item) => lineText(plain(String(item)), LIMITS.actor))
    .filter((item) => item !== '');
  return [...new Set(texts)].slice(0, LIMITS.listItems);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.find((option) => option === value) ?? null;
}

/** Line numbers of character offsets in the text. */
class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
      this.#starts.push(i + 1);
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.#starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}

/** Text without our export's zero-width spaces. */
function plain(text: string): string {
  return text.replace(ZERO_WIDTH_SPACE, '');
}

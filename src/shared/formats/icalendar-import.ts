/**
 * iCalendar (RFC 5545) files from calendar apps, read with Mozilla's ical.js; never throws.
 * - Each VEVENT is an event. One that repeats (RRULE, RDATE) is an event per occurrence from
 *   DTSTART on, for at most 2 years and 500 occurrences (the preview says what was left out),
 *   EXDATEs left out and overridden occurrences (RECURRENCE-ID) as the override has them.
 * - All-day dates (VALUE=DATE) are days. DTEND is the day after the last one (exclusive), so an
 *   event whose DTEND is the next day, equals DTSTART or is missing is that day with no end, and
 *   a longer one ends on its last day. Date-times are instants to the minute (to the second when
 *   they have seconds) at their UTC offset there: Z for UTC; for a TZID the zone's offset, from
 *   the file's VTIMEZONE or else the time zone database's zone of that name. Times without a zone
 *   (floating) or in a zone nobody knows are read as UTC, and the preview says so.
 * - SUMMARY is the title ("Untitled event" without one), DESCRIPTION the description, LOCATION
 *   the location (with GEO's "(lat, lon)"), URL a source, CATEGORIES the tags. STATUS:CANCELLED
 *   is cancelled, TENTATIVE scheduled (as our export writes scheduled and postponed); any other
 *   event is scheduled when it starts after the import, else occurred.
 * - Ids come from the UID (and an occurrence's RECURRENCE-ID), so importing the file again updates
 *   the same events; our own export's UIDs (<id>@timeline-desk) give the event its id back.
 * - The calendar's name (X-WR-CALNAME or NAME, else the file's name) is the timeline's title and
 *   names the one lane its events go to (the timeline's lane of that title if it has one);
 *   X-WR-CALDESC is the timeline's description.
 * - Alarms, attendees, organizers, attachments, comments, to-dos, journal entries and other
 *   components are not kept: the preview counts them. A file without a VEVENT is refused, and so
 *   is text ical.js cannot read, naming the line.
 */
import ICAL from 'ical.js';

import type { EventId, LaneId } from '../ids';
import { endsBeforeStart, mustParse, type PartialDate } from '../partial-date';
import { fail, ok, type Result } from '../result';
import {
  EventIdSchema,
  type EventStatus,
  isHttpUrl,
  LIMITS,
  type Source,
  type TimelineDocument,
  type TimelineEvent,
} from '../schema';
import { instantOfWallTime, isKnownZone } from '../time-zone';
import { stripBom } from './bom';
import { type Cut, isRepeating, occurrences, recurrenceKey } from './icalendar-recurrence';
import {
  addDays,
  calendarDate,
  type CalendarDay,
  compareDays,
  instantDate,
  utcDate,
  type WallTime,
} from './import-dates';
import {
  checkedDocument,
  eventDescription,
  eventTitle,
  fileTitle,
  lineText,
  tagList,
  timelineInfo,
} from './import-document';
import { uuidFromString } from './stable-uuid';
import { LaneBook } from './timelinejs-lanes';
import { counted, type ImportContext, type ImportNotes, isAre } from './types';

/** STATUS values that say what an event is; CONFIRMED (or none) goes by its date. */
const STATUSES: Readonly<Record<string, EventStatus>> = {
  CANCELLED: 'cancelled',
  TENTATIVE: 'scheduled',
};

const OWN_UID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@timeline-desk$/i;

/** The iCalendar names of the event fields, for messages. */
const FIELDS = {
  title: 'SUMMARY',
  description: 'DESCRIPTION',
  location: 'LOCATION',
  tags: 'CATEGORIES',
  sources: 'URL',
  start: 'DTSTART',
  end: 'DTEND',
} as const;

export function fromICalendar(
  text: string,
  fileName: string,
  context: ImportContext,
  notes: ImportNotes,
): Result<TimelineDocument> {
  const body = stripBom(text);
  const calendars = readCalendars(body);
  if (!calendars.ok) return calendars;
  const vevents = calendars.value.flatMap((calendar) => calendar.getAllSubcomponents('vevent'));
  noteLeftOut(calendars.value, notes);
  if (vevents.length === 0) {
    return fail('invalid', 'This calendar has no events (VEVENT): there is nothing to import');
  }
  const timeline = timelineInfo(
    context.current.timeline,
    calendarName(calendars.value) || fileTitle(fileName),
    calendarText(calendars.value, 'x-wr-caldesc'),
  );
  const lanes = new LaneBook(context.current.lanes, context.current.lanes);
  const laneId = lanes.resolve(timeline.title, []);
  if (!laneId.ok) {
    return fail(
      'invalid',
      `A lane for "${timeline.title}" would make more than ${LIMITS.lanes} lanes`,
    );
  }
  const reader = new VeventReader(vevents, laneId.value, context, notes);
  const lines = veventLines(body);
  const events: TimelineEvent[] = [];
  const places: string[] = [];
  for (const [index, vevent] of vevents.entries()) {
    const place =
      lines.length === vevents.length ? `VEVENT at line ${lines[index]}` : `VEVENT ${index + 1}`;
    const read = reader.read(vevent, place);
    if (!read.ok) return read;
    events.push(...read.value);
    places.push(...read.value.map(() => place));
    if (events.length > LIMITS.maxEvents) break;
  }
  return checkedDocument(timeline, lanes.all(), events, { of: places, fields: FIELDS });
}

/** The VCALENDARs in the text, or why it cannot be read (naming the line when it can). */
function readCalendars(text: string): Result<ICAL.Component[]> {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    return fail('invalid', `This iCalendar file cannot be read: ${parseProblem(text, error)}`);
  }
  if (!Array.isArray(jcal)) return fail('invalid', 'This file holds no calendar (BEGIN:VCALENDAR)');
  // One component is [name, properties, components]; several are a list of those.
  const roots: unknown[] = typeof jcal[0] === 'string' ? [jcal] : jcal;
  const calendars = roots
    .filter((root): root is unknown[] => Array.isArray(root))
    .map((root) => new ICAL.Component(root))
    .filter((component) => component.name === 'vcalendar');
  if (calendars.length === 0) {
    return fail('invalid', 'This file holds no calendar (BEGIN:VCALENDAR)');
  }
  return ok(calendars);
}

/** Reads VEVENTs into events, knowing them all so an override finds the event it overrides. */
class VeventReader {
  readonly #byUid = new Map<string, ICAL.Component[]>();
  /** UIDs of the repeating events, whose overrides they read. */
  readonly #repeating = new Set<string>();
  readonly #ids = new Set<string>();

  constructor(
    vevents: readonly ICAL.Component[],
    private readonly laneId: LaneId,
    private readonly context: ImportContext,
    private readonly notes: ImportNotes,
  ) {
    for (const vevent of vevents) {
      const uid = uidOf(vevent);
      if (uid === '') continue;
      const same = this.#byUid.get(uid);
      if (same === undefined) this.#byUid.set(uid, [vevent]);
      else same.push(vevent);
      if (isRepeating(vevent)) this.#repeating.add(uid);
    }
  }

  /** The events one VEVENT makes: none for an override its repeating event reads. */
  read(vevent: ICAL.Component, place: string): Result<TimelineEvent[]> {
    try {
      if (this.#overridesRepeating(vevent)) return ok([]);
      if (!vevent.hasProperty('dtstart')) {
        this.notes.add(
          'no-start',
          (n) => `${counted(n, 'event')} without a start (DTSTART) ${isAre(n)} not kept`,
        );
        return ok([]);
      }
      const uid = uidOf(vevent) || `${textOf(vevent, 'summary')}\n${textOf(vevent, 'dtstart')}`;
      if (isRepeating(vevent)) return ok(this.#readRepeating(vevent, uid));
      const event = new ICAL.Event(vevent, { exceptions: [] });
      const recurrence = vevent.hasProperty('recurrence-id')
        ? recurrenceKey(event.recurrenceId)
        : null;
      return ok([this.#event(event, event.startDate, event.endDate, uid, recurrence)]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail('invalid', `${place}: ${reason}`, place);
    }
  }

  /** True for an override (RECURRENCE-ID) of a repeating event the file also holds. */
  #overridesRepeating(vevent: ICAL.Component): boolean {
    return vevent.hasProperty('recurrence-id') && this.#repeating.has(uidOf(vevent));
  }

  #readRepeating(vevent: ICAL.Component, uid: string): TimelineEvent[] {
    const overrides = (this.#byUid.get(uidOf(vevent)) ?? []).filter(
      (other) => other !== vevent && other.hasProperty('recurrence-id'),
    );
    const event = new ICAL.Event(vevent, { strictExceptions: true, exceptions: overrides });
    const found = occurrences(vevent, event.startDate);
    if (found.cut !== null) noteCut(found.cut, this.notes);
    const read = found.times.map((time) => {
      const details = event.getOccurrenceDetails(time);
      const key = recurrenceKey(details.recurrenceId);
      return {
        key,
        event: this.#event(details.item, details.startDate, details.endDate, uid, key),
      };
    });
    // An override of a date the rules do not give (moved from an EXDATE, say) is its own event.
    const keys = new Set(read.map((occurrence) => occurrence.key));
    const last = found.times.at(-1)?.toUnixTime() ?? Number.NEGATIVE_INFINITY;
    const others = overrides
      .map((override) => new ICAL.Event(override, { exceptions: [] }))
      .filter((override) => {
        const key = recurrenceKey(override.recurrenceId);
        return !keys.has(key) && (found.cut === null || override.recurrenceId.toUnixTime() <= last);
      })
      .map((override) => {
        const key = recurrenceKey(override.recurrenceId);
        return this.#event(override, override.startDate, override.endDate, uid, key);
      });
    return [...read.map((occurrence) => occurrence.event), ...others];
  }

  /** One event: `item` gives the text (an override has its own), start and end the dates. */
  #event(
    item: ICAL.Event,
    start: ICAL.Time,
    end: ICAL.Time,
    uid: string,
    recurrence: string | null,
  ): TimelineEvent {
    const component = item.component;
    const dates = this.#dates(component, start, end);
    const url = textOf(component, 'url').trim();
    return {
      id: this.#id(uid, recurrence),
      title: eventTitle(textOf(component, 'summary'), 'a title (SUMMARY)', this.notes),
      start: dates.start,
      end: dates.end,
      description: eventDescription(textOf(component, 'description'), this.notes),
      laneId: this.laneId,
      status: this.#status(textOf(component, 'status'), dates.start),
      certainty: 'reported',
      tags: tagList(categories(component)),
      actors: [],
      location: locationOf(component),
      sources: url === '' ? [] : sourcesOf(url, this.notes),
      followUpOf: null,
      createdAt: this.context.now,
      updatedAt: this.context.now,
    };
  }

  #dates(component: ICAL.Component, start: ICAL.Time, end: ICAL.Time): EventDates {
    const zones = { start: tzidOf(component, 'dtstart'), end: tzidOf(component, 'dtend') };
    const from = readTime(start, zones.start, this.notes);
    if (from === null) {
      throw new Error(`DTSTART: ${start.toString()} is not a date between the years 1 and 9999`);
    }
    const fromDay = dayOf(start);
    if (end.isDate) {
      const endDay = dayOf(end);
      if (compareDays(endDay, fromDay) < 0) return this.#endBeforeStart(from);
      const last = addDays(endDay, -1);
      // Exclusive: a DTEND of the next day, or DTSTART's own, is a one-day event.
      if (start.isDate && compareDays(last, fromDay) <= 0) return { start: from, end: null };
      const ending = calendarDate(last);
      return ending === null || endsBeforeStart(from, ending)
        ? { start: from, end: null }
        : { start: from, end: ending };
    }
    if (end.toUnixTime() === start.toUnixTime() && !start.isDate) return { start: from, end: null };
    const to = readTime(end, zones.end ?? zones.start, this.notes);
    if (to === null) return { start: from, end: null };
    if (endsBeforeStart(from, to) || end.toUnixTime() < start.toUnixTime()) {
      return this.#endBeforeStart(from);
    }
    return { start: from, end: to };
  }

  #status(status: string, start: PartialDate): EventStatus {
    const said = STATUSES[status.trim().toUpperCase()];
    if (said !== undefined) return said;
    return mustParse(start).earliest > Date.parse(this.context.now) ? 'scheduled' : 'occurred';
  }

  #endBeforeStart(start: PartialDate): EventDates {
    this.notes.add(
      'end-before-start',
      (n) =>
        `${counted(n, 'event')} whose end (DTEND) is before ${n === 1 ? 'its' : 'their'} start ${isAre(n)} kept without an end`,
    );
    return { start, end: null };
  }

  /** The id the UID (and occurrence) always give; a UID used twice gets a second one, and so on. */
  #id(uid: string, recurrence: string | null): EventId {
    const own = recurrence === null ? OWN_UID.exec(uid)?.[1]?.toLowerCase() : undefined;
    const key = recurrence === null ? uid : `${uid}\n${recurrence}`;
    let id = own !== undefined && EventIdSchema.safeParse(own).success ? own : uuidFromString(key);
    if (this.#ids.has(id)) {
      for (let n = 2; this.#ids.has(id); n++) id = uuidFromString(`${key}\n${n}`);
      this.notes.add(
        'same-uid',
        (count) =>
          `${counted(count, 'event')} with the UID of an earlier one ${isAre(count)} kept as ${count === 1 ? 'a separate event' : 'separate events'}`,
      );
    }
    this.#ids.add(id);
    return id as EventId;
  }
}

interface EventDates {
  readonly start: PartialDate;
  readonly end: PartialDate | null;
}

/** A time as a partial date: a date as its day, a date-time as an instant at its offset. */
function readTime(time: ICAL.Time, tzid: string | null, notes: ImportNotes): PartialDate | null {
  if (time.isDate) return calendarDate(dayOf(time));
  const wall: WallTime = {
    ...dayOf(time),
    hour: time.hour,
    minute: time.minute,
    second: time.second,
  };
  if (time.zone === ICAL.Timezone.utcTimezone) return instantDate(wall, 0);
  if (time.zone === ICAL.Timezone.localTimezone) {
    const offset = tzid === null ? null : databaseOffset(tzid, wall);
    if (offset !== null) return instantDate(wall, offset) ?? utcInstant(time);
    if (tzid === null) {
      notes.add(
        'floating',
        (n) => `${counted(n, 'time')} without a time zone (floating) ${isAre(n)} read as UTC`,
      );
    } else {
      notes.add(
        `zone ${tzid}`,
        (n) =>
          `${counted(n, 'time')} in the time zone "${lineText(tzid, 60)}", which the file does not define, ${isAre(n)} read as UTC`,
      );
    }
    return instantDate(wall, 0);
  }
  const offset = time.utcOffset() / 60;
  return instantDate(wall, offset) ?? utcInstant(time);
}

/** The instant in UTC, for an offset a partial date cannot write (seconds in it, say). */
function utcInstant(time: ICAL.Time): PartialDate | null {
  const date = new Date(time.toUnixTime() * 1000);
  const wall: WallTime = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
  return instantDate(wall, 0);
}

/**
 * The UTC offset (minutes) at a wall time in a time zone the file names but does not define, from
 * the time zone database ("Europe/Paris"); null for a zone it does not know.
 */
function databaseOffset(tzid: string, wall: WallTime): number | null {
  if (!isKnownZone(tzid)) return null;
  const asUtc = utcDate(
    wall.year,
    wall.month,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  ).getTime();
  return Math.round((asUtc - instantOfWallTime(tzid, asUtc)) / 60_000);
}

function noteCut(cut: Cut, notes: ImportNotes): void {
  const say: Record<Cut, (n: number) => string> = {
    count: (n) =>
      `Occurrences of ${counted(n, 'repeating event')} after the first 500 are not kept`,
    window: (n) =>
      `Occurrences of ${counted(n, 'repeating event')} more than 2 years after the first are not kept`,
    stalled: (n) =>
      `Occurrences of ${counted(n, 'repeating event')} whose rule (RRULE) finds no further date are not kept`,
    invalid: (n) =>
      `${counted(n, 'repeating event')} whose rule (RRULE) cannot be worked out ${isAre(n)} kept without the rule's dates`,
  };
  notes.add(`recurrence ${cut}`, say[cut]);
}

/** What the calendars hold that no event keeps, counted for the preview. */
function noteLeftOut(calendars: readonly ICAL.Component[], notes: ImportNotes): void {
  for (const calendar of calendars) {
    for (const component of calendar.getAllSubcomponents()) {
      if (component.name === 'vevent') noteEventExtras(component, notes);
      else if (component.name !== 'vtimezone') noteComponent(component.name, notes);
    }
  }
}

const LEFT_OUT_PROPERTIES: readonly (readonly [name: string, one: string, many?: string])[] = [
  ['attendee', 'attendee'],
  ['organizer', 'organizer'],
  ['attach', 'attachment'],
  ['comment', 'comment'],
  ['contact', 'contact'],
  ['resources', 'resource list'],
];

function noteEventExtras(vevent: ICAL.Component, notes: ImportNotes): void {
  for (const [name, one, many] of LEFT_OUT_PROPERTIES) {
    const say = (n: number) =>
      `${counted(n, one, many)} (${name.toUpperCase()}) ${isAre(n)} not kept`;
    vevent.getAllProperties(name).forEach(() => notes.add(name, say));
  }
  for (const alarm of vevent.getAllSubcomponents('valarm')) {
    noteComponent(alarm.name, notes);
  }
}

const COMPONENT_NAMES: Readonly<Record<string, readonly [one: string, many?: string]>> = {
  valarm: ['alarm'],
  vtodo: ['to-do'],
  vjournal: ['journal entry', 'journal entries'],
  vfreebusy: ['free/busy list'],
};

function noteComponent(name: string, notes: ImportNotes): void {
  const [one, many] = COMPONENT_NAMES[name] ?? [`${name.toUpperCase()} component`];
  notes.add(
    `component ${name}`,
    (n) => `${counted(n, one, many)} (${name.toUpperCase()}) ${isAre(n)} not kept`,
  );
}

function calendarName(calendars: readonly ICAL.Component[]): string {
  return calendarText(calendars, 'x-wr-calname') ?? calendarText(calendars, 'name') ?? '';
}

/** A calendar's X- text property, which ical.js leaves escaped; null when none has it. */
function calendarText(calendars: readonly ICAL.Component[], name: string): string | null {
  for (const calendar of calendars) {
    const value = textOf(calendar, name);
    if (value.trim() !== '') return unescapeText(value);
  }
  return null;
}

/** A TEXT value's escapes (RFC 5545 3.3.11) undone: \\ \; \, \n. */
function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, char: string) =>
    char === 'n' || char === 'N' ? '\n' : char,
  );
}

function textOf(component: ICAL.Component, name: string): string {
  const value: unknown = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : value == null ? '' : String(value);
}

function uidOf(component: ICAL.Component): string {
  return textOf(component, 'uid').trim();
}

function tzidOf(component: ICAL.Component, name: string): string | null {
  const tzid: unknown = component.getFirstProperty(name)?.getParameter('tzid');
  return typeof tzid === 'string' && tzid !== '' ? tzid : null;
}

function dayOf(time: ICAL.Time): CalendarDay {
  return { year: time.year, month: time.month, day: time.day };
}

function categories(component: ICAL.Component): string[] {
  return component
    .getAllProperties('categories')
    .flatMap((property) => property.getValues())
    .filter((value: unknown): value is string => typeof value === 'string');
}

/** LOCATION, with GEO's position after it, as a TimelineJS slide's location is read. */
function locationOf(component: ICAL.Component): string {
  const place = lineText(textOf(component, 'location'), LIMITS.shortText);
  const geo: unknown = component.getFirstPropertyValue('geo');
  const where =
    Array.isArray(geo) && geo.length === 2 && geo.every((part) => Number.isFinite(part))
      ? `${String(geo[0])}, ${String(geo[1])}`
      : '';
  return lineText(place && where ? `${place} (${where})` : place || where, LIMITS.shortText);
}

/** URL as a source titled by its host; an address that is not a web one is noted and left out. */
function sourcesOf(url: string, notes: ImportNotes): Source[] {
  if (!isHttpUrl(url) || url.length > LIMITS.url) {
    notes.add('url-not-web', (n) =>
      n === 1
        ? '1 link (URL) that is not a web address (http or https) is not kept'
        : `${counted(n, 'link')} (URL) that are not web addresses (http or https) are not kept`,
    );
    return [];
  }
  return [
    {
      title: lineText(new URL(url).hostname, LIMITS.shortText) || lineText(url, LIMITS.shortText),
      url,
      publisher: '',
      published: null,
      quote: '',
      language: '',
    },
  ];
}

/** The line each BEGIN:VEVENT is on, in order (for messages). */
function veventLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    if (/^BEGIN:VEVENT\s*$/i.test(line)) lines.push(index + 1);
  });
  return lines;
}

/** ical.js's reason, with the line it is about found in the text. */
function parseProblem(text: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (/component began but did not end/.test(reason)) return unclosedBegin(text) ?? reason;
  // What it quotes is from the line (the line itself, or a value in it), or is not in the text
  // at all ('expected: "DAILY, …"'); the longest quote found in a line names it.
  const quotes = [...reason.matchAll(/"([^"]+)"|'([^']+)'/g)]
    .map((match) => match[1] ?? match[2] ?? '')
    .sort((a, b) => b.length - a.length);
  const fragment = quotes.find((quote) => lineHolding(text, quote) !== null);
  const line = fragment === undefined ? null : lineHolding(text, fragment);
  if (line === null) return reason;
  if (/^invalid line \(no token/.test(reason)) {
    return `line ${line} is not a calendar line such as NAME:value (${JSON.stringify(fragment)})`;
  }
  return `line ${line}: ${reason}`;
}

/** The first line (joined with its folded continuations) holding `fragment`. */
function lineHolding(text: string, fragment: string): number | null {
  const physical = text.split(/\r\n|\n|\r/);
  let start = 0;
  let logical = '';
  for (const [index, line] of physical.entries()) {
    if (/^[ \t]/.test(line) && index > 0) {
      logical += line.slice(1);
    } else {
      if (index > 0 && logical.includes(fragment)) return start + 1;
      start = index;
      logical = line;
    }
  }
  return logical.includes(fragment) ? start + 1 : null;
}

/** "line 12: BEGIN:VEVENT has no END:VEVENT", for the first component left open. */
function unclosedBegin(text: string): string | null {
  const open: { name: string; line: number }[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    const match = /^(BEGIN|END):(\S+)\s*$/i.exec(line);
    if (!match) return;
    const name = (match[2] ?? '').toUpperCase();
    if ((match[1] ?? '').toUpperCase() === 'BEGIN') open.push({ name, line: index + 1 });
    else if (open.at(-1)?.name === name) open.pop();
  });
  const last = open.at(-1);
  return last === undefined
    ? null
    : `line ${last.line}: BEGIN:${last.name} has no END:${last.name}`;
}

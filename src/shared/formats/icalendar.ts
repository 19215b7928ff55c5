/**
 * iCalendar (RFC 5545, export only): one VEVENT per event, for calendar apps.
 * - Calendar dates are all-day events over their whole period: a day, a month, a year, or a
 *   range of them; DTEND is the day after the last day (it is exclusive).
 * - When the start or the end has a time, both are UTC date-times (RFC 5545 wants one value
 *   type for both); a time is an instant, a calendar date as the end covers its whole period
 *   (see period-end.ts), and an event with a time and no end has no DTEND (it takes no time).
 * - UID is the event id @timeline-desk, so a calendar that imports the file again updates the
 *   events; DTSTAMP and LAST-MODIFIED are updatedAt, CREATED is createdAt.
 * - DESCRIPTION holds the description, then actors, certainty and the sources; CATEGORIES the
 *   tags; URL the first source's web address. STATUS: occurred is CONFIRMED, cancelled is
 *   CANCELLED, scheduled and postponed are TENTATIVE.
 * - Text is escaped (\\ \; \, \n), control characters are left out, and lines are folded at 75
 *   octets of UTF-8 without splitting a character; lines end with CRLF.
 */
import { mustParse, type PartialDate } from '../partial-date';
import type { EventStatus, Source, TimelineDocument, TimelineEvent } from '../schema';
import { endInstant } from './period-end';

const PRODID = '-//Timeline Desk//Timeline Desk//EN';
const UID_DOMAIN = 'timeline-desk';

const STATUSES: Readonly<Record<EventStatus, string>> = {
  scheduled: 'TENTATIVE',
  occurred: 'CONFIRMED',
  cancelled: 'CANCELLED',
  postponed: 'TENTATIVE',
};

export function toICalendar(doc: TimelineDocument): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(doc.timeline.title)}`,
    ...(doc.timeline.description === ''
      ? []
      : [`X-WR-CALDESC:${escapeText(doc.timeline.description)}`]),
    ...doc.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function eventLines(event: TimelineEvent): string[] {
  const url = event.sources.find((source) => source.url !== null)?.url ?? null;
  return [
    'BEGIN:VEVENT',
    `UID:${event.id}@${UID_DOMAIN}`,
    `DTSTAMP:${utcDateTime(Date.parse(event.updatedAt))}`,
    `CREATED:${utcDateTime(Date.parse(event.createdAt))}`,
    `LAST-MODIFIED:${utcDateTime(Date.parse(event.updatedAt))}`,
    ...dateLines(event.start, event.end),
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(descriptionText(event))}`,
    ...(event.location === '' ? [] : [`LOCATION:${escapeText(event.location)}`]),
    ...(event.tags.length === 0 ? [] : [`CATEGORIES:${event.tags.map(escapeText).join(',')}`]),
    // The parsed form: percent-encoded, so no line break or space can end up in the line.
    ...(url === null ? [] : [`URL:${new URL(url).href}`]),
    `STATUS:${STATUSES[event.status]}`,
    'END:VEVENT',
  ];
}

/** DTSTART and DTEND for an event's dates, as the module comment says. */
export function dateLines(start: PartialDate, end: PartialDate | null): string[] {
  const from = mustParse(start);
  const to = end === null ? null : mustParse(end);
  const hasTime = (date: typeof from | null) =>
    date !== null && (date.precision === 'minute' || date.precision === 'second');
  if (hasTime(from) || hasTime(to)) {
    const until = to === null ? null : endInstant(from, to);
    return [
      `DTSTART:${utcDateTime(from.earliest)}`,
      ...(until === null ? [] : [`DTEND:${utcDateTime(until)}`]),
    ];
  }
  const last = (to ?? from).latestExclusive;
  // A one-day event may leave out DTEND; writing it anyway says plainly where it ends.
  return [`DTSTART;VALUE=DATE:${basicDate(from.earliest)}`, `DTEND;VALUE=DATE:${basicDate(last)}`];
}

function descriptionText(event: TimelineEvent): string {
  const parts = [event.description];
  if (event.actors.length > 0) parts.push(`Actors: ${event.actors.join(', ')}`);
  parts.push(`Certainty: ${event.certainty}`);
  if (event.sources.length > 0)
    parts.push(['Sources:', ...event.sources.map(sourceLine)].join('\n'));
  return parts.filter((part) => part !== '').join('\n\n');
}

function sourceLine(source: Source): string {
  const parts = [source.title, source.publisher, source.published ?? '', source.url ?? ''];
  return `- ${parts.filter((part) => part !== '').join(', ')}`;
}

/** 20240616 for the UTC day of an instant. */
function basicDate(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10).replaceAll('-', '');
}

/** 20240616T093000Z: an instant in UTC, in the basic format. */
function utcDateTime(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

// RFC 5545 TEXT allows no control characters but tab (line breaks are written as \n).
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A TEXT value (RFC 5545 3.3.11): \ ; , escaped, any line break as \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n|\r/g, '\n')
    .replace(CONTROL, '')
    .replace(/[\\;,\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = lines.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

/**
 * What the importers of calendar formats (iCalendar, Markwhen) share: one-line text as the
 * schema takes it, titles, the timeline's title from the file's name, and the last step that
 * checks the whole document, naming a problem by its place in the file and that format's name
 * for the field ("VEVENT at line 12, SUMMARY: …").
 */
import { fail, ok, type Result } from '../result';
import {
  FORMAT,
  FORMAT_VERSION,
  type Lane,
  LIMITS,
  type TimelineDocument,
  TimelineDocumentSchema,
  type TimelineEvent,
  type TimelineInfo,
} from '../schema';
import { formatPath } from '../validation';
import { clip, oneLine } from './timelinejs-read';
import { counted, type ImportNotes, isAre } from './types';

export const UNTITLED = 'Untitled event';

/** Text for a one-line field of at most `max` characters. */
export function lineText(text: string, max: number): string {
  return clip(oneLine(text), max);
}

/**
 * An event's title: one line, cut to the schema's length, "Untitled event" when there is none.
 * `missing` names what the file lacked ("a title (SUMMARY)") for the preview's note.
 */
export function eventTitle(text: string, missing: string, notes: ImportNotes): string {
  const title = oneLine(text);
  if (title === '') {
    notes.add(
      'untitled',
      (n) => `${counted(n, 'event')} without ${missing} ${isAre(n)} called "${UNTITLED}"`,
    );
    return UNTITLED;
  }
  if (title.length > LIMITS.title) {
    notes.add(
      'long-title',
      (n) => `${counted(n, 'title')} longer than ${LIMITS.title} characters ${isAre(n)} cut short`,
    );
  }
  return clip(title, LIMITS.title);
}

/** A description cut to the schema's length, with a note when it was. */
export function eventDescription(text: string, notes: ImportNotes): string {
  if (text.length <= LIMITS.description) return text;
  notes.add(
    'long-description',
    (n) =>
      `${counted(n, 'description')} longer than ${LIMITS.description.toLocaleString('en')} characters ${isAre(n)} cut short`,
  );
  return clip(text, LIMITS.description);
}

/** Tags as one-line text, each once, as many as the schema takes. */
export function tagList(tags: readonly string[]): string[] {
  const cleaned = tags.map((tag) => lineText(tag, LIMITS.tag)).filter((tag) => tag !== '');
  return [...new Set(cleaned)].slice(0, LIMITS.listItems);
}

/** "story" for "story.ics"; '' when nothing is left. */
export function fileTitle(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return lineText(base.replace(/\.[^.]*$/, ''), LIMITS.title);
}

/** The imported timeline's info: the current timeline's id, the title and description found. */
export function timelineInfo(
  current: TimelineInfo,
  title: string,
  description: string | null,
): TimelineInfo {
  return {
    id: current.id,
    title: lineText(title, LIMITS.title) || current.title,
    description: description === null ? current.description : clip(description, LIMITS.description),
  };
}

/** Where each event came from in the file, and the format's names for the event's fields. */
export interface EventPlaces {
  /** By event index, e.g. "VEVENT at line 12" or "line 7". */
  readonly of: readonly string[];
  /** Field names as the format calls them, e.g. { title: 'SUMMARY' }. */
  readonly fields: Readonly<Partial<Record<keyof TimelineEvent, string>>>;
}

/** The document checked by its schema; a problem is named by its place in the file. */
export function checkedDocument(
  timeline: TimelineInfo,
  lanes: readonly Lane[],
  events: readonly TimelineEvent[],
  places: EventPlaces,
): Result<TimelineDocument> {
  if (events.length > LIMITS.maxEvents) {
    return fail(
      'invalid',
      `This file would make more than ${LIMITS.maxEvents.toLocaleString('en')} events`,
    );
  }
  const parsed = TimelineDocumentSchema.safeParse({
    format: FORMAT,
    version: FORMAT_VERSION,
    timeline,
    lanes,
    events,
  });
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const message = issue?.message ?? 'is not valid';
  const [head, index, field, ...rest] = issue?.path ?? [];
  if (head === 'events' && typeof index === 'number' && typeof field === 'string') {
    const name = places.fields[field as keyof TimelineEvent] ?? field;
    const place = `${places.of[index] ?? `event ${index + 1}`}, ${formatPath([name, ...rest])}`;
    return fail('invalid', `${place}: ${message}`, place);
  }
  const path = formatPath(issue?.path ?? []);
  return fail('invalid', path === '' ? message : `${path}: ${message}`);
}

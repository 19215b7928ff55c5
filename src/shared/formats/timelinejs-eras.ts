/**
 * TimelineJS's `eras` both ways: each era (start_date, end_date, text.headline) is one of our
 * eras, a named span shaded behind the lanes. Dates are read at the precision of the parts given,
 * as slides' are; an era's text has no place here and is noted, as is an era with no end date
 * (TimelineJS refuses those too). `unique_id` is the era's id, so a round trip keeps it; without
 * one the id comes from the name and dates, so importing the file again finds the same eras.
 * Our export also writes the era under `timeline_desk`: a headline or dates the file still shows
 * as we wrote them are taken from there exactly, as slides' are (timelinejs-import.ts).
 */
import type { EraId } from '../ids';
import { endsBeforeStart, type PartialDate } from '../partial-date';
import { ok, type Result } from '../result';
import { type Era, EraIdSchema, EraSchema, LIMITS } from '../schema';
import { formatPath, parseWith } from '../validation';
import { readHtml } from './html-text';
import { isJsonObject } from './migrate';
import { uuidFromString } from './stable-uuid';
import { TIMELINE_DESK_KEY, type TimelineJsDate, toTimelineJsEra } from './timelinejs-export';
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
import { counted, type ImportNotes, isAre } from './types';

/** A file's `eras` (absent: none); a bad date is refused at its place, as a slide's is. */
export function readEras(value: unknown, notes: ImportNotes): Result<Era[]> {
  if (value == null) return ok([]);
  if (!Array.isArray(value)) return placeFail(['eras'], 'is not a list of eras');
  if (value.length > LIMITS.eras) return placeFail(['eras'], `has more than ${LIMITS.eras} eras`);
  const eras: Era[] = [];
  const ids = new Set<string>();
  for (const [index, item] of value.entries()) {
    const era = readEra(item, ['eras', index], notes);
    if (!era.ok) return era;
    if (era.value === null) continue;
    if (ids.has(era.value.id)) {
      notes.add('era-repeated', (n) =>
        n === 1
          ? '1 era that repeats another is not kept'
          : `${counted(n, 'era')} that repeat others are not kept`,
      );
      continue;
    }
    ids.add(era.value.id);
    eras.push(era.value);
  }
  return ok(eras);
}

/** One era, or null when it has no end (noted). */
function readEra(value: unknown, place: Place, notes: ImportNotes): Result<Era | null> {
  if (!isJsonObject(value)) return placeFail(place, 'is not an era (an object)');
  const start = readDate(own(value, 'start_date'), [...place, 'start_date']);
  if (!start.ok) return start;
  const endValue = own(value, 'end_date');
  if (endValue == null || isBlankDate(endValue)) {
    notes.add(
      'era-no-end',
      (n) => `${counted(n, 'era')} without an end date ${isAre(n)} not kept (an era is a span)`,
    );
    return ok(null);
  }
  const end = readDate(endValue, [...place, 'end_date']);
  if (!end.ok) return end;
  if (endsBeforeStart(start.value, end.value)) {
    return placeFail([...place, 'end_date'], 'is before the start');
  }
  const text = own(value, 'text');
  const headline = readString(isJsonObject(text) ? own(text, 'headline') : null, [
    ...place,
    'text',
    'headline',
  ]);
  if (!headline.ok) return headline;
  const body = readString(isJsonObject(text) ? own(text, 'text') : null, [
    ...place,
    'text',
    'text',
  ]);
  if (!body.ok) return body;
  if (readHtml(body.value ?? '').text.trim() !== '') {
    notes.add(
      'era-text',
      (n) =>
        `${counted(n, 'era description')} ${isAre(n)} not kept (an era keeps its name and dates)`,
    );
  }
  const read = clip(oneLine(readHtml(headline.value ?? '').text) || 'Untitled era', LIMITS.title);
  const id = readString(own(value, 'unique_id'), [...place, 'unique_id']);
  if (!id.ok) return id;
  const stored = storedEra(own(value, TIMELINE_DESK_KEY), [...place, TIMELINE_DESK_KEY]);
  if (!stored.ok) return stored;
  const saved = stored.value;
  const shown = saved && toTimelineJsEra(saved);
  const sameDates =
    saved !== null &&
    shown !== null &&
    start.value === canonical(shown.start_date) &&
    end.value === canonical(shown.end_date);
  const sameTitle = saved !== null && headline.value === shown?.text.headline;
  const title = sameTitle ? saved.title : read;
  return ok({
    id: eraId(id.value, saved, title, start.value, end.value),
    title,
    start: sameDates ? saved.start : start.value,
    end: sameDates ? saved.end : end.value,
  });
}

function storedEra(value: unknown, place: Place): Result<Era | null> {
  if (value == null) return ok(null);
  return parseWith(EraSchema, value, formatPath(place));
}

/** The date our own export wrote, read back as import reads it. */
function canonical(date: TimelineJsDate): PartialDate | null {
  const read = readDate(date, []);
  return read.ok ? read.value : null;
}

function eraId(
  given: string | null,
  saved: Era | null,
  title: string,
  start: string,
  end: string,
): EraId {
  const text = given?.trim() ?? '';
  if (text === '' && saved) return saved.id;
  const uuid = EraIdSchema.safeParse(text);
  if (uuid.success) return uuid.data;
  return uuidFromString(text === '' ? `era\n${title}\n${start}\n${end}` : text) as EraId;
}

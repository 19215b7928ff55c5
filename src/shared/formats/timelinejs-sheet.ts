/**
 * TimelineJS's Google-sheet template saved as CSV (the template most newsroom timelines start
 * from), recognised by its columns. Each row becomes the slide TimelineJS itself makes of it
 * (its ConfigFactory.extractEventFromCSVObject: date parts, "Time" as h:mm[:ss] with an optional
 * AM/PM, media, group, type), and the slides are read as TimelineJS JSON (timelinejs-import.ts):
 * the "title" row is the story's title, "era" rows are eras. A refusal names the row as a
 * spreadsheet numbers it and the column, not the slide.
 */
import Papa from 'papaparse';

import { fail, type Result } from '../result';
import type { TimelineDocument } from '../schema';
import type { BadRows } from './bad-rows';
import { stripBom } from './bom';
import { type CsvDelimiter, isFilledRow } from './detect';
import { fromTimelineJs } from './timelinejs-import';
import { type ImportContext, ImportNotes } from './types';

type Row = Readonly<Record<string, string>>;

/** Where each slide's date parts come from in the sheet, for messages. */
const DATE_COLUMNS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  start_date: { year: 'Year', month: 'Month', day: 'Day', hour: 'Time', minute: 'Time' },
  end_date: { year: 'End Year', month: 'End Month', day: 'End Day', hour: 'End Time' },
};
const TEXT_COLUMNS: Readonly<Record<string, string>> = { headline: 'Headline', text: 'Text' };

/**
 * The sheet as a document. With `badRows`, a row that cannot be read is listed there and left
 * out (the file is refused only when no row can be read); without, the first one refuses it.
 */
export function fromTimelineJsSheet(
  text: string,
  delimiter: CsvDelimiter,
  context: ImportContext,
  notes: ImportNotes,
  badRows?: BadRows,
): Result<TimelineDocument> {
  const parsed = Papa.parse<string[]>(stripBom(text), { delimiter, skipEmptyLines: false });
  const headerAt = Math.max(parsed.data.findIndex(isFilledRow), 0);
  const header = (parsed.data[headerAt] ?? []).map((cell) => cell.trim());
  const slides: object[] = [];
  const eras: object[] = [];
  let title: object | null = null;
  /** The spreadsheet row of each slide and of each era, for messages. */
  const rowOf: number[] = [];
  const eraRowOf: number[] = [];
  for (const [i, cells] of parsed.data.slice(headerAt + 1).entries()) {
    if (!isFilledRow(cells)) continue;
    const rowNumber = headerAt + i + 2;
    const row: Row = Object.fromEntries(header.map((name, at) => [name, (cells[at] ?? '').trim()]));
    const slide = slideOf(row);
    if (!slide.ok) {
      if (badRows === undefined) return fail('invalid', `row ${rowNumber}, ${slide.error}`);
      badRows.add(`row ${rowNumber}, ${slide.error}`);
      continue;
    }
    const type = row['Type']?.toLowerCase() ?? '';
    if (type === 'title') title = slide.value;
    else if (type === 'era') {
      eras.push(slide.value);
      eraRowOf.push(rowNumber);
    } else {
      slides.push(slide.value);
      rowOf.push(rowNumber);
    }
  }
  // Noted only once kept: with bad rows the good ones are read again.
  const firstNotes = new ImportNotes();
  const document = fromTimelineJs({ title, eras, events: slides }, context, firstNotes);
  if (document.ok) {
    notes.absorb(firstNotes);
    return slides.length === 0 && badRows !== undefined && badRows.count > 0
      ? badRows.refusal()
      : document;
  }
  const refusal = fail(
    document.error.code,
    inSheetTerms(document.error.message, { events: rowOf, eras: eraRowOf }),
  );
  if (badRows === undefined || !/^events\[\d+\]/.test(document.error.message)) return refusal;
  // Which slides TimelineJS's reading refuses, each on its own; the good ones are read together.
  const good = slides.filter((slide, at) => {
    const alone = fromTimelineJs(
      { title: null, eras: [], events: [slide] },
      context,
      new ImportNotes(),
    );
    if (alone.ok) return true;
    const message = alone.error.message.replace(/^events\[0\]/, `events[${at}]`);
    badRows.add(inSheetTerms(message, { events: rowOf, eras: eraRowOf }));
    return false;
  });
  if (good.length === 0) return badRows.refusal();
  const kept = fromTimelineJs({ title, eras, events: good }, context, notes);
  return kept.ok ? kept : refusal;
}

/** One row as TimelineJS makes it a slide; a time it cannot read is refused at its column. */
function slideOf(row: Row): Read<object> {
  const cell = (name: string): string => row[name] ?? '';
  const number = (name: string): string => cell(name).replace(/[\s,]+/g, '');
  const date = (
    parts: [year: string, month: string, day: string, time: string],
  ): Read<object | null> => {
    const [year, month, day, time] = parts;
    if (number(year) === '') {
      return cell(time) === '' ? ok(null) : err(`${time}: is given without a ${year}`);
    }
    const clock = cell(time) === '' ? ok({}) : readTime(cell(time), time);
    if (!clock.ok) return clock;
    return ok({ year: number(year), month: number(month), day: number(day), ...clock.value });
  };
  const start = date(['Year', 'Month', 'Day', 'Time']);
  if (!start.ok) return start;
  const end = date(['End Year', 'End Month', 'End Day', 'End Time']);
  if (!end.ok) return end;
  const slide: Record<string, unknown> = {
    text: { headline: cell('Headline'), text: cell('Text') },
    media: {
      url: cell('Media'),
      credit: cell('Media Credit'),
      caption: cell('Media Caption'),
      thumbnail: cell('Media Thumbnail'),
    },
    group: cell('Group') || cell('Tag'),
    display_date: cell('Display Date'),
  };
  if (start.value !== null) slide['start_date'] = start.value;
  if (end.value !== null) slide['end_date'] = end.value;
  return ok(slide);
}

/** "9:30", "09:30:15", "0930", "3:45 PM", "9.30", as TimelineJS reads a sheet's time. */
function readTime(text: string, column: string): Read<Record<string, number>> {
  const match = /^(.*?)\s*([AaPp])\.?[Mm]\.?$/.exec(text);
  const clock = match ? (match[1] ?? '') : text;
  const period = match?.[2]?.toLowerCase() ?? null;
  const packed = /^(\d{1,2})(\d{2})$/.exec(clock);
  const parts = packed ? packed.slice(1) : clock.split(clock.includes(':') ? ':' : '.');
  const [hourText = '', minuteText = '0', secondText] = parts;
  let hour = /^\d{1,2}$/.test(hourText) ? Number(hourText) : NaN;
  if (period === 'p' && hour !== 12) hour += 12;
  if (period === 'a' && hour === 12) hour = 0;
  const minute = /^\d{1,2}$/.test(minuteText) ? Number(minuteText) : NaN;
  const second =
    secondText === undefined ? 0 : /^\d{1,2}$/.test(secondText) ? Number(secondText) : NaN;
  if (
    parts.length > 3 ||
    !(hour >= 0 && hour <= 23) ||
    !(minute >= 0 && minute <= 59) ||
    !(second >= 0 && second <= 59)
  ) {
    return err(`${column}: "${text}" is not a time such as 9:30 or 3:45 PM`);
  }
  const read: Record<string, number> = { hour, minute };
  if (secondText !== undefined) read['second'] = second;
  return ok(read);
}

/**
 * "events[2].start_date.month: 13 is not a month" as "row 4, Month: 13 is not a month": the
 * TimelineJS reader's places put back in the sheet's rows and columns.
 */
function inSheetTerms(
  message: string,
  rowsOf: { readonly events: readonly number[]; readonly eras: readonly number[] },
): string {
  const place = /^(events|eras)\[(\d+)\]\.(\w+)(?:\.(\w+))?: /.exec(message);
  if (place) {
    const list = place[1] === 'eras' ? rowsOf.eras : rowsOf.events;
    const row = list[Number(place[2])] ?? Number(place[2]) + 2;
    const [, , , field = '', part = ''] = place;
    const column = DATE_COLUMNS[field]?.[part || 'year'] ?? TEXT_COLUMNS[part] ?? field;
    return `row ${row}, ${column}: ${message.slice(place[0].length)}`;
  }
  return message.replace(
    /^title\.text\.(\w+)/,
    (_, part: string) => `the title row's ${TEXT_COLUMNS[part] ?? part}`,
  );
}

/** A cell read, or why not (a message that follows the row's number). */
type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function ok<T>(value: T): Read<T> {
  return { ok: true, value };
}

function err(message: string): Read<never> {
  return { ok: false, error: message };
}

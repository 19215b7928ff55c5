/**
 * Any other CSV or TSV (a plain `date,event,source` sheet): the user says which column holds
 * what (a TableMapping: the date or start and end, the title, and optionally the description, a
 * source URL, the lane and tags), then each row is an event. Dates are read as people write
 * them (typed-date.ts: 19 June 2024, 19/06/2024, June 2024, 2024 …). Before the user has said,
 * the columns are guessed from their names. A row that cannot be read is a bad row (bad-rows.ts).
 */
import Papa from 'papaparse';

import type { TableMapping } from '../contract';
import type { EventId } from '../ids';
import { mustParse } from '../partial-date';
import { fail, ok, type Result } from '../result';
import {
  type Lane,
  LIMITS,
  type TimelineDocument,
  type TimelineEvent,
  TimelineEventSchema,
} from '../schema';
import { localDateContext, readTypedDate } from '../typed-date';
import type { BadRows } from './bad-rows';
import { stripBom } from './bom';
import { type CsvDelimiter, isFilledRow } from './detect';
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
import type { ImportContext, ImportNotes } from './types';

/** Header words that name each part, in English and Indonesian, lower case. */
const GUESSES: Readonly<Record<keyof TableMapping, readonly string[]>> = {
  start: ['date', 'start', 'start date', 'when', 'tanggal', 'waktu', 'mulai', 'day', 'year'],
  end: ['end', 'end date', 'until', 'selesai', 'sampai'],
  title: ['title', 'event', 'headline', 'what', 'judul', 'peristiwa', 'kejadian', 'name'],
  description: ['description', 'text', 'details', 'notes', 'summary', 'keterangan', 'deskripsi'],
  source: ['source', 'url', 'link', 'sumber', 'source url'],
  lane: ['lane', 'group', 'category', 'topic', 'kategori', 'kelompok'],
  tags: ['tags', 'tag', 'keywords', 'label'],
};

/** The header cells of the table, trimmed. */
export function tableColumns(text: string, delimiter: CsvDelimiter): string[] {
  const parsed = Papa.parse<string[]>(stripBom(text), { delimiter, preview: 20 });
  return (parsed.data.find(isFilledRow) ?? []).map((cell) => cell.trim());
}

/** The columns as their names suggest; null when no date or no title column is recognised. */
export function guessMapping(columns: readonly string[]): TableMapping | null {
  const find = (part: keyof TableMapping, taken: readonly (string | null)[]): string | null =>
    columns.find(
      (column) => GUESSES[part].includes(column.toLowerCase()) && !taken.includes(column),
    ) ?? null;
  const start = find('start', []);
  const title = find('title', [start]);
  if (start === null || title === null) return null;
  const end = find('end', [start, title]);
  const description = find('description', [start, title, end]);
  const source = find('source', [start, title, end, description]);
  const lane = find('lane', [start, title, end, description, source]);
  const tags = find('tags', [start, title, end, description, source, lane]);
  return { start, end, title, description, source, lane, tags };
}

/** The rows as events, by the mapping; bad rows go to `badRows`. */
export function fromTable(
  text: string,
  delimiter: CsvDelimiter,
  fileName: string,
  mapping: TableMapping,
  context: ImportContext,
  notes: ImportNotes,
  badRows: BadRows,
): Result<TimelineDocument> {
  const parsed = Papa.parse<string[]>(stripBom(text), { delimiter, skipEmptyLines: false });
  const headerAt = Math.max(parsed.data.findIndex(isFilledRow), 0);
  const header = (parsed.data[headerAt] ?? []).map((cell) => cell.trim());
  const missing = Object.values(mapping).find(
    (column) => column !== null && !header.includes(column),
  );
  if (missing !== undefined) return fail('invalid', `This file has no column "${missing}"`);
  const lanes = new LaneBook(context.current.lanes, context.current.lanes);
  const dates = localDateContext(Date.parse(context.now));
  const rows = parsed.data.slice(headerAt + 1);
  if (rows.filter(isFilledRow).length > LIMITS.maxEvents) {
    return fail('invalid', `This file has more than ${LIMITS.maxEvents} events`);
  }
  const events: TimelineEvent[] = [];
  const places: string[] = [];
  const seen = new Map<string, number>();
  for (const [i, cells] of rows.entries()) {
    if (!isFilledRow(cells)) continue;
    const rowNumber = headerAt + i + 2;
    const cell = (column: string | null): string =>
      column === null ? '' : (cells[header.indexOf(column)] ?? '').trim();
    const dateOf = (column: string | null) => {
      const typed = cell(column);
      if (typed === '') return { ok: true as const, date: null };
      const read = readTypedDate(typed, dates);
      return read?.ok === true
        ? { ok: true as const, date: read.date }
        : {
            ok: false as const,
            message: `row ${rowNumber}, ${column}: "${typed}" ${read?.ok === false ? read.message : 'is not a date'}`,
          };
    };
    const start = dateOf(mapping.start);
    const end = dateOf(mapping.end);
    if (!start.ok || start.date === null) {
      badRows.add(start.ok ? `row ${rowNumber}, ${mapping.start}: is empty` : start.message);
      continue;
    }
    if (!end.ok) {
      badRows.add(end.message);
      continue;
    }
    const laneTitle = lineText(cell(mapping.lane), LIMITS.title);
    const lane = laneTitle === '' ? laneOf(context.current.lanes) : lanes.resolve(laneTitle, []);
    if (!lane.ok) {
      badRows.add(`row ${rowNumber}, ${mapping.lane}: ${lane.error.message}`);
      continue;
    }
    const title = eventTitle(cell(mapping.title), `a title (${mapping.title})`, notes);
    // The same row read again (the file edited and imported again) is the same event.
    const key = `${title}\u001f${start.date}`;
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    const url = cell(mapping.source);
    const event = TimelineEventSchema.safeParse({
      id: uuidFromString(`table\u001f${key}\u001f${repeat}`) as EventId,
      title,
      start: start.date,
      end: end.date,
      description: eventDescription(cell(mapping.description), notes),
      laneId: lane.value,
      status: mustParse(start.date).earliest > Date.parse(context.now) ? 'scheduled' : 'occurred',
      certainty: 'reported',
      tags: tagList(cell(mapping.tags).split(/[,;]/)),
      actors: [],
      location: '',
      sources: url === '' ? [] : [sourceOf(url)],
      followUpOf: null,
      createdAt: context.now,
      updatedAt: context.now,
    });
    // Checked row by row: what the schema refuses (an end before the start) is a bad row too.
    if (!event.success) {
      const issue = event.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      const column = mapping[field as keyof TableMapping] ?? field;
      badRows.add(`row ${rowNumber}, ${column}: ${issue?.message ?? 'is not valid'}`);
      continue;
    }
    events.push(event.data);
    places.push(`row ${rowNumber}`);
  }
  if (events.length === 0 && badRows.count > 0) return badRows.refusal();
  const info = timelineInfo(context.current.timeline, fileTitle(fileName), null);
  return checkedDocument(info, lanes.all(), events, {
    of: places,
    fields: { title: mapping.title, start: mapping.start, end: mapping.end ?? 'end' },
  });
}

function laneOf(lanes: readonly Lane[]): Result<Lane['id']> {
  const first = lanes[0];
  return first === undefined ? fail('invalid', 'the timeline has no lane') : ok(first.id);
}

/** A source from a URL cell: titled by its host; text that is no web address is its title. */
function sourceOf(text: string) {
  const url = URL.canParse(text) && /^https?:\/\//i.test(text) ? text : null;
  const title = url === null ? text : new URL(url).host || url;
  return {
    title: lineText(title, LIMITS.shortText),
    url,
    publisher: '',
    published: null,
    quote: '',
    language: '',
  };
}

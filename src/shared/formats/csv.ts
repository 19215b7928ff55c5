/**
 * CSV: one row per event, for spreadsheets. Decisions (also in the README):
 * - Columns are CSV_COLUMNS; the first row is that header. Unknown columns are ignored on import.
 * - tags, actors and sources hold JSON arrays (`["Kim Jong Un","Putin"]`), so an item may contain
 *   any character, `;` and `,` included; an empty list is an empty cell. On import a tags or
 *   actors cell that is not a JSON array is also read as a `;`-separated list, for hand edits.
 * - Formula injection: a cell that would start with = + - @ tab or CR (after any leading `'`)
 *   is written with one more `'` in front, and import takes exactly one `'` off such a cell, so
 *   a spreadsheet shows text, not a formula, and export then import is the identity.
 * - The text starts with a byte order mark so Excel reads UTF-8; import ignores it.
 * - Rows are numbered as a spreadsheet shows them: the header is row 1 (after any blank lines).
 *   Blank rows are skipped.
 */
import Papa from 'papaparse';

import type { LaneId } from '../ids';
import { fail, ok, type Result } from '../result';
import {
  EventIdSchema,
  FORMAT,
  FORMAT_VERSION,
  type Lane,
  LaneSchema,
  LIMITS,
  type TimelineDocument,
  TimelineDocumentSchema,
  type TimelineEvent,
  TimelineEventSchema,
} from '../schema';
import { formatPath } from '../validation';
import type { BadRows } from './bad-rows';
import { stripBom } from './bom';
import { type CsvDelimiter, isFilledRow } from './detect';
import { LANE_PALETTE } from './lane-palette';
import { uuidFromString } from './stable-uuid';
import type { ImportContext } from './types';

export const CSV_COLUMNS = [
  'id',
  'title',
  'start',
  'end',
  'lane',
  'laneTitle',
  'laneColor',
  'status',
  'certainty',
  'tags',
  'actors',
  'location',
  'description',
  'followUpOf',
  'createdAt',
  'updatedAt',
  'sources',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export function toCsv(doc: TimelineDocument): string {
  const lanes = new Map(doc.lanes.map((lane) => [lane.id, lane]));
  const data = doc.events.map((event) => {
    const cells = eventCells(event, lanes.get(event.laneId));
    return CSV_COLUMNS.map((column) => guardFormula(cells[column]));
  });
  const table = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\r\n' });
  return `\uFEFF${table}\r\n`;
}

function eventCells(event: TimelineEvent, lane: Lane | undefined): Record<CsvColumn, string> {
  return {
    id: event.id,
    title: event.title,
    start: event.start,
    end: event.end ?? '',
    lane: event.laneId,
    laneTitle: lane?.title ?? '',
    laneColor: lane?.color ?? '',
    status: event.status,
    certainty: event.certainty,
    tags: listCell(event.tags),
    actors: listCell(event.actors),
    location: event.location,
    description: event.description,
    followUpOf: event.followUpOf ?? '',
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
    sources: listCell(event.sources),
  };
}

function listCell(items: readonly unknown[]): string {
  return items.length === 0 ? '' : JSON.stringify(items);
}

const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED_FORMULA = /^'+[=+\-@\t\r]/;

/** One `'` more in front of a cell a spreadsheet would run as a formula. */
export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of guardFormula: exactly one `'` off a guarded cell. */
export function unguardFormula(cell: string): string {
  return GUARDED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

/** Parsing stops here, so a huge file is refused quickly; blank rows get some slack. */
const MAX_ROWS = LIMITS.maxEvents + 1000;

/**
 * Reads CSV text (already known to have an id, title and start header) into a document. With
 * `badRows`, a row that cannot be read is listed there and left out (the file is refused only
 * when no row can be read); without, the first one refuses the file.
 */
export function fromCsv(
  text: string,
  delimiter: CsvDelimiter,
  context: ImportContext,
  badRows?: BadRows,
): Result<TimelineDocument> {
  /** A bad row: listed (then null, go on) or the file's refusal. */
  const reject = (refusal: Result<never>): Result<never> | null => {
    if (badRows === undefined || refusal.ok) return refusal;
    badRows.add(refusal.error.message);
    return null;
  };
  // Rows as arrays, not objects: no file text becomes an object key, and row numbers stay true.
  const parsed = Papa.parse<string[]>(stripBom(text), {
    delimiter,
    skipEmptyLines: false,
    preview: MAX_ROWS,
  });
  if (parsed.meta.truncated) {
    return fail(
      'invalid',
      `This file has more than ${MAX_ROWS} rows; a timeline holds at most ${LIMITS.maxEvents} events`,
    );
  }
  const parseError = parsed.errors[0];
  if (parseError) {
    return fail('invalid', `row ${(parseError.row ?? 0) + 1}: ${describeCsvError(parseError)}`);
  }
  const headerIndex = Math.max(parsed.data.findIndex(isFilledRow), 0);
  const header = parsed.data[headerIndex] ?? [];
  const columns = columnIndex(header, headerIndex + 1);
  if (!columns.ok) return columns;
  const rows = parsed.data.slice(headerIndex + 1);
  if (rows.filter(isFilledRow).length > LIMITS.maxEvents) {
    return fail('invalid', `This file has more than ${LIMITS.maxEvents} events`);
  }
  const lanes = new LaneBook(context.current.lanes);
  let events: TimelineEvent[] = [];
  let rowNumbers: number[] = [];
  for (const [i, row] of rows.entries()) {
    if (!isFilledRow(row)) continue;
    const rowNumber = headerIndex + i + 2;
    const reader = new RowReader(row, columns.value, rowNumber);
    if (reader.overflows(header.length)) {
      const refused = reject(fail('invalid', `row ${rowNumber}: has more cells than the header`));
      if (refused) return refused;
      continue;
    }
    const event = readRow(reader, lanes, context);
    if (!event.ok) {
      const refused = reject(event);
      if (refused) return refused;
      continue;
    }
    events.push(event.value);
    rowNumbers.push(rowNumber);
  }
  // What only the whole can tell (a follow-up of an event the file lacks): that row is bad too.
  for (let tries = 0; ; tries++) {
    const used = new Set<string>(events.map((event) => event.laneId));
    const kept = new Set<string>(context.current.lanes.map((lane) => lane.id));
    const doc = TimelineDocumentSchema.safeParse({
      format: FORMAT,
      version: FORMAT_VERSION,
      timeline: context.current.timeline,
      // A lane only bad rows named is not made.
      lanes: lanes.all().filter((lane) => kept.has(lane.id) || used.has(lane.id)),
      events,
    });
    if (doc.success) {
      return events.length === 0 && badRows !== undefined && badRows.count > 0
        ? badRows.refusal()
        : ok(doc.data);
    }
    const issue = doc.error.issues[0];
    const [, index, ...rest] = issue?.path ?? [];
    if (issue?.path[0] !== 'events' || typeof index !== 'number') {
      return fail(
        'invalid',
        issue ? `${formatPath(issue.path)}: ${issue.message}` : 'is not valid',
      );
    }
    if (badRows === undefined) return rowFail(rowNumbers[index] ?? 0, rest, issue.message);
    // Every row the whole refuses at once; a follow-up of one of them goes in the next round.
    const dropped = new Set<number>();
    for (const each of doc.error.issues) {
      const [head, at, ...where] = each.path;
      if (head !== 'events' || typeof at !== 'number' || dropped.has(at)) continue;
      dropped.add(at);
      const refusal = rowFail(rowNumbers[at] ?? 0, where, each.message);
      if (!refusal.ok) badRows.add(refusal.error.message);
    }
    if (tries >= MAX_ROUNDS)
      return fail('invalid', `row ${rowNumbers[index] ?? 0}: ${issue.message}`);
    events = events.filter((_, at) => !dropped.has(at));
    rowNumbers = rowNumbers.filter((_, at) => !dropped.has(at));
  }
}

/** Rounds of dropping rows the whole refuses (a chain of follow-ups needs one per link). */
const MAX_ROUNDS = 50;

function describeCsvError(error: Papa.ParseError): string {
  if (error.code === 'MissingQuotes') return 'a quoted cell is not closed';
  if (error.code === 'InvalidQuotes') return 'a quote inside a quoted cell is not doubled';
  return error.message;
}

type ColumnIndex = ReadonlyMap<CsvColumn, number>;

function columnIndex(header: readonly string[], rowNumber: number): Result<ColumnIndex> {
  const index = new Map<CsvColumn, number>();
  for (const [i, raw] of header.entries()) {
    const name = CSV_COLUMNS.find((column) => column === raw.trim());
    if (name === undefined) continue;
    if (index.has(name)) return fail('invalid', `row ${rowNumber}: the header has "${name}" twice`);
    index.set(name, i);
  }
  return ok(index);
}

class RowReader {
  constructor(
    private readonly row: readonly string[],
    private readonly columns: ColumnIndex,
    readonly number: number,
  ) {}

  /** The cell's text with any formula guard taken off; '' for a missing column or cell. */
  text(column: CsvColumn): string {
    const i = this.columns.get(column);
    return i === undefined ? '' : unguardFormula(this.row[i] ?? '');
  }

  /** The trimmed cell, or undefined when empty (so the schema's default applies). */
  optional(column: CsvColumn): string | undefined {
    return this.text(column).trim() || undefined;
  }

  /** True when the row has text in a cell past the header's last column. */
  overflows(headerLength: number): boolean {
    return this.row.slice(headerLength).some((cell) => cell.trim() !== '');
  }
}

function readRow(row: RowReader, lanes: LaneBook, context: ImportContext): Result<TimelineEvent> {
  const laneId = lanes.resolve(row);
  if (!laneId.ok) return laneId;
  const lists: Partial<Record<'tags' | 'actors' | 'sources', unknown[]>> = {};
  for (const column of ['tags', 'actors', 'sources'] as const) {
    const list = readList(row, column);
    if (!list.ok) return list;
    if (list.value !== undefined) lists[column] = list.value;
  }
  const input = {
    id: fileId(row.optional('id')) ?? context.newId(),
    title: row.text('title'),
    start: row.text('start').trim(),
    end: row.optional('end'),
    description: row.text('description') || undefined,
    laneId: laneId.value,
    status: row.optional('status'),
    certainty: row.optional('certainty'),
    location: row.text('location') || undefined,
    followUpOf: fileId(row.optional('followUpOf')),
    createdAt: row.optional('createdAt') ?? context.now,
    updatedAt: row.optional('updatedAt') ?? context.now,
    ...lists,
  };
  const event = TimelineEventSchema.safeParse(input);
  if (event.success) return ok(event.data);
  const issue = event.error.issues[0];
  return rowFail(row.number, issue?.path ?? [], issue?.message ?? 'is not valid');
}

/**
 * An id as the file gives it: a UUID as itself; another ("1", "a-slug") as the UUID it always
 * gives (stable-uuid.ts), so importing the edited file again updates the same events, and a
 * follow-up's "followUpOf" of "1" still names the event whose id is "1".
 */
function fileId(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const id = text.trim();
  return EventIdSchema.safeParse(id).success ? id : uuidFromString(id);
}

const LIST_EXAMPLE = { tags: '["a", "b"]', actors: '["a", "b"]', sources: '[{"title": "…"}]' };

function readList(
  row: RowReader,
  column: 'tags' | 'actors' | 'sources',
): Result<unknown[] | undefined> {
  const text = row.text(column).trim();
  if (text === '') return ok(undefined);
  if (column !== 'sources' && !text.startsWith('[')) {
    return ok(
      text
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    );
  }
  const json = parseJsonArray(text);
  if (json) return ok(json);
  return rowFail(row.number, [column], `is not a JSON list such as ${LIST_EXAMPLE[column]}`);
}

function parseJsonArray(text: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** The lanes of the current timeline, then those the file brings in, by id. */
class LaneBook {
  private readonly lanes: Map<string, Lane>;

  constructor(
    private readonly current: readonly Lane[],
    private readonly added: Lane[] = [],
  ) {
    this.lanes = new Map(current.map((lane) => [lane.id, lane]));
  }

  all(): Lane[] {
    return [...this.current, ...this.added];
  }

  /** The row's lane id; an unknown one becomes a new lane named by laneTitle and laneColor. */
  resolve(row: RowReader): Result<LaneId> {
    const id = row.optional('lane');
    if (id === undefined) {
      const first = this.current[0] ?? this.added[0];
      return first ? ok(first.id) : rowFail(row.number, ['lane'], 'is empty');
    }
    const known = this.lanes.get(id);
    if (known) return ok(known.id);
    if (this.lanes.size >= LIMITS.lanes) {
      return rowFail(row.number, ['lane'], `would make more than ${LIMITS.lanes} lanes`);
    }
    const lane = LaneSchema.safeParse({
      id,
      title: row.optional('laneTitle') ?? id,
      color: row.optional('laneColor') ?? LANE_PALETTE[this.lanes.size % LANE_PALETTE.length],
    });
    if (!lane.success) {
      const issue = lane.error.issues[0];
      return rowFail(row.number, issue?.path ?? [], issue?.message ?? 'is not valid', LANE_COLUMNS);
    }
    this.lanes.set(lane.data.id, lane.data);
    this.added.push(lane.data);
    return ok(lane.data.id);
  }
}

/** Schema keys whose column has another name. */
type ColumnNames = ReadonlyMap<PropertyKey, CsvColumn>;
const EVENT_COLUMNS: ColumnNames = new Map([['laneId', 'lane']]);
const LANE_COLUMNS: ColumnNames = new Map<PropertyKey, CsvColumn>([
  ['id', 'lane'],
  ['title', 'laneTitle'],
  ['color', 'laneColor'],
]);

/** `row 4, start: "2024-13-01" is not a date`, with the path in column names. */
function rowFail(
  rowNumber: number,
  path: readonly PropertyKey[],
  message: string,
  columns: ColumnNames = EVENT_COLUMNS,
): Result<never> {
  const place = formatPath(path.map((key, i) => (i === 0 ? (columns.get(key) ?? key) : key)));
  return place
    ? fail('invalid', `row ${rowNumber}, ${place}: ${message}`, place)
    : fail('invalid', `row ${rowNumber}: ${message}`);
}

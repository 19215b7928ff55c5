/**
 * Tells the import formats apart by their content, not by the file name: a renamed or
 * mislabelled file is read as what it is. Markwhen is the one exception: its text has no mark of
 * its own (any notes with dates and colons would do), so only a `.mw` file that is no other
 * format is read as Markwhen.
 */
import Papa from 'papaparse';

import type { ImportFormat } from '../contract';
import { FORMAT } from '../schema';
import { stripBom } from './bom';
import { isJsonObject } from './migrate';

/** What a file looks like, with the JSON already parsed so it is parsed once. */
export type Sniffed =
  | { readonly format: 'json' | 'timelinejs'; readonly json: unknown }
  | { readonly format: 'csv' | 'timelinejs-sheet' | 'table'; readonly delimiter: CsvDelimiter }
  | { readonly format: 'ics' | 'markwhen' }
  | { readonly format: null; readonly reason: string };

/** Comma first (our export); semicolon and tab as spreadsheets in some locales save them. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The columns that make a CSV file a timeline. */
export const REQUIRED_CSV_COLUMNS = ['id', 'title', 'start'] as const;

/** The columns that make a CSV file TimelineJS's Google-sheet template (it has all of them). */
const SHEET_COLUMNS = ['Year', 'Month', 'Day', 'Headline', 'Text'] as const;

export function isTimelineJsSheet(header: readonly string[]): boolean {
  return SHEET_COLUMNS.every((column) => header.includes(column));
}

export const NOT_A_TIMELINE =
  'This file is not a Timeline Desk, TimelineJS, CSV, iCalendar or Markwhen timeline';

export function detectImportFormat(text: string, fileName: string): ImportFormat | null {
  return sniffImport(text, fileName).format;
}

export function sniffImport(text: string, fileName: string): Sniffed {
  const body = stripBom(text);
  // RFC 5545: a calendar file is a VCALENDAR from its first line (names are case-insensitive).
  if (/^\s*BEGIN:VCALENDAR\b/i.test(body)) return { format: 'ics' };
  const json = parseJson(body);
  if (json.ok) {
    if (isJsonObject(json.value) && json.value.format === FORMAT) {
      return { format: 'json', json: json.value };
    }
    if (looksLikeTimelineJs(json.value)) return { format: 'timelinejs', json: json.value };
    return { format: null, reason: NOT_A_TIMELINE };
  }
  const csv = csvFormat(body);
  if (csv !== null) return csv;
  if (/\.mw$/i.test(fileName.trim())) return { format: 'markwhen' };
  if (/^\s*[[{]/.test(body) || /\.json$/i.test(fileName)) {
    return { format: null, reason: `${NOT_A_TIMELINE}: it is not valid JSON (${json.reason})` };
  }
  return tableFormat(body) ?? { format: null, reason: NOT_A_TIMELINE };
}

/** The header cells (the first row that is not blank), trimmed, as CSV with this delimiter. */
export function csvHeader(text: string, delimiter: CsvDelimiter): readonly string[] {
  const parsed = Papa.parse<string[]>(text, { delimiter, preview: HEADER_SEARCH_ROWS });
  return (parsed.data.find(isFilledRow) ?? []).map((cell) => cell.trim());
}

/** Blank lines before the header are skipped, up to this many. */
const HEADER_SEARCH_ROWS = 20;

/** A row with text in some cell; blank lines and rows of empty cells are skipped. */
export function isFilledRow(row: readonly string[]): boolean {
  return row.some((cell) => cell.trim() !== '');
}

/** Our CSV by its id, title and start columns; TimelineJS's sheet template by its own. */
function csvFormat(text: string): Sniffed | null {
  for (const delimiter of CSV_DELIMITERS) {
    const header = csvHeader(text, delimiter);
    if (REQUIRED_CSV_COLUMNS.every((column) => header.includes(column))) {
      return { format: 'csv', delimiter };
    }
    if (isTimelineJsSheet(header)) return { format: 'timelinejs-sheet', delimiter };
  }
  return null;
}

/**
 * Any other table: a header of at least two named columns and a row under it, with the
 * separator that gives the most columns. The user then says which column holds what.
 */
function tableFormat(text: string): Sniffed | null {
  let best: { delimiter: CsvDelimiter; columns: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const parsed = Papa.parse<string[]>(text, { delimiter, preview: HEADER_SEARCH_ROWS });
    const rows = parsed.data.filter(isFilledRow);
    const columns = (rows[0] ?? []).filter((cell) => cell.trim() !== '').length;
    if (rows.length >= 2 && columns >= 2 && columns > (best?.columns ?? 0)) {
      best = { delimiter, columns };
    }
  }
  return best === null ? null : { format: 'table', delimiter: best.delimiter };
}

/** TimelineJS keeps its slides in `events`, each with a `start_date` object. */
function looksLikeTimelineJs(json: unknown): boolean {
  if (!isJsonObject(json) || !Object.hasOwn(json, 'events')) return false;
  const events = json.events;
  return (
    Array.isArray(events) &&
    events.some((event) => isJsonObject(event) && Object.hasOwn(event, 'start_date'))
  );
}

type JsonParse = { ok: true; value: unknown } | { ok: false; reason: string };

function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

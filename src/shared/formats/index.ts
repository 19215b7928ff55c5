/**
 * The one door to the interchange formats: export a timeline as a file's text, and read an
 * imported file (any text from anywhere) into a checked TimelineDocument. Never throws.
 */
import { type ExportFormat, type ImportFormat, MAX_IMPORT_BYTES } from '../contract';
import { fail, ok, type Result } from '../result';
import {
  LIMITS,
  type TimelineDocument,
  TimelineDocumentSchema,
  type TimelineEvent,
} from '../schema';
import { runToEnd } from '../steps';
import { parseWith } from '../validation';
import { BadRows } from './bad-rows';
import { fromCsv, toCsv } from './csv';
import { sniffImport } from './detect';
import { toICalendar } from './icalendar';
import { fromICalendar } from './icalendar-import';
import { toMarkwhen } from './markwhen';
import { fromMarkwhen } from './markwhen-import';
import { isJsonObject } from './migrate';
import { fromTable, guessMapping, tableColumns } from './table-import';
import { fromTimelineDeskJsonInBatches, toTimelineDeskJson } from './timeline-desk-json';
import { fromTimelineJs, toTimelineJsText } from './timelinejs';
import { fromTimelineJsSheet } from './timelinejs-sheet';
import { type ExportedFile, type ImportContext, ImportNotes, type ParsedImport } from './types';

export { detectImportFormat } from './detect';
export { migrateDocument, MIGRATIONS, type MigrationStep } from './migrate';
export type { ExportedFile, ImportContext, ParsedImport } from './types';

export function exportTimeline(format: ExportFormat, doc: TimelineDocument): ExportedFile {
  switch (format) {
    case 'json':
      return file(toTimelineDeskJson(doc), '.timeline.json', 'application/json');
    case 'csv':
      return file(toCsv(doc), '.csv', 'text/csv');
    case 'timelinejs':
      return file(toTimelineJsText(doc), '.timelinejs.json', 'application/json');
    case 'markwhen':
      return file(toMarkwhen(doc), '.mw', 'text/markdown');
    case 'ics':
      return file(toICalendar(doc), '.ics', 'text/calendar');
  }
}

function file(text: string, extension: string, mimeType: string): ExportedFile {
  return { text, extension, mimeType };
}

/** Reads an imported file's text as whichever format its content is; refusals name the place. */
export function parseImport(
  text: string,
  fileName: string,
  context: ImportContext,
): Result<ParsedImport> {
  return runToEnd(parseImportInBatches(text, fileName, context));
}

/**
 * parseImport, handing out the events of a Timeline Desk JSON file in batches as they are
 * checked (a worker thread sends them on meanwhile). The result's document has every event.
 */
export function* parseImportInBatches(
  text: string,
  fileName: string,
  context: ImportContext,
): Generator<readonly TimelineEvent[], Result<ParsedImport>, undefined> {
  if (text.length > MAX_IMPORT_BYTES) {
    return fail('invalid', `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  try {
    return yield* parseKnownSize(text, fileName, context);
  } catch (error) {
    // Every parser returns its refusals; this is the last guard for input nobody foresaw.
    const reason = error instanceof Error ? error.message : String(error);
    return fail('internal', `This file could not be read: ${reason}`);
  }
}

function* parseKnownSize(
  text: string,
  fileName: string,
  context: ImportContext,
): Generator<readonly TimelineEvent[], Result<ParsedImport>, undefined> {
  const sniffed = sniffImport(text, fileName);
  switch (sniffed.format) {
    case null:
      return fail('invalid', sniffed.reason);
    case 'json':
      return (
        tooManyEvents(sniffed.json) ??
        tagged('json', yield* fromTimelineDeskJsonInBatches(sniffed.json))
      );
    case 'timelinejs': {
      const notes = new ImportNotes();
      const document = tooManyEvents(sniffed.json) ?? checked(sniffed.json, context, notes);
      return tagged('timelinejs', document, notes.list());
    }
    case 'csv': {
      // Table files list every row they cannot read; the preview offers the good ones.
      const bad = new BadRows();
      return withBadRows(tagged('csv', fromCsv(text, sniffed.delimiter, context, bad)), bad);
    }
    case 'timelinejs-sheet': {
      const notes = new ImportNotes();
      const bad = new BadRows();
      const document = fromTimelineJsSheet(text, sniffed.delimiter, context, notes, bad);
      return withBadRows(
        tagged(
          'timelinejs-sheet',
          document.ok ? parseWith(TimelineDocumentSchema, document.value) : document,
          notes.list(),
        ),
        bad,
      );
    }
    case 'table': {
      const columns = tableColumns(text, sniffed.delimiter);
      const mapping = context.mapping ?? guessMapping(columns);
      const table = { columns, mapping };
      if (mapping === null) {
        // Nothing to read by yet: the window asks which column holds what.
        return ok({ format: 'table', document: { ...context.current, events: [] }, table });
      }
      const notes = new ImportNotes();
      const bad = new BadRows();
      const document = fromTable(text, sniffed.delimiter, fileName, mapping, context, notes, bad);
      const parsed = withBadRows(tagged('table', document, notes.list()), bad);
      return parsed.ok ? ok({ ...parsed.value, table }) : parsed;
    }
    case 'ics': {
      const notes = new ImportNotes();
      return tagged('ics', fromICalendar(text, fileName, context, notes), notes.list());
    }
    case 'markwhen': {
      const notes = new ImportNotes();
      return tagged('markwhen', fromMarkwhen(text, fileName, context, notes), notes.list());
    }
  }
}

function withBadRows(parsed: Result<ParsedImport>, bad: BadRows): Result<ParsedImport> {
  const badRows = bad.list();
  return parsed.ok && badRows !== null ? ok({ ...parsed.value, badRows }) : parsed;
}

function tagged(
  format: ImportFormat,
  document: Result<TimelineDocument>,
  notes: readonly string[] = [],
): Result<ParsedImport> {
  if (!document.ok) return document;
  return ok(
    notes.length > 0
      ? { format, document: document.value, notes }
      : { format, document: document.value },
  );
}

/** A converter's document checked once more, so only valid documents ever leave here. */
function checked(
  json: unknown,
  context: ImportContext,
  notes: ImportNotes,
): Result<TimelineDocument> {
  const document = fromTimelineJs(json, context, notes);
  return document.ok ? parseWith(TimelineDocumentSchema, document.value) : document;
}

/** Refuses a huge events array before any converter walks it. */
function tooManyEvents(json: unknown): Result<never> | null {
  if (!isJsonObject(json) || !Array.isArray(json.events)) return null;
  if (json.events.length <= LIMITS.maxEvents) return null;
  return fail('invalid', `events: has more than ${LIMITS.maxEvents} events`, 'events');
}

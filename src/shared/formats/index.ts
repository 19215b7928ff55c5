/**
 * The one door to the interchange formats: export a timeline as a file's text, and read an
 * imported file (any text from anywhere) into a checked TimelineDocument. Never throws.
 */
import type { ExportFormat, ImportFormat } from '../contract';
import type { EventId, Timestamp } from '../ids';
import type { Result } from '../result';
import type { TimelineDocument } from '../schema';

export interface ExportedFile {
  readonly text: string;
  readonly extension: string;
  readonly mimeType: string;
}

export interface ImportContext {
  readonly now: Timestamp;
  readonly newId: () => EventId;
  /** The current timeline, for lanes & ids to reuse */
  readonly current: TimelineDocument;
}

export interface ParsedImport {
  readonly format: ImportFormat;
  readonly document: TimelineDocument;
}

export function exportTimeline(format: ExportFormat, doc: TimelineDocument): ExportedFile {
  void doc;
  throw new Error(`Export as ${format} is not written yet`);
}

export function detectImportFormat(text: string, fileName: string): ImportFormat | null {
  void text;
  void fileName;
  throw new Error('Import format detection is not written yet');
}

export function parseImport(
  text: string,
  fileName: string,
  context: ImportContext,
): Result<ParsedImport> {
  void text;
  void fileName;
  void context;
  throw new Error('Import is not written yet');
}

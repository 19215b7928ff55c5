/**
 * The types every format converter shares with the facade (index.ts). They sit in this leaf so
 * a converter never imports the facade that imports it.
 */
import type { ImportFormat } from '../contract';
import type { EventId, Timestamp } from '../ids';
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
  /**
   * Each event's JSON as JSON.stringify writes it, where the file held exactly that text (an
   * export of ours, read a line at a time): the store keeps it instead of stringifying the
   * event again. By index of document.events; undefined where not known.
   */
  readonly eventJson?: readonly (string | undefined)[];
}

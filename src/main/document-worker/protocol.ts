/**
 * Messages between the main process and the document worker (entry.ts). The worker reads and
 * checks large documents; checked events come back in batches, serialized by the worker and
 * handed over without copying, so taking a message in costs the main process nothing: it
 * deserializes the batches one at a time, between its other work. Batches are acknowledged
 * as they arrive, and the worker stays at most BATCHES_AHEAD batches ahead.
 */
import type { TableMapping } from '../../shared/contract';
import type { ParsedImport } from '../../shared/formats';
import type { DocumentHead } from '../../shared/formats/timeline-desk-json';
import type { Timestamp } from '../../shared/ids';
import type { Result } from '../../shared/result';
import type { TimelineEvent } from '../../shared/schema';
import type { StoreFileState } from '../store/store-file-check';

export type WorkerJob =
  /** Read a store or backup file (readStoreFile). */
  | { readonly kind: 'store'; readonly path: string }
  /** Read an imported file's text, which follows in `text` messages (parseImport). */
  | {
      readonly kind: 'import';
      readonly fileName: string;
      readonly now: Timestamp;
      /** The timeline imported into: its lanes and title are reused by CSV and TimelineJS. */
      readonly current: DocumentHead;
      /** For a table of the user's own: which column holds what. */
      readonly mapping?: TableMapping;
      readonly textParts: number;
    }
  /** Check the event lines that follow in `text` messages, the first being event 0. */
  | { readonly kind: 'lines'; readonly textParts: number };

/** What the worker found on its share of an export's event lines (split-import.ts). */
export interface LinesOutcome {
  /** A line is not JSON: the file is read whole instead, to say where. */
  readonly notJson: boolean;
  /** The first event (lowest index) that breaks the schema. */
  readonly failure: Result<never> | null;
  /** Events the schema changes (defaults filled in, text trimmed), by index. */
  readonly replacements: readonly (readonly [number, TimelineEvent])[];
  /**
   * 1 for each line that is exactly its event's JSON (isCanonicalLine), by index; shorter
   * than the share (empty) when not known.
   */
  readonly canonical: Uint8Array;
}

export type ToWorker =
  | { readonly type: 'job'; readonly id: number; readonly job: WorkerJob }
  | { readonly type: 'text'; readonly id: number; readonly part: string }
  /** The main process has taken in a batch of events. */
  | { readonly type: 'ack'; readonly id: number };

/** How a job ended; a document in it has no events (they came in 'events' messages). */
export type JobOutcome =
  | { readonly kind: 'store'; readonly state: StoreFileState }
  | { readonly kind: 'import'; readonly result: Result<ParsedImport> }
  | { readonly kind: 'lines'; readonly outcome: LinesOutcome };

export type FromWorker =
  /** v8.serialize of an array of checked events. */
  | { readonly type: 'events'; readonly id: number; readonly data: Uint8Array }
  | { readonly type: 'done'; readonly id: number; readonly outcome: JobOutcome }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** Batches the worker may send before the main process has acknowledged them. */
export const BATCHES_AHEAD = 16;
/** Events per batch when a finished document's events are sent on. */
export const SEND_BATCH = 500;

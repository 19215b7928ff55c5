/**
 * Import in two steps: previewImport parses the file and keeps it under a token while the user
 * looks at what it would do; applyImport merges it or replaces the timeline with it, as one
 * undoable change; cancelImport forgets it. Nothing changes until applyImport succeeds. Large
 * files are read in the document worker (ids it gives CSV rows without one are random UUIDs).
 *
 * The file is read and checked once, by previewImport: the token keeps the checked document,
 * and what it is to the timeline event by event (ImportDiff). applyImport uses that diff when
 * the timeline has not changed since, and works it out again when it has (an edit, an undo
 * or another import in between), so an import never overwrites what it did not see.
 */
import { randomUUID } from 'node:crypto';

import { MAX_IMPORT_BYTES } from '../../shared/contract';
import { type ParsedImport, parseImport } from '../../shared/formats';
import { type EventId, timestamp } from '../../shared/ids';
import { AppFailure } from '../../shared/result';
import { inWorkerOr, parseImportInWorker, WORKER_MIN_BYTES } from '../document-worker/client';
import { parseExportInTwo } from '../document-worker/split-import';
import type { TimelineRepository } from '../store/timeline-repository';
import { runInSlices } from '../time-slices';
import type { CommandHandlers } from './handlers';
import { checkResult, diffImport, type ImportDiff, planFromDiff } from './import-plan';
import type { Recorder } from './undo-redo';

/** Parsed files waiting for the user; the oldest goes when more are waiting. */
export const MAX_PENDING_IMPORTS = 4;
/** A preview left open this long is forgotten (its parsed file can be large). */
export const IMPORT_TTL_MS = 10 * 60_000;

export interface ImportCommandOptions {
  readonly store: TimelineRepository;
  readonly recorder: Recorder;
  readonly now: () => Date;
  readonly newId: () => EventId;
}

interface PendingImport {
  readonly parsed: ParsedImport;
  /** The file against the timeline as it was at the preview ... */
  readonly diff: ImportDiff;
  /** ... which was the timeline after this many changes (TimelineRepository.changeCount). */
  readonly changeCount: number;
  readonly expiresAt: number;
}

export type ImportHandlers = Pick<
  CommandHandlers,
  'previewImport' | 'applyImport' | 'cancelImport'
>;

export function createImportCommands(options: ImportCommandOptions): ImportHandlers {
  const { store, recorder } = options;
  const pending = new Map<string, PendingImport>();
  const forgetExpired = () => {
    const at = options.now().getTime();
    for (const [token, entry] of pending) if (entry.expiresAt <= at) pending.delete(token);
  };

  const diffWithStore = (parsed: ParsedImport) =>
    diffImport((id) => store.get(id), store.lanes, parsed.document);

  return {
    previewImport: async ({ fileName, text }) => {
      if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) {
        throw new AppFailure({
          code: 'invalid',
          message: `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most Timeline Desk imports.`,
        });
      }
      const current = store.document();
      const context = { now: timestamp(options.now()), newId: options.newId, current };
      const here = () => parseImport(text, fileName, context);
      // A large file is read in the document worker (an export of ours by it and this thread
      // together): the app keeps answering meanwhile.
      const parsed =
        text.length >= WORKER_MIN_BYTES
          ? ((await parseExportInTwo(text)) ??
            (await inWorkerOr(() => parseImportInWorker(text, fileName, context), here)))
          : here();
      if (!parsed.ok) throw new AppFailure(parsed.error);
      const diff = await runInSlices(diffWithStore(parsed.value));
      forgetExpired();
      const token = randomUUID();
      pending.set(token, {
        parsed: parsed.value,
        diff,
        changeCount: store.changeCount,
        expiresAt: options.now().getTime() + IMPORT_TTL_MS,
      });
      for (const oldest of pending.keys()) {
        if (pending.size <= MAX_PENDING_IMPORTS) break;
        pending.delete(oldest);
      }
      return { token, fileName, format: parsed.value.format, ...diff.counts };
    },
    applyImport: async ({ token, mode }) => {
      forgetExpired();
      const entry = pending.get(token);
      if (!entry) {
        throw new AppFailure({
          code: 'not-found',
          message: 'This import was cancelled or has expired. Choose the file again.',
        });
      }
      const { parsed } = entry;
      // The timeline changed since the preview: the diff is worked out again against it.
      const diff =
        entry.changeCount === store.changeCount
          ? entry.diff
          : await runInSlices(diffWithStore(parsed));
      const plan = await runInSlices(planFromDiff(mode, store.document(), parsed.document, diff));
      // A replace makes the timeline the file, which was checked as a whole when it was read
      // (the events it keeps differ from the file's only in their timestamps); a merge makes
      // a timeline nobody has checked yet.
      if (mode === 'merge') {
        await runInSlices(checkResult(plan.result, 'The import cannot be applied'));
      }
      // Kept after a refusal, so the user can try the other mode; gone once applied.
      pending.delete(token);
      if (parsed.eventJson !== undefined) {
        await store.rememberEventJson(parsed.document.events, parsed.eventJson);
      }
      return recorder.commit('Import', plan.change);
    },
    cancelImport: async ({ token }) => {
      pending.delete(token);
      return null;
    },
  };
}

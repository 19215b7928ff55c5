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
 *
 * previewImport does not wait for the commands before it (dispatch.ts): it reads the timeline
 * as settled-store.ts shows it, and if a change lands while it compares, it compares again.
 */
import { randomUUID } from 'node:crypto';

import { MAX_IMPORT_BYTES } from '../../shared/contract';
import type { ParsedImport } from '../../shared/formats';
import { type EventId, timestamp } from '../../shared/ids';
import { AppFailure } from '../../shared/result';
import type { TimelineDocument } from '../../shared/schema';
import { inWorkerOr, parseImportInWorker, WORKER_MIN_BYTES } from '../document-worker/client';
import { parseExportInTwo } from '../document-worker/split-import';
import { loadFormats } from '../formats-on-demand';
import type { TimelineRepository } from '../store/timeline-repository';
import { runInSlices } from '../time-slices';
import type { CommandHandlers } from './handlers';
import { checkResult, diffImport, type ImportDiff, planFromDiff } from './import-plan';
import type { SettledStore } from './settled-store';
import type { Recorder } from './undo-redo';

/** Parsed files waiting for the user; the oldest goes when more are waiting. */
export const MAX_PENDING_IMPORTS = 4;
/** A preview left open this long is forgotten (its parsed file can be large). */
export const IMPORT_TTL_MS = 10 * 60_000;
/** Comparisons a preview makes before it leaves the rest to applyImport (edits kept landing). */
const PREVIEW_DIFFS = 3;

export interface ImportCommandOptions {
  readonly store: TimelineRepository;
  /** What previewImport reads, as it runs beside the commands that change the store. */
  readonly settled: SettledStore;
  readonly recorder: Recorder;
  readonly now: () => Date;
  readonly newId: () => EventId;
}

interface PendingImport {
  readonly fileName: string;
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
> & {
  /**
   * The checked document of a preview and its file's name, for a story of its own; the preview
   * stays until cancelImport (so a story that could not be made can be tried again).
   */
  importedFile(token: string): { readonly document: TimelineDocument; readonly fileName: string };
};

export function createImportCommands(options: ImportCommandOptions): ImportHandlers {
  const { store, settled, recorder } = options;
  const pending = new Map<string, PendingImport>();
  const forgetExpired = () => {
    const at = options.now().getTime();
    for (const [token, entry] of pending) if (entry.expiresAt <= at) pending.delete(token);
  };

  const diffWith = (timeline: Pick<SettledStore, 'get' | 'lanes'>, parsed: ParsedImport) =>
    runInSlices(diffImport((id) => timeline.get(id), timeline.lanes, parsed.document));
  /** The diff and the changeCount it holds for; any change during a try means another. */
  const settledDiff = async (parsed: ParsedImport) => {
    for (let tries = 1; ; tries++) {
      const changeCount = settled.changeCount;
      const diff = await diffWith(settled, parsed);
      // After the last try a changed count is kept: applyImport compares again.
      if (settled.changeCount === changeCount || tries === PREVIEW_DIFFS) {
        return { diff, changeCount };
      }
    }
  };

  const pendingImport = (token: string): PendingImport => {
    forgetExpired();
    const entry = pending.get(token);
    if (entry) return entry;
    throw new AppFailure({
      code: 'not-found',
      message: 'This import was cancelled or has expired. Choose the file again.',
    });
  };

  return {
    previewImport: async ({ fileName, text, mapping }) => {
      if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) {
        throw new AppFailure({
          code: 'invalid',
          message: `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most Timeline Desk imports.`,
        });
      }
      const current = settled.document();
      const context = { now: timestamp(options.now()), newId: options.newId, current, mapping };
      const here = async () => (await loadFormats()).parseImport(text, fileName, context);
      // A large file is read in the document worker (an export of ours by it and this thread
      // together): the app keeps answering meanwhile.
      const parsed =
        text.length >= WORKER_MIN_BYTES
          ? ((await parseExportInTwo(text)) ??
            (await inWorkerOr(() => parseImportInWorker(text, fileName, context), here)))
          : await here();
      if (!parsed.ok) throw new AppFailure(parsed.error);
      const { diff, changeCount } = await settledDiff(parsed.value);
      forgetExpired();
      const token = randomUUID();
      pending.set(token, {
        fileName,
        parsed: parsed.value,
        diff,
        changeCount,
        expiresAt: options.now().getTime() + IMPORT_TTL_MS,
      });
      for (const oldest of pending.keys()) {
        if (pending.size <= MAX_PENDING_IMPORTS) break;
        pending.delete(oldest);
      }
      const { notes = [], badRows = null, table = null } = parsed.value;
      return {
        token,
        fileName,
        format: parsed.value.format,
        ...diff.counts,
        notes: [...notes],
        badRows: badRows === null ? null : { count: badRows.count, listed: [...badRows.listed] },
        table: table === null ? null : { columns: [...table.columns], mapping: table.mapping },
      };
    },
    importedFile: (token) => {
      const { parsed, fileName } = pendingImport(token);
      return { document: parsed.document, fileName };
    },
    applyImport: async ({ token, mode }) => {
      const entry = pendingImport(token);
      const { parsed } = entry;
      // The timeline changed since the preview: the diff is worked out again against it.
      const diff =
        entry.changeCount === store.changeCount ? entry.diff : await diffWith(store, parsed);
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

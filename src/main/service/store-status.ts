/**
 * The save status as the window learns it, and the choice when another program replaced the
 * store file. The window asks watchStoreStatus for news after the version it has and is answered
 * when there is some (a long poll): one command, so the same code serves Electron's IPC, the
 * browser harness and the built app's stand-in, with no channel of its own to keep in step.
 */
import type { StoreStatus } from '../../shared/contract';
import { AppFailure } from '../../shared/result';
import { saveFailureOf } from '../store/save-failure';
import { errorMessage } from '../store/store-file';
import { StoreChangedElsewhereError } from '../store/store-identity';
import type { TimelineRepository } from '../store/timeline-repository';
import { runInSlices } from '../time-slices';
import type { CommandHandlers } from './handlers';
import { checkResult, planImport } from './import-plan';
import type { Recorder } from './undo-redo';

/** A watch with no news answers after this long anyway (a window that went away lets go). */
export const STATUS_WAIT_MS = 25_000;

export type StatusHandlers = Pick<CommandHandlers, 'watchStoreStatus' | 'resolveExternalChange'>;

export interface StatusFeed extends StatusHandlers {
  /** A mutating command ended: its change is in the status from now on. */
  bump(): void;
  /** Answers every waiting watch now, with the status as it is (the window left the story). */
  answerWaiting(): void;
}

export function createStatusFeed(
  store: TimelineRepository,
  recorder: Recorder,
  waitMs = STATUS_WAIT_MS,
): StatusFeed {
  let version = 0;
  const waiting = new Set<() => void>();
  const answerWaiting = () => {
    for (const wake of waiting) wake();
    waiting.clear();
  };
  const bump = () => {
    version++;
    answerWaiting();
  };
  store.onStateChange(bump);

  const status = (): StoreStatus => {
    const state = store.state();
    return {
      version,
      saving: state.saving,
      // Another program's file waiting for a choice blocks every save, even with none pending.
      failure:
        state.failure === null
          ? state.externalChangeAt === null
            ? null
            : saveFailureOf(new StoreChangedElsewhereError(store.path))
          : saveFailureOf(state.failure),
      externalChange:
        state.externalChangeAt === null
          ? null
          : { detectedAt: state.externalChangeAt.toISOString() },
      notices: [...state.notices],
    };
  };

  return {
    bump,
    answerWaiting,
    watchStoreStatus: async ({ after }) => {
      if (version <= after) {
        await new Promise<void>((wake) => {
          const timer = setTimeout(wake, waitMs);
          timer.unref();
          waiting.add(() => {
            clearTimeout(timer);
            wake();
          });
        });
      }
      return status();
    },
    resolveExternalChange: async ({ keep }) => {
      if (store.state().externalChangeAt === null) {
        throw new AppFailure({
          code: 'invalid',
          message: 'No other version of the timeline file is waiting for a choice.',
        });
      }
      if (keep === 'mine') {
        const keptAt = await store.keepMine().catch((error: unknown) => {
          throw ioFailure('Your version could not be saved', error);
        });
        return { change: { upserted: [], removed: [] }, keptAt };
      }
      const { document, keptAt } = await store.takeTheirs().catch((error: unknown) => {
        throw ioFailure('The file on disk could not be loaded', error);
      });
      const plan = await runInSlices(planImport('replace', store.document(), document));
      await runInSlices(checkResult(plan.result, 'The file on disk cannot be loaded'));
      const change = await recorder.commit('Load file from disk', plan.change);
      bump();
      return { change, keptAt };
    },
  };
}

function ioFailure(what: string, error: unknown): AppFailure {
  return new AppFailure({ code: 'io', message: `${what}: ${errorMessage(error)}` });
}

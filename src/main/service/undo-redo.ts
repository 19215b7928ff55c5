/**
 * The one history of the store: every command that changes it commits through here, so undo
 * and redo cover edits, drags, deletes, imports and restores alike. Each entry's changes are
 * the exact inverses the repository computed, so undoing restores previous states exactly.
 */
import type { Change, HistoryState } from '../../shared/contract';
import { AppFailure } from '../../shared/result';
import { isEmptyChange } from '../store/change-inverse';
import type { TimelineRepository } from '../store/timeline-repository';
import {
  EMPTY_HISTORY,
  type History,
  historyState,
  MAX_HISTORY,
  popRedo,
  popUndo,
  pushDone,
  pushUndone,
  recordEntry,
} from './history';

export interface ChangeWithHistory {
  readonly change: Change;
  readonly history: HistoryState;
}

export interface Recorder {
  /** Applies a command's change and records it under `label`; an empty change records nothing. */
  commit(label: string, change: Change): Promise<Change>;
  undo(): Promise<ChangeWithHistory>;
  redo(): Promise<ChangeWithHistory>;
  state(): HistoryState;
}

/** Changes are applied in slices: an import, or its undo, can hold 100,000 events. */
export function createRecorder(
  store: Pick<TimelineRepository, 'applyInSlices'>,
  max: number = MAX_HISTORY,
): Recorder {
  let history: History = EMPTY_HISTORY;
  return {
    async commit(label, change) {
      if (isEmptyChange(change)) return change;
      const undo = await store.applyInSlices(change);
      history = recordEntry(history, { label, undo, redo: change }, max);
      return change;
    },
    async undo() {
      const popped = popUndo(history);
      if (!popped) throw new AppFailure({ code: 'invalid', message: 'Nothing to undo.' });
      const { label, undo } = popped.entry;
      const redo = await store.applyInSlices(undo);
      history = pushUndone(popped.rest, { label, undo, redo });
      return { change: undo, history: historyState(history) };
    },
    async redo() {
      const popped = popRedo(history);
      if (!popped) throw new AppFailure({ code: 'invalid', message: 'Nothing to redo.' });
      const { label, redo } = popped.entry;
      const undo = await store.applyInSlices(redo);
      history = pushDone(popped.rest, { label, undo, redo });
      return { change: redo, history: historyState(history) };
    },
    state: () => historyState(history),
  };
}

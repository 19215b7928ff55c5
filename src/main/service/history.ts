/**
 * Undo and redo as pure data: each entry holds the change that undoes a command and the change
 * that does it again. The main process keeps one history for every way the store changes.
 */
import type { Change, HistoryState } from '../../shared/contract';

export interface HistoryEntry {
  /** What the user did, e.g. "Move event"; menus show "Undo Move event". */
  readonly label: string;
  readonly undo: Change;
  readonly redo: Change;
}

export interface History {
  /** Oldest first; the last entry is the next to undo. */
  readonly done: readonly HistoryEntry[];
  /** Oldest first; the last entry is the next to redo. */
  readonly undone: readonly HistoryEntry[];
}

export const MAX_HISTORY = 500;

export const EMPTY_HISTORY: History = { done: [], undone: [] };

/** A new command: its entry goes on top, the redo stack is cleared, the oldest entries drop. */
export function recordEntry(
  history: History,
  entry: HistoryEntry,
  max: number = MAX_HISTORY,
): History {
  const done = [...history.done, entry];
  return { done: done.slice(Math.max(0, done.length - max)), undone: [] };
}

/** The entry to undo and the history without it; null when there is nothing to undo. */
export function popUndo(history: History): { entry: HistoryEntry; rest: History } | null {
  const entry = history.done.at(-1);
  if (!entry) return null;
  return { entry, rest: { done: history.done.slice(0, -1), undone: history.undone } };
}

/** The entry to redo and the history without it; null when there is nothing to redo. */
export function popRedo(history: History): { entry: HistoryEntry; rest: History } | null {
  const entry = history.undone.at(-1);
  if (!entry) return null;
  return { entry, rest: { done: history.done, undone: history.undone.slice(0, -1) } };
}

/** An undone entry moves to the redo stack (not clearing it, unlike a new command). */
export function pushUndone(history: History, entry: HistoryEntry): History {
  return { done: history.done, undone: [...history.undone, entry] };
}

/** A redone entry moves back to the undo stack, keeping the rest of the redo stack. */
export function pushDone(history: History, entry: HistoryEntry): History {
  return { done: [...history.done, entry], undone: history.undone };
}

export function historyState(history: History): HistoryState {
  const undo = history.done.at(-1);
  const redo = history.undone.at(-1);
  return {
    canUndo: undo !== undefined,
    canRedo: redo !== undefined,
    undoLabel: undo ? `Undo ${undo.label}` : null,
    redoLabel: redo ? `Redo ${redo.label}` : null,
  };
}

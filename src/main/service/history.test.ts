import { describe, expect, it } from 'vitest';

import { makeEvent } from '../../../test/builders';
import type { Change } from '../../shared/contract';
import {
  EMPTY_HISTORY,
  type History,
  type HistoryEntry,
  historyState,
  popRedo,
  popUndo,
  pushDone,
  pushUndone,
  recordEntry,
} from './history';

const entry = (label: string): HistoryEntry => {
  const event = makeEvent({ title: label });
  const redo: Change = { upserted: [event], removed: [] };
  const undo: Change = { upserted: [], removed: [event.id] };
  return { label, undo, redo };
};

const labels = (history: History) => ({
  done: history.done.map((e) => e.label),
  undone: history.undone.map((e) => e.label),
});

describe('history', () => {
  it('starts with nothing to undo or redo', () => {
    expect(historyState(EMPTY_HISTORY)).toEqual({
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
    });
    expect(popUndo(EMPTY_HISTORY)).toBeNull();
    expect(popRedo(EMPTY_HISTORY)).toBeNull();
  });

  it('undoes the newest entry first and labels the buttons after it', () => {
    let history = recordEntry(EMPTY_HISTORY, entry('Add event'));
    history = recordEntry(history, entry('Move event'));
    expect(historyState(history)).toMatchObject({ undoLabel: 'Undo Move event', canRedo: false });

    const popped = popUndo(history)!;
    expect(popped.entry.label).toBe('Move event');
    history = pushUndone(popped.rest, popped.entry);
    expect(historyState(history)).toEqual({
      canUndo: true,
      canRedo: true,
      undoLabel: 'Undo Add event',
      redoLabel: 'Redo Move event',
    });

    const again = popRedo(history)!;
    history = pushDone(again.rest, again.entry);
    expect(labels(history)).toEqual({ done: ['Add event', 'Move event'], undone: [] });
  });

  it('clears the redo stack when a new command is recorded', () => {
    let history = recordEntry(EMPTY_HISTORY, entry('Add event'));
    history = recordEntry(history, entry('Edit event'));
    for (let i = 0; i < 2; i++) {
      const popped = popUndo(history)!;
      history = pushUndone(popped.rest, popped.entry);
    }
    expect(labels(history)).toEqual({ done: [], undone: ['Edit event', 'Add event'] });
    // Redoing one keeps the other redoable; a new command drops it.
    const redone = popRedo(history)!;
    history = pushDone(redone.rest, redone.entry);
    expect(labels(history)).toEqual({ done: ['Add event'], undone: ['Edit event'] });
    history = recordEntry(history, entry('Delete event'));
    expect(labels(history)).toEqual({ done: ['Add event', 'Delete event'], undone: [] });
  });

  it('keeps at most the newest entries', () => {
    let history = EMPTY_HISTORY;
    for (let i = 1; i <= 505; i++) history = recordEntry(history, entry(`Edit ${i}`));
    expect(history.done).toHaveLength(500);
    expect(history.done[0]!.label).toBe('Edit 6');
    expect(history.done.at(-1)!.label).toBe('Edit 505');
    expect(recordEntry(history, entry('x'), 3).done.map((e) => e.label)).toEqual([
      'Edit 504',
      'Edit 505',
      'x',
    ]);
  });
});

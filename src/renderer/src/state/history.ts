/**
 * What Undo and Redo would do now, as the main process last said. The toolbar and the command
 * registry read it; it is refreshed after every change and set from each undo or redo.
 */
import type { HistoryState, TimelineApi } from '../../../shared/contract';

const NOTHING: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

export class HistoryModel {
  readonly #api: TimelineApi;
  readonly #listeners = new Set<(state: HistoryState) => void>();
  #state: HistoryState = NOTHING;
  /** Counts updates, so an answer that arrives after a newer one is dropped. */
  #version = 0;

  constructor(api: TimelineApi) {
    this.#api = api;
  }

  get state(): HistoryState {
    return this.#state;
  }

  set(state: HistoryState): void {
    this.#version += 1;
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }

  /** Asks the main process; keeps the last known state when it does not answer. */
  async refresh(): Promise<void> {
    const asked = ++this.#version;
    const result = await this.#api.getHistory();
    if (result.ok && asked === this.#version) this.set(result.value);
  }

  onChange(listener: (state: HistoryState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

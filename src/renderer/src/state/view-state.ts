/**
 * What the window was showing, kept for the next start: the search and the filters. It lives in
 * the window's own storage (localStorage, per data folder), not in the story: it is how one person
 * looks at the story, and losing it loses no work. What is read back is checked like any outside
 * input; anything damaged or foreign is ignored and the window starts unfiltered.
 */
import { z } from 'zod';

import { type EventFilter, EventFilterSchema, NO_FILTER } from './event-filter';

export interface ViewState {
  readonly query: string;
  readonly filter: EventFilter;
}

const ViewStateSchema = z.object({
  version: z.literal(1),
  query: z.string().max(500),
  filter: EventFilterSchema,
});

const EMPTY: ViewState = { query: '', filter: NO_FILTER };

/** Writes wait this long after the last change, so typing a search writes once. */
const WRITE_DELAY_MS = 300;

export class ViewStateStore {
  readonly #key: string;
  readonly #storage: Storage | null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending: ViewState | null = null;

  constructor(storePath: string, storage: Storage | null = safeStorage()) {
    this.#key = `timeline-desk.view.${storePath}`;
    this.#storage = storage;
  }

  read(): ViewState {
    try {
      const text = this.#storage?.getItem(this.#key);
      if (text === null || text === undefined) return EMPTY;
      const parsed = ViewStateSchema.safeParse(JSON.parse(text));
      return parsed.success ? { query: parsed.data.query, filter: parsed.data.filter } : EMPTY;
    } catch {
      return EMPTY;
    }
  }

  /** Keeps the state (soon, and at the latest when the window is closed). */
  write(state: ViewState): void {
    this.#pending = state;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), WRITE_DELAY_MS);
  }

  flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const state = this.#pending;
    this.#pending = null;
    if (state === null) return;
    try {
      this.#storage?.setItem(this.#key, JSON.stringify({ version: 1, ...state }));
    } catch {
      // Storage full or refused: the view simply starts unfiltered next time.
    }
  }
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether what the window shows is on disk. The window applies a change as soon as the app
 * answers the command, but only the store says when it is durable: the status comes from the
 * watchStoreStatus long poll, never from a command's answer. While a mutating command is in
 * flight, or the store has changes not yet on disk, the state is "saving".
 *
 * The long poll's answer and the command's may arrive in either order (the harness's requests
 * are separate HTTP requests), so a command counts as in flight until a status asked for after
 * its answer has come: one taken before might not hold its change yet.
 */
import type { SaveFailure, StoreStatus, TimelineApi } from '../../../shared/contract';

export type SaveState =
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'not-saved'; readonly failure: SaveFailure };

/** A watch that failed (the app is going away, or a harness restarts) is asked again after this. */
const RETRY_WATCH_MS = 1000;

export class SaveTracker {
  #inFlight = 0;
  /** Asks for the status as it is now; set by watchStore. */
  #ask: (() => Promise<void>) | null = null;
  #status: StoreStatus | null = null;
  readonly #listeners = new Set<(state: SaveState) => void>();
  readonly #statusListeners = new Set<(status: StoreStatus) => void>();

  get state(): SaveState {
    const failure = this.#status?.failure ?? null;
    if (failure !== null) return { kind: 'not-saved', failure };
    if (this.#inFlight > 0 || this.#status === null || this.#status.saving)
      return { kind: 'saving' };
    return { kind: 'saved' };
  }

  /** The store's last status; null until the first answer. */
  get status(): StoreStatus | null {
    return this.#status;
  }

  /** A mutating command: the state is "saving" at least until it is answered. */
  async track<T>(call: Promise<T>): Promise<T> {
    this.#inFlight++;
    this.#notify();
    try {
      return await call;
    } finally {
      void this.#settle();
    }
  }

  /** Counts a command out once a status taken after its answer has come (or could not). */
  async #settle(): Promise<void> {
    await this.#ask?.().catch(() => undefined);
    this.#inFlight--;
    this.#notify();
  }

  /** A status older than the one held (an answer overtaken by a newer one) is ignored. */
  receive(status: StoreStatus): void {
    if (this.#status !== null && status.version < this.#status.version) return;
    this.#status = status;
    this.#notify();
    for (const listener of this.#statusListeners) listener(status);
  }

  /** How to ask for the status as it is now. */
  connect(ask: () => Promise<void>): void {
    this.#ask = ask;
  }

  onChange(listener: (state: SaveState) => void): void {
    this.#listeners.add(listener);
  }

  /** Every status the store sends (notices, another program's change). */
  onStatus(listener: (status: StoreStatus) => void): void {
    this.#statusListeners.add(listener);
  }

  #notify(): void {
    const state = this.state;
    for (const listener of this.#listeners) listener(state);
  }
}

/** Asks the store for its status, then for each change after it, for as long as the page lives. */
export async function watchStore(
  api: TimelineApi,
  tracker: SaveTracker,
  signal: AbortSignal,
): Promise<void> {
  tracker.connect(async () => {
    const now = await api.watchStoreStatus({ after: -1 });
    if (now.ok) tracker.receive(now.value);
  });
  while (!signal.aborted) {
    const after = tracker.status?.version ?? -1;
    const result = await api.watchStoreStatus({ after }).catch(() => null);
    // The window moved to another story while waiting: this answer is the old story's.
    if (signal.aborted) return;
    if (result?.ok === true) {
      tracker.receive(result.value);
    } else {
      await new Promise((wait) => setTimeout(wait, RETRY_WATCH_MS));
    }
  }
}

/**
 * The zone the window shows times in: the computer's (the default, followed if it changes) or one
 * the user picked, UTC among them. One per window, remembered in the window's storage for every
 * story (it is how one person reads times, not part of a story). Calendar dates ignore it.
 */
import { computerZone, isKnownZone, zoneName } from '../../../shared/time-zone';
import { type DateContext, zoneDateContext } from '../../../shared/typed-date';

/** The computer's zone, whatever it is now, or a zone by its IANA name (or "UTC"). */
export type ZoneChoice = 'computer' | { readonly zone: string };

const KEY = 'timeline-desk.time-zone';

export class DisplayZone {
  readonly #storage: Storage | null;
  readonly #computer: () => string;
  readonly #listeners = new Set<() => void>();
  #choice: ZoneChoice;

  constructor(storage: Storage | null, computer: () => string = computerZone) {
    this.#storage = storage;
    this.#computer = computer;
    this.#choice = readChoice(storage);
  }

  get choice(): ZoneChoice {
    return this.#choice;
  }

  /** The IANA name (or "UTC") times are shown in now. */
  get zone(): string {
    return this.#choice === 'computer' ? this.#computer() : this.#choice.zone;
  }

  get computerZone(): string {
    return this.#computer();
  }

  /** The zone as the window says it, with its offset now: "Asia/Jakarta (UTC+7)" or "UTC". */
  name(now = Date.now()): string {
    return zoneName(this.zone, now);
  }

  /** The clock and zone a date typed now is read against. */
  dates(now = Date.now()): DateContext {
    return zoneDateContext(this.zone, now);
  }

  choose(choice: ZoneChoice): void {
    if (choice !== 'computer' && !isKnownZone(choice.zone)) return;
    const before = this.zone;
    this.#choice = choice;
    try {
      this.#storage?.setItem(KEY, choice === 'computer' ? 'computer' : choice.zone);
    } catch {
      // Storage full or refused: the choice holds until the window closes.
    }
    if (this.zone !== before) for (const listener of this.#listeners) listener();
  }

  /** Runs the listener whenever the zone shown changes; returns how to stop. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** What was kept, checked like any outside input: a zone Intl no longer knows is forgotten. */
function readChoice(storage: Storage | null): ZoneChoice {
  try {
    const kept = storage?.getItem(KEY);
    if (typeof kept !== 'string' || kept === 'computer' || kept.length > 100) return 'computer';
    return isKnownZone(kept) ? { zone: kept } : 'computer';
  } catch {
    return 'computer';
  }
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The window's one display zone. */
export const displayZone = new DisplayZone(safeStorage());

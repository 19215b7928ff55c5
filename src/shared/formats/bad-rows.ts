/**
 * The rows of a table file (CSV, a TimelineJS sheet) that cannot be imported: each named by its
 * row and column with why, the first MAX_LISTED_ROWS listed and the rest counted, so the
 * preview can show them all and offer to import the good rows. Never silently dropped.
 */
import type { Result } from '../result';
import { fail } from '../result';

export const MAX_LISTED_ROWS = 100;

/** What the preview shows of the bad rows. */
export interface BadRowList {
  /** How many rows cannot be imported. */
  readonly count: number;
  /** The first MAX_LISTED_ROWS of them, e.g. "row 4, start: "2024-13-01" is not a date". */
  readonly listed: readonly string[];
}

export class BadRows {
  readonly #listed: string[] = [];
  #count = 0;

  add(message: string): void {
    this.#count++;
    if (this.#listed.length < MAX_LISTED_ROWS) this.#listed.push(message);
  }

  get count(): number {
    return this.#count;
  }

  /** null when every row was good. */
  list(): BadRowList | null {
    return this.#count === 0 ? null : { count: this.#count, listed: [...this.#listed] };
  }

  /** The refusal when no row at all could be read: the first reason and how many more. */
  refusal(): Result<never> {
    const [first = 'no row could be read'] = this.#listed;
    const more = this.#count - 1;
    return fail(
      'invalid',
      more === 0 ? first : `${first} (and ${more.toLocaleString('en')} more bad rows)`,
    );
  }
}

/**
 * The types every format converter shares with the facade (index.ts). They sit in this leaf so
 * a converter never imports the facade that imports it.
 */
import type { ImportFormat, TableMapping } from '../contract';
import type { EventId, Timestamp } from '../ids';
import type { TimelineDocument } from '../schema';
import type { BadRowList } from './bad-rows';

export interface ExportedFile {
  readonly text: string;
  readonly extension: string;
  readonly mimeType: string;
}

export interface ImportContext {
  readonly now: Timestamp;
  readonly newId: () => EventId;
  /** The current timeline, for lanes & ids to reuse */
  readonly current: TimelineDocument;
  /** For a table of the user's own: which column holds what (else guessed from the names). */
  readonly mapping?: TableMapping;
}

export interface ParsedImport {
  readonly format: ImportFormat;
  readonly document: TimelineDocument;
  /**
   * Each event's JSON as JSON.stringify writes it, where the file held exactly that text (an
   * export of ours, read a line at a time): the store keeps it instead of stringifying the
   * event again. By index of document.events; undefined where not known.
   */
  readonly eventJson?: readonly (string | undefined)[];
  /** What the file held that was not kept as it was, and why: the preview lists it. */
  readonly notes?: readonly string[];
  /** Rows of a table file that cannot be imported (left out of `document`): the preview lists them. */
  readonly badRows?: BadRowList;
  /** A table of the user's own: its columns and the mapping it was read by (null: none). */
  readonly table?: { readonly columns: readonly string[]; readonly mapping: TableMapping | null };
}

/**
 * What a converter did not keep as the file had it, counted by kind and said once per kind with
 * its count ("3 media embeds (tweets, iframes) are kept as quotes").
 */
export class ImportNotes {
  readonly #kinds = new Map<string, { count: number; say: (count: number) => string }>();

  /** Counts one more of a kind; `say` words the kind for its final count. */
  add(kind: string, say: (count: number) => string): void {
    const found = this.#kinds.get(kind);
    if (found) found.count++;
    else this.#kinds.set(kind, { count: 1, say });
  }

  /** Takes in what another collection counted (a reading that was kept after all). */
  absorb(other: ImportNotes): void {
    for (const [kind, { count, say }] of other.#kinds) {
      const found = this.#kinds.get(kind);
      if (found) found.count += count;
      else this.#kinds.set(kind, { count, say });
    }
  }

  list(): string[] {
    return [...this.#kinds.values()].map(({ count, say }) => say(count));
  }
}

/** "is" for one, "are" for more: "1 era is", "3 eras are". */
export function isAre(count: number): string {
  return count === 1 ? 'is' : 'are';
}

/** "1 era", "3 eras". */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

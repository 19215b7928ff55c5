/**
 * The toolbar's search field (accessible name "Search") and its count, "N of M events". A key
 * searches at once (faster typing searches once per frame); Enter and Shift+Enter go to
 * the next and previous match; Escape clears the search.
 */
import { el } from './dom';

export interface SearchBoxHandlers {
  readonly onQuery: (query: string) => void;
  readonly onStep: (direction: 1 | -1) => void;
}

export class SearchBox {
  readonly element: HTMLElement;
  readonly #input = el('input', {
    className: 'search-input',
    attrs: {
      type: 'search',
      'aria-label': 'Search',
      placeholder: 'Search (indexing…)',
      autocomplete: 'off',
      spellcheck: 'false',
    },
  });
  readonly #count = el('span', {
    className: 'search-count',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  #frame: number | null = null;
  /** The query the views were last given. */
  #searched = '';

  constructor(handlers: SearchBoxHandlers) {
    this.element = el('div', { className: 'search', attrs: { role: 'search' } }, [
      this.#input,
      this.#count,
    ]);
    this.#count.hidden = true;
    // A key searches at once; keys that come faster than frames are drawn wait for the next
    // frame and search once, for what the field then holds.
    const search = (): void => {
      const query = this.#input.value;
      if (query === this.#searched) return;
      this.#searched = query;
      handlers.onQuery(query);
      // What the views show now (npm run bench times a keystroke to this).
      this.element.dataset['shownQuery'] = query;
    };
    this.#input.addEventListener('input', () => {
      if (this.#frame !== null) return;
      search();
      this.#frame = requestAnimationFrame(() => {
        this.#frame = null;
        search();
      });
    });
    this.#input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        handlers.onStep(event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape' && this.#input.value !== '') {
        event.preventDefault();
        event.stopPropagation();
        this.#input.value = '';
        search();
      }
    });
  }

  /** The index is built: every event can be found. */
  setReady(): void {
    this.#input.placeholder = 'Search';
    this.element.dataset['indexed'] = 'true';
  }

  get query(): string {
    return this.#input.value;
  }

  /** Shows a search kept from the last run (the caller runs it). */
  setQuery(query: string): void {
    this.#input.value = query;
    this.#searched = query;
  }

  focus(): void {
    this.#input.focus();
    this.#input.select();
  }

  /** "3 of 5 events" while a search is on; nothing otherwise. */
  setCount(shown: number, total: number, active: boolean): void {
    this.#count.hidden = !active;
    this.#count.textContent = active
      ? `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${total === 1 ? 'event' : 'events'}`
      : '';
  }
}

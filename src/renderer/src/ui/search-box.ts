/**
 * The toolbar's search field (accessible name "Search") and its count, "N of M events". Typing
 * searches at the next frame (fast typing searches once per frame); Enter and Shift+Enter go to
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

  constructor(handlers: SearchBoxHandlers) {
    this.element = el('div', { className: 'search', attrs: { role: 'search' } }, [
      this.#input,
      this.#count,
    ]);
    this.#count.hidden = true;
    this.#input.addEventListener('input', () => {
      if (this.#frame !== null) return;
      this.#frame = requestAnimationFrame(() => {
        this.#frame = null;
        const query = this.#input.value;
        handlers.onQuery(query);
        // What the views show now (npm run bench times a keystroke to this).
        this.element.dataset['shownQuery'] = query;
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
        handlers.onQuery('');
        this.element.dataset['shownQuery'] = '';
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

/**
 * The active filters, one removable chip each, and "Clear filters": shown under the toolbar
 * while any filter is on, so a narrowed story never looks like the whole one.
 */
import type { Lane } from '../../../shared/schema';
import { type EventFilter, filterChips, NO_FILTER } from '../state/event-filter';
import { USER_TEXT } from './bidi';
import { el } from './dom';

export class FilterChips {
  readonly element = el('div', {
    className: 'filter-chips',
    attrs: { role: 'group', 'aria-label': 'Active filters' },
  });
  readonly #onChange: (filter: EventFilter) => void;

  constructor(onChange: (filter: EventFilter) => void) {
    this.#onChange = onChange;
    this.element.hidden = true;
  }

  /** Shows the filter's chips; returns how many there are. */
  show(filter: EventFilter, lanes: readonly Lane[]): number {
    const chips = filterChips(filter, lanes);
    const focused = this.element.contains(document.activeElement);
    this.element.hidden = chips.length === 0;
    this.element.replaceChildren(
      el('span', { className: 'filter-chips-label', text: 'Showing only:' }),
      ...chips.map((chip) => {
        const remove = el('button', {
          className: 'filter-chip-remove',
          text: '×',
          attrs: { type: 'button', 'aria-label': `Remove filter ${chip.label}`, title: 'Remove' },
        });
        remove.addEventListener('click', () => this.#onChange(chip.without));
        return el('span', { className: 'filter-chip', attrs: { 'data-chip': chip.key } }, [
          el('span', { text: chip.label, attrs: USER_TEXT }),
          remove,
        ]);
      }),
      this.#clear(),
    );
    // Removing a chip takes its button away: focus goes on to the next chip, or Clear filters.
    if (focused && chips.length > 0) {
      this.element.querySelector<HTMLElement>('.filter-chip-remove, .filter-clear')?.focus();
    }
    return chips.length;
  }

  #clear(): HTMLButtonElement {
    const clear = el('button', {
      className: 'button button--quiet filter-clear',
      text: 'Clear filters',
      attrs: { type: 'button' },
    });
    clear.addEventListener('click', () => this.#onChange(NO_FILTER));
    return clear;
  }
}

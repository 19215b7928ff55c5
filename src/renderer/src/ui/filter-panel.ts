/**
 * The toolbar's "Filter" button and its panel: lanes, status, certainty, a date range, tags,
 * actors and "without a source". Every change applies at once; the panel is not modal (the
 * timeline stays live beside it). Escape or Close shuts it and gives focus back to the button.
 */
import type { LaneId } from '../../../shared/ids';
import { CERTAINTIES, EVENT_STATUSES, type Lane, type TimelineEvent } from '../../../shared/schema';
import { readTypedDate } from '../../../shared/typed-date';
import { displayZone } from '../state/display-zone';
import { type EventFilter, NO_FILTER, toggled, valueCounts } from '../state/event-filter';
import { USER_TEXT } from './bidi';
import { el } from './dom';
import { ToolbarPanel } from './toolbar-popover';

/** Tags or actors listed at most, most used first: a story of 100,000 events may have thousands. */
const MOST_USED = 60;

const FILTER_ICON = ['M2.5 3.5h11', 'M4.5 8h7', 'M6.5 12.5h3'];

export interface FilterPanelParts {
  readonly lanes: () => readonly Lane[];
  readonly events: () => Iterable<TimelineEvent>;
  readonly filter: () => EventFilter;
  readonly onChange: (filter: EventFilter) => void;
}

type ListKey = 'statuses' | 'certainties' | 'tags' | 'actors';

export class FilterPanel extends ToolbarPanel {
  readonly #parts: FilterPanelParts;
  /** The story's tags and actors with their counts, read when the panel opens. */
  #counts: {
    readonly tags: { value: string; count: number }[];
    readonly actors: { value: string; count: number }[];
  } | null = null;

  constructor(parts: FilterPanelParts) {
    super({
      id: 'filter-panel',
      label: 'Filter',
      panelLabel: 'Filter events',
      icon: FILTER_ICON,
      title: 'Show only some events',
      classNames: { element: 'filter', button: 'button filter-button', panel: 'filter-panel' },
    });
    this.#parts = parts;
  }

  protected opened(): void {
    this.#counts = null;
    this.#render();
  }

  /**
   * The filter changed (a box ticked, a chip removed, a lane label pressed): the button and the
   * panel follow. The open panel's boxes and dates are set in place (it is not built again for
   * each tick), unless a chosen tag or actor has no box yet.
   */
  sync(filter: EventFilter, active: number): void {
    this.button.classList.toggle('filter-button--active', active > 0);
    const label = this.button.querySelector('.button-label');
    if (label) label.textContent = active > 0 ? `Filter (${active})` : 'Filter';
    if (!this.isOpen) return;
    const boxes = new Map<string, HTMLInputElement>();
    for (const input of this.panel.querySelectorAll<HTMLInputElement>('input[data-key]')) {
      boxes.set(input.dataset['key'] ?? '', input);
    }
    const listed = [
      ...filter.tags.map((tag) => `tags:${tag}`),
      ...filter.actors.map((actor) => `actors:${actor}`),
    ];
    if (!listed.every((key) => boxes.has(key))) {
      this.#render(filter);
      return;
    }
    for (const [key, input] of boxes) {
      if (input.type === 'checkbox') input.checked = isTicked(filter, key);
      else if ((key === 'from' || key === 'to') && document.activeElement !== input) {
        input.value = filter[key] ?? '';
      }
    }
  }

  #render(filter = this.#parts.filter()): void {
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset['key'];
    const change = (next: EventFilter): void => this.#parts.onChange(next);
    const checkbox = (
      key: string,
      label: readonly (Node | string)[],
      checked: boolean,
      onToggle: (on: boolean) => void,
    ): HTMLElement => {
      const input = el('input', { attrs: { type: 'checkbox', 'data-key': key } });
      input.checked = checked;
      input.addEventListener('change', () => onToggle(input.checked));
      return el('label', { className: 'filter-option' }, [input, ...label]);
    };
    const list = <K extends ListKey>(
      key: K,
      legend: string,
      values: readonly { value: EventFilter[K][number]; count?: number }[],
    ): HTMLElement =>
      el('fieldset', { className: 'filter-group' }, [
        el('legend', { text: legend }),
        values.length === 0
          ? el('p', { className: 'filter-empty', text: 'None in this story' })
          : null,
        ...values.map(({ value, count }) =>
          checkbox(
            `${key}:${value}`,
            [
              el('span', { text: value, attrs: USER_TEXT }),
              count === undefined
                ? ''
                : el('span', { className: 'filter-count', text: ` ${count}` }),
            ],
            (filter[key] as readonly string[]).includes(value),
            (on) => change(toggled(this.#parts.filter(), key, value, on)),
          ),
        ),
      ]);
    const lanes = el('fieldset', { className: 'filter-group' }, [
      el('legend', { text: 'Lanes shown' }),
      ...this.#parts.lanes().map((lane) => {
        const swatch = el('span', { className: 'lane-swatch', attrs: { 'aria-hidden': 'true' } });
        swatch.style.setProperty('--lane', lane.color);
        return checkbox(
          `lane:${lane.id}`,
          [swatch, el('span', { text: lane.title, attrs: USER_TEXT })],
          !filter.hiddenLanes.includes(lane.id),
          (on) => change(toggled(this.#parts.filter(), 'hiddenLanes', lane.id as LaneId, !on)),
        );
      }),
    ]);
    // Counting 100,000 events' tags takes a while: once per opening, not per tick.
    this.#counts ??= {
      tags: valueCounts(this.#parts.events(), (event) => event.tags),
      actors: valueCounts(this.#parts.events(), (event) => event.actors),
    };
    const counts = this.#counts;
    const counted = (
      all: readonly { value: string; count: number }[],
      chosen: readonly string[],
    ) => {
      const shown = all.slice(0, MOST_USED);
      // A chosen value stays listed (so it can be unticked) even when it is not among the most used.
      for (const value of chosen) {
        if (!shown.some((entry) => entry.value.toLowerCase() === value.toLowerCase())) {
          shown.push({ value, count: 0 });
        }
      }
      return { shown, more: all.length - Math.min(all.length, MOST_USED) };
    };
    const tags = counted(counts.tags, filter.tags);
    const actors = counted(counts.actors, filter.actors);
    const more = (n: number, what: string): HTMLElement | null =>
      n > 0
        ? el('p', {
            className: 'filter-empty',
            text: `${n.toLocaleString('en')} more ${what} (search finds them by name)`,
          })
        : null;

    const tagList = list('tags', 'Tags', tags.shown);
    tagList.append(more(tags.more, 'tags') ?? '');
    const actorList = list('actors', 'Actors', actors.shown);
    actorList.append(more(actors.more, 'actors') ?? '');

    this.panel.replaceChildren(
      el('div', { className: 'filter-columns' }, [
        el('div', { className: 'filter-column' }, [
          lanes,
          list(
            'statuses',
            'Status',
            EVENT_STATUSES.map((value) => ({ value })),
          ),
          list(
            'certainties',
            'Certainty',
            CERTAINTIES.map((value) => ({ value })),
          ),
        ]),
        el('div', { className: 'filter-column' }, [
          this.#dateRange(filter, change),
          el('fieldset', { className: 'filter-group' }, [
            el('legend', { text: 'Sources' }),
            checkbox(
              'withoutSource',
              ['Only events without a source'],
              filter.withoutSource,
              (on) => change({ ...this.#parts.filter(), withoutSource: on }),
            ),
          ]),
        ]),
        el('div', { className: 'filter-column filter-column--lists' }, [tagList, actorList]),
      ]),
      el('div', { className: 'filter-actions' }, [
        this.#action('Clear filters', () => change(NO_FILTER)),
        this.#action('Close', () => this.close()),
      ]),
    );
    if (focusedKey !== undefined) {
      this.panel.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
    }
  }

  #dateRange(filter: EventFilter, change: (next: EventFilter) => void): HTMLElement {
    const field = (key: 'from' | 'to', label: string): HTMLElement => {
      const id = `filter-${key}`;
      const input = el('input', {
        className: 'filter-date',
        attrs: {
          id,
          type: 'text',
          placeholder: 'e.g. 17 June 2024',
          autocomplete: 'off',
          spellcheck: 'false',
          'data-key': key,
          'aria-describedby': `${id}-error filter-date-hint`,
        },
      });
      input.value = filter[key] ?? '';
      const error = el('span', {
        className: 'filter-error',
        attrs: { id: `${id}-error`, role: 'alert' },
      });
      const commit = (): void => {
        // Dates as people type them ("17 Juni 2024", "June 2024"), as in the editor.
        const text = input.value.trim();
        const typed = readTypedDate(text, displayZone.dates());
        if (typed !== null && !typed.ok) {
          error.textContent = `“${text}” ${typed.message}.`;
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        error.textContent = '';
        input.removeAttribute('aria-invalid');
        const value = typed === null ? null : typed.date;
        if (value !== this.#parts.filter()[key]) change({ ...this.#parts.filter(), [key]: value });
      };
      input.addEventListener('change', commit);
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') commit();
      });
      return el('div', { className: 'filter-date-field' }, [
        el('label', { text: label, attrs: { for: id } }),
        input,
        error,
      ]);
    };
    return el('fieldset', { className: 'filter-group' }, [
      el('legend', { text: 'Dates' }),
      field('from', 'From'),
      field('to', 'Until'),
      el('p', {
        className: 'filter-empty',
        text: 'A year, a month or a day (2024, June 2024, 17/06/2024); events that overlap the range stay.',
        attrs: { id: 'filter-date-hint' },
      }),
    ]);
  }

  #action(text: string, run: () => void): HTMLButtonElement {
    const button = el('button', { className: 'button', text, attrs: { type: 'button' } });
    button.addEventListener('click', run);
    return button;
  }
}

/** Whether the box of this data-key is ticked under the filter (lanes: ticked when shown). */
function isTicked(filter: EventFilter, key: string): boolean {
  if (key === 'withoutSource') return filter.withoutSource;
  const at = key.indexOf(':');
  const [kind, value] = [key.slice(0, at), key.slice(at + 1)];
  if (kind === 'lane') return !filter.hiddenLanes.includes(value as LaneId);
  if (kind === 'statuses' || kind === 'certainties' || kind === 'tags' || kind === 'actors') {
    return (filter[kind] as readonly string[]).includes(value);
  }
  return false;
}

/**
 * The Chronology: the story as a list, in date order under year and month headings. It is fed
 * as the timeline is (load, every Change, the search and filters' test), shares the selection
 * through its handlers, and draws only the rows in and near the viewport, so 100,000 events
 * scroll as smoothly as ten. The list is one tab stop (a list box whose active option is the
 * selection): Up/Down, Page Up/Down, Home/End select, Enter opens the editor.
 */
import type { Change } from '../../../shared/contract';
import type { EventId } from '../../../shared/ids';
import type { Lane, TimelineEvent } from '../../../shared/schema';
import { UTC_ZONE } from '../../../shared/time-zone';
import type { EventSlots, ShownTest } from '../state/event-slots';
import { el } from '../ui/dom';
import { ChronologyModel, type ChronologyRows, eventIndex, pinLabel } from './chronology-model';
import { buildRow, type RowContext, rowId } from './chronology-rows';
import { rowAt, rowsInView, scrollToShow } from './row-window';

/** Row heights in px; the stylesheet draws rows this tall. */
export const ROW_HEIGHTS = { year: 44, month: 32, event: 52 } as const;
/** Rows drawn beyond the viewport, above and below, in px. */
const OVERSCAN = 400;

export interface ChronologyHandlers {
  onSelect(id: EventId): void;
  /** Enter or a double click: edit the event. */
  onOpen(id: EventId): void;
  /** The event a follow-up follows up, and how many follow an event up. */
  parent(id: EventId): TimelineEvent | undefined;
  followUpCount(id: EventId): number;
}

export class ChronologyView {
  readonly element: HTMLElement;
  readonly #list: HTMLElement;
  readonly #canvas: HTMLElement;
  readonly #empty: HTMLElement;
  readonly #count: HTMLElement;
  /** The month (or year) of the top row, kept in sight above the rows while scrolled. */
  readonly #pinned: HTMLElement;
  readonly #model: ChronologyModel;
  readonly #handlers: ChronologyHandlers;
  #lanes: ReadonlyMap<string, Lane>;
  #selectedId: EventId | null = null;
  #zone = UTC_ZONE;
  #visible = false;
  /** Drawn rows by row index; cleared when the rows change. */
  #drawn = new Map<number, HTMLElement>();
  #drawnFor: ChronologyRows | null = null;
  #frame = 0;
  /** The idle callback that sorts ahead of the first opening (see ChronologyModel.prepare). */
  #preparing: number | null = null;

  constructor(
    lanes: readonly Lane[],
    handlers: ChronologyHandlers,
    actions: readonly Node[],
    slots: EventSlots,
  ) {
    this.#model = new ChronologyModel(ROW_HEIGHTS, slots);
    this.#handlers = handlers;
    this.#lanes = laneMap(lanes);
    this.#count = el('span', { className: 'chronology-count' });
    this.#canvas = el('div', { className: 'chronology-canvas', attrs: { role: 'none' } });
    this.#list = el(
      'div',
      {
        className: 'chronology-list',
        attrs: { role: 'listbox', tabindex: '0', 'aria-label': 'Chronology' },
      },
      [this.#canvas],
    );
    this.#pinned = el('div', {
      className: 'chronology-heading chronology-heading--month chronology-pinned',
      attrs: { 'aria-hidden': 'true' },
    });
    this.#pinned.hidden = true;
    this.#empty = el('p', {
      className: 'chronology-empty',
      text: 'No events to show. A search or a filter may be hiding them.',
    });
    this.#empty.hidden = true;
    this.element = el(
      'section',
      { className: 'chronology-pane', attrs: { 'aria-label': 'Chronology' } },
      [
        el('div', { className: 'chronology-header' }, [
          el('h2', { className: 'chronology-heading-title', text: 'Chronology' }),
          this.#count,
          el('div', { className: 'chronology-actions' }, [...actions]),
        ]),
        el('div', { className: 'chronology-body' }, [this.#list, this.#pinned, this.#empty]),
      ],
    );
    this.element.hidden = true;
    this.#list.addEventListener('scroll', () => this.#drawSoon());
    this.#list.addEventListener('keydown', (event) => this.#onKey(event));
    this.#list.addEventListener('mousedown', (event) => {
      const id = this.#rowIdAt(event.target);
      if (id !== null) this.#handlers.onSelect(id);
    });
    this.#list.addEventListener('dblclick', (event) => {
      const id = this.#rowIdAt(event.target);
      if (id !== null) this.#handlers.onOpen(id);
    });
    new ResizeObserver(() => this.#drawSoon()).observe(this.#list);
  }

  load(events: Iterable<TimelineEvent>): void {
    this.#model.load(events);
    this.#changed();
    this.#prepareSoon();
  }

  /** A change, as the timeline gets it. */
  apply(change: Change): void {
    if (change.lanes) this.#lanes = laneMap(change.lanes);
    this.#model.apply(change);
    // A follow-up's row names its parent: any change may rename one, so redraw what is drawn.
    this.#changed();
    this.#prepareSoon();
  }

  /** Sorts the events while the page is idle, so opening the list does not (at 100,000: ~150 ms). */
  #prepareSoon(): void {
    if (this.#preparing !== null) return;
    this.#preparing = requestIdleCallback((deadline) => {
      this.#preparing = null;
      if (this.#model.prepare(() => deadline.timeRemaining() > 2)) this.#prepareSoon();
    });
  }

  /** Shows only the events the search and filters' test lets through (null: every event). */
  show(test: ShownTest): void {
    this.#model.show(test);
    this.#changed();
  }

  select(id: EventId | null): void {
    this.#selectedId = id;
    this.#markSelection();
  }

  /** Selects an event and scrolls its row into view. */
  reveal(id: EventId): void {
    this.select(id);
    // Hidden, it scrolls to the selection when shown.
    if (this.#visible) this.#scrollTo(id);
  }

  get visible(): boolean {
    return this.#visible;
  }

  setVisible(visible: boolean): void {
    this.#visible = visible;
    this.element.hidden = !visible;
    if (!visible) return;
    this.#showCount();
    this.#draw();
    if (this.#selectedId !== null) this.#scrollTo(this.#selectedId);
  }

  focus(): void {
    this.#list.focus();
  }

  /** Gives times in another zone: the rows are drawn again. */
  setZone(zone: string): void {
    if (zone === this.#zone) return;
    this.#zone = zone;
    this.#model.setZone(zone);
    this.#changed();
  }

  /** The events shown, in order: what Copy and Export take. */
  shownEvents(): TimelineEvent[] {
    return this.#model.shownEvents();
  }

  /** Out of sight, the list waits until it is shown (a search need not mark 100,000 rows). */
  #changed(): void {
    this.#drawnFor = null;
    if (!this.#visible) return;
    this.#showCount();
    this.#drawSoon();
  }

  #showCount(): void {
    const count = this.#model.shownCount;
    this.#count.textContent = count === 1 ? '1 event' : `${count.toLocaleString('en-GB')} events`;
  }

  #drawSoon(): void {
    if (this.#frame !== 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  }

  /** Draws the rows near the viewport, reusing the ones already drawn while the rows stay. */
  #draw(): void {
    if (!this.#visible) return;
    // Read before the rows change: a read after would lay the list out once more. Fewer rows
    // may scroll the list up to its new end, as the browser will.
    let height = this.#list.clientHeight;
    let scrolled = this.#list.scrollTop;
    const rows = this.#model.rows();
    const changed = this.#drawnFor !== rows;
    if (changed) {
      this.#canvas.replaceChildren();
      this.#drawn.clear();
      this.#drawnFor = rows;
      this.#canvas.style.height = `${rows.tops[rows.rows.length] ?? 0}px`;
      // An empty list box is no list: the words say why instead.
      this.#empty.hidden = rows.rows.length > 0;
      this.#list.hidden = rows.rows.length === 0;
    }
    // A list that was hidden has no size until shown again: read it now.
    if (height === 0) ({ clientHeight: height, scrollTop: scrolled } = this.#list);
    const top = Math.min(scrolled, Math.max(0, (rows.tops[rows.rows.length] ?? 0) - height));
    // New rows (a key typed in Search): those in sight in this frame, those near at the next.
    const { first, end } = rowsInView(rows.tops, top, height, changed ? 0 : OVERSCAN);
    const wanted = new Set<number>();
    for (let row = first; row < end; row++) wanted.add(row);
    // The active option stays in the DOM, so aria-activedescendant never points at nothing.
    const selectedRow = this.#selectedId === null ? -1 : this.#model.rowOf(this.#selectedId);
    if (selectedRow >= 0) wanted.add(selectedRow);
    for (const [row, element] of this.#drawn) {
      if (!wanted.has(row)) {
        element.remove();
        this.#drawn.delete(row);
      }
    }
    const context = this.#context();
    for (const row of wanted) {
      if (this.#drawn.has(row)) continue;
      const data = rows.rows[row];
      if (data === undefined) continue;
      const element = buildRow(data, rows.tops[row] ?? 0, eventIndex(rows, row), context);
      this.#drawn.set(row, element);
      this.#canvas.append(element);
    }
    this.#pin(rows, top);
    this.#markSelection();
    if (changed) this.#drawSoon();
  }

  /** Names the month the top of the list is in, unless its own heading is in sight there. */
  #pin(rows: ChronologyRows, top: number): void {
    const at = rowAt(rows.tops, top);
    const row = rows.rows[at];
    const headingInSight =
      row === undefined || (row.kind !== 'event' && (rows.tops[at] ?? 0) >= top);
    this.#pinned.hidden = top <= 0 || headingInSight;
    if (this.#pinned.hidden || row === undefined) return;
    this.#pinned.textContent = row.kind === 'event' ? pinLabel(row.key) : row.label;
  }

  #context(): RowContext {
    return {
      lane: (id) => this.#lanes.get(id),
      parent: (id) => this.#handlers.parent(id),
      followUpCount: (id) => this.#handlers.followUpCount(id),
      shownCount: this.#model.shownCount,
      zone: this.#zone,
    };
  }

  #markSelection(): void {
    const selected = this.#selectedId === null ? null : rowId(this.#selectedId);
    for (const element of this.#drawn.values()) {
      if (element.getAttribute('role') !== 'option') continue;
      element.setAttribute('aria-selected', String(element.id === selected));
    }
    const active =
      selected !== null && this.#selectedId !== null && this.#model.isShown(this.#selectedId);
    if (active && this.#visible && this.#drawnFor !== null && document.getElementById(selected)) {
      this.#list.setAttribute('aria-activedescendant', selected);
    } else {
      this.#list.removeAttribute('aria-activedescendant');
    }
  }

  #scrollTo(id: EventId): void {
    const row = this.#model.rowOf(id);
    if (row < 0) return;
    const { tops } = this.#model.rows();
    const top = tops[row] ?? 0;
    const bottom = tops[row + 1] ?? top;
    const scrollTop = scrollToShow(
      top,
      bottom,
      this.#list.scrollTop,
      this.#list.clientHeight,
      ROW_HEIGHTS.month,
    );
    if (scrollTop !== this.#list.scrollTop) this.#list.scrollTop = scrollTop;
    this.#draw();
  }

  #onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { eventRows } = this.#model.rows();
    if (eventRows.length === 0) return;
    const index = this.#selectedId === null ? -1 : this.#model.indexOf(this.#selectedId);
    const page = Math.max(1, Math.floor(this.#list.clientHeight / ROW_HEIGHTS.event) - 1);
    const last = eventRows.length - 1;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = index < 0 ? 0 : Math.min(last, index + 1);
        break;
      case 'ArrowUp':
        next = index < 0 ? last : Math.max(0, index - 1);
        break;
      case 'PageDown':
        next = index < 0 ? 0 : Math.min(last, index + page);
        break;
      case 'PageUp':
        next = index < 0 ? 0 : Math.max(0, index - page);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Enter':
        if (this.#selectedId !== null && index >= 0) {
          event.preventDefault();
          this.#handlers.onOpen(this.#selectedId);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    const row = this.#model.rows().rows[eventRows[next] ?? -1];
    if (row?.kind === 'event') this.#handlers.onSelect(row.id);
  }

  #rowIdAt(target: EventTarget | null): EventId | null {
    if (!(target instanceof Element)) return null;
    const option = target.closest<HTMLElement>('[role="option"]');
    return (option?.dataset.id as EventId | undefined) ?? null;
  }
}

function laneMap(lanes: readonly Lane[]): ReadonlyMap<string, Lane> {
  return new Map(lanes.map((lane) => [lane.id, lane]));
}

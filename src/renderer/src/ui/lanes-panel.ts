/**
 * The toolbar's "Lanes" button and its panel: every lane with its colour, to rename, recolour,
 * move up or down, or delete (its events go to a lane the user picks); and "Add lane". Each
 * change is one command (one step of Undo) sent through `run`; the panel is built again from the
 * lanes the store then has. Not modal, like the Filter panel: Escape or Close shuts it and gives
 * focus back to the button. Everything works by keyboard, and every control names its lane.
 */
import type { LaneId } from '../../../shared/ids';
import type { Lane } from '../../../shared/schema';
import { USER_TEXT } from './bidi';
import { el } from './dom';
import { EditingPanel } from './editing-panel';
import { panelButton } from './toolbar-popover';

/** The lane colours offered: the import palette, each with a name a screen reader can say. */
export const LANE_COLOURS: readonly { readonly value: string; readonly name: string }[] = [
  { value: '#2e6fba', name: 'Blue' },
  { value: '#c0392b', name: 'Red' },
  { value: '#27865f', name: 'Green' },
  { value: '#8e44ad', name: 'Purple' },
  { value: '#d35400', name: 'Orange' },
  { value: '#16839c', name: 'Teal' },
  { value: '#b7950b', name: 'Ochre' },
  { value: '#6d4c41', name: 'Brown' },
];

const LANES_ICON = ['M2.5 4h11', 'M2.5 8h11', 'M2.5 12h11'];

/** What the panel asks of the app: the lanes, how many events each holds, and the commands. */
export interface LanesPanelParts {
  readonly lanes: () => readonly Lane[];
  readonly eventCount: (lane: LaneId) => number;
  readonly add: (title: string, color: string) => Promise<boolean>;
  readonly rename: (lane: Lane, title: string) => Promise<boolean>;
  readonly recolour: (lane: Lane, color: string) => Promise<boolean>;
  readonly move: (lane: Lane, to: number) => Promise<boolean>;
  readonly remove: (lane: Lane, moveEventsTo: LaneId) => Promise<boolean>;
}

/** The drag data of a lane row: its lane's id. */
const LANE_DRAG_TYPE = 'application/x-timeline-desk-lane';

/** What a row shows instead of its buttons while the user renames or deletes it. */
type Editing = { readonly kind: 'rename' | 'delete'; readonly lane: LaneId } | { kind: 'add' };

export class LanesPanel extends EditingPanel<Editing> {
  readonly #parts: LanesPanelParts;

  constructor(parts: LanesPanelParts) {
    super({
      id: 'lanes-panel',
      label: 'Lanes',
      icon: LANES_ICON,
      title: 'Add, rename, recolour, order or delete lanes',
      classNames: { element: 'lanes', button: 'button lanes-button', panel: 'lanes-panel' },
    });
    this.#parts = parts;
  }

  /**
   * Opens the panel at one lane's rename field, colour or delete form, or at "Add lane"'s field
   * (the lane label's context menu asks for these).
   */
  openFor(kind: 'rename' | 'colour' | 'delete' | 'add', lane: LaneId | null = null): void {
    this.open();
    if (kind === 'add') this.show({ kind: 'add' }, 'name');
    else if (lane === null) return;
    else if (kind === 'colour') this.show(null, `colour:${lane}`);
    else this.show({ kind, lane }, kind === 'rename' ? 'name' : 'move-to');
  }

  /** The lanes changed (here, by Undo, by an import): an open panel shows them as they are now. */
  sync(): void {
    if (!this.isOpen) return;
    const focused = (document.activeElement as HTMLElement | null)?.dataset['focus'] ?? null;
    if (this.editing && this.editing.kind !== 'add') {
      const lane = this.editing.lane;
      if (!this.#parts.lanes().some((each) => each.id === lane)) this.editing = null;
    }
    this.render(focused);
  }

  protected focusAfter(editing: Editing): string {
    return editing.kind === 'add' ? 'add' : `${editing.kind}:${editing.lane}`;
  }

  /** Runs a command; the panel then shows the lanes as they are, with the focus on `focus`. */
  async #run(command: Promise<boolean>, focus: string | null): Promise<void> {
    if (await command) this.show(null, focus);
  }

  protected render(focus: string | null = null): void {
    const lanes = this.#parts.lanes();
    const rows = lanes.map((lane, index) => this.#row(lane, index, lanes));
    const add =
      this.editing?.kind === 'add'
        ? this.#nameForm('Add', '', (title) =>
            this.#run(this.#parts.add(title, nextColour(lanes)), 'add'),
          )
        : panelButton('Add lane', 'button', { 'data-focus': 'add' }, () =>
            this.show({ kind: 'add' }, 'name'),
          );
    this.fill(
      'Lanes',
      [el('ul', { className: 'lanes-list' }, rows), el('div', { className: 'lanes-add' }, [add])],
      focus,
    );
  }

  #row(lane: Lane, index: number, lanes: readonly Lane[]): HTMLElement {
    const editing = this.editing;
    const name = el('span', { className: 'lanes-name', text: lane.title, attrs: USER_TEXT });
    const swatch = el('span', { className: 'lane-swatch', attrs: { 'aria-hidden': 'true' } });
    swatch.style.setProperty('--lane', lane.color);
    if (editing?.kind === 'rename' && editing.lane === lane.id) {
      return el('li', { className: 'lanes-row' }, [
        swatch,
        this.#nameForm('Save', lane.title, (title) =>
          this.#run(this.#parts.rename(lane, title), `rename:${lane.id}`),
        ),
      ]);
    }
    if (editing?.kind === 'delete' && editing.lane === lane.id) {
      return el('li', { className: 'lanes-row lanes-row--delete' }, [
        swatch,
        name,
        this.#deleteForm(lane, lanes),
      ]);
    }
    const labelled = (text: string): Record<string, string> => ({
      'aria-label': `${text} “${lane.title}”`,
    });
    const colour = el(
      'select',
      {
        className: 'input lanes-colour',
        attrs: {
          'aria-label': `Colour of lane “${lane.title}”`,
          'data-focus': `colour:${lane.id}`,
        },
      },
      colourChoices(lane.color),
    );
    colour.addEventListener('change', () => {
      void this.#run(this.#parts.recolour(lane, colour.value), `colour:${lane.id}`);
    });
    const row = el('li', { className: 'lanes-row', attrs: { draggable: 'true' } }, [
      swatch,
      name,
      colour,
      panelButton(
        'Up',
        'button button--quiet',
        { ...labelled('Move up lane'), 'data-focus': `up:${lane.id}`, disabled: index === 0 },
        () => void this.#run(this.#parts.move(lane, index - 1), `up:${lane.id}`),
      ),
      panelButton(
        'Down',
        'button button--quiet',
        {
          ...labelled('Move down lane'),
          'data-focus': `down:${lane.id}`,
          disabled: index === lanes.length - 1,
        },
        () => void this.#run(this.#parts.move(lane, index + 1), `down:${lane.id}`),
      ),
      panelButton(
        'Rename',
        'button button--quiet',
        { ...labelled('Rename lane'), 'data-focus': `rename:${lane.id}` },
        () => this.show({ kind: 'rename', lane: lane.id }, 'name'),
      ),
      panelButton(
        'Delete',
        'button button--quiet',
        {
          ...labelled('Delete lane'),
          'data-focus': `delete:${lane.id}`,
          disabled: lanes.length === 1,
          title: lanes.length === 1 ? 'A story keeps at least one lane' : undefined,
        },
        () => this.show({ kind: 'delete', lane: lane.id }, 'move-to'),
      ),
    ]);
    this.#draggable(row, lane, index);
    return row;
  }

  /** A row dragged onto another takes its place (the keyboard has Up and Down). */
  #draggable(row: HTMLElement, lane: Lane, index: number): void {
    row.addEventListener('dragstart', (event) => {
      event.dataTransfer?.setData(LANE_DRAG_TYPE, lane.id);
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    });
    row.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types.includes(LANE_DRAG_TYPE)) return;
      event.preventDefault();
      row.classList.add('lanes-row--drop');
    });
    row.addEventListener('dragleave', () => row.classList.remove('lanes-row--drop'));
    row.addEventListener('drop', (event) => {
      row.classList.remove('lanes-row--drop');
      const dragged = this.#parts
        .lanes()
        .find((each) => each.id === event.dataTransfer?.getData(LANE_DRAG_TYPE));
      if (dragged === undefined || dragged.id === lane.id) return;
      event.preventDefault();
      void this.#run(this.#parts.move(dragged, index), `up:${dragged.id}`);
    });
  }

  /** A field labelled "Lane name" with its button; Enter submits, Escape cancels. */
  #nameForm(action: string, value: string, submit: (title: string) => Promise<void>): HTMLElement {
    const input = el('input', {
      className: 'input',
      attrs: { type: 'text', 'aria-label': 'Lane name', maxlength: '200', 'data-focus': 'name' },
    });
    input.value = value;
    const form = el('form', { className: 'lanes-form' }, [input, ...this.formButtons(action)]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void submit(input.value);
    });
    return form;
  }

  #deleteForm(lane: Lane, lanes: readonly Lane[]): HTMLElement {
    const count = this.#parts.eventCount(lane.id);
    const others = lanes.filter((other) => other.id !== lane.id);
    const select = el(
      'select',
      {
        className: 'input',
        attrs: { 'aria-label': 'Move its events to', 'data-focus': 'move-to' },
      },
      others.map((other) => el('option', { text: other.title, attrs: { value: other.id } })),
    );
    const words =
      count === 0
        ? 'It has no events. Undo brings it back.'
        : count === 1
          ? 'Its event moves to the lane chosen here. Undo brings it back.'
          : `Its ${count.toLocaleString('en')} events move to the lane chosen here. Undo brings them back.`;
    return el('form', { className: 'lanes-form lanes-form--delete' }, [
      el('p', { className: 'lanes-note', text: words }),
      el('label', { className: 'lanes-move-to' }, [
        el('span', { text: 'Move its events to' }),
        select,
      ]),
      panelButton(
        'Delete lane',
        'button button--danger-outline',
        {},
        () => void this.#run(this.#parts.remove(lane, select.value as LaneId), 'add'),
      ),
      panelButton('Cancel', 'button button--quiet', {}, () => this.show(null, `delete:${lane.id}`)),
    ]);
  }
}

function colourChoices(current: string): HTMLOptionElement[] {
  const known = LANE_COLOURS.some((colour) => colour.value === current.toLowerCase());
  const choices = known
    ? LANE_COLOURS
    : [{ value: current.toLowerCase(), name: 'Its own colour' }, ...LANE_COLOURS];
  return choices.map((colour) => {
    const option = el('option', { text: colour.name, attrs: { value: colour.value } });
    option.selected = colour.value === current.toLowerCase();
    return option;
  });
}

/** The first palette colour no lane has yet, else the palette round again. */
export function nextColour(lanes: readonly Lane[]): string {
  const used = new Set(lanes.map((lane) => lane.color.toLowerCase()));
  const free = LANE_COLOURS.find((colour) => !used.has(colour.value));
  return free?.value ?? LANE_COLOURS[lanes.length % LANE_COLOURS.length]?.value ?? '#2e6fba';
}

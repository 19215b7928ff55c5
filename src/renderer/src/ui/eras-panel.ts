/**
 * The toolbar's "Eras" button and its panel: every era (a named span shaded behind the lanes)
 * with its dates, to rename or re-date ("Rename") or delete, and "Add era" (Era name, Start, End).
 * Modelled on the Lanes panel (lanes-panel.ts): not modal, each change one command and one step
 * of Undo, the panel built again from the eras the store then has; Escape leaves a form, then
 * the panel, and gives the focus back. Dates are typed as in the event editor (era-form-values.ts).
 */
import type { Change, TimelineApi } from '../../../shared/contract';
import { datesInWords } from '../../../shared/date-words';
import type { EraId } from '../../../shared/ids';
import type { Result } from '../../../shared/result';
import type { Era, EraFields } from '../../../shared/schema';
import { localDateContext } from '../../../shared/typed-date';
import { isolated, USER_TEXT } from './bidi';
import { el, type Phrase } from './dom';
import { EditingPanel } from './editing-panel';
import { type EraFormField, readEraForm } from './era-form-values';
import { panelButton } from './toolbar-popover';

/** A shaded span between two bars. */
const ERAS_ICON = ['M2.5 3v10', 'M13.5 3v10', 'M5 6.5h6', 'M5 9.5h6'];

export interface ErasPanelParts {
  readonly eras: () => readonly Era[];
  readonly api: Pick<TimelineApi, 'addEra' | 'updateEra' | 'deleteEra'>;
  /** Sends a story command, applies its change and says `message`; false if refused. */
  readonly change: (call: Promise<Result<Change>>, message: Phrase) => Promise<boolean>;
}

/** What the panel shows in place of a row or of "Add era" while the user edits. */
type Editing = { readonly kind: 'add' } | { readonly kind: 'rename'; readonly era: EraId };

export class ErasPanel extends EditingPanel<Editing> {
  readonly #parts: ErasPanelParts;

  constructor(parts: ErasPanelParts) {
    super({
      id: 'eras-panel',
      label: 'Eras',
      icon: ERAS_ICON,
      title: 'Add, rename, re-date or delete eras: named spans shaded behind the lanes',
      classNames: {
        element: 'lanes eras',
        button: 'button eras-button',
        panel: 'lanes-panel eras-panel',
      },
    });
    this.#parts = parts;
  }

  /** The eras changed (here, by Undo, by an import): an open panel shows them as they are now. */
  sync(): void {
    if (!this.isOpen) return;
    const focused = (document.activeElement as HTMLElement | null)?.dataset['focus'] ?? null;
    const editing = this.editing;
    if (editing?.kind === 'rename' && !this.#parts.eras().some((era) => era.id === editing.era)) {
      this.editing = null;
    }
    // A form being filled in keeps what was typed: only the list around it is drawn again.
    if (this.editing !== null) this.#renderList();
    else this.render(focused);
  }

  protected focusAfter(editing: Editing): string {
    return editing.kind === 'add' ? 'add' : `rename:${editing.era}`;
  }

  protected render(focus: string | null = null): void {
    const add =
      this.editing?.kind === 'add'
        ? this.#form('Add', { title: '', start: '', end: '' }, (fields) => this.#add(fields))
        : panelButton('Add era', 'button', { 'data-focus': 'add' }, () =>
            this.show({ kind: 'add' }, 'title'),
          );
    this.fill(
      'Eras',
      [
        el('p', {
          className: 'lanes-note eras-intro',
          text: 'Named spans of time, shaded behind every lane.',
        }),
        this.#list(),
        el('div', { className: 'lanes-add' }, [add]),
      ],
      focus,
    );
  }

  #renderList(): void {
    this.panel.querySelector('.eras-list')?.replaceWith(this.#list());
  }

  #list(): HTMLElement {
    const eras = this.#parts.eras();
    if (eras.length === 0) {
      return el('p', { className: 'lanes-note eras-list', text: 'This story has no eras yet.' });
    }
    return el(
      'ul',
      { className: 'lanes-list eras-list' },
      eras.map((era) => this.#row(era)),
    );
  }

  #row(era: Era): HTMLElement {
    const editing = this.editing;
    if (editing?.kind === 'rename' && editing.era === era.id) {
      const values = { title: era.title, start: era.start, end: era.end };
      return el('li', { className: 'lanes-row' }, [
        this.#form('Save', values, (fields) => this.#update(era, fields)),
      ]);
    }
    const labelled = (text: string) => ({ 'aria-label': `${text} “${era.title}”` });
    return el('li', { className: 'lanes-row' }, [
      el('span', { className: 'era-swatch', attrs: { 'aria-hidden': 'true' } }),
      el('span', { className: 'lanes-name', text: era.title, attrs: USER_TEXT }),
      el('span', { className: 'eras-dates', text: datesInWords(era.start, era.end) }),
      panelButton(
        'Rename',
        'button button--quiet',
        { ...labelled('Rename era'), 'data-focus': `rename:${era.id}` },
        () => this.show({ kind: 'rename', era: era.id }, 'title'),
      ),
      panelButton(
        'Delete',
        'button button--quiet',
        { ...labelled('Delete era'), 'data-focus': `delete:${era.id}` },
        () => void this.#remove(era),
      ),
    ]);
  }

  /**
   * The era's fields, each labelled: "Era name", "Start", "End" (dates typed as in the event
   * editor); Enter submits, Escape or Cancel leaves. A problem is said under the form, and the
   * field it concerns is marked and focused.
   */
  #form(
    action: string,
    values: { readonly title: string; readonly start: string; readonly end: string },
    submit: (fields: EraFields) => Promise<void>,
  ): HTMLElement {
    const error = el('p', {
      className: 'eras-error',
      attrs: { id: 'eras-form-error', role: 'alert' },
    });
    const field = (name: EraFormField, label: string, value: string) => {
      const input = el('input', {
        className: 'input eras-input',
        attrs: { type: 'text', maxlength: name === 'title' ? '200' : '64', 'data-focus': name },
      });
      input.value = value;
      const wrapper = el('label', { className: `eras-field eras-field--${name}` }, [
        el('span', { className: 'eras-field-label', text: label }),
        input,
      ]);
      return { input, wrapper };
    };
    const inputs = {
      title: field('title', 'Era name', values.title),
      start: field('start', 'Start', values.start),
      end: field('end', 'End', values.end),
    };
    const form = el('form', { className: 'lanes-form eras-form' }, [
      inputs.title.wrapper,
      inputs.start.wrapper,
      inputs.end.wrapper,
      el('p', {
        className: 'lanes-note eras-date-note',
        text: 'Dates as in the event editor: 2024, June 2024, 19 June 2024, 19/06/2024, today.',
      }),
      error,
      ...this.formButtons(action),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      for (const each of Object.values(inputs)) each.input.removeAttribute('aria-invalid');
      const read = readEraForm(
        {
          title: inputs.title.input.value,
          start: inputs.start.input.value,
          end: inputs.end.input.value,
        },
        localDateContext(),
      );
      if (!read.ok) {
        error.textContent = read.message;
        const input = inputs[read.field].input;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
        input.focus();
        return;
      }
      error.textContent = '';
      void submit(read.fields);
    });
    return form;
  }

  async #add(fields: EraFields): Promise<void> {
    const added = await this.#parts.change(this.#parts.api.addEra(fields), [
      'Added era “',
      isolated(fields.title),
      '”',
    ]);
    if (added) this.show(null, 'add');
  }

  async #update(era: Era, fields: EraFields): Promise<void> {
    const renamed = fields.title !== era.title;
    const message: Phrase = renamed
      ? ['Renamed era “', isolated(era.title), '” to “', isolated(fields.title), '”']
      : ['Changed the dates of era “', isolated(era.title), '”'];
    const saved = await this.#parts.change(
      this.#parts.api.updateEra({ id: era.id, ...fields }),
      message,
    );
    if (saved) this.show(null, `rename:${era.id}`);
  }

  async #remove(era: Era): Promise<void> {
    const next = this.#parts.eras().find((each) => each.id !== era.id);
    const removed = await this.#parts.change(this.#parts.api.deleteEra({ id: era.id }), [
      'Deleted era “',
      isolated(era.title),
      '”',
    ]);
    if (removed) this.show(null, next ? `delete:${next.id}` : 'add');
  }
}

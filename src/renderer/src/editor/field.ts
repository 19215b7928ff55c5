/**
 * One labelled form control with an optional hint and an error message. The label gives the
 * control its accessible name; the hint and the error (role="alert") describe it.
 */
import { el, uniqueId } from '../ui/dom';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldOptions {
  readonly hint?: string;
  /** A second, fixed line under the hint, such as the accepted date formats. */
  readonly note?: string;
  readonly className?: string;
  /** Ids of further elements that describe the control (a note shared by two fields). */
  readonly describedBy?: readonly string[];
  /** A leading part of the label that only assistive technology reads, e.g. "Source 1 ". */
  readonly hiddenPrefix?: string;
}

export class Field<C extends Control = Control> {
  readonly root: HTMLElement;
  readonly control: C;
  readonly label: string;
  readonly #hint: HTMLElement | null;
  readonly #note: HTMLElement | null;
  readonly #error: HTMLElement;
  readonly #describedBy: readonly string[];

  constructor(label: string, control: C, options: FieldOptions = {}) {
    this.label = label;
    this.control = control;
    this.#describedBy = options.describedBy ?? [];
    control.id = uniqueId('field');
    this.#hint =
      options.hint === undefined
        ? null
        : el('p', { className: 'field-hint', text: options.hint, attrs: { id: uniqueId('hint') } });
    this.#note =
      options.note === undefined
        ? null
        : el('p', { className: 'field-note', text: options.note, attrs: { id: uniqueId('note') } });
    this.#error = el('p', {
      className: 'field-error',
      attrs: { id: uniqueId('error'), role: 'alert' },
    });
    this.#error.hidden = true;
    this.root = el('div', { className: `field ${options.className ?? ''}`.trim() }, [
      labelElement(label, control.id, options.hiddenPrefix),
      control,
      this.#hint,
      this.#note,
      this.#error,
    ]);
    this.#describe();
  }

  get value(): string {
    return this.control.value;
  }

  set value(value: string) {
    this.control.value = value;
  }

  setHint(text: string): void {
    if (this.#hint) this.#hint.textContent = text;
  }

  /** Shows a message at the field, or clears it with null. */
  setError(message: string | null): void {
    this.#error.hidden = message === null;
    this.#error.textContent = message === null ? '' : withLabel(this.label, message);
    if (message === null) this.control.removeAttribute('aria-invalid');
    else this.control.setAttribute('aria-invalid', 'true');
    this.#describe();
  }

  get invalid(): boolean {
    return !this.#error.hidden;
  }

  #describe(): void {
    const error = this.#error.hidden ? undefined : this.#error.id;
    const ids = [error, this.#hint?.id, this.#note?.id, ...this.#describedBy].filter(Boolean);
    if (ids.length > 0) this.control.setAttribute('aria-describedby', ids.join(' '));
    else this.control.removeAttribute('aria-describedby');
  }
}

function labelElement(label: string, forId: string, hiddenPrefix = ''): HTMLLabelElement {
  const prefix = label.startsWith(hiddenPrefix) ? hiddenPrefix : '';
  return el('label', { className: 'field-label', attrs: { for: forId } }, [
    prefix && el('span', { className: 'visually-hidden', text: prefix }),
    el('span', { className: prefix ? 'field-label-rest' : '', text: label.slice(prefix.length) }),
  ]);
}

/** "is empty" reads as "Title is empty"; other messages get the label in front. */
function withLabel(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : `${label}: ${message}`;
}

export function textInput(
  label: string,
  options: FieldOptions & { readonly type?: string; readonly placeholder?: string } = {},
): Field<HTMLInputElement> {
  const input = el('input', {
    className: 'input',
    attrs: {
      type: options.type ?? 'text',
      placeholder: options.placeholder,
      autocomplete: 'off',
      spellcheck: 'false',
    },
  });
  return new Field(label, input, options);
}

export function textArea(
  label: string,
  options: FieldOptions & { readonly rows?: number } = {},
): Field<HTMLTextAreaElement> {
  const area = el('textarea', {
    className: 'input textarea',
    attrs: { rows: String(options.rows ?? 4) },
  });
  return new Field(label, area, options);
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export function selectInput(
  label: string,
  choices: readonly Choice[],
  options: FieldOptions = {},
): Field<HTMLSelectElement> {
  const select = el(
    'select',
    { className: 'input select' },
    choices.map((choice) => el('option', { text: choice.label, attrs: { value: choice.value } })),
  );
  return new Field(label, select, options);
}

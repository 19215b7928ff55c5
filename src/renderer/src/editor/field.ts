/**
 * One labelled form control with an optional hint and an error message. The label gives the
 * control its accessible name; the hint and the error (role="alert") describe it.
 */
import { directionControlIssue } from '../../../shared/schema';
import { USER_TEXT } from '../ui/bidi';
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

/** A text field says how long its text may be: the schema's limit (field-limits.ts). */
export interface TextOptions extends FieldOptions {
  readonly maxLength: number;
}

export class Field<C extends Control = Control> {
  readonly root: HTMLElement;
  readonly control: C;
  readonly label: string;
  readonly #hint: HTMLElement | null;
  readonly #note: HTMLElement | null;
  readonly #error: HTMLElement;
  readonly #describedBy: readonly string[];
  /** The message shown, as given to setError. */
  #shown: string | null = null;
  /** The last problem found while typing (showWhileTyping). */
  #typedProblem: string | null = null;

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
    this.#shown = message;
    this.#error.hidden = message === null;
    this.#error.textContent = message === null ? '' : withLabel(this.label, message);
    if (message === null) this.control.removeAttribute('aria-invalid');
    else this.control.setAttribute('aria-invalid', 'true');
    this.#describe();
  }

  /**
   * Shows a problem found as the user types; once typing has put it right, its message goes,
   * whether typing or a save showed it. Other messages from a save stay until the next save.
   */
  showWhileTyping(problem: string | null): void {
    if (problem !== null) this.setError(problem);
    else if (this.#typedProblem !== null && this.#shown === this.#typedProblem) this.setError(null);
    this.#typedProblem = problem;
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

/**
 * A one-line text field. It refuses the hidden characters that set a text's direction as soon
 * as they are typed or pasted (the schema refuses them too): they are invisible in the field.
 */
export function textInput(
  label: string,
  options: TextOptions & { readonly type?: string; readonly placeholder?: string },
): Field<HTMLInputElement> {
  const input = el('input', {
    className: 'input',
    attrs: {
      ...USER_TEXT,
      type: options.type ?? 'text',
      placeholder: options.placeholder,
      maxlength: String(options.maxLength),
      autocomplete: 'off',
      spellcheck: 'false',
    },
  });
  const field = new Field(label, input, options);
  input.addEventListener('input', () => field.showWhileTyping(directionControlIssue(input.value)));
  return field;
}

export function textArea(
  label: string,
  options: TextOptions & { readonly rows?: number },
): Field<HTMLTextAreaElement> {
  const area = el('textarea', {
    className: 'input textarea',
    attrs: {
      ...USER_TEXT,
      rows: String(options.rows ?? 4),
      maxlength: String(options.maxLength),
    },
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
  const select = el('select', { className: 'input select' }, choiceOptions(choices));
  return new Field(label, select, options);
}

/** A label may be user text (a lane's title): each option takes its direction from its own. */
export function choiceOptions(choices: readonly Choice[]): HTMLOptionElement[] {
  return choices.map((choice) =>
    el('option', { text: choice.label, attrs: { ...USER_TEXT, value: choice.value } }),
  );
}

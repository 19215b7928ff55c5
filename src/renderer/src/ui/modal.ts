/**
 * A modal <dialog> that shows a heading, a body and a row of buttons, and resolves with the
 * value of the button pressed. Escape resolves ''. Bodies are built with el(), as text.
 */
import { append, type Child, el, type Phrase, setPhrase, uniqueId } from './dom';

export interface ModalAction {
  readonly value: string;
  /** The button's text and accessible name. */
  readonly label: string;
  readonly className?: string;
  readonly title?: string;
  /** Ids of elements that explain the button (aria-describedby). */
  readonly describedBy?: string;
}

export interface ModalContent {
  /** User text in it comes isolated (ui/bidi.ts). */
  readonly heading: Phrase;
  readonly body: readonly Child[];
  readonly actions: readonly ModalAction[];
  /** The value of the button that takes focus; the first one by default. */
  readonly focus?: string;
  /** An element of the body to focus instead of a button. */
  readonly focusElement?: HTMLElement;
}

export class Modal {
  readonly element: HTMLDialogElement;
  readonly #heading: HTMLHeadingElement;
  readonly #body: HTMLElement;
  readonly #actions = el('div', { className: 'dialog-actions' });

  constructor(className: string) {
    const headingId = uniqueId('dialog-heading');
    const bodyId = uniqueId('dialog-body');
    this.#heading = el('h2', { className: 'dialog-heading', attrs: { id: headingId } });
    this.#body = el('div', { className: 'dialog-content', attrs: { id: bodyId } });
    this.element = el(
      'dialog',
      {
        className: `dialog ${className}`,
        attrs: { 'aria-labelledby': headingId, 'aria-describedby': bodyId },
      },
      [this.#heading, this.#body, this.#actions],
    );
  }

  get open(): boolean {
    return this.element.open;
  }

  /** Shows the content; resolves when it closes. A dialog still open is answered '' first. */
  show(content: ModalContent): Promise<string> {
    this.close();
    setPhrase(this.#heading, content.heading);
    this.#body.replaceChildren();
    append(this.#body, content.body);
    const buttons = content.actions.map((action) => this.#button(action));
    this.#actions.replaceChildren(...buttons);
    this.element.returnValue = '';
    const closed = new Promise<string>((resolve) => {
      this.element.addEventListener('close', () => resolve(this.element.returnValue), {
        once: true,
      });
    });
    this.element.showModal();
    const focus = content.actions.findIndex((action) => action.value === content.focus);
    (content.focusElement ?? buttons[Math.max(focus, 0)])?.focus();
    return closed;
  }

  close(value = ''): void {
    if (this.element.open) this.element.close(value);
  }

  #button(action: ModalAction): HTMLButtonElement {
    const button = el('button', {
      className: action.className ?? 'button',
      text: action.label,
      attrs: {
        type: 'button',
        title: action.title,
        'aria-describedby': action.describedBy,
      },
    });
    button.addEventListener('click', () => this.element.close(action.value));
    return button;
  }
}

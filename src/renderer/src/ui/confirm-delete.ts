/** The confirmation before deleting an event: a modal <dialog> with Delete and Cancel. */
import { isolated } from './bidi';
import { el, setPhrase } from './dom';

export interface DeletePrompt {
  readonly title: string;
  readonly followUpCount: number;
}

export class ConfirmDeleteDialog {
  readonly element: HTMLDialogElement;
  readonly #heading = el('h2', { className: 'dialog-heading', attrs: { id: 'delete-heading' } });
  readonly #body = el('p', { className: 'dialog-body', attrs: { id: 'delete-body' } });
  readonly #confirm = el('button', {
    className: 'button button--danger',
    text: 'Delete',
    attrs: { type: 'button' },
  });
  readonly #cancel = el('button', {
    className: 'button',
    text: 'Cancel',
    attrs: { type: 'button' },
  });

  constructor() {
    this.element = el(
      'dialog',
      {
        className: 'dialog',
        attrs: { 'aria-labelledby': 'delete-heading', 'aria-describedby': 'delete-body' },
      },
      [
        this.#heading,
        this.#body,
        el('div', { className: 'dialog-actions' }, [this.#cancel, this.#confirm]),
      ],
    );
    this.#confirm.addEventListener('click', () => this.element.close('delete'));
    this.#cancel.addEventListener('click', () => this.element.close('cancel'));
  }

  /** Asks; resolves true when the user chose Delete (Escape and Cancel resolve false). */
  ask(prompt: DeletePrompt): Promise<boolean> {
    if (this.element.open) return Promise.resolve(false);
    // The title in a <bdi> of its own: its direction cannot reorder the question around it.
    setPhrase(this.#heading, ['Delete “', isolated(prompt.title), '”?']);
    this.#body.textContent = describe(prompt.followUpCount);
    this.element.returnValue = '';
    return new Promise((resolve) => {
      this.element.addEventListener('close', () => resolve(this.element.returnValue === 'delete'), {
        once: true,
      });
      this.element.showModal();
      this.#cancel.focus();
    });
  }
}

/** What deleting does, truthfully: Undo brings the event back, and links its follow-ups again. */
function describe(followUps: number): string {
  if (followUps === 0) return 'Undo brings it back.';
  const which = followUps === 1 ? 'Its follow-up stays' : `Its ${followUps} follow-ups stay`;
  return `${which} on the timeline, unlinked from it. Undo brings it back and links them again.`;
}

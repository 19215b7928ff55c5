/**
 * "New story": a modal <dialog> with one field, Title, and Create. An empty title is refused at
 * its field and the dialog stays; Cancel and Escape answer null. Its field exists only while it
 * is open, so the editor's own Title stays the one field of that name in the window.
 */
import { el } from './dom';

export class NewStoryDialog {
  readonly element = el('dialog', {
    className: 'dialog story-dialog',
    attrs: { 'aria-labelledby': 'new-story-heading' },
  });

  /** Asks for the new story's title; null when the user cancels. */
  ask(): Promise<string | null> {
    if (this.element.open) return Promise.resolve(null);
    const title = el('input', {
      className: 'input',
      attrs: {
        id: 'new-story-title',
        type: 'text',
        maxlength: '200',
        'aria-describedby': 'new-story-error',
      },
    });
    const error = el('p', {
      className: 'field-error',
      attrs: { id: 'new-story-error', role: 'alert' },
    });
    const cancel = el('button', { className: 'button', text: 'Cancel', attrs: { type: 'button' } });
    const form = el('form', { className: 'story-form' }, [
      el('label', { className: 'field-label', text: 'Title', attrs: { for: 'new-story-title' } }),
      title,
      error,
      el('div', { className: 'dialog-actions' }, [
        cancel,
        el('button', {
          className: 'button button--primary',
          text: 'Create',
          attrs: { type: 'submit' },
        }),
      ]),
    ]);
    cancel.addEventListener('click', () => this.element.close('cancel'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (title.value.trim() === '') {
        title.setAttribute('aria-invalid', 'true');
        error.textContent = 'Title is empty';
        title.focus();
        return;
      }
      this.element.close('create');
    });
    title.addEventListener('input', () => {
      title.removeAttribute('aria-invalid');
      error.textContent = '';
    });
    this.element.replaceChildren(
      el('h2', {
        className: 'dialog-heading',
        text: 'New story',
        attrs: { id: 'new-story-heading' },
      }),
      form,
    );
    this.element.returnValue = '';
    return new Promise((resolve) => {
      this.element.addEventListener(
        'close',
        () => {
          const created = this.element.returnValue === 'create';
          const typed = title.value.trim();
          this.element.replaceChildren();
          resolve(created ? typed : null);
        },
        { once: true },
      );
      this.element.showModal();
      title.focus();
    });
  }
}

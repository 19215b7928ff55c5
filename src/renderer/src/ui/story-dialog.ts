/**
 * "Rename story": a modal <dialog> with the story's Title and Description. Save (or Enter in the
 * title) answers with what was typed; an empty title is refused at its field and the dialog
 * stays; Cancel and Escape answer null. Its fields exist only while it is open, so the editor's
 * own Title stays the one field of that name in the window.
 */
import type { TimelineInfo } from '../../../shared/schema';
import { el } from './dom';

export interface StoryText {
  readonly title: string;
  readonly description: string;
}

export class StoryDialog {
  readonly element = el('dialog', {
    className: 'dialog story-dialog',
    attrs: { 'aria-labelledby': 'story-heading' },
  });

  /** Asks for the story's title and description; null when the user cancels. */
  ask(info: TimelineInfo): Promise<StoryText | null> {
    if (this.element.open) return Promise.resolve(null);
    const title = el('input', {
      className: 'input',
      attrs: {
        id: 'story-title',
        type: 'text',
        maxlength: '200',
        'aria-describedby': 'story-title-error',
      },
    });
    const error = el('p', {
      className: 'field-error',
      attrs: { id: 'story-title-error', role: 'alert' },
    });
    const description = el('textarea', {
      className: 'input',
      attrs: { id: 'story-description', rows: '4', maxlength: '5000' },
    });
    title.value = info.title;
    description.value = info.description;
    const cancel = el('button', { className: 'button', text: 'Cancel', attrs: { type: 'button' } });
    const form = el('form', { className: 'story-form' }, [
      el('label', { className: 'field-label', text: 'Title', attrs: { for: 'story-title' } }),
      title,
      error,
      el('label', {
        className: 'field-label',
        text: 'Description',
        attrs: { for: 'story-description' },
      }),
      description,
      el('div', { className: 'dialog-actions' }, [
        cancel,
        el('button', {
          className: 'button button--primary',
          text: 'Save',
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
      this.element.close('save');
    });
    title.addEventListener('input', () => {
      title.removeAttribute('aria-invalid');
      error.textContent = '';
    });
    this.element.replaceChildren(
      el('h2', {
        className: 'dialog-heading',
        text: 'Rename story',
        attrs: { id: 'story-heading' },
      }),
      form,
    );
    this.element.returnValue = '';
    return new Promise((resolve) => {
      this.element.addEventListener(
        'close',
        () => {
          const saved = this.element.returnValue === 'save';
          const typed = { title: title.value, description: description.value };
          this.element.replaceChildren();
          resolve(saved ? typed : null);
        },
        { once: true },
      );
      this.element.showModal();
      title.select();
    });
  }
}

/**
 * The story's own dialog, a modal <dialog> in two forms: "New story" asks for a Title and has
 * Create; "Rename story" has the story's Title and Description and Save. Enter in the title
 * answers too; an empty title is refused at its field and the dialog stays; Cancel and Escape
 * answer null. Its fields exist only while it is open, so the editor's own Title stays the one
 * field of that name in the window.
 */
import type { TimelineInfo } from '../../../shared/schema';
import { el } from './dom';

export interface StoryText {
  readonly title: string;
  readonly description: string;
}

interface Form {
  readonly heading: string;
  readonly action: string;
  readonly title: string;
  /** Absent: no Description field. */
  readonly description?: string;
}

export class StoryDialog {
  readonly element = el('dialog', {
    className: 'dialog story-dialog',
    attrs: { 'aria-labelledby': 'story-heading' },
  });

  /** Asks for a new story's title (trimmed); null when the user cancels. */
  async askNew(): Promise<string | null> {
    const typed = await this.#ask({ heading: 'New story', action: 'Create', title: '' });
    return typed === null ? null : typed.title.trim();
  }

  /** Asks for the story's title and description; null when the user cancels. */
  askRename(info: TimelineInfo): Promise<StoryText | null> {
    return this.#ask({
      heading: 'Rename story',
      action: 'Save',
      title: info.title,
      description: info.description,
    });
  }

  #ask(form: Form): Promise<StoryText | null> {
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
    const description =
      form.description === undefined
        ? null
        : el('textarea', {
            className: 'input',
            attrs: { id: 'story-description', rows: '4', maxlength: '5000' },
          });
    title.value = form.title;
    if (description !== null) description.value = form.description ?? '';
    const cancel = el('button', { className: 'button', text: 'Cancel', attrs: { type: 'button' } });
    const fields = el('form', { className: 'story-form' }, [
      el('label', { className: 'field-label', text: 'Title', attrs: { for: 'story-title' } }),
      title,
      error,
      description &&
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
          text: form.action,
          attrs: { type: 'submit' },
        }),
      ]),
    ]);
    cancel.addEventListener('click', () => this.element.close('cancel'));
    fields.addEventListener('submit', (event) => {
      event.preventDefault();
      if (title.value.trim() === '') {
        title.setAttribute('aria-invalid', 'true');
        error.textContent = 'Title is empty';
        title.focus();
        return;
      }
      this.element.close('done');
    });
    title.addEventListener('input', () => {
      title.removeAttribute('aria-invalid');
      error.textContent = '';
    });
    this.element.replaceChildren(
      el('h2', { className: 'dialog-heading', text: form.heading, attrs: { id: 'story-heading' } }),
      fields,
    );
    this.element.returnValue = '';
    return new Promise((resolve) => {
      this.element.addEventListener(
        'close',
        () => {
          const done = this.element.returnValue === 'done';
          const typed = { title: title.value, description: description?.value ?? '' };
          this.element.replaceChildren();
          resolve(done ? typed : null);
        },
        { once: true },
      );
      this.element.showModal();
      title.select();
    });
  }
}

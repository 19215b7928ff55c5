/**
 * The status line: save state and other news (role="status"), errors (role="alert", present only
 * while there is one), the number of events, and where the store lives.
 */
import { writeOutDirectionControls } from '../../../shared/schema';
import { isolateText, USER_TEXT } from './bidi';
import { el, type Phrase, setPhrase } from './dom';

export class StatusLine {
  readonly element: HTMLElement;
  readonly #message = el('span', {
    className: 'status-message',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  readonly #error = el('span', { className: 'status-error', attrs: { role: 'alert' } });
  readonly #count = el('span', { className: 'status-count' });
  readonly #path = el('span', { className: 'status-path', attrs: USER_TEXT });
  #editing = false;

  constructor() {
    this.#error.hidden = true;
    this.element = el('footer', { className: 'status-line' }, [
      this.#message,
      this.#error,
      el('span', { className: 'status-spacer' }),
      this.#count,
      this.#path,
      el('span', {
        className: 'status-zone',
        text: 'Dates in UTC',
        attrs: { title: 'Calendar dates and the time axis are shown in UTC' },
      }),
    ]);
  }

  saved(): void {
    this.info(this.#editing ? 'Edits not saved yet' : 'All changes saved');
  }

  /** Follows the editor: while it holds unsaved edits, the status line does not claim all saved. */
  setEditing(editing: boolean): void {
    if (editing === this.#editing) return;
    this.#editing = editing;
    this.#message.textContent = editing ? 'Edits not saved yet' : 'All changes saved';
  }

  saving(): void {
    this.info('Saving…');
  }

  /** Shows news (role="status") and clears a previous error. User text in it comes isolated. */
  info(text: Phrase): void {
    setPhrase(this.#message, text);
    this.clearError();
  }

  /** A message from elsewhere may quote a file's text: its direction characters are written out. */
  error(text: Phrase): void {
    setPhrase(this.#error, typeof text === 'string' ? writeOutDirectionControls(text) : text);
    this.#error.hidden = false;
  }

  clearError(): void {
    this.#error.hidden = true;
    this.#error.textContent = '';
  }

  setCount(count: number): void {
    this.#count.textContent = count === 1 ? '1 event' : `${count} events`;
  }

  setStorePath(path: string): void {
    this.#path.textContent = path;
    this.#path.title = `Saved automatically to ${isolateText(path)}`;
  }
}

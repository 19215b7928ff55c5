/**
 * The status line: whether everything is on disk (its own role="status", from the store's
 * status: "Saving…", "All changes saved", "Not saved: <reason>"), other news (role="status"),
 * errors (role="alert", present only while there is one), the number of events, where the
 * store lives, and the zone times are shown in (a control: ui/zone-picker.ts).
 */
import { writeOutDirectionControls } from '../../../shared/schema';
import { displayZone } from '../state/display-zone';
import type { SaveState } from '../state/save-state';
import { isolateText, USER_TEXT } from './bidi';
import { el, type Phrase, setPhrase } from './dom';
import { zonePicker } from './zone-picker';

export class StatusLine {
  readonly element: HTMLElement;
  readonly #save = el('span', {
    className: 'status-save',
    attrs: { role: 'status', 'aria-live': 'polite', 'data-state': 'saving' },
  });
  /** Shown while another program's version of the file waits for the user's choice. */
  readonly #choose = el('button', {
    className: 'button button--quiet status-choose',
    text: 'Choose version…',
    attrs: { type: 'button' },
  });
  readonly #message = el('span', {
    className: 'status-message',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  /** Undoes what the message just said was done (a drag); gone with the next message. */
  readonly #undo = el('button', {
    className: 'button button--quiet status-undo',
    text: 'Undo',
    // Named apart from the toolbar's Undo, and with its visible word first.
    attrs: { type: 'button', 'aria-label': 'Undo this move' },
  });
  #onUndo: (() => void) | null = null;
  readonly #error = el('span', { className: 'status-error', attrs: { role: 'alert' } });
  readonly #count = el('span', { className: 'status-count' });
  readonly #path = el('span', { className: 'status-path', attrs: USER_TEXT });
  #editing = false;
  #state: SaveState = { kind: 'saving' };

  constructor() {
    this.#error.hidden = true;
    this.#choose.hidden = true;
    this.#undo.hidden = true;
    this.#undo.addEventListener('click', () => {
      const undo = this.#onUndo;
      this.#hideUndo();
      undo?.();
    });
    this.#save.textContent = 'Saving…';
    this.element = el('footer', { className: 'status-line' }, [
      this.#save,
      this.#choose,
      this.#message,
      this.#undo,
      this.#error,
      el('span', { className: 'status-spacer' }),
      this.#count,
      this.#path,
      zonePicker(displayZone).element,
    ]);
  }

  /** Shows the store's save state; while the editor holds edits, "saved" is not claimed. */
  showSave(state: SaveState): void {
    this.#state = state;
    this.#save.dataset['state'] = state.kind;
    this.#choose.hidden = !(
      state.kind === 'not-saved' && state.failure.reason === 'changed-elsewhere'
    );
    if (state.kind === 'not-saved') {
      this.#save.textContent = `Not saved: ${state.failure.message}`;
      this.#save.title = state.failure.detail;
      return;
    }
    this.#save.removeAttribute('title');
    if (state.kind === 'saving') this.#save.textContent = 'Saving…';
    else this.#save.textContent = this.#editing ? 'Edits not saved yet' : 'All changes saved';
  }

  /** Follows the editor: while it holds unsaved edits, the status line does not claim all saved. */
  setEditing(editing: boolean): void {
    if (editing === this.#editing) return;
    this.#editing = editing;
    this.showSave(this.#state);
  }

  /** Runs when the user asks to choose between their version and another program's again. */
  onChooseVersion(handler: () => void): void {
    this.#choose.addEventListener('click', handler);
  }

  /** Shows news (role="status") and clears a previous error. User text in it comes isolated. */
  info(text: Phrase): void {
    setPhrase(this.#message, text);
    this.#hideUndo();
    this.clearError();
  }

  /** News of something the user did by hand (a drag), with an Undo button beside it. */
  infoWithUndo(text: Phrase, undo: () => void): void {
    this.info(text);
    this.#onUndo = undo;
    this.#undo.hidden = false;
  }

  #hideUndo(): void {
    this.#onUndo = null;
    this.#undo.hidden = true;
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

/**
 * The timeline's host as an ARIA listbox (the documented pattern for one tab stop over many
 * choices): each event vis draws is an option (item-render.ts), and the host's
 * aria-activedescendant names the one the keyboard is on, marked aria-selected. Counts are drawn
 * on a canvas, so the count the keyboard is on has one stand-in option, hidden otherwise; a hint
 * beside the listbox describes the keys. While no option is drawn (an empty story, or nothing in
 * view) the host is a group of the same name. DOM glue only: the view says which option is active.
 */
import type { EventId } from '../../../shared/ids';
import { optionId } from './items';

const COUNT_OPTION_ID = 'timeline-count-option';
const HINT_ID = 'timeline-keys-hint';

export class TimelineListbox {
  readonly #host: HTMLElement;
  readonly #countOption: HTMLElement;
  #active: Element | null = null;
  #countName: string | null = null;
  /** Bumped for each new count: its new id makes aria-activedescendant change, so it is read. */
  #countSerial = 0;

  constructor(host: HTMLElement) {
    this.#host = host;
    const document = host.ownerDocument;
    host.setAttribute('role', 'listbox');
    host.setAttribute('aria-label', 'Events on the timeline');
    const hint = document.createElement('p');
    hint.id = HINT_ID;
    hint.className = 'visually-hidden';
    hint.textContent =
      'Left and Right arrows: previous and next event in time. Up and Down: the lane above or ' +
      'below. Home and End: first and last. Enter: open. Plus and minus: zoom.';
    host.setAttribute('aria-describedby', HINT_ID);
    // Beside the listbox, not in it: a listbox holds options only.
    host.after(hint);
    this.#countOption = document.createElement('div');
    this.#countOption.id = COUNT_OPTION_ID;
    this.#countOption.className = 'visually-hidden';
    this.#countOption.setAttribute('role', 'option');
    this.#countOption.setAttribute('aria-selected', 'true');
    this.#countOption.hidden = true;
    host.append(this.#countOption);
  }

  /**
   * The keyboard is on a count named `countName`, or on the event `eventId` (its option once vis
   * has drawn it), or nowhere. Called after each of vis's draws too: vis may have made the
   * event's elements afresh.
   */
  show(countName: string | null, eventId: EventId | null): void {
    this.#countOption.hidden = countName === null;
    // A list box holds options: with none drawn (no events, or none in view) it is a group.
    const empty = this.#host.querySelector('[role="option"]:not([hidden])') === null;
    this.#host.setAttribute('role', empty ? 'group' : 'listbox');
    if (countName !== null && countName !== this.#countName) {
      this.#countSerial++;
      this.#countOption.id = `${COUNT_OPTION_ID}-${this.#countSerial}`;
      this.#countOption.setAttribute('aria-label', countName);
    }
    this.#countName = countName;
    const id =
      countName !== null ? this.#countOption.id : eventId === null ? null : optionId(eventId);
    const option = id === null ? null : this.#host.ownerDocument.getElementById(id);
    if (option !== this.#active) {
      this.#active?.setAttribute('aria-selected', 'false');
      this.#active = option;
    }
    option?.setAttribute('aria-selected', 'true');
    if (option) this.#host.setAttribute('aria-activedescendant', option.id);
    else this.#host.removeAttribute('aria-activedescendant');
  }
}

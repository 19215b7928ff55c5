/**
 * A toolbar button and the non-modal panel it opens under itself (Lanes, Eras): the button says
 * whether it is open (aria-expanded); Escape, Close or a press outside shuts the panel, Escape
 * and Close giving the focus back to the button. What the panel holds is its owner's.
 */
import { el, icon, onPressOutside } from './dom';

export interface PopoverParts {
  /** The panel's id and accessible name, and the button's label. */
  readonly id: string;
  readonly label: string;
  /** The panel's accessible name when it is not the button's label. */
  readonly panelLabel?: string;
  readonly icon: readonly string[];
  readonly title: string;
  /** Class names of the wrapper, the button and the panel. */
  readonly classNames: {
    readonly element: string;
    readonly button: string;
    readonly panel: string;
  };
  /** Fills the panel as it opens. */
  readonly onOpen: () => void;
  readonly onClose: () => void;
  /** Escape in the panel: true when it left something inside it (an edit), not the panel. */
  readonly onEscape: () => boolean;
}

export class ToolbarPopover {
  readonly element: HTMLElement;
  readonly panel: HTMLElement;
  /** The toolbar button (its owner may relabel it, as Filter counts its filters). */
  readonly button: HTMLButtonElement;
  readonly #parts: PopoverParts;

  constructor(parts: PopoverParts) {
    this.#parts = parts;
    this.button = el(
      'button',
      {
        className: parts.classNames.button,
        attrs: {
          type: 'button',
          'aria-expanded': 'false',
          'aria-controls': parts.id,
          title: parts.title,
        },
      },
      [icon(parts.icon), el('span', { className: 'button-label', text: parts.label })],
    );
    this.panel = el('div', {
      className: parts.classNames.panel,
      attrs: { id: parts.id, role: 'dialog', 'aria-label': parts.panelLabel ?? parts.label },
    });
    this.panel.hidden = true;
    this.element = el('div', { className: parts.classNames.element }, [this.button, this.panel]);
    this.button.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    this.panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      if (!parts.onEscape()) this.close();
    });
    onPressOutside(this.element, () => {
      if (this.isOpen) this.close(false);
    });
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  /** Fills the panel, shows it under the button (within the window) and focuses its first control. */
  open(): void {
    this.#parts.onOpen();
    this.panel.hidden = false;
    const button = this.button.getBoundingClientRect();
    const left = Math.max(
      12,
      Math.min(button.left, window.innerWidth - this.panel.offsetWidth - 12),
    );
    this.panel.style.setProperty('top', `${button.bottom + 4}px`);
    this.panel.style.setProperty('left', `${left}px`);
    this.button.setAttribute('aria-expanded', 'true');
    this.panel.querySelector<HTMLElement>('button, input, select')?.focus();
  }

  close(returnFocus = true): void {
    this.panel.hidden = true;
    this.#parts.onClose();
    this.button.setAttribute('aria-expanded', 'false');
    if (returnFocus) this.button.focus();
  }
}

/**
 * What owns a toolbar popover (Filter, Lanes, Eras): its element, open and close, and the hooks
 * a panel overrides: `opened` fills it as it opens; `escaped` is true when Escape left something
 * inside the panel (an edit) rather than the panel.
 */
export abstract class ToolbarPanel {
  readonly #popover: ToolbarPopover;

  constructor(parts: Omit<PopoverParts, 'onOpen' | 'onClose' | 'onEscape'>) {
    this.#popover = new ToolbarPopover({
      ...parts,
      onOpen: () => this.opened(),
      onClose: () => this.closed(),
      onEscape: () => this.escaped(),
    });
  }

  get element(): HTMLElement {
    return this.#popover.element;
  }

  get isOpen(): boolean {
    return this.#popover.isOpen;
  }

  open(): void {
    this.#popover.open();
  }

  close(returnFocus = true): void {
    this.#popover.close(returnFocus);
  }

  protected get panel(): HTMLElement {
    return this.#popover.panel;
  }

  protected get button(): HTMLButtonElement {
    return this.#popover.button;
  }

  protected abstract opened(): void;

  protected closed(): void {}

  protected escaped(): boolean {
    return false;
  }
}

/** A plain button of a panel, with its click. */
export function panelButton(
  text: string,
  className: string,
  attrs: Readonly<Record<string, string | boolean | undefined>>,
  onClick: () => void,
): HTMLButtonElement {
  const made = el('button', { className, text, attrs: { type: 'button', ...attrs } });
  made.addEventListener('click', onClick);
  return made;
}

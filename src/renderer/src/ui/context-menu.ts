/**
 * A context menu (right-click, the ContextMenu key or Shift+F10): a WAI-ARIA menu of actions
 * placed at a point, which takes the focus; arrows, Home and End move, Enter or Space runs an
 * item, Escape, Tab or a click elsewhere closes it and gives the focus back to where it was.
 */
import { el, onPressOutside } from './dom';
import { menuKey } from './menu-keys';

export interface ContextMenuItem {
  readonly label: string;
  readonly disabled?: boolean;
  readonly run: () => void;
}

export class ContextMenu {
  readonly element = el('div', { className: 'menu context-menu', attrs: { role: 'menu' } });
  #returnTo: HTMLElement | null = null;

  constructor() {
    this.element.hidden = true;
    this.element.addEventListener('keydown', (event) => this.#onKey(event));
    onPressOutside(this.element, () => {
      if (!this.element.hidden) this.close(false);
    });
  }

  /** Shows `items` under the name `label` at the viewport point `at`. */
  open(label: string, items: readonly ContextMenuItem[], at: { x: number; y: number }): void {
    this.#returnTo = document.activeElement as HTMLElement | null;
    this.element.setAttribute('aria-label', label);
    this.element.replaceChildren(
      ...items.map((item) => {
        const entry = el('button', {
          className: 'menu-item',
          text: item.label,
          attrs: {
            type: 'button',
            role: 'menuitem',
            tabindex: '-1',
            'aria-disabled': item.disabled === true ? 'true' : undefined,
          },
        });
        entry.addEventListener('click', () => {
          if (item.disabled === true) return;
          this.close(true);
          item.run();
        });
        return entry;
      }),
    );
    this.element.hidden = false;
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    this.element.style.setProperty('left', `${Math.min(at.x, window.innerWidth - width - 8)}px`);
    this.element.style.setProperty('top', `${Math.min(at.y, window.innerHeight - height - 8)}px`);
    this.#items()[0]?.focus();
  }

  close(returnFocus: boolean): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    if (returnFocus) this.#returnTo?.focus({ preventScroll: true });
  }

  #items(): HTMLButtonElement[] {
    return [...this.element.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  #onKey(event: KeyboardEvent): void {
    const key = menuKey(event, this.#items());
    // Escape is the menu's alone; Tab goes back to where the menu was opened, not on from there.
    if (key === 'close') event.stopPropagation();
    if (key === 'leave') event.preventDefault();
    if (key !== null) this.close(true);
  }
}

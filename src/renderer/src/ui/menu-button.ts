/**
 * A toolbar button that opens a menu of registry commands (the WAI-ARIA menu button pattern):
 * Enter, Space or the arrow keys open it, arrows move, Escape closes it and returns focus.
 */
import type { UserCommandId } from '../../../shared/user-commands';
import type { CommandRegistry } from '../commands/registry';
import { el, icon, onPressOutside, setAttributeIfChanged, uniqueId } from './dom';
import { focusWrapped, menuKey } from './menu-keys';

export interface MenuButton {
  readonly element: HTMLElement;
  /** Updates the entries' enabled states and tooltips. */
  refresh(): void;
}

const CHEVRON = ['M5 6.5l3 3 3-3'];

export function menuButton(
  registry: CommandRegistry,
  label: string,
  iconPaths: readonly string[],
  layout: readonly (UserCommandId | 'separator')[],
): MenuButton {
  const ids = layout.filter((entry): entry is UserCommandId => entry !== 'separator');
  const menuId = uniqueId('menu');
  const trigger = el(
    'button',
    {
      className: 'button',
      attrs: { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
    },
    [icon(iconPaths), el('span', { className: 'button-label', text: label }), icon(CHEVRON)],
  );
  const entries = ids.map((id) => ({
    id,
    item: el('button', {
      className: 'menu-item',
      text: registry.command(id).label,
      attrs: { type: 'button', role: 'menuitem', tabindex: '-1', 'data-command': id },
    }),
  }));
  const items = entries.map(({ item }) => item);
  const children = layout.map((entry) =>
    entry === 'separator'
      ? el('div', { className: 'menu-separator', attrs: { role: 'separator' } })
      : items[ids.indexOf(entry)],
  );
  const menu = el('div', { className: 'menu', attrs: { id: menuId, role: 'menu' } }, children);
  menu.setAttribute('aria-label', label);
  trigger.setAttribute('aria-controls', menuId);
  menu.hidden = true;
  const element = el('div', { className: 'menu-anchor' }, [trigger, menu]);

  const isOpen = (): boolean => !menu.hidden;
  const open = (focusIndex: number): void => {
    menu.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    focusWrapped(items, focusIndex);
  };
  const close = (returnFocus: boolean): void => {
    if (!isOpen()) return;
    menu.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
    if (returnFocus) trigger.focus();
  };

  trigger.addEventListener('click', () => (isOpen() ? close(true) : open(0)));
  trigger.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    open(event.key === 'ArrowDown' ? 0 : items.length - 1);
  });
  entries.forEach(({ id, item }) => {
    item.addEventListener('click', () => {
      if (item.getAttribute('aria-disabled') === 'true') return;
      close(true);
      void registry.run(id);
    });
  });
  menu.addEventListener('keydown', (event) => {
    const key = menuKey(event, items);
    // Tab leaves the menu and goes on from its button, as from a native one.
    if (key !== null) close(key === 'close');
  });
  // A click anywhere else closes the menu, as native menus do.
  onPressOutside(element, () => {
    if (isOpen()) close(false);
  });
  element.addEventListener('focusout', (event) => {
    if (isOpen() && !element.contains(event.relatedTarget as Node | null)) close(false);
  });

  const refresh = (): void => {
    entries.forEach(({ id, item }) => {
      setAttributeIfChanged(item, 'aria-disabled', String(!registry.isEnabled(id)));
      setAttributeIfChanged(item, 'title', registry.tooltip(id));
    });
  };
  refresh();
  return { element, refresh };
}

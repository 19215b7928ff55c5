/**
 * The toolbar: one button per registry command, grouped, with what it would do and its shortcut
 * in the tooltip; the further export formats and the backups sit in a "More" menu. Also the
 * timeline's title.
 */
import { TOOLBAR_GROUPS, toolbarCommands, type UserCommandId } from '../../../shared/user-commands';
import type { CommandRegistry } from '../commands/registry';
import { USER_TEXT } from './bidi';
import { el, icon, setAttributeIfChanged } from './dom';
import { ICONS, MORE_ICON } from './icons';
import { menuButton } from './menu-button';

/** The "More" menu's entries, from the registry's toolbar places. */
function moreMenuLayout(): (UserCommandId | 'separator')[] {
  return toolbarCommands('more').flatMap((command) =>
    command.toolbar?.separatorBefore === true ? ['separator' as const, command.id] : [command.id],
  );
}

export function commandButton(
  registry: CommandRegistry,
  id: UserCommandId,
  className = 'button',
): HTMLButtonElement {
  const command = registry.command(id);
  const iconOnly = command.toolbar?.iconOnly === true;
  const button = el(
    'button',
    {
      className: iconOnly ? `${className} button--icon` : className,
      attrs: { type: 'button', title: registry.tooltip(id), 'data-command': id },
    },
    [
      icon(ICONS[command.icon]),
      el('span', {
        className: iconOnly ? 'button-label visually-hidden' : 'button-label',
        text: command.label,
      }),
    ],
  );
  button.addEventListener('click', () => void registry.run(id));
  showPressed(registry, id, button);
  return button;
}

/** A toggle's pressed state, as aria-pressed (the view switch's two buttons). */
function showPressed(registry: CommandRegistry, id: UserCommandId, button: HTMLElement): void {
  const pressed = registry.isPressed(id);
  if (pressed !== undefined) setAttributeIfChanged(button, 'aria-pressed', String(pressed));
}

export interface Toolbar {
  readonly element: HTMLElement;
  /** Shows a new timeline title (after an import or a restore). */
  setTitle(title: string): void;
}

export function buildToolbar(registry: CommandRegistry, timelineTitle: string): Toolbar {
  const buttons = new Map<UserCommandId, HTMLButtonElement>();
  const button = (id: UserCommandId): HTMLButtonElement => {
    const made = commandButton(registry, id);
    buttons.set(id, made);
    return made;
  };
  const moreMenu = menuButton(registry, 'More', MORE_ICON, moreMenuLayout());
  const groups = TOOLBAR_GROUPS.map(({ id, label }) =>
    el(
      'div',
      {
        className: `toolbar-group toolbar-group--${id}`,
        attrs: { role: 'group', 'aria-label': label },
      },
      [
        ...toolbarCommands(id).map((command) => button(command.id)),
        ...(id === 'file' ? [moreMenu.element] : []),
      ],
    ),
  );
  const title = el('h1', { className: 'timeline-title', attrs: USER_TEXT });
  const setTitle = (text: string): void => {
    title.textContent = text;
    title.title = text;
  };
  setTitle(timelineTitle);
  const element = el('header', { className: 'app-header' }, [
    el('div', { className: 'app-title' }, [
      el('span', { className: 'app-name', text: 'Timeline Desk' }),
      title,
    ]),
    el(
      'div',
      { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Timeline commands' } },
      groups,
    ),
  ]);
  const refresh = (): void => {
    for (const [id, made] of buttons) {
      const disabled = !registry.isEnabled(id);
      if (made.disabled !== disabled) made.disabled = disabled;
      setAttributeIfChanged(made, 'title', registry.tooltip(id));
      showPressed(registry, id, made);
    }
    moreMenu.refresh();
  };
  registry.onRefresh(refresh);
  refresh();
  return { element, setTitle };
}

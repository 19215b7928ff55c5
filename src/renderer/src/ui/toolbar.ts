/**
 * The toolbar: one button per registry command, grouped, with what it would do and its shortcut
 * in the tooltip; the further export formats and the backups sit in a "More" menu. Also the
 * timeline's title.
 */
import type { UserCommandId } from '../../../shared/user-commands';
import type { CommandRegistry } from '../commands/registry';
import { USER_TEXT } from './bidi';
import { el, icon } from './dom';
import { ICONS, MORE_ICON } from './icons';
import { menuButton } from './menu-button';

/** Buttons whose icon says it all show only the icon; the label stays their accessible name. */
const ICON_ONLY: ReadonlySet<UserCommandId> = new Set(['undo', 'redo', 'zoomIn', 'zoomOut']);

const GROUPS: readonly { readonly label: string; readonly ids: readonly UserCommandId[] }[] = [
  { label: 'History', ids: ['undo', 'redo'] },
  { label: 'Event', ids: ['addEvent', 'addFollowUp', 'deleteEvent'] },
  { label: 'View', ids: ['zoomOut', 'zoomIn', 'fit'] },
  { label: 'File', ids: ['import', 'exportJson'] },
];

/** The further exports and the backups, behind one "More" button to keep the toolbar short. */
const MORE_MENU: readonly (UserCommandId | 'separator')[] = [
  'exportTimelineJs',
  'exportCsv',
  'exportMarkwhen',
  'exportIcs',
  'separator',
  'restoreBackup',
];

export function commandButton(
  registry: CommandRegistry,
  id: UserCommandId,
  className = 'button',
): HTMLButtonElement {
  const command = registry.command(id);
  const iconOnly = ICON_ONLY.has(id);
  const button = el(
    'button',
    {
      className: iconOnly ? `${className} button--icon` : className,
      attrs: { type: 'button', title: registry.tooltip(id), 'data-command': id },
    },
    [
      icon(ICONS[id]),
      el('span', {
        className: iconOnly ? 'button-label visually-hidden' : 'button-label',
        text: command.label,
      }),
    ],
  );
  button.addEventListener('click', () => void registry.run(id));
  return button;
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
  const moreMenu = menuButton(registry, 'More', MORE_ICON, MORE_MENU);
  const groups = GROUPS.map(({ label, ids }) =>
    el('div', { className: 'toolbar-group', attrs: { role: 'group', 'aria-label': label } }, [
      ...ids.map(button),
      ...(label === 'File' ? [moreMenu.element] : []),
    ]),
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
      made.disabled = !registry.isEnabled(id);
      made.title = registry.tooltip(id);
    }
    moreMenu.refresh();
  };
  registry.onRefresh(refresh);
  refresh();
  return { element, setTitle };
}

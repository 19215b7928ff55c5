/** The toolbar: one button per registry command, grouped, with the shortcut in its tooltip. */
import type { UserCommandId } from '../../../shared/user-commands';
import type { CommandRegistry } from '../commands/registry';
import { el, icon } from './dom';
import { ICONS } from './icons';

const GROUPS: readonly { readonly label: string; readonly ids: readonly UserCommandId[] }[] = [
  { label: 'Event', ids: ['addEvent', 'addFollowUp', 'deleteEvent'] },
  { label: 'View', ids: ['zoomOut', 'zoomIn', 'fit'] },
  { label: 'File', ids: ['exportJson'] },
];

export function commandButton(
  registry: CommandRegistry,
  id: UserCommandId,
  className = 'button',
): HTMLButtonElement {
  const command = registry.command(id);
  const button = el(
    'button',
    {
      className,
      attrs: {
        type: 'button',
        title: `${command.label} (${command.shortcut})`,
        'data-command': id,
      },
    },
    [icon(ICONS[id]), el('span', { className: 'button-label', text: command.label })],
  );
  button.addEventListener('click', () => void registry.run(id));
  return button;
}

export function buildToolbar(registry: CommandRegistry, timelineTitle: string): HTMLElement {
  const buttons = new Map<UserCommandId, HTMLButtonElement>();
  const groups = GROUPS.map(({ label, ids }) =>
    el(
      'div',
      { className: 'toolbar-group', attrs: { role: 'group', 'aria-label': label } },
      ids.map((id) => {
        const button = commandButton(registry, id);
        buttons.set(id, button);
        return button;
      }),
    ),
  );
  const toolbar = el('header', { className: 'app-header' }, [
    el('div', { className: 'app-title' }, [
      el('span', { className: 'app-name', text: 'Timeline Desk' }),
      el('h1', {
        className: 'timeline-title',
        text: timelineTitle,
        attrs: { title: timelineTitle },
      }),
    ]),
    el(
      'div',
      { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Timeline commands' } },
      groups,
    ),
  ]);
  const refresh = (): void => {
    for (const [id, button] of buttons) button.disabled = !registry.isEnabled(id);
  };
  registry.onRefresh(refresh);
  refresh();
  return toolbar;
}

/**
 * The lane label's context menu: right-click a lane's label on the timeline, or press the
 * ContextMenu key (Shift+F10) on the timeline for the selected event's lane (else the first).
 * Rename, recolour and delete open the Lanes panel at that lane's field or form; Move up and Move
 * down move it at once (one step of Undo each, like the panel's buttons).
 */
import type { LaneId } from '../../../shared/ids';
import type { Lane } from '../../../shared/schema';
import { ContextMenu } from './context-menu';
import type { LanesPanel } from './lanes-panel';

export interface LaneMenuParts {
  readonly host: HTMLElement;
  readonly lanes: () => readonly Lane[];
  /** The lane of the event the keyboard is on, if any. */
  readonly selectedLane: () => LaneId | null;
  readonly panel: LanesPanel;
  readonly move: (lane: Lane, to: number) => Promise<boolean>;
}

export function connectLaneMenu(parts: LaneMenuParts): ContextMenu {
  const menu = new ContextMenu();
  parts.host.addEventListener('contextmenu', (event) => {
    const label = (event.target as Element | null)?.closest<HTMLElement>('[data-lane-toggle]');
    // From the keyboard the event comes to the focused timeline itself.
    const fromKeyboard = label === null && event.target === parts.host;
    if (label === null && !fromKeyboard) return;
    const lanes = parts.lanes();
    const laneId = label?.dataset['laneToggle'] ?? parts.selectedLane() ?? lanes[0]?.id;
    const index = lanes.findIndex((lane) => lane.id === laneId);
    const lane = lanes[index];
    if (lane === undefined) return;
    event.preventDefault();
    const at = label !== null ? { x: event.clientX, y: event.clientY } : anchorOf(parts.host, lane);
    menu.open(
      `Lane ${lane.title}`,
      [
        { label: 'Rename lane', run: () => parts.panel.openFor('rename', lane.id) },
        { label: 'Recolour lane', run: () => parts.panel.openFor('colour', lane.id) },
        {
          label: 'Move lane up',
          disabled: index === 0,
          run: () => void parts.move(lane, index - 1),
        },
        {
          label: 'Move lane down',
          disabled: index === lanes.length - 1,
          run: () => void parts.move(lane, index + 1),
        },
        {
          label: 'Delete lane',
          disabled: lanes.length === 1,
          run: () => parts.panel.openFor('delete', lane.id),
        },
        { label: 'Add lane', run: () => parts.panel.openFor('add') },
      ],
      at,
    );
  });
  return menu;
}

/** Below the lane's label, where the menu of a keyboard user opens. */
function anchorOf(host: HTMLElement, lane: Lane): { x: number; y: number } {
  const label = host.querySelector(`[data-lane-toggle="${CSS.escape(lane.id)}"]`);
  const box = (label ?? host).getBoundingClientRect();
  return { x: box.left + 8, y: box.bottom };
}

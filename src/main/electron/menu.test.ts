/** The native menu adapter with a hand-made electron Menu and BrowserWindow. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { MENU_COMMAND_CHANNEL } from '../../shared/command-names';
import type { MenuItemSpec } from '../menu-template';

const fake = vi.hoisted(() => ({
  template: [] as MenuItemSpec[],
  focused: null as null | { webContents: { send: (...args: unknown[]) => void } },
}));

vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => fake.focused },
  Menu: {
    buildFromTemplate: (template: MenuItemSpec[]) => {
      fake.template = template;
      return { template };
    },
    setApplicationMenu: vi.fn(),
  },
}));

import { installApplicationMenu } from './menu';

function find(items: readonly MenuItemSpec[], id: string): MenuItemSpec | undefined {
  for (const item of items) {
    const found = item.id === id ? item : find(item.submenu ?? [], id);
    if (found) return found;
  }
  return undefined;
}

beforeEach(() => {
  fake.focused = null;
  installApplicationMenu({ appName: 'Timeline Desk', isMac: false, developerTools: false });
});

describe('installApplicationMenu', () => {
  it('sends a clicked command to the focused window', () => {
    const send = vi.fn();
    fake.focused = { webContents: { send } };
    find(fake.template, 'addFollowUp')!.click!();
    expect(send).toHaveBeenCalledExactlyOnceWith(MENU_COMMAND_CHANNEL, 'addFollowUp');
  });

  it('does nothing when no window has the focus', () => {
    expect(() => find(fake.template, 'save')!.click!()).not.toThrow();
  });
});

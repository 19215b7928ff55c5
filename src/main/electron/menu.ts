/** The native menus: the application menu from the command registry, and the text context menu. */
import { BrowserWindow, Menu, type WebContents } from 'electron';

import { MENU_COMMAND_CHANNEL } from '../../shared/command-names';
import { contextMenuTemplate, type MenuOptions, menuTemplate } from '../menu-template';

/** Menu clicks are sent to the focused window, whose renderer runs the command. */
export function installApplicationMenu(options: Omit<MenuOptions, 'onCommand'>): void {
  const template = menuTemplate({
    ...options,
    onCommand: (id) => BrowserWindow.getFocusedWindow()?.webContents.send(MENU_COMMAND_CHANNEL, id),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Right-click in text: spelling suggestions and the edit commands. */
export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, (word) => contents.replaceMisspelling(word));
    if (template.length === 0) return;
    const window = BrowserWindow.fromWebContents(contents) ?? undefined;
    Menu.buildFromTemplate(template).popup({ window });
  });
}

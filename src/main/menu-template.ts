/**
 * The native menu as data, built from the registry of user commands. No Electron here: menu.ts
 * hands the template to Menu.buildFromTemplate, whose item options this type is a subset of.
 */
import {
  ALL_COMMANDS,
  chordOf,
  menuLabel,
  type UserCommand,
  userCommand,
  type UserCommandId,
} from '../shared/user-commands';

export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools'
  | 'windowMenu';

/** Structurally a MenuItemConstructorOptions (mutable arrays, because Electron's are). */
export interface MenuItemSpec {
  readonly id?: string;
  readonly label?: string;
  readonly role?: MenuRole;
  readonly type?: 'separator';
  readonly accelerator?: string;
  readonly registerAccelerator?: boolean;
  readonly enabled?: boolean;
  readonly submenu?: MenuItemSpec[];
  readonly click?: () => void;
}

export interface MenuOptions {
  readonly appName: string;
  readonly isMac: boolean;
  /** Reload and DevTools are offered only while developing (`npm run dev`). */
  readonly developerTools: boolean;
  /** Runs a user command in the window (menu.ts sends it to the focused window). */
  readonly onCommand: (id: UserCommandId) => void;
}

const separator: MenuItemSpec = { type: 'separator' };

export function menuTemplate(options: MenuOptions): MenuItemSpec[] {
  const { appName, isMac } = options;
  // A menu's own items, in registry order; items of its submenu are placed with that submenu.
  const items = (menu: UserCommand['menu']): MenuItemSpec[] =>
    ALL_COMMANDS.filter((command) => command.menu === menu && command.submenu === undefined).map(
      (command) => commandItem(command, options),
    );
  const item = (id: UserCommandId): MenuItemSpec => commandItem(userCommand(id), options);
  const about: MenuItemSpec = { role: 'about', label: `About ${appName}` };
  const appMenu: MenuItemSpec = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const exportMenu: MenuItemSpec = {
    label: 'Export',
    submenu: ALL_COMMANDS.filter((command) => command.submenu === 'export').map((command) => {
      const exported = item(command.id);
      return { ...exported, label: exported.label?.replace(/^Export /, '') };
    }),
  };
  const fileMenu: MenuItemSpec = {
    label: title('&File', isMac),
    submenu: [
      item('newStory'),
      item('openStory'),
      separator,
      item('renameStory'),
      item('duplicateStory'),
      item('deleteStory'),
      separator,
      item('import'),
      exportMenu,
      item('exportChronology'),
      separator,
      item('restoreBackup'),
      separator,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  // Undo and Redo are the app's; in a text field the window sends them to the field instead.
  const editMenu: MenuItemSpec = {
    label: title('&Edit', isMac),
    submenu: [
      ...items('edit'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const developer: MenuItemSpec[] = options.developerTools
    ? [separator, { role: 'reload' }, { role: 'toggleDevTools' }]
    : [];
  const viewMenu: MenuItemSpec = {
    label: title('&View', isMac),
    submenu: [...items('view'), separator, { role: 'togglefullscreen' }, ...developer],
  };
  const helpMenu: MenuItemSpec = { label: title('&Help', isMac), submenu: [about] };
  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    { label: title('Eve&nt', isMac), submenu: items('event') },
    viewMenu,
    { role: 'windowMenu' },
    // On macOS "About" is in the app menu, where the platform puts it.
    ...(isMac ? [] : [helpMenu]),
  ];
}

function commandItem(command: UserCommand, options: MenuOptions): MenuItemSpec {
  return {
    id: command.id,
    label: menuLabel(command),
    ...acceleratorOf(command.accelerator, options.isMac),
    click: () => options.onCommand(command.id),
  };
}

/**
 * On Windows and Linux the renderer handles the keys, so the menu only shows them. On macOS the
 * menu handles them, except plain keys (Delete), which would be taken from text fields.
 */
export function acceleratorOf(
  accelerator: string,
  isMac: boolean,
): Pick<MenuItemSpec, 'accelerator' | 'registerAccelerator'> {
  if (accelerator === '') return {};
  if (!isMac) return { accelerator, registerAccelerator: false };
  const chord = chordOf(accelerator, true);
  return chord.ctrl || chord.meta || chord.alt ? { accelerator } : {};
}

/** A menu title with its Alt-key mnemonic on Windows and Linux; macOS menus have none. */
function title(label: string, isMac: boolean): string {
  return isMac ? label.replace('&', '') : label;
}

/** What was right-clicked; a subset of Electron's ContextMenuParams. */
export interface ContextMenuParams {
  readonly isEditable: boolean;
  readonly selectionText: string;
  readonly misspelledWord: string;
  readonly dictionarySuggestions: readonly string[];
  readonly editFlags: {
    readonly canCut: boolean;
    readonly canCopy: boolean;
    readonly canPaste: boolean;
    readonly canSelectAll: boolean;
  };
}

/**
 * The right-click menu of text: spelling suggestions, then cut, copy, paste and select all in a
 * field, or copy for selected text elsewhere. Empty when there is nothing to offer.
 */
export function contextMenuTemplate(
  params: ContextMenuParams,
  onReplaceMisspelling: (word: string) => void,
): MenuItemSpec[] {
  const flags = params.editFlags;
  if (!params.isEditable) {
    return params.selectionText.trim() === '' ? [] : [{ role: 'copy', enabled: flags.canCopy }];
  }
  const suggestions: MenuItemSpec[] = params.dictionarySuggestions
    .slice(0, 5)
    .map((word) => ({ label: word, click: () => onReplaceMisspelling(word) }));
  const spelling: MenuItemSpec[] =
    params.misspelledWord === ''
      ? []
      : [
          ...(suggestions.length > 0 ? suggestions : [{ label: 'No guesses', enabled: false }]),
          separator,
        ];
  return [
    ...spelling,
    { role: 'cut', enabled: flags.canCut },
    { role: 'copy', enabled: flags.canCopy },
    { role: 'paste', enabled: flags.canPaste },
    separator,
    { role: 'selectAll', enabled: flags.canSelectAll },
  ];
}

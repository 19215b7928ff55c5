import { describe, expect, it, vi } from 'vitest';

import { chordOf, USER_COMMANDS, type UserCommandId } from '../shared/user-commands';
import {
  type ContextMenuParams,
  contextMenuTemplate,
  type MenuItemSpec,
  type MenuOptions,
  menuTemplate,
} from './menu-template';

function makeMenu(overrides: Partial<MenuOptions> = {}): MenuItemSpec[] {
  return menuTemplate({
    appName: 'Timeline Desk',
    isMac: false,
    developerTools: false,
    onCommand: () => undefined,
    ...overrides,
  });
}

/** Every item of the menu, depth first. */
function allItems(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...allItems(item.submenu ?? [])]);
}

function roles(items: readonly MenuItemSpec[]): string[] {
  return allItems(items).flatMap((item) => (item.role ? [item.role] : []));
}

/** The labels of the top-level menus, as the user reads them. */
function titles(items: readonly MenuItemSpec[]): string[] {
  return items.map((item) => (item.label ?? item.role ?? '').replace('&', ''));
}

function submenu(items: readonly MenuItemSpec[], name: string): MenuItemSpec[] {
  const menu = items.find((item) => item.label?.replace('&', '') === name);
  if (!menu?.submenu) throw new Error(`no ${name} menu`);
  return menu.submenu;
}

function commandItem(items: readonly MenuItemSpec[], id: string): MenuItemSpec {
  const found = allItems(items).filter((item) => item.id === id);
  expect(found, id).toHaveLength(1);
  return found[0]!;
}

describe('the application menu', () => {
  for (const isMac of [false, true]) {
    const platform = isMac ? 'macOS' : 'Windows and Linux';

    it(`lists every user command exactly once, with its label (${platform})`, () => {
      const menu = makeMenu({ isMac });
      const exports = submenu(submenu(menu, 'File'), 'Export').map((item) => item.id);
      for (const command of USER_COMMANDS) {
        const item = commandItem(menu, command.id);
        // In the Export submenu "Export CSV" reads "CSV…".
        const label = exports.includes(command.id) ? `Export ${item.label}` : item.label;
        expect(label?.replace(/…$/, '')).toBe(command.label);
      }
      const ids = allItems(menu).flatMap((item) => (item.id ? [item.id] : []));
      expect(ids.sort()).toEqual(USER_COMMANDS.map((command) => command.id).sort());
    });

    it(`runs the command of an item when it is clicked (${platform})`, () => {
      const onCommand = vi.fn<(id: UserCommandId) => void>();
      const menu = makeMenu({ isMac, onCommand });
      for (const command of USER_COMMANDS) {
        commandItem(menu, command.id).click!();
        expect(onCommand).toHaveBeenLastCalledWith(command.id);
      }
      expect(onCommand).toHaveBeenCalledTimes(USER_COMMANDS.length);
    });

    it(`puts each command in its menu, in registry order (${platform})`, () => {
      const menu = makeMenu({ isMac });
      const ids = (name: string) => submenu(menu, name).flatMap((item) => item.id ?? []);
      expect(ids('Event')).toEqual(['addEvent', 'addFollowUp', 'deleteEvent', 'save']);
      expect(ids('View')).toEqual(['showTimeline', 'showChronology', 'zoomIn', 'zoomOut', 'fit']);
      expect(ids('File')).toEqual([
        'newStory',
        'openStory',
        'renameStory',
        'duplicateStory',
        'deleteStory',
        'import',
        'exportChronology',
        'restoreBackup',
      ]);
      expect(ids('Edit')).toEqual([
        'undo',
        'redo',
        'find',
        'findNext',
        'findPrevious',
        'copyChronology',
      ]);
      const file = submenu(menu, 'File');
      expect(file.map((item) => item.label ?? item.type ?? item.role)).toEqual([
        'New story…',
        'Open story…',
        'separator',
        'Rename story…',
        'Duplicate story',
        'Delete story…',
        'separator',
        'Import…',
        'Export',
        'Export chronology…',
        'separator',
        'Restore backup…',
        'separator',
        isMac ? 'close' : 'quit',
      ]);
      expect(submenu(file, 'Export').map((item) => [item.id, item.label])).toEqual([
        ['exportJson', 'JSON…'],
        ['exportTimelineJs', 'TimelineJS…'],
        ['exportCsv', 'CSV…'],
        ['exportMarkwhen', 'Markwhen…'],
        ['exportIcs', 'iCalendar…'],
      ]);
    });

    it(`has the app's Undo and Redo, the standard edit roles and a window menu (${platform})`, () => {
      const edit = submenu(makeMenu({ isMac }), 'Edit');
      expect(edit.map((item) => item.id ?? item.role ?? item.type)).toEqual([
        'undo',
        'redo',
        'find',
        'findNext',
        'findPrevious',
        'copyChronology',
        'separator',
        'cut',
        'copy',
        'paste',
        'selectAll',
      ]);
      // The app's history, not the web page's: no undo or redo role anywhere.
      expect(roles(makeMenu({ isMac }))).not.toContain('undo');
      expect(roles(makeMenu({ isMac }))).not.toContain('redo');
      expect(edit.slice(0, 2).map((item) => [item.label, item.accelerator])).toEqual([
        ['Undo', 'CmdOrCtrl+Z'],
        ['Redo', 'CmdOrCtrl+Shift+Z'],
      ]);
      expect(roles(makeMenu({ isMac }))).toContain('windowMenu');
      expect(roles(submenu(makeMenu({ isMac }), 'View'))).toContain('togglefullscreen');
    });

    it(`offers reload and developer tools only while developing (${platform})`, () => {
      expect(roles(makeMenu({ isMac, developerTools: false }))).not.toContain('reload');
      expect(roles(makeMenu({ isMac, developerTools: false }))).not.toContain('toggleDevTools');
      const view = submenu(makeMenu({ isMac, developerTools: true }), 'View');
      expect(roles(view)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    });
  }

  it('on Windows and Linux shows each accelerator but leaves the keys to the renderer', () => {
    const menu = makeMenu({ isMac: false });
    for (const command of USER_COMMANDS.filter((c) => c.accelerator !== '')) {
      const item = commandItem(menu, command.id);
      expect(item.accelerator).toBe(command.accelerator);
      expect(item.registerAccelerator).toBe(false);
    }
  });

  it('gives commands without a shortcut no accelerator at all', () => {
    for (const isMac of [false, true]) {
      const menu = makeMenu({ isMac });
      for (const id of ['exportCsv', 'exportIcs', 'restoreBackup']) {
        expect(commandItem(menu, id)).not.toHaveProperty('accelerator');
        expect(commandItem(menu, id)).not.toHaveProperty('registerAccelerator');
      }
    }
  });

  it('on macOS registers modified accelerators and leaves plain keys off', () => {
    const menu = makeMenu({ isMac: true });
    for (const command of USER_COMMANDS) {
      const item = commandItem(menu, command.id);
      expect(item.registerAccelerator).toBeUndefined();
      const chord = chordOf(command.accelerator, true);
      if (chord.ctrl || chord.meta || chord.alt) expect(item.accelerator).toBe(command.accelerator);
      else expect(item.accelerator).toBeUndefined();
    }
    // Delete must still delete text in a field on macOS; F3 is the page's too.
    expect(commandItem(menu, 'deleteEvent').accelerator).toBeUndefined();
    expect(commandItem(menu, 'findPrevious').accelerator).toBeUndefined();
  });

  it('on macOS starts with the app menu: about, services, hide and quit', () => {
    const menu = makeMenu({ isMac: true });
    expect(titles(menu)).toEqual(['Timeline Desk', 'File', 'Edit', 'Event', 'View', 'windowMenu']);
    const appMenu = menu[0]!.submenu!;
    expect(roles(appMenu)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(appMenu[0]!.label).toBe('About Timeline Desk');
    expect(roles(submenu(menu, 'File'))).toEqual(['close']);
    expect(commandItem(menu, 'import').accelerator).toBe('CmdOrCtrl+O');
    expect(commandItem(menu, 'undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(roles(menu).filter((role) => role === 'quit')).toHaveLength(1);
  });

  it('on Windows and Linux has Quit in File, About in Help and Alt-key mnemonics', () => {
    const menu = makeMenu({ isMac: false });
    expect(titles(menu)).toEqual(['File', 'Edit', 'Event', 'View', 'windowMenu', 'Help']);
    expect(roles(submenu(menu, 'File'))).toEqual(['quit']);
    expect(submenu(menu, 'Help')).toEqual([{ role: 'about', label: 'About Timeline Desk' }]);
    expect(roles(menu)).not.toContain('services');
    const mnemonics = menu.flatMap((item) => item.label?.match(/&(.)/)?.[1]?.toLowerCase() ?? []);
    expect(new Set(mnemonics).size).toBe(mnemonics.length);
    expect(makeMenu({ isMac: true }).some((item) => item.label?.includes('&'))).toBe(false);
  });
});

describe('the context menu', () => {
  function params(overrides: Partial<ContextMenuParams> = {}): ContextMenuParams {
    return {
      isEditable: true,
      selectionText: '',
      misspelledWord: '',
      dictionarySuggestions: [],
      editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
      ...overrides,
    };
  }

  it('offers the edit commands in a field, enabled as the field allows', () => {
    expect(contextMenuTemplate(params(), () => undefined)).toEqual([
      { role: 'cut', enabled: false },
      { role: 'copy', enabled: false },
      { role: 'paste', enabled: true },
      { type: 'separator' },
      { role: 'selectAll', enabled: true },
    ]);
  });

  it('offers spelling suggestions first, and replaces the word with the one clicked', () => {
    const replace = vi.fn<(word: string) => void>();
    const menu = contextMenuTemplate(
      params({ misspelledWord: 'Pyongyng', dictionarySuggestions: ['Pyongyang', 'Pyongan'] }),
      replace,
    );
    expect(menu.slice(0, 3).map((item) => item.label ?? item.type)).toEqual([
      'Pyongyang',
      'Pyongan',
      'separator',
    ]);
    menu[0]!.click!();
    expect(replace).toHaveBeenCalledWith('Pyongyang');
    const none = contextMenuTemplate(params({ misspelledWord: 'Xqzt' }), replace);
    expect(none[0]).toEqual({ label: 'No guesses', enabled: false });
  });

  it('offers copy for selected text outside a field, and nothing when nothing is selected', () => {
    const flags = { canCut: false, canCopy: true, canPaste: false, canSelectAll: true };
    expect(
      contextMenuTemplate(
        params({ isEditable: false, selectionText: 'Kim', editFlags: flags }),
        () => undefined,
      ),
    ).toEqual([{ role: 'copy', enabled: true }]);
    expect(contextMenuTemplate(params({ isEditable: false }), () => undefined)).toEqual([]);
  });
});

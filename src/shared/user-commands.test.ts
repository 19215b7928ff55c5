import { describe, expect, it } from 'vitest';

import {
  chordOf,
  describeAccelerator,
  isUserCommandId,
  matchesChord,
  menuLabel,
  TOOLBAR_GROUPS,
  toolbarCommands,
  USER_COMMANDS,
  userCommand,
} from './user-commands';

/** A key press as the renderer's keyboard handler sees it. */
function press(
  key: string,
  mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {},
) {
  return {
    key,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
    altKey: mods.alt ?? false,
  };
}

/** The command a key press runs on a platform, as the keyboard handler finds it. */
function commandFor(event: ReturnType<typeof press>, isMac: boolean): string | undefined {
  return USER_COMMANDS.find((command) => matchesChord(event, chordOf(command.accelerator, isMac)))
    ?.id;
}

describe('the user command registry', () => {
  it('has the toolbar names as labels', () => {
    expect(USER_COMMANDS.map((command) => command.label).sort()).toEqual(
      [
        'Add event',
        'Add follow-up',
        'Delete event',
        'Zoom in',
        'Zoom out',
        'Fit',
        'Export JSON',
        'Save',
        'Undo',
        'Redo',
        'Import',
        'Export TimelineJS',
        'Export CSV',
        'Export Markwhen',
        'Export iCalendar',
        'Restore backup',
        'Find',
        'Find next',
        'Find previous',
        'Timeline',
        'Chronology',
        'Copy chronology',
        'Export chronology',
        'Rename story',
        'New story',
        'Open story',
        'Duplicate story',
        'Delete story',
      ].sort(),
    );
  });

  it('gives every command its own id and label', () => {
    const ids = USER_COMMANDS.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
    const labels = USER_COMMANDS.map((command) => command.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it.each([false, true])('gives every command its own shortcut, or none (macOS: %s)', (isMac) => {
    const shortcuts = USER_COMMANDS.filter((command) => command.accelerator !== '').map((command) =>
      describeAccelerator(command.accelerator, isMac),
    );
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('leaves the further exports, Restore backup, the story commands but Open story, and the chronology copy and export without a shortcut', () => {
    const without = USER_COMMANDS.filter((command) => command.accelerator === '');
    expect(without.map((command) => command.id).sort()).toEqual(
      [
        'exportCsv',
        'exportIcs',
        'exportMarkwhen',
        'exportTimelineJs',
        'restoreBackup',
        'copyChronology',
        'exportChronology',
        'renameStory',
        'newStory',
        'duplicateStory',
        'deleteStory',
      ].sort(),
    );
  });

  it('finds a command by id and tells ids apart from other values', () => {
    expect(userCommand('exportJson').label).toBe('Export JSON');
    expect(isUserCommandId('zoomIn')).toBe(true);
    expect(isUserCommandId('Zoom in')).toBe(false);
    expect(isUserCommandId(undefined)).toBe(false);
    expect(() => userCommand('format' as never)).toThrow('format');
  });
});

describe('each command entry holds its toolbar place and dialog flag', () => {
  it('places the toolbar buttons in their groups, in order, each once', () => {
    const ids = (group: Parameters<typeof toolbarCommands>[0]) =>
      toolbarCommands(group).map((command) => command.id);
    expect(TOOLBAR_GROUPS.map((group) => group.label)).toEqual([
      'Views',
      'History',
      'Event',
      'View',
      'File',
    ]);
    expect(ids('views')).toEqual(['showTimeline', 'showChronology']);
    expect(ids('history')).toEqual(['undo', 'redo']);
    expect(ids('event')).toEqual(['addEvent', 'addFollowUp', 'deleteEvent']);
    expect(ids('view')).toEqual(['zoomOut', 'zoomIn', 'fit']);
    expect(ids('file')).toEqual(['import', 'exportJson']);
    expect(ids('more')).toEqual([
      'exportTimelineJs',
      'exportCsv',
      'exportMarkwhen',
      'exportIcs',
      'restoreBackup',
      'renameStory',
      'newStory',
      'openStory',
      'duplicateStory',
      'deleteStory',
    ]);
    for (const { id } of [...TOOLBAR_GROUPS, { id: 'more' as const }]) {
      const positions = toolbarCommands(id).map((command) => command.toolbar?.position);
      expect(new Set(positions).size, id).toBe(positions.length);
    }
  });

  it('ends the menu label of a command that opens a dialog with an ellipsis', () => {
    expect(menuLabel(userCommand('import'))).toBe('Import…');
    expect(menuLabel(userCommand('restoreBackup'))).toBe('Restore backup…');
    expect(menuLabel(userCommand('addEvent'))).toBe('Add event');
    expect(userCommand('undo').toolbar?.iconOnly).toBe(true);
    expect(userCommand('fit').toolbar?.iconOnly).toBeUndefined();
  });
});

describe('chordOf', () => {
  it('reads CmdOrCtrl as Ctrl on Linux and Windows', () => {
    expect(chordOf('CmdOrCtrl+Shift+N', false)).toEqual({
      key: 'n',
      ctrl: true,
      meta: false,
      shift: true,
      alt: false,
    });
  });

  it('reads CmdOrCtrl as Command on macOS', () => {
    expect(chordOf('CmdOrCtrl+Shift+N', true)).toEqual({
      key: 'n',
      ctrl: false,
      meta: true,
      shift: true,
      alt: false,
    });
  });

  it('reads the minus and equals keys of the zoom shortcuts', () => {
    expect(chordOf('CmdOrCtrl+-', false)).toMatchObject({ key: '-', ctrl: true });
    expect(chordOf('CmdOrCtrl+=', false)).toMatchObject({ key: '=', ctrl: true });
    expect(chordOf('CmdOrCtrl+Plus', true)).toMatchObject({ key: '+', meta: true });
  });

  it('reads a key alone, and spelled-out modifiers', () => {
    expect(chordOf('Delete', false)).toEqual({
      key: 'delete',
      ctrl: false,
      meta: false,
      shift: false,
      alt: false,
    });
    expect(chordOf('Control+Alt+E', true)).toMatchObject({
      key: 'e',
      ctrl: true,
      meta: false,
      alt: true,
    });
    expect(chordOf('Command+Option+E', false)).toMatchObject({
      key: 'e',
      ctrl: false,
      meta: true,
      alt: true,
    });
  });
});

describe('key presses', () => {
  it.each([
    [press('n', { ctrl: true }), 'addEvent'],
    [press('N', { ctrl: true, shift: true }), 'addFollowUp'],
    [press('Delete'), 'deleteEvent'],
    [press('s', { ctrl: true }), 'save'],
    [press('=', { ctrl: true }), 'zoomIn'],
    [press('-', { ctrl: true }), 'zoomOut'],
    [press('0', { ctrl: true }), 'fit'],
    [press('e', { ctrl: true }), 'exportJson'],
    [press('z', { ctrl: true }), 'undo'],
    [press('Z', { ctrl: true, shift: true }), 'redo'],
    [press('o', { ctrl: true }), 'import'],
  ])('on Linux, %o runs %s', (event, id) => {
    expect(commandFor(event, false)).toBe(id);
  });

  it.each([
    [press('n', { meta: true }), 'addEvent'],
    [press('N', { meta: true, shift: true }), 'addFollowUp'],
    [press('=', { meta: true }), 'zoomIn'],
    [press('-', { meta: true }), 'zoomOut'],
    [press('s', { meta: true }), 'save'],
    [press('z', { meta: true }), 'undo'],
    [press('Z', { meta: true, shift: true }), 'redo'],
    [press('o', { meta: true }), 'import'],
  ])('on macOS, %o runs %s', (event, id) => {
    expect(commandFor(event, true)).toBe(id);
  });

  it.each([
    ['Command+N on Linux', press('n', { meta: true }), false],
    ['Ctrl+N on macOS', press('n', { ctrl: true }), true],
    ['N alone', press('n'), false],
    ['Ctrl+Alt+N', press('n', { ctrl: true, alt: true }), false],
    ['Ctrl+Delete', press('Delete', { ctrl: true }), false],
    ['Backspace', press('Backspace'), false],
    ['Z alone', press('z'), false],
    ['Ctrl+Z on macOS', press('z', { ctrl: true }), true],
    ['a letter with no modifier', press('c'), false],
  ])('%s runs nothing', (_, event, isMac) => {
    expect(commandFor(event, isMac)).toBeUndefined();
  });

  it('tells Undo from Redo by the Shift key', () => {
    expect(commandFor(press('z', { ctrl: true }), false)).toBe('undo');
    expect(commandFor(press('Z', { ctrl: true, shift: true }), false)).toBe('redo');
  });

  it('tells Add event from Add follow-up by the Shift key', () => {
    const addEvent = chordOf(userCommand('addEvent').accelerator, false);
    expect(matchesChord(press('N', { ctrl: true, shift: true }), addEvent)).toBe(false);
    expect(matchesChord(press('n', { ctrl: true }), addEvent)).toBe(true);
  });
});

describe('describeAccelerator', () => {
  it.each([
    ['CmdOrCtrl+N', 'Ctrl+N', '⌘N'],
    ['CmdOrCtrl+Shift+N', 'Ctrl+Shift+N', '⇧⌘N'],
    ['CmdOrCtrl+=', 'Ctrl+=', '⌘='],
    ['CmdOrCtrl+-', 'Ctrl+-', '⌘-'],
    ['CmdOrCtrl+0', 'Ctrl+0', '⌘0'],
    ['Delete', 'Delete', 'Delete'],
    ['Control+Alt+Shift+E', 'Ctrl+Alt+Shift+E', '⌃⌥⇧E'],
  ])('writes %s as %s on Linux and %s on macOS', (accelerator, linux, mac) => {
    expect(describeAccelerator(accelerator, false)).toBe(linux);
    expect(describeAccelerator(accelerator, true)).toBe(mac);
  });
});

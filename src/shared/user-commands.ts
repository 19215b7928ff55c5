/**
 * The commands a user can run, in one registry. The native menu, the toolbar and the keyboard
 * shortcuts all read it; the renderer supplies what each one does.
 */

export const USER_COMMANDS = [
  { id: 'addEvent', label: 'Add event', menu: 'event', accelerator: 'CmdOrCtrl+N' },
  { id: 'addFollowUp', label: 'Add follow-up', menu: 'event', accelerator: 'CmdOrCtrl+Shift+N' },
  { id: 'deleteEvent', label: 'Delete event', menu: 'event', accelerator: 'Delete' },
  { id: 'save', label: 'Save', menu: 'event', accelerator: 'CmdOrCtrl+S' },
  { id: 'zoomIn', label: 'Zoom in', menu: 'view', accelerator: 'CmdOrCtrl+=' },
  { id: 'zoomOut', label: 'Zoom out', menu: 'view', accelerator: 'CmdOrCtrl+-' },
  { id: 'fit', label: 'Fit', menu: 'view', accelerator: 'CmdOrCtrl+0' },
  { id: 'exportJson', label: 'Export JSON', menu: 'file', accelerator: 'CmdOrCtrl+E' },
  { id: 'undo', label: 'Undo', menu: 'edit', accelerator: 'CmdOrCtrl+Z' },
  { id: 'redo', label: 'Redo', menu: 'edit', accelerator: 'CmdOrCtrl+Shift+Z' },
  { id: 'find', label: 'Find', menu: 'edit', accelerator: 'CmdOrCtrl+F' },
  { id: 'findNext', label: 'Find next', menu: 'edit', accelerator: 'F3' },
  { id: 'findPrevious', label: 'Find previous', menu: 'edit', accelerator: 'Shift+F3' },
  { id: 'import', label: 'Import', menu: 'file', accelerator: 'CmdOrCtrl+O' },
  { id: 'exportTimelineJs', label: 'Export TimelineJS', menu: 'file', accelerator: '' },
  { id: 'exportCsv', label: 'Export CSV', menu: 'file', accelerator: '' },
  { id: 'exportMarkwhen', label: 'Export Markwhen', menu: 'file', accelerator: '' },
  { id: 'exportIcs', label: 'Export iCalendar', menu: 'file', accelerator: '' },
  { id: 'restoreBackup', label: 'Restore backup', menu: 'file', accelerator: '' },
] as const satisfies readonly UserCommandSpec[];

export interface UserCommandSpec {
  readonly id: string;
  /** The accessible name of its button and the label of its menu item. */
  readonly label: string;
  readonly menu: 'file' | 'edit' | 'event' | 'view';
  /** Electron accelerator syntax, also matched by the renderer's keyboard handler; '' for none. */
  readonly accelerator: string;
}

export type UserCommandId = (typeof USER_COMMANDS)[number]['id'];

export function isUserCommandId(value: unknown): value is UserCommandId {
  return USER_COMMANDS.some((command) => command.id === value);
}

export function userCommand(id: UserCommandId): UserCommandSpec {
  const found = USER_COMMANDS.find((command) => command.id === id);
  if (!found) throw new Error(`Unknown user command ${id}`);
  return found;
}

/** The keys an accelerator needs, e.g. "CmdOrCtrl+Shift+N" on Linux: ctrl, shift, key "n". */
export interface KeyChord {
  readonly key: string;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

export function chordOf(accelerator: string, isMac: boolean): KeyChord {
  const parts = accelerator.split('+');
  // "CmdOrCtrl+=" splits cleanly; a trailing "+" key ("CmdOrCtrl+Plus") is spelled out.
  const key = (parts.pop() ?? '').toLowerCase();
  const mods = new Set(parts.map((part) => part.toLowerCase()));
  const cmdOrCtrl = mods.has('cmdorctrl') || mods.has('commandorcontrol');
  return {
    key: key === 'plus' ? '+' : key,
    ctrl: mods.has('ctrl') || mods.has('control') || (cmdOrCtrl && !isMac),
    meta: mods.has('cmd') || mods.has('command') || (cmdOrCtrl && isMac),
    shift: mods.has('shift'),
    alt: mods.has('alt') || mods.has('option'),
  };
}

/** True when a keyboard event (its key and modifier flags) matches the chord. */
export function matchesChord(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
  chord: KeyChord,
): boolean {
  return (
    event.key.toLowerCase() === chord.key &&
    event.ctrlKey === chord.ctrl &&
    event.metaKey === chord.meta &&
    event.shiftKey === chord.shift &&
    event.altKey === chord.alt
  );
}

/** A shortcut as the user reads it in a tooltip, e.g. "Ctrl+Shift+N" or "⌘⇧N". */
export function describeAccelerator(accelerator: string, isMac: boolean): string {
  const chord = chordOf(accelerator, isMac);
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : capitalise(chord.key);
  if (isMac) {
    return `${chord.ctrl ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.meta ? '⌘' : ''}${key}`;
  }
  const mods = [chord.ctrl && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift'].filter(Boolean);
  return [...mods, key].join('+');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The commands a user can run, in one registry. The native menu, the toolbar and the keyboard
 * shortcuts all read it; the renderer supplies what each one does.
 */

export const USER_COMMANDS = [
  {
    id: 'addEvent',
    label: 'Add event',
    menu: 'event',
    accelerator: 'CmdOrCtrl+N',
    icon: 'plus',
    toolbar: { group: 'event', position: 0 },
  },
  {
    id: 'addFollowUp',
    label: 'Add follow-up',
    menu: 'event',
    accelerator: 'CmdOrCtrl+Shift+N',
    icon: 'followUp',
    toolbar: { group: 'event', position: 1 },
  },
  {
    id: 'deleteEvent',
    label: 'Delete event',
    menu: 'event',
    accelerator: 'Delete',
    icon: 'trash',
    toolbar: { group: 'event', position: 2 },
  },
  // In the editor's own actions, not the toolbar (app.ts places it).
  { id: 'save', label: 'Save', menu: 'event', accelerator: 'CmdOrCtrl+S', icon: 'save' },
  {
    id: 'showTimeline',
    label: 'Timeline',
    menu: 'view',
    accelerator: 'CmdOrCtrl+1',
    icon: 'timeline',
    toolbar: { group: 'views', position: 0 },
  },
  {
    id: 'showChronology',
    label: 'Chronology',
    menu: 'view',
    accelerator: 'CmdOrCtrl+2',
    icon: 'list',
    toolbar: { group: 'views', position: 1 },
  },
  {
    id: 'zoomIn',
    label: 'Zoom in',
    menu: 'view',
    accelerator: 'CmdOrCtrl+=',
    icon: 'zoomIn',
    toolbar: { group: 'view', position: 1, iconOnly: true },
  },
  {
    id: 'zoomOut',
    label: 'Zoom out',
    menu: 'view',
    accelerator: 'CmdOrCtrl+-',
    icon: 'zoomOut',
    toolbar: { group: 'view', position: 0, iconOnly: true },
  },
  {
    id: 'fit',
    label: 'Fit',
    menu: 'view',
    accelerator: 'CmdOrCtrl+0',
    icon: 'fit',
    toolbar: { group: 'view', position: 2 },
  },
  {
    id: 'exportJson',
    label: 'Export JSON',
    menu: 'file',
    submenu: 'export',
    accelerator: 'CmdOrCtrl+E',
    icon: 'download',
    toolbar: { group: 'file', position: 1 },
    opensDialog: true,
  },
  {
    id: 'undo',
    label: 'Undo',
    menu: 'edit',
    accelerator: 'CmdOrCtrl+Z',
    icon: 'undo',
    toolbar: { group: 'history', position: 0, iconOnly: true },
  },
  {
    id: 'redo',
    label: 'Redo',
    menu: 'edit',
    accelerator: 'CmdOrCtrl+Shift+Z',
    icon: 'redo',
    toolbar: { group: 'history', position: 1, iconOnly: true },
  },
  { id: 'find', label: 'Find', menu: 'edit', accelerator: 'CmdOrCtrl+F', icon: 'search' },
  { id: 'findNext', label: 'Find next', menu: 'edit', accelerator: 'F3', icon: 'searchNext' },
  {
    id: 'findPrevious',
    label: 'Find previous',
    menu: 'edit',
    accelerator: 'Shift+F3',
    icon: 'searchPrevious',
  },
  {
    id: 'import',
    label: 'Import',
    menu: 'file',
    accelerator: 'CmdOrCtrl+O',
    icon: 'upload',
    toolbar: { group: 'file', position: 0 },
    opensDialog: true,
  },
  {
    id: 'exportTimelineJs',
    label: 'Export TimelineJS',
    menu: 'file',
    submenu: 'export',
    accelerator: '',
    icon: 'download',
    toolbar: { group: 'more', position: 0 },
    opensDialog: true,
  },
  {
    id: 'exportCsv',
    label: 'Export CSV',
    menu: 'file',
    submenu: 'export',
    accelerator: '',
    icon: 'download',
    toolbar: { group: 'more', position: 1 },
    opensDialog: true,
  },
  {
    id: 'exportMarkwhen',
    label: 'Export Markwhen',
    menu: 'file',
    submenu: 'export',
    accelerator: '',
    icon: 'download',
    toolbar: { group: 'more', position: 2 },
    opensDialog: true,
  },
  {
    id: 'exportIcs',
    label: 'Export iCalendar',
    menu: 'file',
    submenu: 'export',
    accelerator: '',
    icon: 'download',
    toolbar: { group: 'more', position: 3 },
    opensDialog: true,
  },
  {
    id: 'restoreBackup',
    label: 'Restore backup',
    menu: 'file',
    accelerator: '',
    icon: 'restore',
    toolbar: { group: 'more', position: 4, separatorBefore: true },
    opensDialog: true,
  },
  {
    id: 'renameStory',
    label: 'Rename story',
    menu: 'file',
    accelerator: '',
    icon: 'timeline',
    toolbar: { group: 'more', position: 5, separatorBefore: true },
    opensDialog: true,
  },
  {
    id: 'newStory',
    label: 'New story',
    menu: 'file',
    accelerator: '',
    icon: 'plus',
    toolbar: { group: 'more', position: 6 },
    opensDialog: true,
  },
  {
    id: 'openStory',
    label: 'Open story',
    menu: 'file',
    accelerator: 'CmdOrCtrl+K',
    icon: 'list',
    toolbar: { group: 'more', position: 7 },
    opensDialog: true,
  },
  {
    id: 'duplicateStory',
    label: 'Duplicate story',
    menu: 'file',
    accelerator: '',
    icon: 'copy',
    toolbar: { group: 'more', position: 8 },
  },
  {
    id: 'deleteStory',
    label: 'Delete story',
    menu: 'file',
    accelerator: '',
    icon: 'trash',
    toolbar: { group: 'more', position: 9 },
    opensDialog: true,
  },
  // In the chronology's own header, not the toolbar (chronology-view.ts places them).
  { id: 'copyChronology', label: 'Copy chronology', menu: 'edit', accelerator: '', icon: 'copy' },
  {
    id: 'exportChronology',
    label: 'Export chronology',
    menu: 'file',
    accelerator: '',
    icon: 'download',
    opensDialog: true,
  },
] as const satisfies readonly UserCommandSpec[];

/** Icon names; the renderer's icons.ts holds the path data of each. */
export const ICON_NAMES = [
  'plus',
  'followUp',
  'trash',
  'save',
  'zoomIn',
  'zoomOut',
  'fit',
  'download',
  'upload',
  'undo',
  'redo',
  'restore',
  'search',
  'searchNext',
  'searchPrevious',
  'timeline',
  'list',
  'copy',
] as const;
export type IconName = (typeof ICON_NAMES)[number];

/** The toolbar's groups, left to right; "more" is the File group's "More" menu. */
export const TOOLBAR_GROUPS = [
  { id: 'views', label: 'Views' },
  { id: 'history', label: 'History' },
  { id: 'event', label: 'Event' },
  { id: 'view', label: 'View' },
  { id: 'file', label: 'File' },
] as const;
export type ToolbarGroup = (typeof TOOLBAR_GROUPS)[number]['id'] | 'more';

export interface ToolbarPlace {
  readonly group: ToolbarGroup;
  /** Left to right (top to bottom in "more") within the group. */
  readonly position: number;
  /** The icon says it all: the label stays the accessible name and the tooltip. */
  readonly iconOnly?: boolean;
  /** A separator above it in the "More" menu. */
  readonly separatorBefore?: boolean;
}

export interface UserCommandSpec {
  readonly id: string;
  /** The accessible name of its button and the label of its menu item. */
  readonly label: string;
  readonly menu: 'file' | 'edit' | 'event' | 'view';
  /** Within its menu, a submenu: "export" items read without their "Export " ("CSV…"). */
  readonly submenu?: 'export';
  /** Electron accelerator syntax, also matched by the renderer's keyboard handler; '' for none. */
  readonly accelerator: string;
  readonly icon: IconName;
  /** Where its toolbar button sits; absent for commands with no toolbar button. */
  readonly toolbar?: ToolbarPlace;
  /** It opens a dialog before it acts: its menu item ends with "…". */
  readonly opensDialog?: boolean;
}

export type UserCommandId = (typeof USER_COMMANDS)[number]['id'];

/** A registry entry with every optional fact readable (the tuple's members lack some keys). */
export type UserCommand = UserCommandSpec & { readonly id: UserCommandId };
export const ALL_COMMANDS: readonly UserCommand[] = USER_COMMANDS;

export function isUserCommandId(value: unknown): value is UserCommandId {
  return USER_COMMANDS.some((command) => command.id === value);
}

/** The commands placed in one toolbar group (or the "More" menu), in their order there. */
export function toolbarCommands(group: ToolbarGroup): UserCommand[] {
  const placed = ALL_COMMANDS.filter((command) => command.toolbar?.group === group);
  return placed.sort((a, b) => (a.toolbar?.position ?? 0) - (b.toolbar?.position ?? 0));
}

/** The label of its menu item: "Import…" for a command that opens a dialog. */
export function menuLabel(command: UserCommandSpec): string {
  return command.opensDialog === true ? `${command.label}…` : command.label;
}

export function userCommand(id: UserCommandId): UserCommand {
  const found = ALL_COMMANDS.find((command) => command.id === id);
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

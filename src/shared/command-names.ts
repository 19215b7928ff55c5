/**
 * The names of every IPC command, without their schemas, so the preload can build the API
 * object without bundling zod. contract.ts pairs each name with its schemas.
 */
export const COMMAND_NAMES = [
  'getTimeline',
  'listEvents',
  'createEvent',
  'updateEvent',
  'moveEvent',
  'deleteEvent',
  'addFollowUp',
  'addLane',
  'updateLane',
  'moveLane',
  'deleteLane',
  'updateStory',
  'addEra',
  'updateEra',
  'deleteEra',
  'exportJson',
  'exportAs',
  'exportChronology',
  'getHistory',
  'undo',
  'redo',
  'previewImport',
  'applyImport',
  'cancelImport',
  'listBackups',
  'restoreBackup',
  'watchStoreStatus',
  'resolveExternalChange',
  'listStories',
  'createStory',
  'duplicateStory',
  'deleteStory',
  'restoreStory',
  'openStory',
  'importAsNewStory',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

/** The IPC channel of a command. */
export function channelOf(name: CommandName): string {
  return `timeline-desk:${name}`;
}

/** The channel on which the main process tells the window to run a user command (menu click). */
export const MENU_COMMAND_CHANNEL = 'timeline-desk:menu-command';

/** The channel on which the main process hands the window a file the system asked to open. */
export const OPEN_FILE_CHANNEL = 'timeline-desk:open-file';

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMAND_NAMES as readonly string[]).includes(value);
}
